#!/usr/bin/env bash
# The backup/restore suite, run by run-tests.sh (and so by CI). It installs what it needs when
# missing: bats from npm into tests/backup/.tools, and from Debian the PostgreSQL client,
# the shell linter, age, rsync and rclone. The tests use the PostgreSQL server at 127.0.0.1:5432
# (override with LAFAOM_TEST_PG_BASE=postgresql://user@host:port).
set -Eeuo pipefail
cd "$(dirname "$0")"

readonly BATS_VERSION=1.13.0

install_debian_packages() {
  local wanted=(psql:postgresql-client pg_dump:postgresql-client shellcheck:shellcheck age:age
    age-keygen:age rsync:rsync rclone:rclone flock:util-linux sha1sum:coreutils)
  local pair packages=()
  for pair in "${wanted[@]}"; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || packages+=("${pair#*:}")
  done
  ((${#packages[@]} > 0)) || return 0
  mapfile -t packages < <(printf '%s\n' "${packages[@]}" | sort -u)
  if ((EUID != 0)); then
    echo "missing Debian packages: ${packages[*]} (install them as root)" >&2
    exit 1
  fi
  echo "installing ${packages[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
}

readonly BATS=.tools/node_modules/bats/bin/bats

install_bats() {
  if [[ "$("$BATS" --version 2>/dev/null)" != "Bats $BATS_VERSION" ]]; then
    echo "installing bats $BATS_VERSION from npm"
    mkdir -p .tools
    [[ -f .tools/package.json ]] || echo '{"private": true}' >.tools/package.json
    npm install --prefix .tools --no-audit --no-fund --loglevel=error "bats@$BATS_VERSION" >/dev/null
  fi
}

wait_for_postgres() {
  local base="${LAFAOM_TEST_PG_BASE:-postgresql://postgres@127.0.0.1:5432}" i
  for ((i = 0; i < 60; i++)); do
    psql -X -At --no-password -d "$base/postgres" -c 'SELECT 1' >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "no PostgreSQL answers at $base" >&2
  exit 1
}

install_debian_packages
install_bats
wait_for_postgres

# TAP output, kept to count the results for the closing line CI reads.
results="$(mktemp)"
trap 'rm -f "$results"' EXIT
status=0
"$BATS" --formatter tap --timing ./*.bats | tee "$results" || status=$?
passed="$(grep -c '^ok ' "$results" || true)"
failed="$(grep -c '^not ok ' "$results" || true)"
echo "backup: $passed passed, $failed failed"
if ((status == 0 && failed == 0 && passed == 0)); then
  echo "backup: no test ran" >&2
  exit 1
fi
exit "$status"

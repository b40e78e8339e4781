#!/usr/bin/env bash
# Production-stack checks, run by ./run-tests.sh (and so by CI). There is no Docker engine on
# the machines that run it, so every check uses the real tool that reads the file in
# production, or Debian's build of the same program; this script installs them when missing.
#
#   tests/stack/run.sh              # all checks
#   tests/stack/run.sh -k caddy     # extra arguments go to pytest
#
# Needs PostgreSQL on 127.0.0.1:5432 (trust auth) and Redis on 127.0.0.1:6379, as on CI.
set -Eeuo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$here"

# command (or check) -> Debian package providing it
needs=(
  "docker-compose:docker-compose"                    # renders docker-compose.yml (interpolation, :? errors)
  "caddy:caddy"                                      # caddy validate / fmt / run on deploy/caddy/Caddyfile
  "promtool:prometheus"                              # promtool check config / rules, promtool test rules
  "amtool:prometheus-alertmanager"                   # amtool check-config
  "prometheus-node-exporter:prometheus-node-exporter"          # metric names, backup textfile format
  "prometheus-postgres-exporter:prometheus-postgres-exporter"  # metric names of both databases
  "prometheus-redis-exporter:prometheus-redis-exporter"        # metric names of Redis
  "shellcheck:shellcheck"
  "php:php8.2-cli"                                   # the Moodle image's PHP code
  "php-pgsql:php8.2-pgsql"
  "python-modules:python3-pytest python3-yaml"
  "psql:postgresql-client"
  "curl:curl"
)
present() {
  case "$1" in
    php-pgsql) command -v php >/dev/null && php -m 2>/dev/null | grep -x pgsql >/dev/null ;;
    python-modules) /usr/bin/python3 -c 'import pytest, yaml' 2>/dev/null ;;
    *) command -v "$1" >/dev/null ;;
  esac
}
missing=()
for need in "${needs[@]}"; do
  if ! present "${need%%:*}"; then
    read -r -a packages <<<"${need#*:}"
    missing+=("${packages[@]}")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "stack tests: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v npm >/dev/null || { echo "stack tests: npm is missing (Node.js 18 or newer)" >&2; exit 1; }
# dclint carries the current Compose Specification schema; versions pinned by package-lock.json.
if [ ! -x node_modules/.bin/dclint ]; then
  npm ci --no-audit --no-fund --silent
fi

# Debian's python (python3-pytest, python3-yaml), not whichever python3 is first on PATH.
exec /usr/bin/python3 -m pytest -p no:cacheprovider -q "$@"

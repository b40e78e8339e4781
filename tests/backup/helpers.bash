# shellcheck shell=bash
# Set-up and assertions shared by the backup suite's bats files.

# shellcheck source=tests/backup/fixtures.bash
. "$BATS_TEST_DIRNAME/fixtures.bash"
# shellcheck source=scripts/lib/backup-common.sh
. "$REPO_ROOT/scripts/lib/backup-common.sh"

readonly EXCLUDED=(cache localcache sessions temp trashdir)
# Databases of this suite start with this prefix; a crashed run's leftovers are dropped at start.
readonly DB_PREFIX=lafaom_bktest

suite_setup_file() {
  drop_databases_like "${DB_PREFIX}_%"
  fixture_create_backend_db "${DB_PREFIX}_tpl_backend"
  local empty
  empty="$(fixture_empty_tables "${DB_PREFIX}_tpl_backend")"
  if [[ -n "$empty" ]]; then
    echo "the seed left these backend tables empty: $empty" >&2
    return 1
  fi
  fixture_create_moodle_db "${DB_PREFIX}_tpl_moodle"
  fixture_create_moodledata "$BATS_FILE_TMPDIR/tpl-moodledata"
  fixture_create_uploads "$BATS_FILE_TMPDIR/tpl-uploads"
}

suite_teardown_file() {
  drop_databases_like "${DB_PREFIX}_%"
}

# Each test gets its own databases (copies of the templates), folders and BACKUP_DIR.
suite_setup() {
  TEST_DB="${DB_PREFIX}_t${BATS_TEST_NUMBER}"
  fixture_copy_db "${DB_PREFIX}_tpl_backend" "${TEST_DB}_backend"
  fixture_copy_db "${DB_PREFIX}_tpl_moodle" "${TEST_DB}_moodle"
  cp -a -- "$BATS_FILE_TMPDIR/tpl-moodledata" "$BATS_TEST_TMPDIR/moodledata"
  cp -a -- "$BATS_FILE_TMPDIR/tpl-uploads" "$BATS_TEST_TMPDIR/uploads"
  export BACKEND_DATABASE_URL MOODLE_DATABASE_URL
  BACKEND_DATABASE_URL="$(fixture_url "${TEST_DB}_backend")"
  MOODLE_DATABASE_URL="$(fixture_url "${TEST_DB}_moodle")"
  export MOODLEDATA_DIR="$BATS_TEST_TMPDIR/moodledata"
  export UPLOADS_DIR="$BATS_TEST_TMPDIR/uploads"
  export BACKUP_DIR="$BATS_TEST_TMPDIR/backups"
  export BACKUP_METRICS_DIR="$BATS_TEST_TMPDIR/metrics"
  export BACKUP_KEEP_DAILY=7 BACKUP_KEEP_WEEKLY=4
  unset BACKUP_AGE_RECIPIENTS_FILE BACKUP_AGE_IDENTITY_FILE BACKUP_RSYNC_DEST BACKUP_RCLONE_DEST
}

suite_teardown() {
  drop_databases_like "${TEST_DB}_%"
}

drop_databases_like() {
  local db
  while IFS= read -r db; do
    [[ -z "$db" ]] || fixture_drop_db "$db"
  done < <(fixture_psql postgres -At -v pattern="$1" <<<"SELECT datname FROM pg_database WHERE datname LIKE :'pattern'")
}

database_exists() {
  [[ "$(fixture_psql postgres -At -v db="$1" <<<"SELECT count(*) FROM pg_database WHERE datname = :'db'")" == 1 ]]
}

# Fingerprints of the four things a backup holds, into DIR/{backend,moodle,moodledata,uploads}.
fingerprint_all() {
  local out="$1" backend="${2:-${TEST_DB}_backend}" moodle="${3:-${TEST_DB}_moodle}"
  local moodledata="${4:-$MOODLEDATA_DIR}" uploads="${5:-$UPLOADS_DIR}"
  mkdir -p -- "$out"
  fixture_db_fingerprint "$backend" >"$out/backend"
  fixture_db_fingerprint "$moodle" >"$out/moodle"
  fixture_dir_fingerprint "$moodledata" "${EXCLUDED[@]}" >"$out/moodledata"
  fixture_dir_fingerprint "$uploads" >"$out/uploads"
}

assert_same_fingerprints() {
  local part
  for part in backend moodle moodledata uploads; do
    if ! diff -u "$1/$part" "$2/$part" >&2; then
      echo "$part differs between $1 and $2" >&2
      return 1
    fi
  done
}

backup_sh() {
  "$REPO_ROOT/scripts/backup.sh" "$@"
}

restore_sh() {
  "$REPO_ROOT/scripts/restore.sh" "$@"
}

complete_backups() {
  lafaom_list_backups "$BACKUP_DIR"
}

only_backup() {
  local names
  names="$(complete_backups)"
  [[ -n "$names" && "$names" != *$'\n'* ]] || {
    echo "expected exactly one complete backup, found: ${names:-none}" >&2
    return 1
  }
  printf '%s\n' "$BACKUP_DIR/$names"
}

# No folder that could be taken for a backup: no complete one, no partial one left behind.
assert_no_backup_left() {
  local found
  found="$(complete_backups)"
  [[ -z "$found" ]] || { echo "unexpected complete backups: $found" >&2; return 1; }
  found="$(find "$BACKUP_DIR" -mindepth 1 -maxdepth 1 -name '*.partial' 2>/dev/null)"
  [[ -z "$found" ]] || { echo "partial folders left: $found" >&2; return 1; }
}

# refute COMMAND...: fails when COMMAND succeeds ("! command" does not fail a bats test).
refute() {
  if "$@"; then
    echo "expected this to fail: $*" >&2
    return 1
  fi
}

# shellcheck disable=SC2154 # bats' run sets output
assert_output_contains() {
  [[ "$output" == *"$1"* ]] || {
    printf 'expected the output to contain: %s\noutput was:\n%s\n' "$1" "$output" >&2
    return 1
  }
}

metric() {
  awk -v name="$1" '$1 == name {print $2}' "$BACKUP_METRICS_DIR/lafaom_backup.prom"
}

# A complete backup as retention sees it: a dated folder with a MANIFEST.
make_fake_backup() {
  mkdir -p -- "$BACKUP_DIR/$1"
  printf 'format 1\nname %s\n' "$1" >"$BACKUP_DIR/$1/MANIFEST"
}

days_ago_name() {
  printf 'lafaom-%sT020000Z\n' "$(date -u -d "$1 days ago" +%Y%m%d)"
}

# A folder of stand-in commands, first on PATH for one test.
fake_bin() {
  mkdir -p -- "$BATS_TEST_TMPDIR/bin"
  cat >"$BATS_TEST_TMPDIR/bin/$1"
  chmod +x -- "$BATS_TEST_TMPDIR/bin/$1"
  export PATH="$BATS_TEST_TMPDIR/bin:$PATH"
}

# The first pg_dump of the test stops until release_pg_dump: a backup that is surely running.
pause_first_pg_dump() {
  local real
  real="$(command -v pg_dump)"
  mkfifo "$BATS_TEST_TMPDIR/paused" "$BATS_TEST_TMPDIR/go"
  fake_bin pg_dump <<EOF
#!/usr/bin/env bash
if [[ "\$1" != --version && ! -e "$BATS_TEST_TMPDIR/released" ]]; then
  touch "$BATS_TEST_TMPDIR/released"
  echo paused >"$BATS_TEST_TMPDIR/paused"
  read -r _ <"$BATS_TEST_TMPDIR/go"
fi
exec "$real" "\$@"
EOF
}

wait_until_pg_dump_paused() {
  read -r _ <"$BATS_TEST_TMPDIR/paused"
}

release_pg_dump() {
  echo go >"$BATS_TEST_TMPDIR/go"
}

# wait_for COMMAND...: retries for up to 30 s; a readiness wait, not a timing assertion.
wait_for() {
  local i
  for ((i = 0; i < 300; i++)); do
    "$@" && return 0
    sleep 0.1
  done
  echo "gave up waiting for: $*" >&2
  return 1
}

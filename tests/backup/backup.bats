#!/usr/bin/env bats
# scripts/backup.sh and scripts/restore.sh against the real PostgreSQL at 127.0.0.1:5432:
# the round trip, then every way a backup or a restore can fail.

# Each test runs in its own process: settings exported in one never reach another.
# shellcheck disable=SC2030,SC2031

bats_require_minimum_version 1.5.0

setup_file() {
  load helpers
  suite_setup_file
}

teardown_file() {
  load helpers
  suite_teardown_file
}

setup() {
  load helpers
  suite_setup
}

teardown() {
  suite_teardown
}

# --- the round trip -----------------------------------------------------------------------------

@test "a backup restored after the databases and folders are gone is identical, row for row and file for file" {
  fingerprint_all "$BATS_TEST_TMPDIR/before"
  run -0 backup_sh
  local backup
  backup="$(only_backup)"
  [[ -f "$backup/backend.pgdump" && -f "$backup/moodle.pgdump" ]]
  [[ -f "$backup/moodledata.tar.gz" && -f "$backup/uploads.tar.gz" ]]

  fixture_drop_db "${TEST_DB}_backend"
  fixture_drop_db "${TEST_DB}_moodle"
  rm -rf -- "$MOODLEDATA_DIR" "$UPLOADS_DIR"

  run -0 restore_sh "${backup##*/}"
  assert_output_contains "restore of ${backup##*/} complete"
  fingerprint_all "$BATS_TEST_TMPDIR/after"
  assert_same_fingerprints "$BATS_TEST_TMPDIR/before" "$BATS_TEST_TMPDIR/after"
  [[ -z "$(fixture_empty_tables "${TEST_DB}_backend")" ]]
  # Moodle's caches, sessions, temp files and trash were left out; a deeper "cache" was not.
  local dir
  for dir in "${EXCLUDED[@]}"; do
    [[ ! -e "$MOODLEDATA_DIR/$dir" ]]
  done
  [[ "$(cat "$MOODLEDATA_DIR/filedir/ab/cache/keep-me")" == kept ]]
  refute database_exists "${TEST_DB}_backend_restoring"
}

@test "the manifest lists every file with its size and SHA-256, the tools and the servers" {
  run -0 backup_sh
  local backup
  backup="$(only_backup)"
  (cd "$backup" && awk '$1 == "file" {print $4 "  " $2}' MANIFEST | sha256sum --check --strict)
  local name
  for name in backend.pgdump moodle.pgdump moodledata.tar.gz uploads.tar.gz; do
    grep -Eq "^file $name $(stat -c %s "$backup/$name") [0-9a-f]{64}$" "$backup/MANIFEST"
  done
  grep -q '^tool pg_dump pg_dump (PostgreSQL) ' "$backup/MANIFEST"
  grep -q '^tool tar tar (GNU tar) ' "$backup/MANIFEST"
  grep -q '^server backend PostgreSQL ' "$backup/MANIFEST"
  grep -q '^server moodle PostgreSQL ' "$backup/MANIFEST"
  grep -q "^database backend ${TEST_DB}_backend UTF8 " "$backup/MANIFEST"
  grep -q '^excluded moodledata cache localcache sessions temp trashdir$' "$backup/MANIFEST"
  tar -tzf "$backup/moodledata.tar.gz" >"$BATS_TEST_TMPDIR/members"
  refute grep -Eq '^\./(cache|localcache|sessions|temp|trashdir)(/|$)' "$BATS_TEST_TMPDIR/members"
  grep -qx './filedir/ab/cache/keep-me' "$BATS_TEST_TMPDIR/members"
  # Backups hold personal data: the folder is private to its owner.
  [[ "$(stat -c %a "$backup")" == 700 ]]
}

@test "a successful run writes its metrics for Prometheus" {
  run -0 backup_sh
  local backup file="$BACKUP_METRICS_DIR/lafaom_backup.prom"
  backup="$(only_backup)"
  [[ "$(metric lafaom_backup_last_status)" == 1 ]]
  [[ "$(metric lafaom_backup_last_success_timestamp_seconds)" == "$(metric lafaom_backup_last_run_timestamp_seconds)" ]]
  (($(metric lafaom_backup_last_run_timestamp_seconds) >= $(date +%s) - 600))
  [[ "$(metric lafaom_backup_last_size_bytes)" == "$(du -sb "$backup" | cut -f1)" ]]
  [[ "$(metric lafaom_backup_last_duration_seconds)" =~ ^[0-9]+$ ]]
  # Textfile collector format: HELP/TYPE comments and "name value" samples only.
  refute grep -Ev '^(# (HELP|TYPE) lafaom_backup_[a-z_]+ .+|lafaom_backup_[a-z_]+ [0-9]+)$' "$file"
  [[ "$(stat -c %a "$file")" == 644 ]]
  [[ -z "$(find "$BACKUP_METRICS_DIR" -name '*.prom.*')" ]]
}

# --- backup failures ------------------------------------------------------------------------------

@test "an unreachable database fails the run, keeps no backup and keeps the last success in the metrics" {
  run -0 backup_sh
  local first last_success
  first="$(only_backup)"
  last_success="$(metric lafaom_backup_last_success_timestamp_seconds)"
  rm -rf -- "$first"

  BACKEND_DATABASE_URL="postgresql://postgres@127.0.0.1:1/lafaom_db" run -1 backup_sh
  assert_output_contains "cannot reach the backend database at postgresql://postgres@127.0.0.1:1/lafaom_db"
  assert_output_contains "backup failed while checking the database servers"
  assert_no_backup_left
  [[ "$(metric lafaom_backup_last_status)" == 0 ]]
  [[ "$(metric lafaom_backup_last_success_timestamp_seconds)" == "$last_success" ]]
  [[ "$(metric lafaom_backup_last_size_bytes)" == 0 ]]
}

@test "a database server that goes away in the middle of pg_dump fails the run and leaves nothing" {
  # Hold a lock pg_dump needs, wait until pg_dump waits on it, then cut its connection as a
  # dying server would.
  fixture_psql "${TEST_DB}_backend" -c "BEGIN; LOCK TABLE users IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(120);" \
    >/dev/null 2>&1 3>&- &
  local holder=$!
  "$REPO_ROOT/scripts/backup.sh" >"$BATS_TEST_TMPDIR/out" 2>&1 3>&- &
  local job=$!
  pg_dump_is_waiting() {
    [[ "$(fixture_psql postgres -At -v db="${TEST_DB}_backend" <<<"SELECT count(*) FROM pg_stat_activity
      WHERE datname = :'db' AND application_name = 'pg_dump' AND wait_event_type = 'Lock'")" -gt 0 ]]
  }
  wait_for pg_dump_is_waiting
  fixture_psql postgres -At -v db="${TEST_DB}_backend" >/dev/null <<<"SELECT pg_terminate_backend(pid)
    FROM pg_stat_activity WHERE datname = :'db' AND application_name = 'pg_dump'"
  local status=0
  wait "$job" || status=$?
  fixture_psql postgres -At -v db="${TEST_DB}_backend" >/dev/null <<<"SELECT pg_terminate_backend(pid)
    FROM pg_stat_activity WHERE datname = :'db'"
  wait "$holder" || true
  output="$(cat "$BATS_TEST_TMPDIR/out")"
  ((status == 1))
  assert_output_contains "pg_dump of the backend database ${TEST_DB}_backend failed"
  assert_output_contains "no backup was kept"
  assert_no_backup_left
  [[ "$(metric lafaom_backup_last_status)" == 0 ]]
}

@test "a pg_dump older than the database server is refused before anything is dumped" {
  fake_bin pg_dump <<'EOF'
#!/usr/bin/env bash
if [[ "$1" == --version ]]; then echo "pg_dump (PostgreSQL) 14.11"; exit 0; fi
echo "this pg_dump must not be used to dump" >&2
exit 99
EOF
  run -1 backup_sh
  assert_output_contains "pg_dump 14 is older than the PostgreSQL $(($(fixture_psql postgres -At -c 'SHOW server_version_num') / 10000)) server of the backend database"
  [[ "$output" != *"must not be used"* ]]
  assert_no_backup_left
}

@test "a missing folder or setting is named in the error" {
  MOODLEDATA_DIR="$BATS_TEST_TMPDIR/nowhere" run -1 backup_sh
  assert_output_contains "moodledata folder $BATS_TEST_TMPDIR/nowhere does not exist (check MOODLEDATA_DIR)"
  assert_no_backup_left

  unset MOODLE_DATABASE_URL
  run -2 backup_sh
  assert_output_contains "MOODLE_DATABASE_URL is not set"

  MOODLE_DATABASE_URL="mysql://moodle" run -2 backup_sh
  assert_output_contains "MOODLE_DATABASE_URL must be a libpq URL"

  BACKUP_KEEP_DAILY=0 run -2 backup_sh
  assert_output_contains "BACKUP_KEEP_DAILY must be a whole number >= 1"
  assert_no_backup_left
}

@test "a database URL can come from a file (Docker secret), not from both" {
  printf '%s' "$MOODLE_DATABASE_URL" >"$BATS_TEST_TMPDIR/moodle-url"
  MOODLE_DATABASE_URL_FILE="$BATS_TEST_TMPDIR/moodle-url" run -2 backup_sh
  assert_output_contains "set MOODLE_DATABASE_URL or MOODLE_DATABASE_URL_FILE, not both"
  local url="$MOODLE_DATABASE_URL"
  unset MOODLE_DATABASE_URL
  MOODLE_DATABASE_URL_FILE="$BATS_TEST_TMPDIR/moodle-url" run -0 backup_sh
  grep -q "^database moodle ${url##*/} " "$(only_backup)/MANIFEST"
}

@test "a second run while one is running is refused, and so is a restore; the first completes" {
  pause_first_pg_dump
  backup_sh >"$BATS_TEST_TMPDIR/first" 2>&1 3>&- &
  local first=$!
  wait_until_pg_dump_paused

  run -75 backup_sh
  assert_output_contains "another backup or restore is running (it holds the lock $BACKUP_DIR/.lock); this backup was not started"
  mkdir -p "$BATS_TEST_TMPDIR/elsewhere/lafaom-20260101T020000Z"
  echo 'format 1' >"$BATS_TEST_TMPDIR/elsewhere/lafaom-20260101T020000Z/MANIFEST"
  run -75 restore_sh --verify-only "$BATS_TEST_TMPDIR/elsewhere/lafaom-20260101T020000Z"
  assert_output_contains "this restore was not started"
  [[ -z "$(complete_backups)" ]]

  release_pg_dump
  wait "$first"
  only_backup
  [[ "$(metric lafaom_backup_last_status)" == 1 ]]
}

@test "a run stopped by SIGTERM removes its partial folder and reports a failure" {
  pause_first_pg_dump
  "$REPO_ROOT/scripts/backup.sh" >"$BATS_TEST_TMPDIR/out" 2>&1 3>&- &
  local job=$!
  wait_until_pg_dump_paused
  kill -TERM "$job"
  release_pg_dump
  local status=0
  wait "$job" || status=$?
  ((status == 143))
  grep -q "backup failed while dumping the backend database" "$BATS_TEST_TMPDIR/out"
  assert_no_backup_left
  [[ "$(metric lafaom_backup_last_status)" == 0 ]]
}

@test "a partial folder left by a killed run is removed by the next run, never restored" {
  mkdir -p "$BACKUP_DIR/.lafaom-20260101T020000Z.partial"
  echo half >"$BACKUP_DIR/.lafaom-20260101T020000Z.partial/backend.pgdump"
  run -1 restore_sh "$BACKUP_DIR/.lafaom-20260101T020000Z.partial"
  assert_output_contains "has no MANIFEST: it is not a complete backup"
  run -0 backup_sh
  assert_output_contains "removing $BACKUP_DIR/.lafaom-20260101T020000Z.partial, left by an interrupted run"
  [[ ! -e "$BACKUP_DIR/.lafaom-20260101T020000Z.partial" ]]
  only_backup
}

# --- retention ------------------------------------------------------------------------------------

@test "retention keeps exactly the newest backup of N days and of M earlier weeks" {
  export BACKUP_KEEP_DAILY=3 BACKUP_KEEP_WEEKLY=2
  local day
  for day in $(seq -w 1 31); do
    make_fake_backup "lafaom-202601${day}T020000Z"
  done
  make_fake_backup lafaom-20260131T010000Z # an earlier run the same day
  mkdir -p "$BACKUP_DIR/lafaom-20251201T020000Z" "$BACKUP_DIR/notes" # no MANIFEST: not ours to delete
  run -0 backup_sh --prune-only
  # 2026-01-29..31 are the 3 days; they fall in ISO week 2026-W05, so the weeks are W04 (newest:
  # Sunday 25th) and W03 (Sunday 18th).
  [[ "$(complete_backups | tr '\n' ' ')" == "lafaom-20260118T020000Z lafaom-20260125T020000Z lafaom-20260129T020000Z lafaom-20260130T020000Z lafaom-20260131T020000Z " ]]
  [[ -d "$BACKUP_DIR/lafaom-20251201T020000Z" && -d "$BACKUP_DIR/notes" ]]
}

@test "with a full retention window a new backup replaces the oldest one: still N daily + M weekly" {
  export BACKUP_KEEP_DAILY=3 BACKUP_KEEP_WEEKLY=2
  local n
  # Days 1 and 2 ago, then one in each of three earlier weeks (8+ days apart from the dailies).
  for n in 1 2 10 17 24; do
    make_fake_backup "$(days_ago_name "$n")"
  done
  run -0 backup_sh
  assert_output_contains "pruning $(days_ago_name 24)"
  local kept
  kept="$(complete_backups)"
  [[ "$(wc -l <<<"$kept")" == 5 ]]
  for n in 1 2 10 17; do
    grep -qx "$(days_ago_name "$n")" <<<"$kept"
  done
  grep -qx "lafaom-$(date -u +%Y%m%d)T[0-9]\{6\}Z" <<<"$kept"
}

@test "a failing run with a full retention window deletes nothing" {
  export BACKUP_KEEP_DAILY=3 BACKUP_KEEP_WEEKLY=2
  local n before
  for n in 1 2 10 17 24 31; do
    make_fake_backup "$(days_ago_name "$n")"
  done
  before="$(complete_backups)"
  BACKEND_DATABASE_URL="postgresql://postgres@127.0.0.1:1/lafaom_db" run -1 backup_sh
  [[ "$(complete_backups)" == "$before" ]]
  [[ -z "$(find "$BACKUP_DIR" -maxdepth 1 -name '*.partial')" ]]
}

# --- restore checks -------------------------------------------------------------------------------

@test "a corrupt archive fails the sum check and nothing is changed" {
  run -0 backup_sh
  local backup
  backup="$(only_backup)"
  fingerprint_all "$BATS_TEST_TMPDIR/before"
  # Flip one byte in the middle of the moodledata archive.
  printf '\xff' | dd of="$backup/moodledata.tar.gz" bs=1 seek=5000 conv=notrunc status=none
  run -1 restore_sh --force "$backup"
  assert_output_contains "moodledata.tar.gz has SHA-256"
  assert_output_contains "(corrupt)"
  assert_output_contains "failed its integrity check; nothing was changed"
  fingerprint_all "$BATS_TEST_TMPDIR/after"
  assert_same_fingerprints "$BATS_TEST_TMPDIR/before" "$BATS_TEST_TMPDIR/after"
}

@test "a truncated dump is detected by its size and nothing is changed" {
  run -0 backup_sh
  local backup
  backup="$(only_backup)"
  truncate -s 1000 "$backup/backend.pgdump"
  run -1 restore_sh --verify-only "$backup"
  assert_output_contains "backend.pgdump has 1000 bytes, the manifest says"
  assert_output_contains "(truncated or replaced)"
  run -1 restore_sh --force --backend-db "${TEST_DB}_drill" --moodle-db "${TEST_DB}_drill_m" \
    --moodledata-dir "$BATS_TEST_TMPDIR/drill/md" --uploads-dir "$BATS_TEST_TMPDIR/drill/up" "$backup"
  refute database_exists "${TEST_DB}_drill"
  [[ ! -e "$BATS_TEST_TMPDIR/drill" ]]
}

@test "a sum in the manifest that does not match its file stops the restore" {
  run -0 backup_sh
  local backup
  backup="$(only_backup)"
  sed -i -E 's/^(file uploads\.tar\.gz [0-9]+ )[0-9a-f]{64}$/\1'"$(printf '0%.0s' {1..64})"'/' "$backup/MANIFEST"
  run -1 restore_sh --verify-only "$backup"
  assert_output_contains "uploads.tar.gz has SHA-256 $(sha256sum "$backup/uploads.tar.gz" | cut -c1-64), the manifest says $(printf '0%.0s' {1..64})"
}

@test "an archive damaged before its sum was taken is caught by reading it back, before any change" {
  run -0 backup_sh
  local backup size sum
  backup="$(only_backup)"
  # Cut the archive and make the manifest agree: only reading the archive to its end can tell.
  head -c 100000 "$backup/uploads.tar.gz" >"$backup/cut" && mv "$backup/cut" "$backup/uploads.tar.gz"
  size="$(stat -c %s "$backup/uploads.tar.gz")"
  sum="$(sha256sum "$backup/uploads.tar.gz" | cut -c1-64)"
  sed -i -E "s/^file uploads\.tar\.gz .*/file uploads.tar.gz $size $sum/" "$backup/MANIFEST"
  rm -rf -- "$UPLOADS_DIR"
  run -1 restore_sh "$backup"
  assert_output_contains "uploads.tar.gz cannot be read to its end (damaged archive or wrong identity); nothing was changed"
  [[ ! -e "$UPLOADS_DIR" ]]
}

@test "restore refuses to replace existing data without --force, and replaces it with --force" {
  run -0 backup_sh
  local backup
  backup="$(only_backup)"
  fingerprint_all "$BATS_TEST_TMPDIR/at-backup"
  # Life goes on after the backup.
  fixture_psql "${TEST_DB}_backend" -c "DELETE FROM addresses"
  fixture_psql "${TEST_DB}_moodle" -c "UPDATE mdl_user SET email = 'changed@example.org'"
  echo new >"$UPLOADS_DIR/new-upload.pdf"
  rm -- "$MOODLEDATA_DIR/muc/config.php"
  fingerprint_all "$BATS_TEST_TMPDIR/changed"

  run -1 restore_sh "$backup"
  assert_output_contains "the backend database ${TEST_DB}_backend exists and holds"
  assert_output_contains "the Moodle database ${TEST_DB}_moodle exists and holds"
  assert_output_contains "the moodledata folder $MOODLEDATA_DIR is not empty"
  assert_output_contains "the uploads folder $UPLOADS_DIR is not empty"
  assert_output_contains "nothing was changed (--force replaces targets that hold data"
  fingerprint_all "$BATS_TEST_TMPDIR/after-refusal"
  assert_same_fingerprints "$BATS_TEST_TMPDIR/changed" "$BATS_TEST_TMPDIR/after-refusal"

  run -0 restore_sh --force "$backup"
  fingerprint_all "$BATS_TEST_TMPDIR/after-force"
  assert_same_fingerprints "$BATS_TEST_TMPDIR/at-backup" "$BATS_TEST_TMPDIR/after-force"
}

@test "a read-only target folder is found before anything is restored" {
  run -0 backup_sh
  local backup
  backup="$(only_backup)"
  fingerprint_all "$BATS_TEST_TMPDIR/before"
  mkdir -p "$BATS_TEST_TMPDIR/ro"
  # A read-only bind mount, as a volume mounted ":ro" in the backup container.
  mount --bind "$UPLOADS_DIR" "$BATS_TEST_TMPDIR/ro" || skip "cannot bind-mount here"
  mount -o remount,bind,ro "$BATS_TEST_TMPDIR/ro" || { umount "$BATS_TEST_TMPDIR/ro"; skip "cannot remount read-only here"; }
  run -1 restore_sh --force --uploads-dir "$BATS_TEST_TMPDIR/ro" "$backup"
  umount "$BATS_TEST_TMPDIR/ro"
  assert_output_contains "the uploads folder $BATS_TEST_TMPDIR/ro cannot be written (a read-only mount? --force does not help)"
  assert_output_contains "nothing was changed"
  fingerprint_all "$BATS_TEST_TMPDIR/after"
  assert_same_fingerprints "$BATS_TEST_TMPDIR/before" "$BATS_TEST_TMPDIR/after"
}

@test "a restore drill into other database names and folders leaves the live data alone" {
  run -0 backup_sh
  local backup
  backup="$(only_backup)"
  fingerprint_all "$BATS_TEST_TMPDIR/at-backup"
  fixture_psql "${TEST_DB}_moodle" -c "DELETE FROM mdl_logstore_standard_log WHERE id % 2 = 0"
  fingerprint_all "$BATS_TEST_TMPDIR/live"

  run -0 restore_sh --backend-db "${TEST_DB}_drill_backend" --moodle-db "${TEST_DB}_drill_moodle" \
    --moodledata-dir "$BATS_TEST_TMPDIR/drill/moodledata" --uploads-dir "$BATS_TEST_TMPDIR/drill/uploads" "${backup##*/}"
  fingerprint_all "$BATS_TEST_TMPDIR/drill-fp" "${TEST_DB}_drill_backend" "${TEST_DB}_drill_moodle" \
    "$BATS_TEST_TMPDIR/drill/moodledata" "$BATS_TEST_TMPDIR/drill/uploads"
  assert_same_fingerprints "$BATS_TEST_TMPDIR/at-backup" "$BATS_TEST_TMPDIR/drill-fp"
  fingerprint_all "$BATS_TEST_TMPDIR/live-after"
  assert_same_fingerprints "$BATS_TEST_TMPDIR/live" "$BATS_TEST_TMPDIR/live-after"
}

@test "a pg_restore that fails leaves the existing database as it was and no temporary database" {
  run -0 backup_sh
  local backup real
  backup="$(only_backup)"
  fingerprint_all "$BATS_TEST_TMPDIR/before"
  real="$(command -v pg_restore)"
  fake_bin pg_restore <<EOF
#!/usr/bin/env bash
# Reads archives like the real one, fails half-way through a restore.
for arg in "\$@"; do
  if [[ "\$arg" == --list || "\$arg" == --version ]]; then exec "$real" "\$@"; fi
done
echo "pg_restore: error: could not execute query: ERROR:  out of shared memory" >&2
exit 1
EOF
  run -1 restore_sh --force "$backup"
  assert_output_contains "pg_restore of the backend database failed (see the message above); ${TEST_DB}_backend was not changed"
  refute database_exists "${TEST_DB}_backend_restoring"
  fingerprint_all "$BATS_TEST_TMPDIR/after"
  assert_same_fingerprints "$BATS_TEST_TMPDIR/before" "$BATS_TEST_TMPDIR/after"
}

@test "a backup made by a newer pg_dump than the local pg_restore is refused before any change" {
  run -0 backup_sh
  local backup newer
  backup="$(only_backup)"
  newer=$(($(lafaom_tool_major pg_restore) + 1))
  sed -i -E "s/^tool pg_dump .*/tool pg_dump pg_dump (PostgreSQL) $newer.0/" "$backup/MANIFEST"
  run -1 restore_sh --force "$backup"
  assert_output_contains "pg_restore $((newer - 1)) cannot read dumps made by pg_dump $newer: use pg_restore $newer or newer"
  assert_output_contains "nothing was changed"
}

@test "restore names the backup folder when it is missing or has no complete backup" {
  run -1 restore_sh "$BATS_TEST_TMPDIR/no-such-backup"
  assert_output_contains "no backup folder at $BATS_TEST_TMPDIR/no-such-backup"
  mkdir -p "$BACKUP_DIR"
  run -1 restore_sh latest
  assert_output_contains "there is no complete backup in $BACKUP_DIR"
  run -2 restore_sh
  assert_output_contains "name the backup to restore"
}

# --- encryption and off-site copies -----------------------------------------------------------------

@test "with age, every file is encrypted; restore needs the identity and then gives the same data" {
  age-keygen -o "$BATS_TEST_TMPDIR/identity.txt" 2>/dev/null
  age-keygen -y "$BATS_TEST_TMPDIR/identity.txt" >"$BATS_TEST_TMPDIR/recipients.txt"
  age-keygen -o "$BATS_TEST_TMPDIR/other-identity.txt" 2>/dev/null
  fingerprint_all "$BATS_TEST_TMPDIR/before"
  BACKUP_AGE_RECIPIENTS_FILE="$BATS_TEST_TMPDIR/recipients.txt" run -0 backup_sh
  local backup
  backup="$(only_backup)"
  [[ "$(cd "$backup" && LC_ALL=C && printf '%s ' *)" == "MANIFEST backend.pgdump.age moodle.pgdump.age moodledata.tar.gz.age uploads.tar.gz.age " ]]
  grep -qx 'encryption age' "$backup/MANIFEST"
  refute grep -aq 'données' "$backup/backend.pgdump.age"

  run -2 restore_sh --verify-only "$backup"
  assert_output_contains "this backup is encrypted with age: give its identity file with --identity or BACKUP_AGE_IDENTITY_FILE"
  run -1 restore_sh --verify-only --identity "$BATS_TEST_TMPDIR/other-identity.txt" "$backup"
  assert_output_contains "cannot decrypt backend.pgdump.age (wrong identity?); nothing was changed"

  fixture_drop_db "${TEST_DB}_backend"
  fixture_drop_db "${TEST_DB}_moodle"
  rm -rf -- "$MOODLEDATA_DIR" "$UPLOADS_DIR"
  BACKUP_AGE_IDENTITY_FILE="$BATS_TEST_TMPDIR/identity.txt" run -0 restore_sh "$backup"
  fingerprint_all "$BATS_TEST_TMPDIR/after"
  assert_same_fingerprints "$BATS_TEST_TMPDIR/before" "$BATS_TEST_TMPDIR/after"
  [[ -z "$(find "${TMPDIR:-/tmp}" -maxdepth 1 -name 'lafaom-restore.*' -newer "$backup/MANIFEST")" ]]
}

@test "each new backup is copied off-site with rsync and rclone, MANIFEST last, and restores from there" {
  export BACKUP_RSYNC_DEST="$BATS_TEST_TMPDIR/offsite-rsync" BACKUP_RCLONE_DEST="$BATS_TEST_TMPDIR/offsite-rclone"
  export RCLONE_CONFIG="$BATS_TEST_TMPDIR/rclone.conf"
  mkdir -p "$BACKUP_RSYNC_DEST"
  : >"$RCLONE_CONFIG"
  run -0 backup_sh
  local backup name
  backup="$(only_backup)"
  name="${backup##*/}"
  diff -r "$backup" "$BACKUP_RSYNC_DEST/$name"
  diff -r "$backup" "$BACKUP_RCLONE_DEST/$name"
  run -0 restore_sh --verify-only "$BACKUP_RCLONE_DEST/$name"
  assert_output_contains "backup $name is sound"
}

@test "a failed off-site copy fails the run but keeps the complete local backup" {
  export BACKUP_RSYNC_DEST="$BATS_TEST_TMPDIR/not/a/folder/yet"
  run -1 backup_sh
  assert_output_contains "the off-site copy with rsync to $BACKUP_RSYNC_DEST failed; the local backup"
  run -0 restore_sh --verify-only "$(only_backup)"
  [[ "$(metric lafaom_backup_last_status)" == 0 ]]
  [[ "$(metric lafaom_backup_last_success_timestamp_seconds)" == 0 ]]
}

# --- operator entry points --------------------------------------------------------------------------

@test "--help documents the settings and options" {
  run -0 backup_sh --help
  local word
  for word in BACKEND_DATABASE_URL MOODLE_DATABASE_URL MOODLEDATA_DIR UPLOADS_DIR BACKUP_DIR \
    BACKUP_KEEP_DAILY BACKUP_KEEP_WEEKLY BACKUP_METRICS_DIR BACKUP_AGE_RECIPIENTS_FILE \
    BACKUP_RSYNC_DEST BACKUP_RCLONE_DEST --prune-only "docker compose exec"; do
    assert_output_contains "$word"
  done
  run -0 restore_sh --help
  for word in --force --backend-db --moodle-db --moodledata-dir --uploads-dir --identity \
    --verify-only --list --no-owner BACKUP_AGE_IDENTITY_FILE; do
    assert_output_contains "$word"
  done
  run -2 backup_sh --frobnicate
  assert_output_contains "unknown argument: --frobnicate (see --help)"
}

@test "run by hand next to the Compose project without settings, the scripts run in the backup container" {
  local project="$BATS_TEST_TMPDIR/project"
  mkdir -p "$project"
  cp -a "$REPO_ROOT/scripts" "$project/scripts"
  : >"$project/docker-compose.yml"
  fake_bin docker <<EOF
#!/usr/bin/env bash
{ printf '%s\n' "\$PWD"; printf '[%s]' "\$@"; printf '\n'; } >>"$BATS_TEST_TMPDIR/docker-calls"
EOF
  unset BACKEND_DATABASE_URL MOODLE_DATABASE_URL
  (cd / && "$project/scripts/backup.sh" --prune-only)
  (cd "$BATS_TEST_TMPDIR" && "$project/scripts/restore.sh" --force latest)
  [[ "$(cat "$BATS_TEST_TMPDIR/docker-calls")" == "$project
[compose][exec][-T][backup][./scripts/backup.sh][--prune-only]
$project
[compose][exec][-T][backup][./scripts/restore.sh][--force][latest]" ]]

  # With its settings (as inside the container) it never dispatches.
  rm -f "$BATS_TEST_TMPDIR/docker-calls"
  BACKEND_DATABASE_URL="$(fixture_url "${TEST_DB}_backend")" MOODLE_DATABASE_URL="$(fixture_url "${TEST_DB}_moodle")" \
    run -0 "$project/scripts/backup.sh"
  [[ ! -e "$BATS_TEST_TMPDIR/docker-calls" ]]
  only_backup
}

@test "restore --list shows the complete backups" {
  run -0 backup_sh
  make_fake_backup lafaom-20260101T020000Z
  run -0 restore_sh --list
  [[ "${lines[0]}" == lafaom-20260101T020000Z* ]]
  [[ "${lines[1]}" == "$(basename "$(complete_backups | tail -n 1)")"*encryption=none ]]
}

@test "the seed names any table it cannot fill, so a new table never goes untested" {
  fixture_psql "${TEST_DB}_backend" -c "CREATE TABLE impossible (id int NOT NULL CHECK (id < 0))"
  run -3 fixture_psql "${TEST_DB}_backend" -f "$FIXTURES_DIR/seed-every-table.sql"
  assert_output_contains "the seed left tables empty: public.impossible"
}

@test "the scripts are shellcheck clean" {
  # From the repository's root, where the scripts' "shellcheck source=" paths start.
  cd "$REPO_ROOT"
  run -0 shellcheck -x scripts/backup.sh scripts/restore.sh scripts/lib/backup-common.sh \
    tests/backup/*.bash tests/backup/*.bats \
    tests/backup/run.sh bench/backup.sh
}

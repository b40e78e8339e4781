#!/usr/bin/env bash
# Times scripts/backup.sh and scripts/restore.sh, on the backup suite's seeded data (the backend
# schema with a row in every table, the Moodle-like database, moodledata and uploads) and on a
# larger Moodle-like set: BENCH_BACKUP_ROWS log rows (default 1 000 000) and BENCH_BACKUP_MB MiB
# of incompressible files in moodledata (default 200). Uses the PostgreSQL at 127.0.0.1:5432
# (LAFAOM_TEST_PG_BASE), needs the suite's tools (tests/backup/run.sh installs them).
set -Eeuo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=tests/backup/fixtures.bash
. tests/backup/fixtures.bash

rows="${BENCH_BACKUP_ROWS:-1000000}"
megabytes="${BENCH_BACKUP_MB:-200}"
work="$(mktemp -d)"
prefix=lafaom_bkbench
cleanup() {
  fixture_drop_db "${prefix}_backend" || true
  fixture_drop_db "${prefix}_moodle" || true
  rm -rf -- "$work"
}
trap cleanup EXIT

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", b - a}'; }
mib() { awk -v n="$1" 'BEGIN {printf "%.1f", n / 1048576}'; }

# measure LABEL LOG_ROWS EXTRA_MIB
measure() {
  local label="$1" log_rows="$2" extra="$3" i
  fixture_create_backend_db "${prefix}_backend"
  fixture_create_moodle_db "${prefix}_moodle" "$log_rows"
  fixture_create_moodledata "$work/moodledata"
  fixture_create_uploads "$work/uploads"
  for ((i = 0; i < extra; i++)); do
    head -c 1048576 /dev/urandom >"$work/moodledata/filedir/bench-$i.bin"
  done
  export BACKEND_DATABASE_URL MOODLE_DATABASE_URL
  BACKEND_DATABASE_URL="$(fixture_url "${prefix}_backend")"
  MOODLE_DATABASE_URL="$(fixture_url "${prefix}_moodle")"
  export MOODLEDATA_DIR="$work/moodledata" UPLOADS_DIR="$work/uploads" BACKUP_DIR="$work/backups-$label"
  local data_bytes
  data_bytes=$(($(fixture_psql postgres -At -c "SELECT sum(pg_database_size(datname)) FROM pg_database
    WHERE datname IN ('${prefix}_backend', '${prefix}_moodle')") + $(du -sb "$work/moodledata" | cut -f1) \
    + $(du -sb "$work/uploads" | cut -f1)))

  local t0 t1 t2 t3 backup
  t0="$(now)"
  scripts/backup.sh >/dev/null
  t1="$(now)"
  backup="$(lafaom_list_backups "$BACKUP_DIR" | tail -n 1)"
  fixture_drop_db "${prefix}_backend"
  fixture_drop_db "${prefix}_moodle"
  rm -rf -- "$work/moodledata" "$work/uploads"
  t2="$(now)"
  scripts/restore.sh "$backup" >/dev/null
  t3="$(now)"
  printf '| %s | %s MiB | %s MiB | %s s | %s s |\n' "$label" "$(mib "$data_bytes")" \
    "$(mib "$(du -sb "$BACKUP_DIR/$backup" | cut -f1)")" "$(seconds "$t0" "$t1")" "$(seconds "$t2" "$t3")"
}

# shellcheck source=scripts/lib/backup-common.sh
. scripts/lib/backup-common.sh
printf '%s, %s cores, PostgreSQL %s, pg_dump %s\n\n' "$(date -u +%Y-%m-%d)" "$(nproc)" \
  "$(fixture_psql postgres -At -c 'SHOW server_version')" "$(lafaom_tool_major pg_dump)"
printf '| data set | databases + files | backup size | backup | restore (verify included) |\n'
printf '|---|---|---|---|---|\n'
measure "seeded (tests)" 2000 0
measure "$rows log rows + $megabytes MiB files" "$rows" "$megabytes"

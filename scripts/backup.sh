#!/usr/bin/env bash
# Full backup of the platform: both databases, moodledata and the backend's uploads, into one
# dated folder under BACKUP_DIR that is either complete (with a MANIFEST of sizes and SHA-256
# sums) or absent. See --help, and docs/backups.md for the operator's guide.
set -Eeuo pipefail
# Backups hold every student's data: readable by their owner only.
umask 077

_lafaom_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib/backup-common.sh
. "$_lafaom_dir/lib/backup-common.sh"

backup_usage() {
  cat <<'EOF'
Usage: scripts/backup.sh [--prune-only] [--help]

Writes one complete backup of the LAFAOM-MAO platform into BACKUP_DIR/lafaom-<UTC date>/:
  backend.pgdump       pg_dump (custom format) of the backend database (lafaom_db)
  moodle.pgdump        pg_dump (custom format) of the Moodle database
  moodledata.tar.gz    moodledata, without cache/ localcache/ sessions/ temp/ trashdir/
  uploads.tar.gz       the backend's uploaded documents
  MANIFEST             sizes, SHA-256 sums, tool and server versions (written last)
The folder is built under a temporary name (.lafaom-<date>.partial) and renamed when every step
has succeeded; a failed step removes it and exits non-zero. Then old backups are pruned.

Run by hand on the host, without any database URL set, next to the Compose project, the script
runs itself inside the stack's backup container (docker compose exec -T backup ...).

Settings (environment; VAR_FILE may replace each *_URL, for Docker secrets):
  BACKEND_DATABASE_URL    libpq URL of the backend database, e.g. postgresql://lafaom@db:5432/lafaom_db
  MOODLE_DATABASE_URL     libpq URL of the Moodle database
  MOODLEDATA_DIR          Moodle's data folder
  UPLOADS_DIR             the backend's uploads folder
  BACKUP_DIR              where backups are written
  BACKUP_KEEP_DAILY       newest backup of each of the N most recent days to keep (default 7)
  BACKUP_KEEP_WEEKLY      then newest backup of each of the M previous ISO weeks (default 4)
  BACKUP_METRICS_DIR      optional: writes lafaom_backup.prom there (node-exporter textfile)
  BACKUP_AGE_RECIPIENTS_FILE  optional: encrypt every file with age for these public keys
  BACKUP_RSYNC_DEST       optional: copy each new backup with rsync (e.g. user@host:/backups)
  BACKUP_RCLONE_DEST      optional: copy each new backup with rclone (e.g. offsite:lafaom-backups)
  PGCONNECT_TIMEOUT       seconds to wait for a database server (default 10)

Options:
  --prune-only   apply the retention settings to BACKUP_DIR without making a backup
  -h, --help     show this help

Exit status: 0 success; 1 a step failed (message on stderr); 2 wrong usage or settings;
75 another backup or restore is running.
EOF
}

# --- state shared with the exit handler --------------------------------------------------------
_backup_started_at=0
_backup_partial=""
_backup_final=""
_backup_step="starting"
_backup_succeeded=false

backup_main() {
  local prune_only=false args=("$@")
  while (($# > 0)); do
    case "$1" in
      -h | --help) backup_usage; exit 0 ;;
      --prune-only) prune_only=true ;;
      *) lafaom_usage_error "unknown argument: $1" ;;
    esac
    shift
  done

  lafaom_dispatch_to_compose backup.sh "${args[@]}"

  lafaom_require_env BACKUP_DIR
  : "${BACKUP_KEEP_DAILY:=7}" "${BACKUP_KEEP_WEEKLY:=4}"
  lafaom_require_int BACKUP_KEEP_DAILY 1
  lafaom_require_int BACKUP_KEEP_WEEKLY 0
  [[ -d "$BACKUP_DIR" ]] || mkdir -m 700 -- "$BACKUP_DIR" || lafaom_die "cannot create BACKUP_DIR $BACKUP_DIR"

  if $prune_only; then
    lafaom_lock "$BACKUP_DIR/.lock" "pruning"
    backup_prune
    return 0
  fi

  lafaom_file_env BACKEND_DATABASE_URL
  lafaom_file_env MOODLE_DATABASE_URL
  lafaom_require_env BACKEND_DATABASE_URL MOODLE_DATABASE_URL MOODLEDATA_DIR UPLOADS_DIR
  lafaom_require_url BACKEND_DATABASE_URL
  lafaom_require_url MOODLE_DATABASE_URL
  export PGCONNECT_TIMEOUT="${PGCONNECT_TIMEOUT:-10}"
  lafaom_require_cmds psql pg_dump pg_restore tar gzip sha256sum flock stat
  if [[ -n "${BACKUP_AGE_RECIPIENTS_FILE:-}" ]]; then
    lafaom_require_cmds age
    [[ -r "$BACKUP_AGE_RECIPIENTS_FILE" ]] || lafaom_usage_error "BACKUP_AGE_RECIPIENTS_FILE names $BACKUP_AGE_RECIPIENTS_FILE, which cannot be read"
  fi
  [[ -z "${BACKUP_RSYNC_DEST:-}" ]] || lafaom_require_cmds rsync
  [[ -z "${BACKUP_RCLONE_DEST:-}" ]] || lafaom_require_cmds rclone

  # Only a run that got the lock reports to Prometheus: a refused second run did nothing.
  lafaom_lock "$BACKUP_DIR/.lock" "this backup"
  _backup_started_at="$(date +%s)"
  trap backup_on_exit EXIT
  # Stopped by a signal: still clean up and report the run as failed.
  trap 'exit 129' HUP
  trap 'exit 130' INT
  trap 'exit 143' TERM

  backup_remove_stale_partials
  backup_create
  backup_copy_offsite
  backup_prune
  _backup_succeeded=true
}

# A run killed hard (power cut, OOM) leaves its .partial folder; we hold the lock, so none is live.
backup_remove_stale_partials() {
  local stale
  for stale in "$BACKUP_DIR"/.lafaom-*.partial; do
    [[ -e "$stale" ]] || continue
    lafaom_warn "removing $stale, left by an interrupted run"
    rm -rf -- "$stale"
  done
}

backup_create() {
  local name
  name="lafaom-$(date -u +%Y%m%dT%H%M%SZ)"
  [[ ! -e "$BACKUP_DIR/$name" ]] || lafaom_die "$BACKUP_DIR/$name already exists (two runs in the same second?)"
  _backup_partial="$BACKUP_DIR/.$name.partial"
  mkdir -m 700 -- "$_backup_partial"
  lafaom_log "backup $name started in $_backup_partial"

  _backup_step="checking the database servers and pg_dump's version"
  lafaom_check_tool_not_older pg_dump "$BACKEND_DATABASE_URL" backend
  lafaom_check_tool_not_older pg_dump "$MOODLE_DATABASE_URL" Moodle

  # Databases first, then files: a file added meanwhile is harmless extra, and Moodle's file
  # store never rewrites a file in place.
  backup_dump_database backend "$BACKEND_DATABASE_URL"
  backup_dump_database moodle "$MOODLE_DATABASE_URL"
  local excludes=() dir
  for dir in "${LAFAOM_MOODLEDATA_EXCLUDED[@]}"; do
    excludes+=("--exclude=./$dir")
  done
  backup_archive_folder moodledata "$MOODLEDATA_DIR" "${excludes[@]}"
  backup_archive_folder uploads "$UPLOADS_DIR"

  if [[ -n "${BACKUP_AGE_RECIPIENTS_FILE:-}" ]]; then
    backup_encrypt_all
  fi
  backup_write_manifest "$name"

  _backup_step="renaming the finished backup"
  sync -- "$_backup_partial"/* "$_backup_partial"
  mv -T -- "$_backup_partial" "$BACKUP_DIR/$name"
  _backup_final="$BACKUP_DIR/$name"
  _backup_partial=""
  sync -- "$BACKUP_DIR"
  lafaom_log "backup $name complete: $_backup_final ($(du -sh -- "$_backup_final" | cut -f1))"
}

# backup_dump_database LABEL URL
backup_dump_database() {
  local label="$1" url="$2" file="$_backup_partial/$1.pgdump" db
  db="$(lafaom_url_dbname "$url")"
  _backup_step="dumping the $label database $db"
  lafaom_log "$_backup_step"
  pg_dump --format=custom --no-password --lock-wait-timeout=10min --file="$file" -d "$url" \
    || lafaom_die "pg_dump of the $label database $db failed (see the message above); no backup was kept"
  _backup_step="checking the dump of the $label database"
  pg_restore --list "$file" >/dev/null \
    || lafaom_die "the dump of the $label database cannot be read back by pg_restore; no backup was kept"

  # What restore.sh needs to recreate the database as it was: encoding and locale.
  local info version
  if ! info="$(lafaom_psql "$url" -At -F ' ' -c \
    "SELECT pg_encoding_to_char(encoding), datcollate, datctype FROM pg_database WHERE datname = current_database()")" \
    || ! version="$(lafaom_psql "$url" -At -c 'SELECT version()')"; then
    lafaom_die "cannot read the encoding and version of the $label database"
  fi
  printf 'database %s %s %s\nserver %s %s\n' "$label" "$db" "$info" "$label" "$version" >>"$_backup_partial/.manifest-extra"
}

# backup_archive_folder LABEL DIR [TAR_OPTIONS...]
backup_archive_folder() {
  local label="$1" dir="$2" file="$_backup_partial/$1.tar.gz"
  shift 2
  _backup_step="archiving $label ($dir)"
  [[ -d "$dir" ]] || lafaom_die "$label folder $dir does not exist (check ${label^^}_DIR); no backup was kept"
  lafaom_log "$_backup_step"
  local status=0
  # --anchored: the excluded names match at the top of the folder only, never deeper.
  tar --create --gzip --file="$file" --directory="$dir" --numeric-owner --anchored "$@" . || status=$?
  # GNU tar exits 1 when a file changed while it was read (a live log); the archive is still
  # sound. 2 is a real failure.
  if ((status == 1)); then
    lafaom_warn "some files of $label changed while they were archived; the archive holds the version read"
  elif ((status != 0)); then
    lafaom_die "archiving $label ($dir) failed (see the message above); no backup was kept"
  fi
  _backup_step="checking the archive of $label"
  tar --list --gzip --file="$file" >/dev/null \
    || lafaom_die "the archive of $label cannot be read back; no backup was kept"
  printf 'source %s %s\n' "$label" "$dir" >>"$_backup_partial/.manifest-extra"
}

# Each file is checked in clear (above), then encrypted, and only the encrypted copy is kept.
backup_encrypt_all() {
  local file
  for file in "$_backup_partial"/*.pgdump "$_backup_partial"/*.tar.gz; do
    _backup_step="encrypting ${file##*/}"
    age --encrypt --recipients-file "$BACKUP_AGE_RECIPIENTS_FILE" --output "$file.age" "$file" \
      || lafaom_die "age could not encrypt ${file##*/}; no backup was kept"
    rm -f -- "$file"
  done
}

backup_write_manifest() {
  local name="$1" manifest="$_backup_partial/$LAFAOM_MANIFEST" file encryption=none
  _backup_step="writing the manifest"
  [[ -z "${BACKUP_AGE_RECIPIENTS_FILE:-}" ]] || encryption=age
  {
    printf '# LAFAOM-MAO backup manifest, checked by scripts/restore.sh. To check the sums by hand:\n'
    printf "#   awk '\$1 == \"file\" {print \$4 \"  \" \$2}' MANIFEST | sha256sum -c\n"
    printf 'format 1\n'
    printf 'name %s\n' "$name"
    printf 'created_at %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    printf 'host %s\n' "${HOSTNAME:-unknown}"
    printf 'encryption %s\n' "$encryption"
    printf 'excluded moodledata %s\n' "${LAFAOM_MOODLEDATA_EXCLUDED[*]}"
    printf 'tool bash %s\n' "$BASH_VERSION"
    printf 'tool pg_dump %s\n' "$(pg_dump --version)"
    printf 'tool tar %s\n' "$(tar --version | head -n 1)"
    printf 'tool gzip %s\n' "$(gzip --version | head -n 1)"
    [[ "$encryption" == none ]] || printf 'tool age %s\n' "$(age --version)"
    cat -- "$_backup_partial/.manifest-extra"
    for file in "$_backup_partial"/*.pgdump* "$_backup_partial"/*.tar.gz*; do
      printf 'file %s %s %s\n' "${file##*/}" "$(lafaom_size "$file")" "$(lafaom_sha256 "$file")"
    done
  } >"$manifest.tmp" || lafaom_die "cannot write the manifest; no backup was kept"
  rm -f -- "$_backup_partial/.manifest-extra"
  mv -- "$manifest.tmp" "$manifest"
}

# Off-site copies only add: a compromised server cannot delete the remote history through us.
# MANIFEST goes last, so a copy cut short has no MANIFEST and is not taken for a backup.
backup_copy_offsite() {
  [[ -n "$_backup_final" ]] || return 0
  local name="${_backup_final##*/}"
  if [[ -n "${BACKUP_RSYNC_DEST:-}" ]]; then
    _backup_step="copying $name off-site with rsync to $BACKUP_RSYNC_DEST"
    lafaom_log "$_backup_step"
    if ! rsync -a --exclude="/$LAFAOM_MANIFEST" -- "$_backup_final/" "$BACKUP_RSYNC_DEST/$name/" \
      || ! rsync -a -- "$_backup_final/$LAFAOM_MANIFEST" "$BACKUP_RSYNC_DEST/$name/"; then
      lafaom_die "the off-site copy with rsync to $BACKUP_RSYNC_DEST failed; the local backup $name is complete"
    fi
  fi
  if [[ -n "${BACKUP_RCLONE_DEST:-}" ]]; then
    _backup_step="copying $name off-site with rclone to $BACKUP_RCLONE_DEST"
    lafaom_log "$_backup_step"
    if ! rclone copy --exclude "/$LAFAOM_MANIFEST" "$_backup_final" "$BACKUP_RCLONE_DEST/$name" \
      || ! rclone copyto "$_backup_final/$LAFAOM_MANIFEST" "$BACKUP_RCLONE_DEST/$name/$LAFAOM_MANIFEST"; then
      lafaom_die "the off-site copy with rclone to $BACKUP_RCLONE_DEST failed; the local backup $name is complete"
    fi
  fi
}

# Keeps the newest backup of each of the BACKUP_KEEP_DAILY most recent days that have one, then
# the newest backup of each of the BACKUP_KEEP_WEEKLY most recent ISO weeks before those days
# (a week already holding a kept daily backup does not count). Deletes every other complete
# backup. Runs only after a successful backup, so a failing job never eats the history.
backup_prune() {
  _backup_step="pruning old backups"
  local names=() keep=() name day week i
  local -A kept_days=() kept_weeks=() keep_set=()
  mapfile -t names < <(lafaom_list_backups "$BACKUP_DIR")
  for ((i = ${#names[@]} - 1; i >= 0; i--)); do
    name="${names[i]}"
    day="${name:7:8}"
    if [[ -z "${kept_days[$day]:-}" ]] && ((${#kept_days[@]} < BACKUP_KEEP_DAILY)); then
      kept_days[$day]=1
      keep_set[$name]=1
    fi
  done
  for day in "${!kept_days[@]}"; do
    kept_weeks["$(date -u -d "$day" +%G-W%V)"]=daily
  done
  local weekly=0
  for ((i = ${#names[@]} - 1; i >= 0; i--)); do
    name="${names[i]}"
    day="${name:7:8}"
    [[ -z "${kept_days[$day]:-}" ]] || continue
    week="$(date -u -d "$day" +%G-W%V)"
    if [[ -z "${kept_weeks[$week]:-}" ]] && ((weekly < BACKUP_KEEP_WEEKLY)); then
      kept_weeks[$week]=weekly
      keep_set[$name]=1
      weekly=$((weekly + 1))
    fi
  done
  for name in "${names[@]}"; do
    if [[ -n "${keep_set[$name]:-}" ]]; then
      keep+=("$name")
    else
      lafaom_log "pruning $name (retention: $BACKUP_KEEP_DAILY daily, $BACKUP_KEEP_WEEKLY weekly)"
      rm -rf -- "${BACKUP_DIR:?}/$name" || lafaom_die "cannot delete $BACKUP_DIR/$name"
    fi
  done
  lafaom_log "keeping ${#keep[@]} backups: ${keep[*]:-none}"
}

# --- metrics and clean-up at exit --------------------------------------------------------------

backup_on_exit() {
  local status=$?
  trap - EXIT
  if [[ -n "$_backup_partial" && -e "$_backup_partial" ]]; then
    rm -rf -- "$_backup_partial"
  fi
  if ! $_backup_succeeded; then
    ((status != 0)) || status=$LAFAOM_EXIT_FAILED
    printf '%s ERROR: backup failed while %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$_backup_step" >&2
  fi
  backup_write_metrics "$status" || lafaom_warn "could not write the metrics file"
  exit "$status"
}

# node-exporter textfile collector format, replaced atomically (rename) so a scrape never reads
# half a file. The last success survives failed runs: the stack alerts when it gets too old.
backup_write_metrics() {
  local status="$1" dir="${BACKUP_METRICS_DIR:-}"
  [[ -n "$dir" ]] || return 0
  local file="$dir/lafaom_backup.prom" now last_success=0 size=0 ok=0
  # node-exporter reads this folder as another user.
  [[ -d "$dir" ]] || mkdir -m 755 -- "$dir"
  now="$(date +%s)"
  if [[ -f "$file" ]]; then
    last_success="$(awk '$1 == "lafaom_backup_last_success_timestamp_seconds" {print $2}' "$file")"
    [[ "$last_success" =~ ^[0-9]+$ ]] || last_success=0
  fi
  if ((status == 0)); then
    ok=1
    last_success="$now"
  fi
  if [[ -n "$_backup_final" && -d "$_backup_final" ]]; then
    size="$(du -sb -- "$_backup_final" | cut -f1)"
  fi
  cat >"$file.$$" <<EOF
# HELP lafaom_backup_last_run_timestamp_seconds When the last backup run ended.
# TYPE lafaom_backup_last_run_timestamp_seconds gauge
lafaom_backup_last_run_timestamp_seconds $now
# HELP lafaom_backup_last_success_timestamp_seconds When the last successful backup run ended (0: never).
# TYPE lafaom_backup_last_success_timestamp_seconds gauge
lafaom_backup_last_success_timestamp_seconds $last_success
# HELP lafaom_backup_last_status 1 if the last backup run succeeded, 0 if it failed.
# TYPE lafaom_backup_last_status gauge
lafaom_backup_last_status $ok
# HELP lafaom_backup_last_duration_seconds How long the last backup run took.
# TYPE lafaom_backup_last_duration_seconds gauge
lafaom_backup_last_duration_seconds $((now - _backup_started_at))
# HELP lafaom_backup_last_size_bytes Size of the backup written by the last run (0 if none).
# TYPE lafaom_backup_last_size_bytes gauge
lafaom_backup_last_size_bytes $size
EOF
  chmod 644 -- "$file.$$"
  mv -f -- "$file.$$" "$file"
}

backup_main "$@"

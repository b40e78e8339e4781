#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh: checks every sum of its MANIFEST and reads every
# file back before it changes anything, refuses to replace existing data without --force, then
# restores both databases (each into a temporary database renamed at the end) and the folders.
# See --help, and docs/backups.md for the step-by-step guide.
set -Eeuo pipefail

_lafaom_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib/backup-common.sh
. "$_lafaom_dir/lib/backup-common.sh"

restore_usage() {
  cat <<'EOF'
Usage: scripts/restore.sh [options] BACKUP
       scripts/restore.sh --list

BACKUP is a backup folder, its name under BACKUP_DIR (lafaom-20261125T020003Z), or "latest".

Before changing anything, the script checks the MANIFEST's size and SHA-256 of every file,
reads every dump and archive back, and checks the targets. A database or folder that already
holds data is only replaced with --force. Each database is restored into a temporary database
that replaces the target only once the restore has fully succeeded.

Targets (default: the settings below, i.e. the live databases and folders):
  --backend-db NAME       restore the backend database under this name (same server)
  --moodle-db NAME        restore the Moodle database under this name (same server)
  --moodledata-dir DIR    restore moodledata into DIR
  --uploads-dir DIR       restore the backend's uploads into DIR
A restore drill uses all four, leaving the live data alone.

Options:
  --force                 replace databases and folders that hold data
  --no-owner              do not restore object owners (when the original roles do not exist)
  --identity FILE         age identity (private key) of an encrypted backup
                          (default: BACKUP_AGE_IDENTITY_FILE)
  --verify-only           only check the backup; change nothing
  --list                  list the complete backups in BACKUP_DIR
  -h, --help              show this help

Settings (environment; VAR_FILE may replace each *_URL): BACKEND_DATABASE_URL,
MOODLE_DATABASE_URL (the role needs CREATEDB; the server's "postgres" database is used to create
and rename databases), MOODLEDATA_DIR, UPLOADS_DIR, BACKUP_DIR, BACKUP_AGE_IDENTITY_FILE,
BACKUP_RESTORE_TMPDIR (where an encrypted dump is decrypted; default TMPDIR or /tmp).

Run by hand on the host, without any database URL set, next to the Compose project, the script
runs itself inside the stack's backup container: paths are then the container's.

Exit status: 0 success; 1 a check or step failed (message on stderr); 2 wrong usage or
settings; 75 a backup or restore is running.
EOF
}

_restore_workdir=""
_restore_step="starting"
_restore_changed=false
_restore_done=false
_restore_folder=""
_restore_identity=""
declare -A _restore_files=() _restore_db=()

restore_main() {
  local args=("$@") force=false no_owner=false verify_only=false list=false backup=""
  local backend_db="" moodle_db="" moodledata_dir="" uploads_dir=""
  while (($# > 0)); do
    case "$1" in
      -h | --help) restore_usage; exit 0 ;;
      --force) force=true ;;
      --no-owner) no_owner=true ;;
      --verify-only) verify_only=true ;;
      --list) list=true ;;
      --backend-db | --moodle-db | --moodledata-dir | --uploads-dir | --identity)
        [[ -n "${2:-}" ]] || lafaom_usage_error "$1 needs a value"
        case "$1" in
          --backend-db) backend_db="$2" ;;
          --moodle-db) moodle_db="$2" ;;
          --moodledata-dir) moodledata_dir="$2" ;;
          --uploads-dir) uploads_dir="$2" ;;
          --identity) _restore_identity="$2" ;;
        esac
        shift ;;
      -*) lafaom_usage_error "unknown option: $1" ;;
      *)
        [[ -z "$backup" ]] || lafaom_usage_error "one backup at a time (got $backup and $1)"
        backup="$1" ;;
    esac
    shift
  done

  lafaom_dispatch_to_compose restore.sh "${args[@]}"

  if $list; then
    restore_list
    return 0
  fi
  [[ -n "$backup" ]] || lafaom_usage_error "name the backup to restore"
  lafaom_require_cmds pg_restore tar gzip sha256sum flock stat
  restore_resolve "$backup"
  lafaom_lock "${BACKUP_DIR:-$(dirname -- "$_restore_folder")}/.lock" "this restore"
  trap restore_on_exit EXIT
  # Stopped by a signal: still clean up and report the run as failed.
  trap 'exit 129' HUP
  trap 'exit 130' INT
  trap 'exit 143' TERM

  restore_check_manifest
  restore_read_manifest
  restore_check_contents
  if $verify_only; then
    lafaom_log "backup ${_restore_folder##*/} is sound: every sum matches and every file reads back"
    _restore_done=true
    return 0
  fi

  lafaom_file_env BACKEND_DATABASE_URL
  lafaom_file_env MOODLE_DATABASE_URL
  lafaom_require_env BACKEND_DATABASE_URL MOODLE_DATABASE_URL
  lafaom_require_url BACKEND_DATABASE_URL
  lafaom_require_url MOODLE_DATABASE_URL
  lafaom_require_cmds psql
  export PGCONNECT_TIMEOUT="${PGCONNECT_TIMEOUT:-10}"
  : "${backend_db:=$(lafaom_url_dbname "$BACKEND_DATABASE_URL")}"
  : "${moodle_db:=$(lafaom_url_dbname "$MOODLE_DATABASE_URL")}"
  : "${moodledata_dir:=${MOODLEDATA_DIR:-}}"
  : "${uploads_dir:=${UPLOADS_DIR:-}}"
  [[ -n "$moodledata_dir" ]] || lafaom_usage_error "MOODLEDATA_DIR is not set (or use --moodledata-dir)"
  [[ -n "$uploads_dir" ]] || lafaom_usage_error "UPLOADS_DIR is not set (or use --uploads-dir)"

  _restore_step="checking the targets"
  local refusals=()
  restore_check_database_target "$BACKEND_DATABASE_URL" "$backend_db" backend $force refusals
  restore_check_database_target "$MOODLE_DATABASE_URL" "$moodle_db" Moodle $force refusals
  restore_check_folder_target "$moodledata_dir" moodledata $force refusals
  restore_check_folder_target "$uploads_dir" uploads $force refusals
  if ((${#refusals[@]} > 0)); then
    printf '  - %s\n' "${refusals[@]}" >&2
    lafaom_die "the restore cannot go ahead for the reasons above; nothing was changed (--force replaces targets that hold data; --backend-db, --moodle-db, --moodledata-dir and --uploads-dir restore elsewhere)"
  fi

  _restore_changed=true
  restore_database backend "$BACKEND_DATABASE_URL" "$backend_db" $no_owner
  restore_database moodle "$MOODLE_DATABASE_URL" "$moodle_db" $no_owner
  restore_folder moodledata "$moodledata_dir"
  restore_folder uploads "$uploads_dir"
  _restore_done=true
  lafaom_log "restore of ${_restore_folder##*/} complete: databases $backend_db and $moodle_db, folders $moodledata_dir and $uploads_dir"
}

restore_list() {
  lafaom_require_env BACKUP_DIR
  local name
  while IFS= read -r name; do
    printf '%s\t%s\t%s\n' "$name" "$(du -sh -- "$BACKUP_DIR/$name" | cut -f1)" \
      "$(awk '$1 == "encryption" {print "encryption=" $2}' "$BACKUP_DIR/$name/$LAFAOM_MANIFEST")"
  done < <(lafaom_list_backups "$BACKUP_DIR")
}

restore_resolve() {
  local backup="$1"
  if [[ "$backup" == latest ]]; then
    lafaom_require_env BACKUP_DIR
    backup="$(lafaom_list_backups "$BACKUP_DIR" | tail -n 1)"
    [[ -n "$backup" ]] || lafaom_die "there is no complete backup in $BACKUP_DIR"
  fi
  if [[ "$backup" != */* && ! -d "$backup" ]]; then
    lafaom_require_env BACKUP_DIR
    backup="$BACKUP_DIR/$backup"
  fi
  [[ -d "$backup" ]] || lafaom_die "no backup folder at $backup"
  _restore_folder="$(cd -- "$backup" && pwd)"
  [[ -f "$_restore_folder/$LAFAOM_MANIFEST" ]] \
    || lafaom_die "$_restore_folder has no $LAFAOM_MANIFEST: it is not a complete backup (an interrupted backup or copy?)"
}

# Every file listed with its size and SHA-256, before anything else reads it.
restore_check_manifest() {
  _restore_step="checking the sums of the manifest"
  local manifest="$_restore_folder/$LAFAOM_MANIFEST" kind name size sum problems=() actual
  [[ "$(awk '$1 == "format" {print $2}' "$manifest")" == 1 ]] \
    || lafaom_die "$manifest is not a format 1 LAFAOM-MAO manifest"
  lafaom_log "checking the sums of ${_restore_folder##*/}"
  while read -r kind name size sum _; do
    [[ "$kind" == file ]] || continue
    if [[ ! "$name" =~ ^[A-Za-z0-9._-]+$ ]]; then
      problems+=("unexpected file name '$name' in the manifest")
    elif [[ ! -f "$_restore_folder/$name" ]]; then
      problems+=("$name is missing")
    elif [[ "$(lafaom_size "$_restore_folder/$name")" != "$size" ]]; then
      problems+=("$name has $(lafaom_size "$_restore_folder/$name") bytes, the manifest says $size (truncated or replaced)")
    else
      actual="$(lafaom_sha256 "$_restore_folder/$name")" || actual="unreadable"
      if [[ "$actual" != "$sum" ]]; then
        problems+=("$name has SHA-256 $actual, the manifest says $sum (corrupt)")
      else
        _restore_files[$name]="$_restore_folder/$name"
      fi
    fi
  done <"$manifest"
  local label
  for label in backend.pgdump moodle.pgdump moodledata.tar.gz uploads.tar.gz; do
    restore_artifact "$label" >/dev/null || problems+=("the manifest lists no $label")
  done
  if ((${#problems[@]} > 0)); then
    printf '  - %s\n' "${problems[@]}" >&2
    lafaom_die "backup $_restore_folder failed its integrity check; nothing was changed"
  fi
}

# restore_artifact BASENAME: the checked file for backend.pgdump (or its .age).
restore_artifact() {
  local name
  for name in "$1" "$1.age"; do
    if [[ -n "${_restore_files[$name]:-}" ]]; then
      printf '%s\n' "${_restore_files[$name]}"
      return 0
    fi
  done
  return 1
}

restore_read_manifest() {
  local manifest="$_restore_folder/$LAFAOM_MANIFEST" kind label name encoding collate ctype
  while read -r kind label name encoding collate ctype; do
    [[ "$kind" == database ]] || continue
    _restore_db[$label]="$name $encoding $collate $ctype"
  done <"$manifest"
  [[ -n "${_restore_db[backend]:-}" && -n "${_restore_db[moodle]:-}" ]] \
    || lafaom_die "the manifest does not describe both databases"

  local encryption dump_major re='\) ([0-9]+)' tool_major
  encryption="$(awk '$1 == "encryption" {print $2}' "$manifest")"
  if [[ "$encryption" == age ]]; then
    : "${_restore_identity:=${BACKUP_AGE_IDENTITY_FILE:-}}"
    [[ -n "$_restore_identity" ]] \
      || lafaom_die "this backup is encrypted with age: give its identity file with --identity or BACKUP_AGE_IDENTITY_FILE; nothing was changed" "$LAFAOM_EXIT_USAGE"
    [[ -r "$_restore_identity" ]] || lafaom_die "cannot read the age identity $_restore_identity" "$LAFAOM_EXIT_USAGE"
    lafaom_require_cmds age
    _restore_workdir="$(mktemp -d "${BACKUP_RESTORE_TMPDIR:-${TMPDIR:-/tmp}}/lafaom-restore.XXXXXX")" \
      || lafaom_die "cannot create a work folder under ${BACKUP_RESTORE_TMPDIR:-${TMPDIR:-/tmp}}"
  elif [[ "$encryption" != none ]]; then
    lafaom_die "unknown encryption '$encryption' in the manifest"
  fi

  [[ "$(awk '$1 == "tool" && $2 == "pg_dump" {$1 = $2 = ""; print}' "$manifest")" =~ $re ]] \
    || lafaom_die "the manifest does not say which pg_dump made the dumps"
  dump_major="${BASH_REMATCH[1]}"
  tool_major="$(lafaom_tool_major pg_restore)" || lafaom_die "cannot tell the version of pg_restore"
  if ((tool_major < dump_major)); then
    lafaom_die "pg_restore $tool_major cannot read dumps made by pg_dump $dump_major: use pg_restore $dump_major or newer (the backup container has it)"
  fi
}

# restore_plain FILE: a checked dump or archive as it was before encryption, on stdout.
restore_plain() {
  if [[ "$1" == *.age ]]; then
    age --decrypt --identity "$_restore_identity" -- "$1"
  else
    cat -- "$1"
  fi
}

# pg_restore needs a seekable file to restore in its own order, so an encrypted dump is
# decrypted into a private work folder first (age also authenticates it while decrypting).
restore_dump_file() {
  local file="$1" plain
  if [[ "$file" != *.age ]]; then
    printf '%s\n' "$file"
    return 0
  fi
  plain="$_restore_workdir/$(basename -- "${file%.age}")"
  if [[ ! -f "$plain" ]]; then
    restore_plain "$file" >"$plain.tmp" || return 1
    mv -- "$plain.tmp" "$plain" || return 1
  fi
  printf '%s\n' "$plain"
}

# Reads every dump and archive to its end: a file that was damaged before its sum was taken,
# or a wrong identity, stops here, before the targets are touched.
restore_check_contents() {
  local label file dump
  for label in backend moodle; do
    _restore_step="reading back the dump of the $label database"
    file="$(restore_artifact "$label.pgdump")"
    dump="$(restore_dump_file "$file")" \
      || lafaom_die "cannot decrypt ${file##*/} (wrong identity?); nothing was changed"
    pg_restore --list -- "$dump" >/dev/null \
      || lafaom_die "${file##*/} is not a readable pg_dump archive; nothing was changed"
  done
  for label in moodledata uploads; do
    _restore_step="reading back the archive of $label"
    file="$(restore_artifact "$label.tar.gz")"
    restore_plain "$file" | tar --list --gzip --file=- >/dev/null \
      || lafaom_die "${file##*/} cannot be read to its end (damaged archive or wrong identity); nothing was changed"
  done
}

# restore_check_database_target URL NAME LABEL FORCE REFUSALS_ARRAY
restore_check_database_target() {
  local url="$1" name="$2" label="$3" force="$4"
  local -n refusals_ref="$5"
  local maint exists tables
  [[ "$name" =~ ^[A-Za-z0-9_-]{1,50}$ ]] \
    || lafaom_usage_error "database name '$name' must be 1 to 50 letters, digits, _ or -"
  maint="$(lafaom_url_with_dbname "$url" postgres)"
  lafaom_server_version_num "$maint" "$label" >/dev/null
  exists="$(lafaom_psql "$maint" -At -v db="$name" <<<"SELECT count(*) FROM pg_database WHERE datname = :'db'")" \
    || lafaom_die "cannot list the databases of the $label server"
  ((exists > 0)) || return 0
  tables="$(lafaom_psql "$(lafaom_url_with_dbname "$url" "$name")" -At -c \
    "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
       AND n.nspname NOT IN ('pg_catalog', 'information_schema')
       AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'")" \
    || lafaom_die "cannot look into the $label database $name"
  if ((tables > 0)) && [[ "$force" != true ]]; then
    refusals_ref+=("the $label database $name exists and holds $tables tables, sequences or views")
  fi
}

# restore_check_folder_target DIR LABEL FORCE REFUSALS_ARRAY
restore_check_folder_target() {
  local dir="$1" label="$2" force="$3"
  local -n folder_refusals="$4"
  [[ "$(realpath -m -- "$dir")" != / ]] || lafaom_usage_error "will not restore $label into /"
  local existing="$dir"
  while [[ ! -e "$existing" ]]; do
    existing="$(dirname -- "$existing")"
  done
  if [[ ! -w "$existing" ]]; then
    folder_refusals+=("the $label folder $existing cannot be written (a read-only mount? --force does not help)")
    return 0
  fi
  [[ -d "$dir" ]] || return 0
  if [[ -n "$(find "$dir" -mindepth 1 -maxdepth 1 ! -name .lafaom-restore-staging -print -quit)" ]] \
    && [[ "$force" != true ]]; then
    folder_refusals+=("the $label folder $dir is not empty")
  fi
}

# restore_database LABEL URL TARGET NO_OWNER: into TARGET_restoring, in one transaction, then
# rename; a failure leaves the existing TARGET as it was.
restore_database() {
  local label="$1" url="$2" target="$3" no_owner="$4"
  local name encoding collate ctype maint temp owner file opts=()
  read -r name encoding collate ctype <<<"${_restore_db[$label]}"
  maint="$(lafaom_url_with_dbname "$url" postgres)"
  temp="${target}_restoring"
  _restore_step="restoring the $label database $name as $target"
  lafaom_log "$_restore_step"
  owner="$(lafaom_psql "$maint" -At -v db="$target" <<<"SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = :'db'")" \
    || lafaom_die "cannot read the owner of $target"
  [[ -n "$owner" ]] || owner="$(lafaom_psql "$maint" -At -c 'SELECT current_user')"
  lafaom_psql "$maint" -v temp="$temp" -v owner="$owner" -v encoding="$encoding" \
    -v collate="$collate" -v ctype="$ctype" <<'SQL' || lafaom_die "cannot create the database $temp (see the message above); $target was not changed"
DROP DATABASE IF EXISTS :"temp" WITH (FORCE);
CREATE DATABASE :"temp" WITH OWNER :"owner" TEMPLATE template0 ENCODING :'encoding'
  LC_COLLATE :'collate' LC_CTYPE :'ctype';
SQL
  file="$(restore_dump_file "$(restore_artifact "$label.pgdump")")"
  [[ "$no_owner" != true ]] || opts+=(--no-owner --no-privileges)
  if ! pg_restore --single-transaction --exit-on-error --no-password "${opts[@]}" \
    -d "$(lafaom_url_with_dbname "$url" "$temp")" -- "$file"; then
    lafaom_psql "$maint" -v temp="$temp" <<<'DROP DATABASE IF EXISTS :"temp" WITH (FORCE);' || true
    lafaom_die "pg_restore of the $label database failed (see the message above); $target was not changed"
  fi
  lafaom_psql "$maint" -v temp="$temp" -v target="$target" <<'SQL' || lafaom_die "cannot rename $temp to $target (see the message above); the restored data is in $temp"
DROP DATABASE IF EXISTS :"target" WITH (FORCE);
ALTER DATABASE :"temp" RENAME TO :"target";
SQL
}

# restore_folder LABEL DIR: extracts into DIR/.lafaom-restore-staging (the same file system, so
# a mounted volume works), then replaces DIR's content with it. Moodle's caches, which the backup
# left out, go too: they would be stale after a restore.
restore_folder() {
  local label="$1" dir="$2" staging file
  staging="$dir/.lafaom-restore-staging"
  _restore_step="restoring $label into $dir"
  lafaom_log "$_restore_step"
  file="$(restore_artifact "$label.tar.gz")"
  mkdir -p -- "$dir"
  rm -rf -- "$staging"
  mkdir -- "$staging"
  if ! restore_plain "$file" | tar --extract --gzip --file=- --directory="$staging" --numeric-owner; then
    rm -rf -- "$staging"
    lafaom_die "extracting $label failed (see the message above); $dir was not changed"
  fi
  find "$dir" -mindepth 1 -maxdepth 1 ! -name .lafaom-restore-staging -exec rm -rf -- {} +
  find "$staging" -mindepth 1 -maxdepth 1 -exec mv -t "$dir" -- {} +
  chmod --reference="$staging" -- "$dir"
  if ((EUID == 0)); then
    chown --reference="$staging" -- "$dir"
  fi
  rmdir -- "$staging"
}

restore_on_exit() {
  local status=$?
  trap - EXIT
  [[ -z "$_restore_workdir" ]] || rm -rf -- "$_restore_workdir"
  if ! $_restore_done; then
    ((status != 0)) || status=$LAFAOM_EXIT_FAILED
    if $_restore_changed; then
      printf '%s ERROR: restore failed while %s; the steps logged above as done are in place\n' \
        "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$_restore_step" >&2
    else
      printf '%s ERROR: restore stopped while %s; nothing was changed\n' \
        "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$_restore_step" >&2
    fi
  fi
  exit "$status"
}

restore_main "$@"

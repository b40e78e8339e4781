# shellcheck shell=bash
# Functions shared by scripts/backup.sh and scripts/restore.sh. Sourced, never run: it defines
# functions and constants only, so the tests can source it too.
#
# Names: lafaom_* are used by both scripts; _lafaom_* are private to this file.

# A failure inside $(...) stops that command substitution too, as it does everywhere else.
shopt -s inherit_errexit

# Moodle's folders that Moodle's "Site backup" documentation says need no backup: caches and
# temporary files it rebuilds, PHP sessions (a restore logs everyone out anyway), and trashdir
# (files already deleted, waiting for cron). Relative to moodledata, top level only.
# shellcheck disable=SC2034 # used by the scripts that source this file
readonly LAFAOM_MOODLEDATA_EXCLUDED=(cache localcache sessions temp trashdir)

# A complete backup is a folder named like this, holding a MANIFEST. Anything else in BACKUP_DIR
# (a .partial folder, a file of the operator's) is never taken for a backup, nor deleted by pruning.
readonly LAFAOM_BACKUP_NAME_RE='^lafaom-[0-9]{8}T[0-9]{6}Z$'
# shellcheck disable=SC2034
readonly LAFAOM_MANIFEST=MANIFEST

# Exit codes: 1 a step failed, 2 wrong usage or settings, 75 another run holds the lock (EX_TEMPFAIL).
# shellcheck disable=SC2034
readonly LAFAOM_EXIT_FAILED=1 LAFAOM_EXIT_USAGE=2 LAFAOM_EXIT_LOCKED=75

lafaom_log() {
  printf '%s %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*"
}

lafaom_warn() {
  printf '%s WARNING: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >&2
}

# lafaom_die MESSAGE [EXIT_CODE]
lafaom_die() {
  printf '%s ERROR: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$1" >&2
  exit "${2:-$LAFAOM_EXIT_FAILED}"
}

lafaom_usage_error() {
  printf 'ERROR: %s (see --help)\n' "$1" >&2
  exit "$LAFAOM_EXIT_USAGE"
}

# lafaom_file_env VAR: VAR may be given directly or as VAR_FILE (a Docker secret); not both.
lafaom_file_env() {
  local var="$1" file_var="${1}_FILE"
  local value="${!var:-}" file="${!file_var:-}"
  if [[ -n "$value" && -n "$file" ]]; then
    lafaom_usage_error "set $var or $file_var, not both"
  fi
  if [[ -n "$file" ]]; then
    [[ -r "$file" ]] || lafaom_usage_error "$file_var names $file, which cannot be read"
    value="$(<"$file")"
  fi
  printf -v "$var" '%s' "$value"
  export "${var?}"
  unset "$file_var"
}

lafaom_require_env() {
  local var
  for var in "$@"; do
    [[ -n "${!var:-}" ]] || lafaom_usage_error "$var is not set"
  done
}

# lafaom_require_int VAR MIN: a whole number setting.
lafaom_require_int() {
  local var="$1" min="$2"
  if [[ ! "${!var}" =~ ^[0-9]+$ ]] || ((10#${!var} < min)); then
    lafaom_usage_error "$var must be a whole number >= $min (it is '${!var}')"
  fi
}

lafaom_require_cmds() {
  local cmd missing=()
  for cmd in "$@"; do
    command -v "$cmd" >/dev/null 2>&1 || missing+=("$cmd")
  done
  ((${#missing[@]} == 0)) || lafaom_die "missing tools: ${missing[*]} (install them, or run inside the backup container)" "$LAFAOM_EXIT_USAGE"
}

# --- libpq URLs: postgresql://user:password@host:port/dbname?options -------------------------

readonly _LAFAOM_URL_RE='^(postgres(ql)?://[^/?#]*)(/([^?#]*))?(\?[^#]*)?$'

lafaom_require_url() {
  local var="$1"
  [[ "${!var}" =~ $_LAFAOM_URL_RE && -n "${BASH_REMATCH[4]}" ]] \
    || lafaom_usage_error "$var must be a libpq URL naming its database, like postgresql://user@host:5432/dbname"
}

lafaom_url_dbname() {
  [[ "$1" =~ $_LAFAOM_URL_RE ]] && printf '%s\n' "${BASH_REMATCH[4]}"
}

# lafaom_url_with_dbname URL NAME: the same server and credentials, another database.
lafaom_url_with_dbname() {
  [[ "$1" =~ $_LAFAOM_URL_RE ]] && printf '%s/%s%s\n' "${BASH_REMATCH[1]}" "$2" "${BASH_REMATCH[5]}"
}

# The URL without its password, for messages and the manifest.
lafaom_url_redacted() {
  local re='^([a-z]+://[^:/@]*):[^@]*@(.*)$'
  if [[ "$1" =~ $re ]]; then
    printf '%s:***@%s\n' "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}"
  else
    printf '%s\n' "$1"
  fi
}

# --- PostgreSQL versions ----------------------------------------------------------------------

# lafaom_tool_major TOOL: major version of pg_dump, pg_restore or psql ("pg_dump (PostgreSQL) 16.4").
lafaom_tool_major() {
  local out re='\) ([0-9]+)'
  out="$("$1" --version)" || return 1
  [[ "$out" =~ $re ]] || return 1
  printf '%s\n' "${BASH_REMATCH[1]}"
}

# lafaom_psql URL ARGS...: psql that never reads ~/.psqlrc, never prompts, stops at the first error.
lafaom_psql() {
  local url="$1"
  shift
  PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning" \
    psql -X -q -v ON_ERROR_STOP=1 --no-password -d "$url" "$@"
}

# lafaom_server_version_num URL LABEL: e.g. 150020; fails with a message naming LABEL.
lafaom_server_version_num() {
  local url="$1" label="$2" out
  if ! out="$(lafaom_psql "$url" -At -c 'SHOW server_version_num' 2>&1)"; then
    printf '%s\n' "$out" >&2
    lafaom_die "cannot reach the $label database at $(lafaom_url_redacted "$url") (see the message above)"
  fi
  printf '%s\n' "$out"
}

# lafaom_check_tool_not_older TOOL URL LABEL: pg_dump must be at least as new as the server it
# reads (an older one refuses or, worse, misses new catalog features).
lafaom_check_tool_not_older() {
  local tool="$1" url="$2" label="$3" tool_major server_num server_major
  tool_major="$(lafaom_tool_major "$tool")" || lafaom_die "cannot tell the version of $tool"
  server_num="$(lafaom_server_version_num "$url" "$label")"
  server_major=$((server_num / 10000))
  if ((tool_major < server_major)); then
    lafaom_die "$tool $tool_major is older than the PostgreSQL $server_major server of the $label database: use $tool $server_major or newer (the backup container has it; on a host, put /usr/lib/postgresql/$server_major/bin first on PATH)"
  fi
}

# --- lock -------------------------------------------------------------------------------------

# lafaom_lock FILE WHAT: one backup or restore at a time per BACKUP_DIR. The lock is held by file
# descriptor 9 until the process exits, so a crash releases it.
lafaom_lock() {
  local file="$1" what="$2"
  exec 9>>"$file" || lafaom_die "cannot open the lock file $file"
  if ! flock -n 9; then
    lafaom_die "another backup or restore is running (it holds the lock $file); $what was not started" "$LAFAOM_EXIT_LOCKED"
  fi
}

# --- backups on disk --------------------------------------------------------------------------

# Complete backups under DIR, oldest first (names sort by date).
lafaom_list_backups() {
  local dir="$1" path name
  for path in "$dir"/lafaom-*; do
    name="${path##*/}"
    if [[ "$name" =~ $LAFAOM_BACKUP_NAME_RE && -f "$path/$LAFAOM_MANIFEST" ]]; then
      printf '%s\n' "$name"
    fi
  done | sort
}

lafaom_sha256() {
  local sum
  sum="$(sha256sum -- "$1")" || return 1
  printf '%s\n' "${sum%% *}"
}

lafaom_size() {
  stat -c %s -- "$1"
}

# --- Compose dispatch -------------------------------------------------------------------------

# When an operator runs a script by hand on the host (no database URL set) next to the Compose
# project, run it inside the long-running backup container, which has the tools, the settings
# and the volumes. The container sets the URLs, so it never dispatches again.
# lafaom_dispatch_to_compose SCRIPT ARGS...
lafaom_dispatch_to_compose() {
  local script="$1"
  shift
  if [[ -n "${BACKEND_DATABASE_URL:-}${BACKEND_DATABASE_URL_FILE:-}${MOODLE_DATABASE_URL:-}${MOODLE_DATABASE_URL_FILE:-}" ]]; then
    return 0
  fi
  local root file
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  for file in compose.yaml compose.yml docker-compose.yml docker-compose.yaml; do
    if [[ -f "$root/$file" ]] && command -v docker >/dev/null 2>&1; then
      cd "$root" || lafaom_die "cannot enter $root"
      exec docker compose exec -T backup "./scripts/$script" "$@"
    fi
  done
}

#!/usr/bin/env bash
# Creates or completes the stack's .env from .env.example, with a strong random value for every
# setting marked "# generate: KIND", and the Portainer administrator password file.
#
#   ./scripts/generate-secrets.sh            # writes ./.env and ./secrets/
#   ./scripts/generate-secrets.sh --check    # same, then exits 1 if a required setting still
#                                            # has its example value
#
# It never overwrites a value already in .env, so running it again (after an upgrade added new
# settings to .env.example) only appends what is missing. Options, for tests and unusual layouts:
#   --example FILE   template (default: .env.example beside docker-compose.yml)
#   --env-file FILE  target (default: .env beside docker-compose.yml)
#   --secrets-dir D  folder of file secrets (default: secrets/ beside docker-compose.yml)
set -Eeuo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
example="$root/.env.example"
env_file="$root/.env"
secrets_dir="$root/secrets"
check=false

die() { printf 'generate-secrets: %s\n' "$*" >&2; exit 2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --example) example=${2:?--example needs a file}; shift 2 ;;
    --env-file) env_file=${2:?--env-file needs a file}; shift 2 ;;
    --secrets-dir) secrets_dir=${2:?--secrets-dir needs a folder}; shift 2 ;;
    --check) check=true; shift ;;
    -h | --help) sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done
[ -r "$example" ] || die "cannot read $example"

# random_value KIND: password = 24 random bytes as 32 URL-safe characters (safe inside libpq
# and JDBC URLs, no quoting needed); key32 = 32 random bytes in standard base64.
random_value() {
  case "$1" in
    password) head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '\n' ;;
    key32) head -c 32 /dev/urandom | base64 | tr -d '\n' ;;
    *) die "unknown secret kind '$1' in $example" ;;
  esac
}

# current_value KEY FILE: the value of KEY in FILE, or nothing; returns 1 when KEY is absent.
current_value() {
  local line
  line=$(grep -E "^$1=" "$2" 2>/dev/null | tail -n 1) || return 1
  printf '%s' "${line#*=}"
}

umask 077
tmp=$(mktemp "${env_file}.XXXXXX")
trap 'rm -f "$tmp"' EXIT
if [ -f "$env_file" ]; then
  cp "$env_file" "$tmp"
fi

created=0
filled=0
appended=0
[ -f "$env_file" ] || created=1
pending_comments=""
kind=""
next_required=false
required_keys=()
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in
    '# generate: '*) kind=${line#'# generate: '} ;;
    '# required') next_required=true ;;
  esac
  case "$line" in
    '#'* | '')
      # A new file is the template itself; an existing one only gets the comment block that
      # sits right above each missing setting.
      [ "$created" -eq 0 ] || printf '%s\n' "$line" >>"$tmp"
      if [ -z "$line" ]; then pending_comments=""; kind=""; next_required=false
      else pending_comments+="$line"$'\n'; fi
      continue ;;
  esac
  key=${line%%=*}
  default=${line#*=}
  if $next_required; then required_keys+=("$key"); fi
  value=$default
  [ -z "$kind" ] || value=$(random_value "$kind")
  if existing=$(current_value "$key" "$tmp"); then
    if [ -z "$existing" ] && [ -n "$kind" ]; then
      # Present but empty (e.g. .env copied by hand): fill in place, keep the line's position.
      sed -i "s|^$key=\$|$key=$value|" "$tmp"
      filled=$((filled + 1))
    fi
  else
    if [ "$created" -eq 0 ]; then
      printf '\n%s' "$pending_comments" >>"$tmp"
      appended=$((appended + 1))
    fi
    printf '%s=%s\n' "$key" "$value" >>"$tmp"
  fi
  pending_comments=""
  kind=""
  next_required=false
done <"$example"

chmod 600 "$tmp"
mv "$tmp" "$env_file"
trap - EXIT

mkdir -p "$secrets_dir" "$secrets_dir/backup"
chmod 700 "$secrets_dir" "$secrets_dir/backup"
if [ ! -s "$secrets_dir/portainer_admin_password" ]; then
  random_value password >"$secrets_dir/portainer_admin_password"
  chmod 600 "$secrets_dir/portainer_admin_password"
  echo "generate-secrets: wrote $secrets_dir/portainer_admin_password (Portainer user: admin)"
fi

if [ "$created" -eq 1 ]; then
  echo "generate-secrets: created $env_file"
else
  echo "generate-secrets: kept every value of $env_file; filled $filled empty secret(s), added $appended new setting(s)"
fi

todo=()
for key in "${required_keys[@]}"; do
  value=$(current_value "$key" "$env_file" || true)
  if [ -z "$value" ] || [ "$value" = "$(current_value "$key" "$example" || true)" ]; then
    todo+=("$key")
  fi
done
if [ "${#todo[@]}" -gt 0 ]; then
  echo "generate-secrets: edit $env_file and set: ${todo[*]}" >&2
  if $check; then exit 1; fi
fi

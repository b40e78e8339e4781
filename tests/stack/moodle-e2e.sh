#!/usr/bin/env bash
# End-to-end check of the Moodle image's init step and single sign-on, without Docker: the
# stack's config.php, php.ini, lafaom-init.sh and cli/ run on this machine's PHP against a real
# Moodle source tree, its PostgreSQL and a password-protected Redis, next to the real backend.
# Not part of CI (CI machines have no Moodle source); run it on a throw-away machine:
#
#   tests/stack/moodle-e2e.sh MOODLE_SOURCE_DIR AUTH_JWTSSO_SOURCE_DIR [BACKEND_JAR]
#
#   MOODLE_SOURCE_DIR       e.g. git clone --depth 1 --branch v5.2.3 https://github.com/moodle/moodle.git
#   AUTH_JWTSSO_SOURCE_DIR  the plugin at the commit of deploy/moodle/versions.lock
#   BACKEND_JAR             default: target/lafaom-platform-*.jar (./mvnw -DskipTests package)
#
# Needs root (the init step uses the image's paths: /var/www/html, /var/www/moodledata,
# /opt/lafaom/moodle, and runuser www-data; they must not exist yet and are removed at the end),
# PHP 8.2+ with Moodle's extensions (pgsql, redis, intl, gd, zip, soap, mbstring, xml, curl),
# PostgreSQL on 127.0.0.1:5432 with trust auth, redis-server, curl, a JDK 21+.
# Prints one "ok"/"FAILED" line per check, then "N passed, N failed".
set -Eeuo pipefail

moodle_src=$(realpath "${1:?usage: moodle-e2e.sh MOODLE_SOURCE_DIR AUTH_JWTSSO_SOURCE_DIR [BACKEND_JAR]}")
plugin_src=$(realpath "${2:?usage: moodle-e2e.sh MOODLE_SOURCE_DIR AUTH_JWTSSO_SOURCE_DIR [BACKEND_JAR]}")
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
jar=${3:-$(find "$root/target" -maxdepth 1 -name "lafaom-platform-*.jar" 2>/dev/null | head -n 1)}
[ -f "$jar" ] || { echo "moodle-e2e: no backend jar; run ./mvnw -DskipTests package" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "moodle-e2e: run as root (see the header)" >&2; exit 2; }
for path in /var/www/html /var/www/moodledata /opt/lafaom/moodle; do
  [ ! -e "$path" ] || { echo "moodle-e2e: $path exists; this script only runs where it can remove it" >&2; exit 2; }
done

# The JDK ./mvnw would use (the default java may be older than the backend's 21).
# shellcheck source=/dev/null
. "$root/.mvn/select-jdk.sh"
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java
set +f  # select-jdk.sh leaves globbing off, as ./mvnw wants it

work=$(mktemp -d)
moodle_port=18555
backend_port=18556
db="moodle_e2e_$$"
backend_db="lafaom_e2e_$$"
passed=0
failed=0
pids=()
ini_dir=$(php --ini | sed -n 's/^Scan for additional .ini files in: //p')

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "DROP DATABASE IF EXISTS $backend_db WITH (FORCE)" \
    -c "DROP ROLE IF EXISTS moodle_e2e" >/dev/null 2>&1 || true
  rm -rf /var/www/html /var/www/moodledata /opt/lafaom/moodle /run/lafaom-moodle-ready "$ini_dir/90-lafaom-e2e.ini" "$work"
  rmdir /var/www /opt/lafaom 2>/dev/null || true
}
trap cleanup EXIT

check() {  # check DESCRIPTION COMMAND...: one line per check
  local what=$1
  shift
  if "$@" >>"$work/checks.log" 2>&1; then
    passed=$((passed + 1)); echo "ok      $what"
  else
    failed=$((failed + 1)); echo "FAILED  $what (see the end of $work/checks.log)"; tail -n 5 "$work/checks.log" | sed 's/^/        /'
  fi
}

# --- The image's file layout ------------------------------------------------------------------
mkdir -p /var/www/html /var/www/moodledata /opt/lafaom/moodle
cp -a "$moodle_src/." /var/www/html/
rm -rf /var/www/html/.git
webroot=/var/www/html
[ ! -d /var/www/html/public ] || webroot=/var/www/html/public
mkdir -p "$webroot/auth/jwtsso"
cp -a "$plugin_src/." "$webroot/auth/jwtsso/"
for patch in "$root"/deploy/moodle/patches/auth_jwtsso-*.patch; do
  (cd "$webroot/auth/jwtsso" && git apply "$patch")
done
rm -rf "$webroot/auth/jwtsso/.git"
cp "$root/deploy/moodle/config.php" /var/www/html/config.php
cp -a "$root/deploy/moodle/cli" /opt/lafaom/moodle/
cp "$root/deploy/moodle/php.ini" "$ini_dir/90-lafaom-e2e.ini"
chown -R root:root /var/www/html && chmod -R go-w,a+rX /var/www/html
chown www-data:www-data /var/www/moodledata

psql -h 127.0.0.1 -U postgres -qc "CREATE ROLE moodle_e2e LOGIN PASSWORD 'e2e'" -c "CREATE DATABASE $db OWNER moodle_e2e" \
  -c "CREATE DATABASE $backend_db" >/dev/null
redis_port=$((20000 + $$ % 10000))
redis-server --port "$redis_port" --bind 127.0.0.1 --requirepass e2e-redis --save '' --appendonly no >"$work/redis.log" 2>&1 &
pids+=($!)

# The backend as Moodle's identity provider. Moodle fetches its JWKS at 127.0.0.2: its outgoing
# filter resolves 127.0.0.1 back to "localhost", a name it always blocks (in the stack the
# backend's address is on the stack's own subnet instead).
PORT=$backend_port SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$backend_db" SPRING_DATASOURCE_USERNAME=postgres \
  LAFAOM_KEY_ENCRYPTION_KEY=$(head -c 32 /dev/urandom | base64) LAFAOM_PUBLIC_URL="http://127.0.0.1:$backend_port" \
  MOODLE_URL="http://127.0.0.1:$moodle_port" MOODLE_INTERNAL_URL="http://127.0.0.1:$moodle_port" \
  LAFAOM_ADMIN_EMAIL=direction@lafaom.test LAFAOM_ADMIN_PASSWORD=Direction-Pass-1 LAFAOM_UPLOADS_DIR="$work/uploads" \
  "$java_bin" -jar "$jar" >"$work/backend.log" 2>&1 &
pids+=($!)

export MOODLE_WWWROOT=https://moodle.lafaom.test MOODLE_INTERNAL_HOST="127.0.0.1:$moodle_port"
export MOODLE_DB_HOST=127.0.0.1 MOODLE_DB_NAME=$db MOODLE_DB_USER=moodle_e2e MOODLE_DB_PASSWORD=e2e
export MOODLE_ADMIN_USER=admin MOODLE_ADMIN_PASSWORD='Admin-Pass-123!' MOODLE_ADMIN_EMAIL=moodle-admin@lafaom.test MOODLE_LANG=en
export MOODLE_SMTP_HOST=127.0.0.1 MOODLE_SMTP_PORT=2525 MOODLE_SMTP_STARTTLS=false MOODLE_NOREPLY_ADDRESS=no-reply@lafaom.test
export MOODLE_REDIS_HOST="127.0.0.1:$redis_port" MOODLE_REDIS_PASSWORD=e2e-redis
export JWTSSO_ISSUER="http://127.0.0.1:$backend_port/api/v1/auth/moodle/sso"
export JWTSSO_JWKS_URL="http://127.0.0.2:$backend_port/api/v1/auth/jwks.json"
export JWTSSO_AUDIENCE="http://127.0.0.1:$moodle_port"
export LAFAOM_STACK_SUBNETS=127.0.0.0/8 LAFAOM_TOKEN_FILE="$work/token/ws-token" LAFAOM_TOKEN_FILE_GID=10001

# --- The init step -------------------------------------------------------------------------------
check "init step installs Moodle into an empty database and configures it" bash "$root/deploy/moodle/lafaom-init.sh"
first_token=$(cat "$LAFAOM_TOKEN_FILE" 2>/dev/null || true)
check "init step runs again on the installed site" bash "$root/deploy/moodle/lafaom-init.sh"
check "a second run keeps the same token" test -n "$first_token" -a "$first_token" = "$(cat "$LAFAOM_TOKEN_FILE")"
check "token file is 0440, group 10001" test "$(stat -c '%a %g' "$LAFAOM_TOKEN_FILE")" = "440 10001"

runuser -u www-data -- env MOODLE_WWWROOT="$MOODLE_WWWROOT" MOODLE_INTERNAL_HOST="$MOODLE_INTERNAL_HOST" \
  MOODLE_DB_HOST=127.0.0.1 MOODLE_DB_NAME="$db" MOODLE_DB_USER=moodle_e2e MOODLE_DB_PASSWORD=e2e \
  php -S "127.0.0.1:$moodle_port" -t "$webroot" >"$work/web.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$backend_port/actuator/health/readiness" >/dev/null 2>&1 && \
    curl -fs -o /dev/null "http://127.0.0.1:$moodle_port/login/index.php" && break
  sleep 1
done
check "the image's healthcheck finds Moodle healthy" env LAFAOM_HEALTHCHECK_URL="http://127.0.0.1:$moodle_port/login/index.php" \
  php "$root/deploy/moodle/lafaom-moodle-healthcheck.php"

# --- Web services with the token --------------------------------------------------------------------
token=$(cat "$LAFAOM_TOKEN_FILE")
ws() { curl -s "http://127.0.0.1:$moodle_port/webservice/rest/server.php" -d wstoken="$token" -d wsfunction="$1" -d moodlewsrestformat=json "${@:2}"; }
no_exception() { ! grep -q '"exception"' <<<"$1" && [ -n "$1" ]; }
course=$(ws core_course_create_courses -d 'courses[0][fullname]=E2E course' -d 'courses[0][shortname]=E2E-1' -d 'courses[0][categoryid]=1')
check "core_course_create_courses" no_exception "$course"
course_id=$(sed -n 's/.*"id":\([0-9]*\).*/\1/p' <<<"$course")
check "core_course_get_courses_by_field finds it by short name" grep -q '"shortname":"E2E-1"' <<<"$(ws core_course_get_courses_by_field -d field=shortname -d value=E2E-1)"
check "core_course_update_courses" no_exception "$(ws core_course_update_courses -d "courses[0][id]=$course_id" -d 'courses[0][fullname]=E2E course 2')"
user=$(ws core_user_create_users -d 'users[0][username]=e2e.student@lafaom.test' -d 'users[0][auth]=jwtsso' \
  -d 'users[0][email]=e2e.student@lafaom.test' -d 'users[0][firstname]=E2E' -d 'users[0][lastname]=Student')
check "core_user_create_users" no_exception "$user"
user_id=$(sed -n 's/.*"id":\([0-9]*\).*/\1/p' <<<"$user")
check "core_user_get_users_by_field finds the user by e-mail" grep -q '"email":"e2e.student@lafaom.test"' \
  <<<"$(ws core_user_get_users_by_field -d field=email -d 'values[0]=e2e.student@lafaom.test')"
check "core_user_update_users" no_exception "$(ws core_user_update_users -d "users[0][id]=$user_id" -d 'users[0][firstname]=E2E2')"
check "enrol_manual_enrol_users as student" test "$(ws enrol_manual_enrol_users -d 'enrolments[0][roleid]=5' -d "enrolments[0][userid]=$user_id" -d "enrolments[0][courseid]=$course_id")" = null
check "core_enrol_get_enrolled_users lists the student" grep -q '"email":"e2e.student@lafaom.test"' <<<"$(ws core_enrol_get_enrolled_users -d "courseid=$course_id")"
check "enrol_manual_unenrol_users" test "$(ws enrol_manual_unenrol_users -d "enrolments[0][userid]=$user_id" -d "enrolments[0][courseid]=$course_id")" = null
check "a function outside the service is refused" grep -q accessexception <<<"$(ws core_user_delete_users -d "userids[0]=$user_id")"

# --- Single sign-on through the backend ---------------------------------------------------------------
curl -fs "http://127.0.0.1:$backend_port/actuator/health/readiness" >/dev/null || { tail -n 30 "$work/backend.log"; exit 1; }
bearer=$(curl -s -H 'Content-Type: application/json' -d '{"email":"direction@lafaom.test","password":"Direction-Pass-1"}' \
  "http://127.0.0.1:$backend_port/api/v1/auth/token" | sed -n 's/.*"access_token":{"token":"\([^"]*\)".*/\1/p')
url=$(curl -s -H "Authorization: Bearer $bearer" "http://127.0.0.1:$backend_port/api/v1/auth/moodle/sso-url" | sed -n 's/.*"url":"\([^"]*\)".*/\1/p')
location=$(curl -s -c "$work/jar" -b "$work/jar" -o /dev/null -D - "$url" | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')
check "SSO (backend-initiated): the callback signs the person in" test "$location" = "http://127.0.0.1:$moodle_port/"
check "SSO: Moodle created the account with auth jwtsso" grep -q "direction@lafaom.test|jwtsso" \
  <<<"$(psql -h 127.0.0.1 -U postgres -d "$db" -Atc "select email || '|' || auth from mdl_user")"
check "SSO: the same token cannot be used twice" test "$(curl -s -o /dev/null -D - "$url" | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')" \
  = "http://127.0.0.1:$moodle_port/login/index.php"
rm -f "$work/jar"
issuer=$(curl -s -c "$work/jar" -b "$work/jar" -o /dev/null -D - "http://127.0.0.1:$moodle_port/auth/jwtsso/start.php" | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')
form=$(curl -s -c "$work/jar" -b "$work/jar" "$issuer" | grep -o '<input type="hidden" name="[a-z]*" value="[^"]*"' |
  sed 's/.*name="\([a-z]*\)" value="\([^"]*\)"/-d \1=\2/' | tr '\n' ' ')
# shellcheck disable=SC2086 # one -d per hidden field
callback=$(curl -s -c "$work/jar" -b "$work/jar" -o /dev/null -D - $form --data-urlencode email=direction@lafaom.test \
  --data-urlencode password=Direction-Pass-1 "http://127.0.0.1:$backend_port/api/v1/auth/moodle/sso" | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')
check "SSO (Moodle-initiated): sign-in page, then back to Moodle signed in" test "$(curl -s -c "$work/jar" -b "$work/jar" -o /dev/null -D - "$callback" |
  tr -d '\r' | sed -n 's/^[Ll]ocation: //p')" = "http://127.0.0.1:$moodle_port/"

# --- Cron and caches ------------------------------------------------------------------------------------
check "Moodle cron runs through the wrapper" runuser -u www-data -- env MOODLE_WWWROOT="$MOODLE_WWWROOT" MOODLE_DB_HOST=127.0.0.1 \
  MOODLE_DB_NAME="$db" MOODLE_DB_USER=moodle_e2e MOODLE_DB_PASSWORD=e2e bash "$root/deploy/moodle/lafaom-moodle-cron"
check "Moodle's caches are in Redis under mdl_" test "$(redis-cli -p "$redis_port" -a e2e-redis --no-auth-warning --scan --pattern 'mdl_*' | wc -l)" -gt 0

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

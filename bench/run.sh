#!/usr/bin/env bash
# Load benchmark of the backend on this machine, printed as tables: identity routes, then the
# seeded training catalogue (with and without Redis) and applications with a 1 MB document.
#
#   bench/run.sh            # needs PostgreSQL on 127.0.0.1:5432 (trust auth), wrk and pgbench
#
# It builds the jar if needed, starts it against a fresh database, measures start-up time, then
# drives each route with wrk (2 threads, BENCH_CONNECTIONS connections, BENCH_SECONDS seconds after
# a warm-up) and reports requests/s and p99 beside the machine's ceilings: a trivial endpoint of the
# same server, and `pgbench -S` for the database. The load generator shares the 2 cores with the
# server, so figures are a floor, not a capacity plan. Results are also written to bench/results/.
set -Eeuo pipefail
cd "$(dirname "$0")/.."

PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
SECONDS_PER_RUN=${BENCH_SECONDS:-20}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
PORT=${BENCH_PORT:-18080}
DB="lafaom_bench_$$"
PGBENCH_DB="lafaom_pgbench_$$"
RESULTS=bench/results
mkdir -p "$RESULTS"
OUT="$RESULTS/$(date -u +%Y%m%dT%H%M%SZ).txt"
LOG="$RESULTS/server.log"
server_pid=""

need() { command -v "$1" >/dev/null 2>&1 || { echo "bench: '$1' is missing (apt-get install $2)" >&2; exit 1; }; }
need wrk wrk
need pgbench postgresql-client
need psql postgresql-client
need curl curl

cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  dropdb --if-exists "$DB" 2>/dev/null || true
  dropdb --if-exists "$PGBENCH_DB" 2>/dev/null || true
  [ -z "${work:-}" ] || rm -rf "$work"
}
trap cleanup EXIT

jar=$(ls target/lafaom-platform-*.jar 2>/dev/null | head -n 1 || true)
if [ -z "$jar" ]; then
  ./mvnw -B -q -DskipTests package
  jar=$(ls target/lafaom-platform-*.jar | head -n 1)
fi
# shellcheck source=/dev/null
. .mvn/select-jdk.sh
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java

createdb "$DB"
export LAFAOM_ADMIN_EMAIL=bench@lafaom.test LAFAOM_ADMIN_PASSWORD=Bench-Password-1
LAFAOM_KEY_ENCRYPTION_KEY=$(head -c 32 /dev/urandom | base64)
export LAFAOM_KEY_ENCRYPTION_KEY SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME="$PGUSER"
export PORT LAFAOM_AUTH_THROTTLE_ADDRESS_FAILURES=1000000

# Run as in production: the extracted jar layout, a JDK AOT cache made by a training start, and the
# image's own JVM options (the Dockerfile's JDK_JAVA_OPTIONS) in a machine the size of the
# backend's container limit in docker-compose.yml (-XX:MaxRAM), so that what the JVM derives from
# the machine's memory, such as its initial heap, is what it derives in the container.
work=$(mktemp -d)
"$java_bin" -Djarmode=tools -jar "$jar" extract --destination "$work/app" >/dev/null
app_jar="$work/app/$(basename "$jar")"
image_opts=$(sed -n 's/^ENV JDK_JAVA_OPTIONS="\([^"]*\)".*/\1/p' Dockerfile)
container_limit=$(awk '/^  backend:/ {b = 1; next} b && /^  [^ ]/ {b = 0} b && /memory:/ {print $2; exit}' docker-compose.yml)
if [ -z "$image_opts" ] || [ -z "$container_limit" ]; then
  echo "bench: no JDK_JAVA_OPTIONS in Dockerfile or no backend memory limit in docker-compose.yml" >&2
  exit 1
fi
# BENCH_JVM_OPTS replaces these, e.g. to try another heap size.
read -r -a JVM_OPTS <<<"${BENCH_JVM_OPTS:-$image_opts -XX:MaxRAM=$container_limit}"
aot=()
if "$java_bin" -XX:AOTCacheOutput="$work/app.aot" -Dspring.context.exit=onRefresh "${JVM_OPTS[@]}" -jar "$app_jar" >"$LOG.training" 2>&1; then
  aot=(-XX:AOTCache="$work/app.aot")
fi
start_server() {
  "$java_bin" "${aot[@]}" "${JVM_OPTS[@]}" -jar "$app_jar" >"$LOG" 2>&1 &
  server_pid=$!
  until curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null; do
    kill -0 "$server_pid" 2>/dev/null || { echo "bench: server died, see $LOG" >&2; exit 1; }
    sleep 0.2
  done
}
stop_server() {
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}
export LAFAOM_REGISTRATION_APPLY_LIMIT=100000000
# The first start on the empty database also creates the first administrator and the first
# signing key; a restart (every deployment after the first) does neither: both are measured.
start_ms=$(date +%s%3N)
start_server
first_ready_ms=$(( $(date +%s%3N) - start_ms ))
stop_server
start_ms=$(date +%s%3N)
start_server
ready_ms=$(date +%s%3N)
heap_bytes=$("${java_bin%java}jcmd" "$server_pid" VM.flags | tr ' ' '\n' | sed -n 's/^-XX:MaxHeapSize=//p')
heap_mb=$(( heap_bytes / 1048576 ))
# Resident memory is sampled while the identity routes are under load: the figure is the peak.
rss_peak_file="$work/rss-peak"
echo 0 >"$rss_peak_file"
(
  peak=0
  while kill -0 "$server_pid" 2>/dev/null && [ ! -e "$work/rss-stop" ]; do
    now=$(awk '/^VmRSS/ {print $2}' "/proc/$server_pid/status" 2>/dev/null || echo 0)
    if [ "${now:-0}" -gt "$peak" ]; then peak=$now; echo "$peak" >"$rss_peak_file"; fi
    sleep 0.2
  done
) &
rss_sampler=$!
startup_reported=$(sed -n 's/.*Started Application in \([0-9.]*\) seconds.*/\1/p' "$LOG" | head -n 1)

token=$(curl -fs -H 'Content-Type: application/json' -d '{"email":"bench@lafaom.test","password":"Bench-Password-1"}' \
  "http://127.0.0.1:$PORT/api/v1/auth/token" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
[ -n "$token" ] || { echo "bench: could not sign in" >&2; exit 1; }

login_lua=$(mktemp)
cat >"$login_lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"email":"bench@lafaom.test","password":"Bench-Password-1"}'
LUA

# run NAME CONNECTIONS URL [wrk args...] -> "requests/s p99"
run() {
  local name=$1 conns=$2 url=$3
  shift 3
  wrk -t2 -c"$conns" -d5s "$@" "$url" >/dev/null
  local report
  report=$(wrk -t2 -c"$conns" -d"${SECONDS_PER_RUN}s" --latency "$@" "$url")
  local rps p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$report")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$report")
  errors=$(awk '/Non-2xx/ {print $5}' <<<"$report")
  printf '%s %s %s %s\n' "$name" "$rps" "$p99" "${errors:-0}"
}

base="http://127.0.0.1:$PORT"
# The JIT compiles the whole request path during the first seconds: warm every route first, so
# the ceiling (trivial endpoint) is not measured on a half-compiled server.
for warm in "$base/api/v1/dashboard/health" "$base/api/v1/auth/jwks.json"; do
  wrk -t2 -c"$CONNECTIONS" -d10s "$warm" >/dev/null
done
wrk -t2 -c"$CONNECTIONS" -d10s -H "Authorization: Bearer $token" "$base/api/v1/auth/me" >/dev/null
trivial=$(run trivial "$CONNECTIONS" "$base/api/v1/dashboard/health")
me=$(run auth_me "$CONNECTIONS" "$base/api/v1/auth/me" -H "Authorization: Bearer $token")
jwks=$(run jwks "$CONNECTIONS" "$base/api/v1/auth/jwks.json")
logins=$(run login 4 "$base/api/v1/auth/token" -s "$login_lua")
rss_kb=$(ps -o rss= -p "$server_pid" | tr -d ' ')
touch "$work/rss-stop"
wait "$rss_sampler" 2>/dev/null || true
rss_peak_kb=$(cat "$rss_peak_file")

createdb "$PGBENCH_DB"
pgbench -q -i -s 10 "$PGBENCH_DB" >/dev/null 2>&1
pg_tps=$(pgbench -S -c 8 -j 2 -T "$SECONDS_PER_RUN" "$PGBENCH_DB" 2>/dev/null | awk '/^tps/ {print $3; exit}')

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f%%", 100 * a / b; else print "n/a" }'; }
field() { awk -v n="$2" '{print $n}' <<<"$1"; }

{
  echo "LAFAOM-MAO backend benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, ${SECONDS_PER_RUN}s per run, wrk -t2"
  printf '%-28s %12s %10s %8s %s\n' route "requests/s" p99 non2xx "vs ceiling"
  printf '%-28s %12s %10s %8s %s\n' "GET /api/v1/dashboard/health" "$(field "$trivial" 2)" "$(field "$trivial" 3)" "$(field "$trivial" 4)" "(ceiling: trivial endpoint, c=$CONNECTIONS)"
  printf '%-28s %12s %10s %8s %s\n' "GET /api/v1/auth/me" "$(field "$me" 2)" "$(field "$me" 3)" "$(field "$me" 4)" "$(ratio "$(field "$me" 2)" "$(field "$trivial" 2)") of trivial"
  printf '%-28s %12s %10s %8s %s\n' "GET /api/v1/auth/jwks.json" "$(field "$jwks" 2)" "$(field "$jwks" 3)" "$(field "$jwks" 4)" "$(ratio "$(field "$jwks" 2)" "$(field "$trivial" 2)") of trivial"
  printf '%-28s %12s %10s %8s %s\n' "POST /api/v1/auth/token" "$(field "$logins" 2)" "$(field "$logins" 3)" "$(field "$logins" 4)" "(Argon2id bound, c=4)"
  printf '%-28s %12s\n' "pgbench -S (c=8) tps" "$pg_tps"
  echo "start-up (restart): ${startup_reported}s reported by Spring, $(( ready_ms - start_ms )) ms until ready; first start on an empty database: ${first_ready_ms} ms until ready (external PostgreSQL, AOT cache: ${aot[*]:-none})"
  echo "resident memory: $(( rss_peak_kb / 1024 )) MB at peak under load, $(( rss_kb / 1024 )) MB after load (heap ${heap_mb} MiB; JVM options: ${JVM_OPTS[*]})"
} | tee "$OUT"
rm -f "$login_lua"

# Trainings and registrations (issue 4): a seeded catalogue read with and without Redis, and
# applications with a 1 MB document. Skip with BENCH_TRAINING=0.
if [ "${BENCH_TRAINING:-1}" != 0 ]; then
  psql -q -d "$DB" -f bench/seed-training.sql >/dev/null
  pages_lua=$(mktemp)
  cat >"$pages_lua" <<'LUA'
-- Pages 1 to 50 of the public lists, so the cache holds many entries as it would in real use.
counter = 0
request = function()
  counter = counter + 1
  local page = counter % 50 + 1
  if counter % 2 == 0 then
    return wrk.format("GET", "/api/v1/trainings?page=" .. page .. "&page_size=20&status=ACTIVE")
  end
  return wrk.format("GET", "/api/v1/training-sessions?page=" .. page .. "&page_size=20&order_by=start_date")
end
LUA
  cached=$(run catalogue_redis "$CONNECTIONS" "$base" -s "$pages_lua")
  trivial2=$(run trivial2 "$CONNECTIONS" "$base/api/v1/dashboard/health")
  stop_server
  export LAFAOM_CACHE_ENABLED=false
  start_server
  uncached=$(run catalogue_db "$CONNECTIONS" "$base" -s "$pages_lua")
  stop_server
  unset LAFAOM_CACHE_ENABLED
  start_server
  students=${BENCH_APPLY_THREADS:-8}
  tokens_file=$(mktemp); emails_file=$(mktemp)
  token=$(curl -fs -H 'Content-Type: application/json' -d '{"email":"bench@lafaom.test","password":"Bench-Password-1"}' \
    "$base/api/v1/auth/token" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
  for i in $(seq 1 "$students"); do
    email="bench-applicant-$i@example.test"
    curl -fs -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -d "{\"first_name\":\"A\",\"last_name\":\"B\",\"password\":\"Bench-Student-1\",\"email\":\"$email\",\"status\":\"active\",\"user_type\":\"student\",\"two_factor_enabled\":false}" \
      "$base/api/v1/users"
    # printf adds the newline the JSON answer (and so sed's output) lacks.
    printf '%s\n' "$(curl -fs -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"Bench-Student-1\"}" \
      "$base/api/v1/auth/token" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')" >>"$tokens_file"
    echo "$email" >>"$emails_file"
  done
  applies=$(python3 bench/apply_load.py "$base" "$SECONDS_PER_RUN" "$tokens_file" "$emails_file")
  pg_write_tps=$(pgbench -N -c 8 -j 2 -T "$SECONDS_PER_RUN" "$PGBENCH_DB" 2>/dev/null | awk '/^tps/ {print $3; exit}')
  disk_mb_s=$(dd if=/dev/zero of="$work/ceiling.bin" bs=1M count=512 conv=fdatasync 2>&1 | awk '/copied/ {print $(NF-1), $NF}')
  rm -f "$pages_lua" "$tokens_file" "$emails_file" "$work/ceiling.bin"
  {
    echo
    echo "Trainings and registrations: 10 000 trainings and sessions, 100 000 applications"
    printf '%-44s %12s %10s %8s %s\n' measure "per second" p99 errors "vs ceiling"
    printf '%-44s %12s %10s %8s %s\n' "GET catalogue lists (pages 1-50), Redis" "$(field "$cached" 2)" "$(field "$cached" 3)" "$(field "$cached" 4)" "$(ratio "$(field "$cached" 2)" "$(field "$trivial2" 2)") of trivial ($(field "$trivial2" 2)/s)"
    printf '%-44s %12s %10s %8s %s\n' "GET catalogue lists (pages 1-50), no cache" "$(field "$uncached" 2)" "$(field "$uncached" 3)" "$(field "$uncached" 4)" "$(ratio "$(field "$uncached" 2)" "$(field "$trivial2" 2)") of trivial"
    printf '%-44s %12s %10s %8s %s\n' "apply + upload 1 MB PDF ($students threads)" "$(field "$applies" 1)" "$(field "$applies" 3)ms" "$(field "$applies" 4)" "$(ratio "$(field "$applies" 1)" "$pg_write_tps") of pgbench -N ($pg_write_tps tps); disk $disk_mb_s"
  } | tee -a "$OUT"
fi

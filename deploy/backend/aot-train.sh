#!/usr/bin/env bash
# Records a JDK AOT cache (JEP 483/514) for the backend by starting it once and stopping as soon
# as the Spring context is refreshed. Used by the Dockerfile at build time and by tests/stack
# (the same command, on this machine's JDK), so the image starts the way it is tested.
#
#   aot-train.sh APP_JAR CACHE_FILE
#
# With no SPRING_DATASOURCE_URL the backend starts its embedded PostgreSQL in a throw-away data
# folder, so the build needs no database. The JVM options come from JDK_JAVA_OPTIONS, which
# must be the same at run time for the cache to be used, except the heap's size: unpacking the
# embedded PostgreSQL takes more heap than the service's 96 MiB, so the training has its own.
# A failed training leaves no cache: the JVM then warns and starts normally, only slower.
set -Eeuo pipefail

app_jar=${1:?usage: aot-train.sh APP_JAR CACHE_FILE}
cache=${2:?usage: aot-train.sh APP_JAR CACHE_FILE}
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java

data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
if LAFAOM_DATA_DIR="$data" "$java_bin" -XX:AOTCacheOutput="$cache" -Dspring.context.exit=onRefresh \
    -Xmx512m -jar "$app_jar" >"$data/training.log" 2>&1; then
  echo "aot-train: wrote $cache ($(du -h "$cache" | cut -f1))"
else
  echo "aot-train: training start failed, the image will start without an AOT cache:" >&2
  tail -n 40 "$data/training.log" >&2
  rm -f "$cache"
fi

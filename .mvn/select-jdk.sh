# Sourced by ./mvnw. The project compiles for Java 21, while some machines default to an
# older java: when JAVA_HOME (or the java on PATH) is older than 21, use the newest JDK
# found under the usual install folders, so a newcomer never has to pick one by hand.
lafaom_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
lafaom_current_java() {
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    printf %s "$JAVA_HOME/bin/java"
  else
    command -v java 2>/dev/null || true
  fi
}
lafaom_java=$(lafaom_current_java)
lafaom_major=0
[ -z "$lafaom_java" ] || lafaom_major=$(lafaom_java_major "$lafaom_java")
if [ "${lafaom_major:-0}" -lt 21 ]; then
  lafaom_best=""
  lafaom_best_major=0
  set +f  # mvnw runs with globbing off
  for lafaom_dir in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$lafaom_dir/bin/javac" ] || continue
    lafaom_m=$(lafaom_java_major "$lafaom_dir/bin/java")
    if [ "${lafaom_m:-0}" -gt "$lafaom_best_major" ]; then
      lafaom_best=$lafaom_dir
      lafaom_best_major=$lafaom_m
    fi
  done
  if [ "$lafaom_best_major" -ge 21 ]; then
    JAVA_HOME=$lafaom_best
    export JAVA_HOME
    set -f
  else
    echo "mvnw: this project needs a JDK 21 or newer; set JAVA_HOME to one" >&2
    exit 1
  fi
fi
set -f

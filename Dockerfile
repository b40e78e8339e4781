# Backend image: Maven build on a JDK, then a slim JRE runtime that starts the way bench/run.sh
# measures it (extracted jar layout plus a JDK AOT cache made by a training start).
#
#   docker compose build backend        (or: docker build -t lafaom-backend:local .)
#
# Base images are pinned to exact releases; bump both JDK and JRE together, one commit each.
ARG JDK_IMAGE=eclipse-temurin:25.0.3_9-jdk-noble
ARG JRE_IMAGE=eclipse-temurin:25.0.3_9-jre-noble

FROM ${JDK_IMAGE} AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY src/main/ src/main/
# Tests run in CI (./run-tests.sh), not in the image build. The cache mount keeps the Maven
# repository between builds, so a code change does not download the dependencies again.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B --no-transfer-progress -DskipTests package \
 && cp target/lafaom-platform-*.jar /tmp/lafaom-platform.jar \
 && java -Djarmode=tools -jar /tmp/lafaom-platform.jar extract --destination /app

FROM ${JRE_IMAGE}
RUN groupadd --system --gid 10001 lafaom \
 && useradd --system --uid 10001 --gid lafaom --home-dir /opt/lafaom --no-create-home --shell /usr/sbin/nologin lafaom \
 && mkdir -p /opt/lafaom/aot /var/lib/lafaom/uploads \
 && chown lafaom:lafaom /opt/lafaom/aot /var/lib/lafaom/uploads
WORKDIR /opt/lafaom
COPY --from=build /app/ /opt/lafaom/app/
COPY deploy/backend/aot-train.sh deploy/backend/healthcheck.sh /opt/lafaom/
# Memory as measured by bench/run.sh with these very options (docs/performance.md): a 96 MiB heap,
# about twice the application's live data, set outright because a percentage of a small container
# cannot give less than the JVM's 126 MiB default. The JVM's own parts (class data, JIT code,
# threads) take about 230 MB more whatever the heap; the container's limit (480 MiB in
# docker-compose.yml) leaves room above the measured peak. Every 5 s the JVM hands back to the
# system what its JIT compiler freed (about 30 MB that glibc would otherwise keep). The serial
# collector suits one or two cores; an out-of-memory error restarts the container.
ENV JDK_JAVA_OPTIONS="-Xmx96m -XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=192m -XX:TrimNativeHeapInterval=5000 -XX:+ExitOnOutOfMemoryError" \
    PORT=8000 \
    LAFAOM_UPLOADS_DIR=/var/lib/lafaom/uploads
USER 10001:10001
# Training start (embedded PostgreSQL, stops once the context is refreshed) that records the
# classes the application loads into /opt/lafaom/aot/app.aot: start-up takes about half as long.
RUN /opt/lafaom/aot-train.sh /opt/lafaom/app/lafaom-platform.jar /opt/lafaom/aot/app.aot
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 CMD ["/opt/lafaom/healthcheck.sh"]
ENTRYPOINT ["java", "-XX:AOTCache=/opt/lafaom/aot/app.aot", "-jar", "/opt/lafaom/app/lafaom-platform.jar"]

# syntax=docker/dockerfile:1
#
# One image recipe for every service of the pipeline; the module is picked with build args:
#
#   docker build --build-arg SERVICE=notifications --build-arg PORT=8081 -t clinic/notifications .
#
#   SERVICE  booking-intake | notifications | reminders | dashboard
#   PORT     the port the service listens on (8080 | 8081 | 8082 | 8083); the image sets
#            SERVER_PORT to it, exposes it and health-checks it (the management port,
#            9080-9083, is neither exposed nor published)
#
# The build stage compiles with the project's Maven wrapper, so the host needs neither Java nor
# Maven. docker-compose.yml passes both args for each service.

# ---------------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jdk AS build

ARG SERVICE
ARG PORT

WORKDIR /src
COPY . .

# The Maven repository (and the Maven the wrapper downloads) lives in a BuildKit cache, so only
# the first build downloads dependencies. "locked" keeps parallel service builds from writing
# into the same repository at once.
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    set -eu; \
    case "${SERVICE:-}" in \
      booking-intake|notifications|reminders|dashboard) ;; \
      *) echo "Build with --build-arg SERVICE=<booking-intake|notifications|reminders|dashboard>" >&2; exit 1 ;; \
    esac; \
    if [ -z "${PORT:-}" ]; then echo "Build with --build-arg PORT=<the service's port>" >&2; exit 1; fi; \
    sh ./mvnw -q -B -DskipTests -pl "${SERVICE}" -am package; \
    mkdir -p /out; \
    cp "${SERVICE}"/target/"${SERVICE}"-*-exec.jar /out/app.jar; \
    cd /out; \
    java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

# ---------------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jre

ARG SERVICE
ARG PORT

LABEL org.opencontainers.image.title="clinic-pipeline ${SERVICE}"

# An unprivileged user; /data is where Kafka Streams keeps its state (PIPELINE_DATADIR).
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --home-dir /app --no-create-home --shell /usr/sbin/nologin app \
    && mkdir -p /app /data \
    && chown app:app /data

WORKDIR /app

# Boot's layers, least to most often changed, so a code change rebuilds only the last layer.
COPY --from=build /out/extracted/dependencies/ ./
COPY --from=build /out/extracted/spring-boot-loader/ ./
COPY --from=build /out/extracted/snapshot-dependencies/ ./
COPY --from=build /out/extracted/application/ ./

# Heap as a share of the container's memory limit, leaving room for Kafka Streams' RocksDB
# (off-heap), metaspace and thread stacks. Exit on OOM so the container restarts cleanly.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60.0 -XX:InitialRAMPercentage=25.0 -XX:+ExitOnOutOfMemoryError" \
    SERVER_PORT=${PORT} \
    PIPELINE_DATADIR=/data

USER app:app
EXPOSE ${PORT}

# curl is part of the eclipse-temurin Ubuntu images. Readiness on the public port, status only:
# health details answer on the management port, which the image leaves on the loopback.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=4 \
    CMD curl -fsS -o /dev/null "http://localhost:${SERVER_PORT}/readyz" || exit 1

ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]

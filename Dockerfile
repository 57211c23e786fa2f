# The image of docker-compose.yml and of deploy/kubernetes: the console (the entry point) and the
# CLI for the CronJobs (`java ... -jar /app/tasker-metrics.jar export`, with its class data sharing
# archive), on a JRE, as a non-root user.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -q -B -DskipTests package -pl console,cli -am

FROM eclipse-temurin:17-jre
# curl for the HEALTHCHECK only.
RUN apt-get update && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 tasker \
    && useradd --system --uid 10001 --gid tasker --home-dir /app --shell /usr/sbin/nologin tasker \
    && mkdir -p /app/data /app/exports /var/lib/tasker \
    && chown -R tasker:tasker /app /var/lib/tasker
WORKDIR /app
COPY --from=build /src/console/target/tasker-console.jar /app/tasker-console.jar
COPY --from=build /src/cli/target/tasker-metrics.jar /app/tasker-metrics.jar
# A numeric user, so that Kubernetes' runAsNonRoot can verify it is not root.
USER 10001:10001
# A class data sharing archive of the classes a CLI run loads, made by one run against an empty
# file store: every CronJob pod then starts from it (half the CPU under a 200m limit; see
# docs/operations.md, "The command line").
RUN TASKER_CACHE_URL=file:///tmp/cds-training java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData \
      -Xlog:cds=off -Xlog:cds+dynamic=off -XX:ArchiveClassesAtExit=/app/tasker-metrics.jsa \
      -jar /app/tasker-metrics.jar export-now > /dev/null \
    && rm -rf /tmp/cds-training
EXPOSE 7070
# Liveness only: readiness (the store reachable) is for the orchestrator to route by, not a
# reason to restart the container.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD curl -fsS http://127.0.0.1:7070/health/live || exit 1
ENTRYPOINT ["java", "-jar", "/app/tasker-console.jar"]

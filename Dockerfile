# The console image for docker-compose.yml: builds the console jar, runs it on a JRE.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -q -B -DskipTests package -pl console,cli -am

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/console/target/tasker-console.jar /app/tasker-console.jar
COPY --from=build /src/cli/target/tasker-metrics.jar /app/tasker-metrics.jar
EXPOSE 7070
ENTRYPOINT ["java", "-jar", "/app/tasker-console.jar"]

# syntax=docker/dockerfile:1
# deribit-tracker: build with the Maven wrapper, run on a JRE 17 as a non-root user.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
# dependencies first: this layer is reused as long as pom.xml and the wrapper do not change
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
# the tests need a PostgreSQL server and run in CI (./mvnw -B verify), not in the image build
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN groupadd --system tracker && useradd --system --gid tracker --home-dir /app --shell /usr/sbin/nologin tracker
WORKDIR /app
COPY --from=build --chown=tracker:tracker /build/target/deribit-tracker.jar /app/deribit-tracker.jar
# the spool's mount point, owned by the service's user (a new named volume takes over this ownership)
RUN mkdir -p /app/data/spool && chown -R tracker:tracker /app/data
USER tracker
# public port (API, documentation, pages) and management port (actuator, Hawtio)
ENV SERVER_PORT=8080 MANAGEMENT_SERVER_PORT=8081
EXPOSE 8080 8081
# Ready = the management server answers and PostgreSQL is reachable (/actuator/health/readiness, management port).
# bash's /dev/tcp needs no extra tool in the image.
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${MANAGEMENT_SERVER_PORT} && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/deribit-tracker.jar"]

# Build: the Maven image compiles and packages the one runnable jar.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY bot/pom.xml bot/
RUN mvn -B -q -pl bot -am dependency:go-offline
COPY bot bot
COPY config config
RUN mvn -B -q package -DskipTests

# Run: a plain JRE, a non-root user, config/ and data/ as volumes.
FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --uid 10001 backgrounder \
    && mkdir -p /app/config /app/data && chown -R backgrounder /app
WORKDIR /app
COPY --from=build /src/bot/target/backgrounder.jar /app/backgrounder.jar
COPY --from=build --chown=backgrounder /src/config /app/config
USER backgrounder
VOLUME ["/app/config", "/app/data"]
# The health and metrics endpoint, reachable from outside the container (config/backgrounder.yaml
# reads http.listen from this variable).
ENV BACKGROUNDER_HTTP_LISTEN=0.0.0.0:9090
EXPOSE 9090
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://127.0.0.1:9090/healthz || exit 1
# docker stop sends SIGTERM: run finishes answers in flight and exits 0.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/backgrounder.jar", "--config", "/app/config", "--data", "/app/data"]
CMD ["run"]

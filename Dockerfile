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
RUN useradd --system --create-home --uid 10001 backgrounder \
    && mkdir -p /app/config /app/data && chown -R backgrounder /app
WORKDIR /app
COPY --from=build /src/bot/target/backgrounder.jar /app/backgrounder.jar
COPY --from=build --chown=backgrounder /src/config /app/config
USER backgrounder
VOLUME ["/app/config", "/app/data"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/backgrounder.jar", "--config", "/app/config", "--data", "/app/data"]
CMD ["check"]

# Production-like image: build with the Maven wrapper, run the executable jar on a JRE.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
RUN useradd --system --uid 10001 parindex && mkdir -p /app/data && chown parindex /app/data
COPY --from=build /src/target/par-index-tracker-*.jar /app/par-index-tracker.jar
USER parindex
# A container is reached through its published port, so it listens on every interface; and the image never
# creates the demo accounts (published password), whatever the database: give PARINDEX_ADMIN_USERNAME and
# PARINDEX_ADMIN_PASSWORD (at least 12 characters) for the first administrator.
ENV SERVER_ADDRESS=0.0.0.0 \
    PARINDEX_DEMO_ENABLED=false
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/par-index-tracker.jar"]

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
RUN useradd --system --uid 10001 parindex
COPY --from=build /src/target/par-index-tracker-*.jar /app/par-index-tracker.jar
USER parindex
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/par-index-tracker.jar"]

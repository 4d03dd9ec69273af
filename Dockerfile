# Flowstate production image: the jar with Vaadin's pre-built production bundle (no Node needed).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline -Pproduction
COPY src src
COPY bpmn bpmn
RUN ./mvnw -B -q -Pproduction -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
RUN useradd --system --uid 1001 flowstate
COPY --from=build /src/target/flowstate-*.jar /app/flowstate.jar
USER flowstate
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/flowstate.jar"]

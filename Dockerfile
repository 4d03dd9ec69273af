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
RUN useradd --system --uid 1001 flowstate && mkdir /app && chown flowstate /app
WORKDIR /app
COPY --from=build --chown=flowstate /src/target/flowstate-*.jar /tmp/flowstate.jar
# PostgreSQL refuses to run as root: the training run is the app's own user's.
USER flowstate
# Start-up (docs/decisions/0029-start-up-and-footprint.md): the jar extracted (app jar + lib/, so the class path is
# plain files), then a training run that refreshes the context on a throwaway embedded PostgreSQL and exits, writing
# a class data archive of every class it loaded. Every start maps that archive instead of loading and verifying the
# classes again. A start whose JVM or class path differs from the archive's warns and runs without it.
RUN java -Djarmode=tools -jar /tmp/flowstate.jar extract --destination /app && rm /tmp/flowstate.jar \
 && FLOWSTATE_EMBEDDED_DB_DIR=/tmp/training \
    java -XX:ArchiveClassesAtExit=/app/flowstate.jsa -Dspring.context.exit=onRefresh -Xlog:cds=off \
         -Xlog:cds+dynamic=off -jar /app/flowstate.jar \
 && rm -rf /tmp/training
EXPOSE 8080
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/flowstate.jsa", "-Xlog:cds=off", "-Xlog:cds+dynamic=off", \
            "-XX:MaxRAMPercentage=75", "-jar", "/app/flowstate.jar"]

# syntax=docker/dockerfile:1
# One image recipe for the deployables (gateway, department-service, budget-service, publication-service, console,
# portal),
# built from the repository root (the Maven reactor needs every module's pom):
#   docker-compose.yml: build: { context: ., args: { MODULE: gateway, PORT: "8080" } }
#   by hand:            docker build --build-arg MODULE=gateway --build-arg PORT=8080 -t budget-disclosure/gateway .
ARG MODULE=gateway

# ---- stage 1: build the module and the modules it needs --------------------------------------------------
FROM maven:3.9.11-eclipse-temurin-21 AS build
ARG MODULE
WORKDIR /workspace
# The wrapper's Maven and the local repository live in a BuildKit cache mount (id maven-repo), shared by the four
# image builds and kept between builds: a dependency is downloaded once per builder, not once per image and pom change.
ENV MAVEN_USER_HOME=/root/.m2
# -Dmdep.skip: local-stack (a test-scoped dependency of the services, so part of -am) would otherwise unpack
# the whole Keycloak distribution; the image needs none of it.
ARG MVN_FLAGS="-B -q -Dmaven.repo.local=/root/.m2/repository -pl ${MODULE} -am -DskipTests -Dmdep.skip=true"

# 1a. poms only: resolve every dependency and plugin of the build (into the cache mount; the layer stays small).
#     (Empty modules package fine; the Boot repackage is skipped because there is no main class yet.)
#     A module added to the root pom must be added here too.
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY event-contracts/pom.xml event-contracts/
COPY budget-model/pom.xml budget-model/
COPY service-support/pom.xml service-support/
COPY test-support/pom.xml test-support/
COPY local-stack/pom.xml local-stack/
COPY department-service/pom.xml department-service/
COPY budget-service/pom.xml budget-service/
COPY publication-service/pom.xml publication-service/
COPY gateway/pom.xml gateway/
COPY console/pom.xml console/
COPY portal/pom.xml portal/
COPY system-tests/pom.xml system-tests/
COPY benchmarks/pom.xml benchmarks/
COPY deploy/pom.xml deploy/
RUN --mount=type=cache,id=maven-repo,target=/root/.m2 \
    chmod +x mvnw && ./mvnw ${MVN_FLAGS} -Dspring-boot.repackage.skip=true package \
 && rm -rf */target

# 1b. the sources, then the real build: ${MODULE}/target/${MODULE}.jar (Spring Boot executable jar).
COPY . .
RUN --mount=type=cache,id=maven-repo,target=/root/.m2 \
    chmod +x mvnw && ./mvnw ${MVN_FLAGS} package && cp ${MODULE}/target/${MODULE}.jar /workspace/app.jar

# ---- stage 2: runtime -------------------------------------------------------------------------------------
FROM eclipse-temurin:21.0.8_9-jre-noble
ARG MODULE
ARG PORT=8080
# publication-service embeds a Chinese TrueType font in its PDFs (finance.pdf.font-path, default the path below);
# the other deployables need no fonts.
RUN if [ "${MODULE}" = "publication-service" ]; then \
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-arphic-uming \
      && rm -rf /var/lib/apt/lists/* && test -f /usr/share/fonts/truetype/arphic/uming.ttc; \
    fi
RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home --shell /usr/sbin/nologin app
WORKDIR /app
COPY --from=build --chown=app:app /workspace/app.jar /app/app.jar
USER 10001:10001
ENV SERVER_PORT=${PORT}
EXPOSE ${PORT}
# No HEALTHCHECK here: docker-compose.yml probes /actuator/health/readiness (curl ships in this base image).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/app.jar"]

# syntax=docker/dockerfile:1
# Qteria's container image: one image for every role (--role=web|worker|both) and for the commands (db migrate…).
#   docker build -t qteria:dev --build-arg VERSION=0.1.0 --build-arg REVISION=$(git rev-parse HEAD) \
#     --build-arg CREATED=$(date -u +%Y-%m-%dT%H:%M:%SZ) --build-arg SOURCE=https://github.com/OWNER/qteria .
#   docker run -p 8080:8080 -v qteria-data:/data qteria:dev --role=web
# Jib builds the same image without a Docker daemon (pom.xml, ./mvnw jib:build). docs/deployment.md says more,
# and what is tested where no image can be built (EntrypointIT: this file's ENV and ENTRYPOINT, run on the jar).

ARG JDK_IMAGE=eclipse-temurin:21-jdk
ARG JRE_IMAGE=eclipse-temurin:21-jre

# Build: the jar with the Maven wrapper (tests run in CI, not here), then unpacked into Spring Boot's layers.
# The build context has no .git (.dockerignore), so the commit /api/version reports comes from REVISION.
FROM ${JDK_IMAGE} AS build
ARG REVISION=unknown
WORKDIR /build
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q dependency:resolve
COPY src/ src/
RUN mkdir -p target/classes \
    && printf 'git.commit.id=%s\ngit.commit.id.abbrev=%.7s\n' "${REVISION}" "${REVISION}" > target/classes/git.properties
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q package -DskipTests -Dmaven.test.skip=true \
    && java -Djarmode=tools -jar target/qteria.jar extract --layers --destination extracted

# Run: a JRE, a fixed non-root user, the layers from the least to the most often changed, /data the only writable path.
FROM ${JRE_IMAGE}
ARG VERSION=development
ARG REVISION=unknown
ARG CREATED=unknown
ARG SOURCE=""
LABEL org.opencontainers.image.title="Qteria" \
      org.opencontainers.image.description="Pre-assessment of certification documents for notified bodies" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.source="${SOURCE}"
# Tesseract reads pages without a text layer (English and German); without it they are flagged as unread.
RUN apt-get update \
    && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-eng tesseract-ocr-deu \
    && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid 10001 qteria \
    && useradd --system --uid 10001 --gid 10001 --home-dir /nonexistent --no-create-home \
       --shell /usr/sbin/nologin qteria \
    && mkdir /data && chown 10001:10001 /data
WORKDIR /app
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./
COPY bin/qteria bin/qteria
COPY deploy/docker/entrypoint.sh deploy/docker/healthcheck.sh ./
ENV QTERIA_DATA_DIR=/data \
    PORT=8080 \
    HOME=/nonexistent \
    TMPDIR=/data/tmp
USER 10001:10001
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=6s --start-period=90s --retries=3 CMD ["/app/healthcheck.sh"]
ENTRYPOINT ["/app/entrypoint.sh"]

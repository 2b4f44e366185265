# syntax=docker/dockerfile:1
# piimap container image: the CLI (bin/scan semantics) with Spark on its classpath, plus piimap-app.jar for
# spark-submit. The build stage's steps are docker/build-steps.sh, which .ci/run also runs without Docker.
#
#   docker build -t piimap .
#   docker run --rm -v "$PWD:/work" piimap run --config /work/scan.yaml
#   docker compose up --build        (a demo estate: PostgreSQL, an S3 server, see docker-compose.yml)

ARG SPARK_IMAGE=apache/spark:4.2.0-java17

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
# The Maven repository stays in a build cache between image builds; the first build downloads ~550 MB.
RUN --mount=type=cache,target=/root/.m2 docker/build-steps.sh --build /opt/piimap

# Kubernetes (spark-submit --master k8s://...): Spark's own image, whose entrypoint starts drivers and executors,
# with the application jar added. Build it with `docker build --target spark-k8s -t REGISTRY/piimap-spark .`;
# a plain `docker build` builds the CLI image below and never pulls this one.
FROM ${SPARK_IMAGE} AS spark-k8s
COPY --from=build /opt/piimap/piimap-app.jar /opt/piimap/piimap-app.jar

# The CLI image: bin/scan semantics, Spark on the classpath, for local[*] scans and as a driver.
FROM eclipse-temurin:17-jre
# Tesseract lets extraction OCR images and scanned PDFs (extraction.ocr: auto); without it they are skipped.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-eng \
 && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid 10001 piimap \
 && useradd --system --uid 10001 --gid piimap --home-dir /home/piimap --create-home --shell /usr/sbin/nologin piimap \
 && mkdir -p /datamap && chown piimap:piimap /datamap
COPY --from=build /opt/piimap /opt/piimap
# Spark and Delta write temporary files under java.io.tmpdir and the user's home: both writable by piimap.
ENV PATH="/opt/piimap/bin:${PATH}" \
    HOME=/home/piimap
USER piimap
WORKDIR /home/piimap
# The image's own check: the layout starts on this JRE.
RUN scan --version
ENTRYPOINT ["/opt/piimap/bin/scan"]
CMD ["--help"]

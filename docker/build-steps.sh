#!/usr/bin/env bash
# The container image's build and assembly steps, runnable without Docker (.ci/run runs them after the tests;
# the Dockerfile's build stage runs them with --build).
#
#   docker/build-steps.sh [--build] OUT_DIR
#
# --build   first builds every module with ./mvnw (tests skipped: the image is built from a tested commit).
#           Without it the jars of an earlier `./mvnw package` or `verify` are used.
# OUT_DIR   created (it must not exist yet) with the layout the image has under /opt/piimap:
#             bin/scan          launcher: the CLI from lib/*.jar with the JVM flags Spark needs
#             conf/jvm-flags    those flags: the root POM's spark.jvm.flags
#             lib/*.jar         the scanner jar and its runtime classpath (Spark included), as bin/scan runs it
#             piimap-app.jar    the shaded jar for spark-submit (Kubernetes: local:///opt/piimap/piimap-app.jar)
# Then smoke-tests the layout: `bin/scan --version` and a one-line `bin/scan detect`.
# Exit status: 0 done; 2 bad usage or missing build output; 3 the smoke test failed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD=false
if [[ "${1:-}" == "--build" ]]; then BUILD=true; shift; fi
if [[ $# -ne 1 ]]; then
  echo "usage: docker/build-steps.sh [--build] OUT_DIR" >&2; exit 2
fi
OUT="$1"
if [[ -e "$OUT" ]]; then
  echo "build-steps: $OUT exists; fix: name a new directory" >&2; exit 2
fi

if $BUILD; then
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package) >&2
fi

# The project's version is the POM's first <version> (the parent's own, before any dependency's).
VERSION="$(grep -m 1 '<version>' "$ROOT/pom.xml" | sed 's:.*<version>\(.*\)</version>.*:\1:')"
SCANNER_JAR="$ROOT/scanner/target/scanner-$VERSION.jar"
CP_FILE="$ROOT/scanner/target/runtime-classpath.txt"
APP_JAR="$ROOT/dist/target/piimap-app-$VERSION.jar"
for f in "$SCANNER_JAR" "$CP_FILE" "$APP_JAR"; do
  [[ -f "$f" ]] || { echo "build-steps: $f is missing; fix: run ./mvnw -B package first, or pass --build" >&2; exit 2; }
done
FLAGS="$(sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' "$ROOT/pom.xml")"
[[ -n "$FLAGS" ]] || { echo "build-steps: no <spark.jvm.flags> in $ROOT/pom.xml; fix: keep that property on one line" >&2; exit 2; }

mkdir -p "$OUT/bin" "$OUT/conf" "$OUT/lib"
cp "$ROOT/docker/scan" "$OUT/bin/scan"
chmod 755 "$OUT/bin/scan"
printf '%s\n' "$FLAGS" > "$OUT/conf/jvm-flags"
cp "$APP_JAR" "$OUT/piimap-app.jar"
cp "$SCANNER_JAR" "$OUT/lib/"
# The file has no final newline, so read reports end-of-file after reading it whole.
IFS=":" read -r -a ENTRIES < "$CP_FILE" || true
for jar in "${ENTRIES[@]}"; do
  case "$(basename "$jar")" in
    # The demo's PostgreSQL binaries for other systems: the image is glibc Linux on x86_64.
    embedded-postgres-binaries-windows-*|embedded-postgres-binaries-darwin-*|embedded-postgres-binaries-linux-amd64-alpine-*) continue ;;
  esac
  if [[ -e "$OUT/lib/$(basename "$jar")" ]]; then
    echo "build-steps: two classpath jars are named $(basename "$jar"); fix: give lib/ distinct names" >&2; exit 2
  fi
  cp "$jar" "$OUT/lib/"
done

# Smoke test of the assembled layout, not of the source tree.
version="$("$OUT/bin/scan" --version)" || { echo "build-steps: $OUT/bin/scan --version failed" >&2; exit 3; }
[[ "$version" == piimap* ]] || { echo "build-steps: unexpected --version output: $version" >&2; exit 3; }
detected="$(printf '%s\n' '{"id": "smoke", "text": "Write to jane.doe@example.com"}' | "$OUT/bin/scan" detect)" \
  || { echo "build-steps: $OUT/bin/scan detect failed" >&2; exit 3; }
[[ "$detected" == *'"EMAIL_ADDRESS"'* ]] || { echo "build-steps: detect found no EMAIL_ADDRESS: $detected" >&2; exit 3; }
echo "build-steps: $OUT assembled ($(ls "$OUT/lib" | wc -l) jars in lib/, $(du -sh "$OUT" | cut -f1)); smoke test passed: $version" >&2

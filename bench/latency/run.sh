#!/usr/bin/env bash
# Latency from upload to `ready` and from start to `completed`, and a burst of assessments (dispatch CPU, resident
# memory), for one or more jars measured one after the other in the same run (docs/BENCHMARKS.md, "Latency").
#
#   ./mvnw -q -B package -DskipTests && bench/latency/run.sh [other.jar …]
#
# Each jar gets a fresh data directory and, when PostgreSQL answers on 127.0.0.1:5432, a fresh database there
# (DB=h2 uses the embedded H2 instead). ROUNDS (10) rounds of 4 uploads and 1 assessment of the sample LVD workflow,
# then BURST (100) assessments started at once. JAVA_OPTS are passed to every jar. Needs python3 and curl.
set -euo pipefail
cd "$(dirname "$0")/../.."

JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
OUT=target/bench/latency
PORT=18280
JARS=("${@:-target/qteria.jar}")
DB=${DB:-$(pg_isready -q -h 127.0.0.1 2>/dev/null && echo postgres || echo h2)}
mkdir -p "$OUT"
PID=

cleanup() {
    [[ -n $PID ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
    [[ $DB == postgres ]] && psql -h 127.0.0.1 -U postgres -qc "drop database if exists qteria_latency" >/dev/null 2>&1
    return 0
}
trap cleanup EXIT

echo "Run $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), database $DB, $("$JAVA" -version 2>&1 | head -1)"
for jar in "${JARS[@]}"; do
    [[ -f $jar ]] || { echo "No $jar: ./mvnw -q -B package -DskipTests first" >&2; exit 2; }
    rm -rf "$OUT/data"
    if [[ $DB == postgres ]]; then
        psql -h 127.0.0.1 -U postgres -qc "drop database if exists qteria_latency" -c "create database qteria_latency"
        export DATABASE_URL="postgres://postgres@127.0.0.1:5432/qteria_latency"
    else
        unset DATABASE_URL
    fi
    export QTERIA_DATA_DIR="$PWD/$OUT/data" QTERIA_LOG_FORMAT=logstash
    export QTERIA_BOOTSTRAP_ORG="Latency Labs" QTERIA_BOOTSTRAP_ADMIN_EMAIL=admin@latency.example
    export QTERIA_BOOTSTRAP_ADMIN_PASSWORD="latency password 2026"
    # shellcheck disable=SC2086
    "$JAVA" ${JAVA_OPTS:-} -jar "$jar" --server.port=$PORT > "$OUT/$(basename "$jar").log" 2>&1 &
    PID=$!
    healthy=false
    for _ in $(seq 1 600); do
        curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && { healthy=true; break; }
        sleep 0.5
    done
    $healthy || { echo "$jar did not become healthy within 5 minutes; see $OUT/$(basename "$jar").log" >&2; exit 1; }
    printf '%s (%s MB): ' "$jar" "$(( $(stat -c %s "$jar") / 1000000 ))"
    python3 bench/latency/latency.py "http://127.0.0.1:$PORT" "$PID" src/main/resources/samples/documents \
        src/main/resources/workflow-templates/lvd-ict-equipment.json
    kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
    [[ $DB == postgres ]] && psql -h 127.0.0.1 -U postgres -qc "drop database if exists qteria_latency"
done

#!/usr/bin/env bash
# Server CPU per API request: a bearer-token call (GET /api/v1/me) against the cheapest endpoint of the same process
# (GET /api/version: anonymous, no database), for one or more jars measured one after the other in the same run
# (docs/BENCHMARKS.md, "API cost per request").
#
#   ./mvnw -q -B package -DskipTests && bench/api/run.sh [other.jar …]
#
# Each jar gets a fresh data directory and, when PostgreSQL answers on 127.0.0.1:5432, a fresh database there
# (DB=h2 uses the embedded H2 instead). REQUESTS (4000) calls per endpoint and round over CLIENTS (4) keep-alive
# connections, ROUNDS (3) rounds after a warm-up; the CPU is the server process's own (utime + stime). JAVA_OPTS are
# passed to every jar. Needs python3 and curl.
set -euo pipefail
cd "$(dirname "$0")/../.."

JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
OUT=target/bench/api
PORT=18281
JARS=("${@:-target/qteria.jar}")
DB=${DB:-$(pg_isready -q -h 127.0.0.1 2>/dev/null && echo postgres || echo h2)}
mkdir -p "$OUT"
PID=

cleanup() {
    [[ -n $PID ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
    [[ $DB == postgres ]] && psql -h 127.0.0.1 -U postgres -qc "drop database if exists qteria_api" >/dev/null 2>&1
    return 0
}
trap cleanup EXIT

echo "Run $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), database $DB, $("$JAVA" -version 2>&1 | head -1)"
for jar in "${JARS[@]}"; do
    [[ -f $jar ]] || { echo "No $jar: ./mvnw -q -B package -DskipTests first" >&2; exit 2; }
    rm -rf "$OUT/data"
    if [[ $DB == postgres ]]; then
        psql -h 127.0.0.1 -U postgres -qc "drop database if exists qteria_api" -c "create database qteria_api"
        export DATABASE_URL="postgres://postgres@127.0.0.1:5432/qteria_api"
    else
        unset DATABASE_URL
    fi
    export QTERIA_DATA_DIR="$PWD/$OUT/data" QTERIA_LOG_FORMAT=logstash
    export QTERIA_BOOTSTRAP_ORG="Api Labs" QTERIA_BOOTSTRAP_ADMIN_EMAIL=admin@api.example
    export QTERIA_BOOTSTRAP_ADMIN_PASSWORD="api bench password 2026"
    # shellcheck disable=SC2086
    "$JAVA" ${JAVA_OPTS:-} -jar "$jar" --server.port=$PORT > "$OUT/$(basename "$jar").log" 2>&1 &
    PID=$!
    healthy=false
    for _ in $(seq 1 600); do
        curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && { healthy=true; break; }
        sleep 0.5
    done
    $healthy || { echo "$jar did not become healthy within 5 minutes; see $OUT/$(basename "$jar").log" >&2; exit 1; }
    echo "$jar:"
    python3 bench/api/api.py "http://127.0.0.1:$PORT" "$PID" admin@api.example "api bench password 2026"
    kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
    [[ $DB == postgres ]] && psql -h 127.0.0.1 -U postgres -qc "drop database if exists qteria_api"
done

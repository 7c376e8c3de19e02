# shellcheck shell=bash
# Sourced by the bench scripts that measure served jars one after the other in the same run (latency, api):
#   NAME=latency PORT=18280 source bench/served.sh; for jar in "${JARS[@]}"; do serve "$jar"; …; stop_serving; done
# Each jar gets a fresh data directory and, when PostgreSQL answers on 127.0.0.1:5432, a fresh database qteria_$NAME
# there (DB=h2 uses the embedded H2 instead), a first organization whose admin is $QTERIA_BOOTSTRAP_ADMIN_EMAIL with
# $QTERIA_BOOTSTRAP_ADMIN_PASSWORD, JSON logs in $OUT/<jar>.log, and JAVA_OPTS. serve waits for /health (5 minutes at
# most) and leaves the process id in PID.
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
OUT=target/bench/$NAME
DB=${DB:-$(pg_isready -q -h 127.0.0.1 2>/dev/null && echo postgres || echo h2)}
export QTERIA_BOOTSTRAP_ORG="Bench Labs" QTERIA_BOOTSTRAP_ADMIN_EMAIL=admin@bench.example
export QTERIA_BOOTSTRAP_ADMIN_PASSWORD="bench password 2026"
mkdir -p "$OUT"
PID=

drop_database() {
    [[ $DB == postgres ]] && psql -h 127.0.0.1 -U postgres -qc "drop database if exists qteria_$NAME" >/dev/null 2>&1
    return 0
}

stop_serving() {
    if [[ -n $PID ]]; then
        { kill "$PID" && wait "$PID"; } 2>/dev/null || true
    fi
    PID=
    drop_database
}
trap stop_serving EXIT

serve() {
    local jar=$1
    [[ -f $jar ]] || { echo "No $jar: ./mvnw -q -B package -DskipTests first" >&2; exit 2; }
    rm -rf "$OUT/data"
    if [[ $DB == postgres ]]; then
        drop_database
        psql -h 127.0.0.1 -U postgres -qc "create database qteria_$NAME"
        export DATABASE_URL="postgres://postgres@127.0.0.1:5432/qteria_$NAME"
    else
        unset DATABASE_URL
    fi
    # shellcheck disable=SC2086
    QTERIA_DATA_DIR="$PWD/$OUT/data" QTERIA_LOG_FORMAT=logstash "$JAVA" ${JAVA_OPTS:-} -jar "$jar" --server.port="$PORT" \
        > "$OUT/$(basename "$jar").log" 2>&1 &
    PID=$!
    for _ in $(seq 1 600); do
        curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && return 0
        sleep 0.5
    done
    echo "$jar did not become healthy within 5 minutes; see $OUT/$(basename "$jar").log" >&2
    exit 1
}

echo "Run $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), database $DB, $("$JAVA" -version 2>&1 | head -1)"

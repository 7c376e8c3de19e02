#!/usr/bin/env bash
# Start-up and memory (docs/BENCHMARKS.md, "Start-up and memory"), measured in one run:
# - jar size;
# - seconds from `java -jar` to the first 200 of /health, and resident memory then, for each jar given (e.g. an
#   older build) and for target/qteria.jar plain, through bin/qteria (memory defaults) and from its AOT cache
#   (bin/qteria aot, JDK 25+);
# - wall time of the `assess` command on a sample case, plain and from the AOT cache.
#
#   ./mvnw -q -B package -DskipTests && bench/startup/run.sh [older.jar …]
#
# RUNS (3) runs each, median. Every start gets a fresh data directory (embedded H2). Needs curl.
set -euo pipefail
cd "$(dirname "$0")/../.."

JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
RUNS=${RUNS:-3}
OUT=target/bench/startup
PORT=18380
JAR=target/qteria.jar
mkdir -p "$OUT"
[[ -f $JAR ]] || { echo "No $JAR: ./mvnw -q -B package -DskipTests first" >&2; exit 2; }

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# seconds to healthy and RSS (MB) of one start: "seconds rss"
start_once() {
    rm -rf "$OUT/data"
    local began pid rss
    began=$(date +%s.%N)
    QTERIA_DATA_DIR="$PWD/$OUT/data" QTERIA_LOG_FORMAT=logstash "$@" --server.port=$PORT > "$OUT/start.log" 2>&1 &
    pid=$!
    until curl -sf "http://127.0.0.1:$PORT/health" >/dev/null; do
        kill -0 $pid 2>/dev/null || { echo "start failed: $*" >&2; tail -5 "$OUT/start.log" >&2; exit 1; }
        sleep 0.05
    done
    local seconds
    seconds=$(echo "$(date +%s.%N) - $began" | bc)
    rss=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' /proc/$pid/status 2>/dev/null || echo 0)
    # bin/qteria execs java, so $pid is the JVM itself
    kill $pid; wait $pid 2>/dev/null || true
    echo "$seconds $rss"
}

measure_start() {
    local label=$1; shift
    local results=()
    for _ in $(seq 1 "$RUNS"); do results+=("$(start_once "$@")"); done
    local s r
    s=$(printf '%s\n' "${results[@]}" | cut -d' ' -f1 | median)
    r=$(printf '%s\n' "${results[@]}" | cut -d' ' -f2 | median)
    printf '| %s | %.2f s | %s MB |\n' "$label" "$s" "$r"
}

assess_args=(assess --workflow src/main/resources/workflow-templates/lvd-ict-equipment.json
    --doc test_reports=src/main/resources/samples/documents/tr-nordlicht-nv8240.pdf
    --doc declaration=src/main/resources/samples/documents/doc-nordlicht-nv8240.pdf
    --doc user_manual=src/main/resources/samples/documents/um-nordlicht-nv8240.pdf
    --doc risk_assessment=src/main/resources/samples/documents/ra-nordlicht-nv8240.pdf --as-of 2025-06-16)

measure_assess() {
    local label=$1; shift
    local times=()
    for _ in $(seq 1 "$RUNS"); do
        local began
        began=$(date +%s.%N)
        "$@" "${assess_args[@]}" >/dev/null 2>&1 || [[ $? -le 2 ]]
        times+=("$(echo "$(date +%s.%N) - $began" | bc)")
    done
    printf '| %s | %.2f s |\n' "$label" "$(printf '%s\n' "${times[@]}" | median)"
}

echo "Run $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $("$JAVA" -version 2>&1 | head -1), $RUNS runs each (median)"
echo
echo "| jar | size |"
echo "|---|---|"
for jar in "$@" "$JAR"; do printf '| %s | %s MB |\n' "$jar" "$(( $(stat -c %s "$jar") / 1000000 ))"; done
echo
echo "| start | to /health | RSS then |"
echo "|---|---|---|"
for jar in "$@"; do measure_start "java -jar $jar" "$JAVA" -jar "$jar"; done
measure_start "java -jar $JAR" "$JAVA" -jar "$JAR"
measure_start "bin/qteria (memory defaults)" bin/qteria
bin/qteria aot > "$OUT/aot.log" 2>&1 || { cat "$OUT/aot.log" >&2; exit 1; }
measure_start "bin/qteria with the AOT cache" bin/qteria
echo
echo "| assess (sample case 1) | wall time |"
echo "|---|---|"
for jar in "$@"; do measure_assess "java -jar $jar" "$JAVA" -jar "$jar"; done
measure_assess "java -jar $JAR" "$JAVA" -jar "$JAR"
measure_assess "bin/qteria with the AOT cache" bin/qteria
rm -rf target/qteria-aot

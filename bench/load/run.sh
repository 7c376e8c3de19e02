#!/usr/bin/env bash
# Load test of a working day, then a burst (issue 17, acceptance 1; docs/BENCHMARKS.md, "Load: a working day's mix").
#
#   ./mvnw -q -B package -DskipTests && bench/load/run.sh [jar]
#
# Serves the jar (bench/served.sh: a fresh PostgreSQL database qteria_load, or DB=h2), then runs the Gatling simulation
# of the `load` Maven profile against it (src/load/java/com/qteria/load/WorkingDaySimulation.java): USERS (50) handlers
# for MINUTES (5), then BURST (100) assessments started within BURST_SECONDS (60). Any other simulation parameter:
# GATLING_ARGS="-DthinkMin=1 -DsubmitPercent=50". The instance uses the offline evaluator (no AI provider).
# Prints where the HTML report is, p50/p95/p99 per request, errors and assessments per minute; exits
# non-zero when a Gatling assertion fails or the last burst assessment completed later than 2 minutes after the
# burst. Needs python3, curl and PostgreSQL (or DB=h2).
set -euo pipefail
cd "$(dirname "$0")/../.."

USERS=${USERS:-50} MINUTES=${MINUTES:-5} BURST=${BURST:-100} BURST_SECONDS=${BURST_SECONDS:-60}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
NAME=load PORT=${PORT:-18400}
# shellcheck source=../served.sh
source bench/served.sh
jar=${1:-target/qteria.jar}
serve "$jar"
echo "Serving $jar on port $PORT (offline evaluator): $USERS users for $MINUTES min," \
    "then a burst of $BURST in $BURST_SECONDS s"
SUMMARY="$PWD/$OUT/summary.json"
rm -f "$SUMMARY"
status=0
# shellcheck disable=SC2086
./mvnw -B -q -Pload test-compile gatling:test -Dqteria.url="http://127.0.0.1:$PORT" \
    -Dusers="$USERS" -Dminutes="$MINUTES" -Dburst="$BURST" -DburstSeconds="$BURST_SECONDS" -Dsummary="$SUMMARY" \
    ${GATLING_ARGS:-} > "$OUT/gatling.log" 2>&1 || status=$?
report=$(find target/gatling -maxdepth 1 -type d -name 'workingdaysimulation-*' -printf '%T@ %p\n' 2>/dev/null \
    | sort -n | tail -1 | cut -d' ' -f2)
echo "Gatling output: $OUT/gatling.log; HTML report: ${report:-none}/index.html"
python3 bench/load/summary.py "${report:-}" "$SUMMARY" "$OUT/gatling.log" || status=$((status == 0 ? 1 : status))
echo "Process $PID: CPU $(ps -o times= -p "$PID" | tr -d ' ') s, RSS $(( $(ps -o rss= -p "$PID") / 1024 )) MB"
exit "$status"

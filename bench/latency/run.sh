#!/usr/bin/env bash
# Latency from upload to `ready` and from start to `completed`, and a burst of assessments (dispatch CPU, resident
# memory), for one or more jars measured one after the other in the same run (docs/BENCHMARKS.md, "Latency").
#
#   ./mvnw -q -B package -DskipTests && bench/latency/run.sh [other.jar …]
#
# Each jar: a fresh database and data directory (bench/served.sh; DB=h2 for the embedded H2). ROUNDS (10) rounds of
# 4 uploads and 1 assessment of the sample LVD workflow, then BURST (100) assessments started at once. JAVA_OPTS are passed to every jar. Needs python3 and curl.
set -euo pipefail
cd "$(dirname "$0")/../.."

NAME=latency PORT=18280
# shellcheck source=../served.sh
source bench/served.sh
for jar in "${@:-target/qteria.jar}"; do
    serve "$jar"
    printf '%s (%s MB): ' "$jar" "$(( $(stat -c %s "$jar") / 1000000 ))"
    python3 bench/latency/latency.py "http://127.0.0.1:$PORT" "$PID" src/main/resources/samples/documents \
        src/main/resources/workflow-templates/lvd-ict-equipment.json
    stop_serving
done

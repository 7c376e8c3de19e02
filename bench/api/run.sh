#!/usr/bin/env bash
# Server CPU per API request: a bearer-token call against the cheapest endpoint of the same process (GET /api/version,
# anonymous: no database), for one or more jars measured one after the other in the same run (docs/BENCHMARKS.md,
# "API cost per request").
#
#   ./mvnw -q -B package -DskipTests && bench/api/run.sh [other.jar …]
#
# Each jar: a fresh database and data directory (bench/served.sh; DB=h2 for the embedded H2). REQUESTS (4000) calls per
# endpoint and round over CLIENTS (4) keep-alive connections, ROUNDS (3) rounds after a warm-up; the CPU is the server
# process's own (utime + stime). JAVA_OPTS are passed to every jar. Needs python3 and curl.
set -euo pipefail
cd "$(dirname "$0")/../.."

NAME=api PORT=18281
# shellcheck source=../served.sh
source bench/served.sh
for jar in "${@:-target/qteria.jar}"; do
    serve "$jar"
    echo "$jar:"
    python3 bench/api/api.py "http://127.0.0.1:$PORT" "$PID" "$QTERIA_BOOTSTRAP_ADMIN_EMAIL" \
        "$QTERIA_BOOTSTRAP_ADMIN_PASSWORD"
    stop_serving
done

#!/usr/bin/env bash
# The PDF report of a 50-criterion assessment: render time and size (docs/BENCHMARKS.md, "PDF report"), with the
# JSON export of the same assessment from the same process as the reference.
#
#   ./mvnw -q -B package -DskipTests && bench/report/run.sh [other.jar …]
#
# Each jar: a fresh database and data directory (bench/served.sh; DB=h2 for the embedded H2), a 50-criterion workflow
# (40 phrases of a sample test report, 10 that are not in it) assessed against that report, then report.pdf fetched
# once cold and RUNS (10) times warm, report.json RUNS times. Fails (exit 1) when the warm median is 2 s or more or
# the PDF is 1 MB or more. Needs python3 and curl; pdfinfo and pdftotext (poppler-utils) when installed.
set -euo pipefail
cd "$(dirname "$0")/../.."

NAME=report PORT=18282
# shellcheck source=../served.sh
source bench/served.sh
for jar in "${@:-target/qteria.jar}"; do
    serve "$jar"
    echo "$jar:"
    python3 bench/report/report.py "http://127.0.0.1:$PORT" "$QTERIA_BOOTSTRAP_ADMIN_EMAIL" \
        "$QTERIA_BOOTSTRAP_ADMIN_PASSWORD" src/main/resources/samples/documents/tr-helvion-pm300.pdf "$OUT"
    stop_serving
done

#!/usr/bin/env bash
# Retrieval time and planted-page ranks for one 500-page document (docs/BENCHMARKS.md, "Retrieval").
#
# Indexes a generated technical file (half English, half German prose) in memory and searches ten English criteria,
# five answered on German pages: PassageSearch.best (one criterion without AI: index, search, quotes) and
# PassageSearch.rank (one index for ten criteria: the AI's page selection), median of the runs after warm-up.
#
# Usage: bench/retrieval/run.sh [pages] [runs]   (default 500 pages, 15 runs)
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=target/bench
mkdir -p "$OUT"
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath.txt" >/dev/null
CP="target/test-classes:target/classes:$(cat "$OUT/classpath.txt")"
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
"$JAVA" -cp "$CP" -Dlogback.configurationFile=qteria/extract-logback.xml \
    com.qteria.evaluation.retrieval.bench.RetrievalBenchmark "$@" | tee "$OUT/retrieval-results.txt"

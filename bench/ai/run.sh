#!/usr/bin/env bash
# AI tokens and cost per assessment (docs/BENCHMARKS.md, "AI tokens and cost").
#
# Runs Qteria's prompt, batching, context selection and Anthropic adapter against the in-process fake Anthropic
# server (which meters requests as the API would, with prompt caching), over 3 generated documents × 50 pages, and
# compares with the naive approach (every criterion in its own call with whole documents). No network, no key.
#
# Usage: bench/ai/run.sh [criteria] [budget…]   (default: 10 criteria; budgets 20000 150000 8000 tokens per call)
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=target/bench
mkdir -p "$OUT"
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath.txt" >/dev/null
CP="target/test-classes:target/classes:$(cat "$OUT/classpath.txt")"
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
"$JAVA" -cp "$CP" -Dlogback.configurationFile=qteria/extract-logback.xml \
    com.qteria.evaluation.ai.bench.AiTokenBenchmark "$@" | tee "$OUT/ai-results.md"

#!/usr/bin/env bash
# Regenerates the labelled accuracy corpus bench/accuracy/corpus (issue 16) from
# src/test/java/com/qteria/bench/accuracy/AccuracyCorpus.java, on the test class path (PDFBox, BouncyCastle, Jackson).
# Usage: bench/accuracy/generate.sh [output-folder]        (Java 21+: JAVA_HOME is used when set)
set -euo pipefail

project="$(cd "$(dirname "$0")/../.." && pwd)"
out="${1:-$project/bench/accuracy/corpus}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
cd "$project"
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/accuracy-classpath.txt
"$java" -Djava.awt.headless=true -cp "target/test-classes:target/classes:$(cat target/accuracy-classpath.txt)" \
  com.qteria.bench.accuracy.AccuracyCorpus "$out"

#!/usr/bin/env bash
# Accuracy of `java -jar target/qteria.jar assess` on a labelled corpus (default: ../shared/samples).
# Runs every cases/case-NN.json through the built jar, exactly as a user would, then scores the results.
# Usage: bench/accuracy/run.sh [corpus-folder]     (build first: ./mvnw -q -B package -DskipTests)
set -euo pipefail

project="$(cd "$(dirname "$0")/../.." && pwd)"
corpus="$(cd "${1:-$project/../shared/samples}" && pwd)"
jar="$project/target/qteria.jar"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
out="$project/target/accuracy"

if [[ ! -f "$jar" ]]; then
  echo "No $jar: build it with ./mvnw -q -B package -DskipTests" >&2
  exit 3
fi
rm -rf "$out" && mkdir -p "$out"

for case_file in "$corpus"/cases/case-*.json; do
  name="$(basename "$case_file" .json)"
  # One argument per line: --workflow <file> --doc bucket=<file>… --as-of <date>
  mapfile -t args < <(python3 - "$corpus" "$case_file" <<'PY'
import json, os, sys
corpus, case = sys.argv[1], json.load(open(sys.argv[2]))
print("--workflow"); print(os.path.join(corpus, case["workflow"]))
for d in case["documents"]:
    print("--doc"); print(d["bucket"] + "=" + os.path.join(corpus, d["file"]))
print("--as-of"); print(case["assessment_date"])
PY
)
  set +e
  "$java" -jar "$jar" assess "${args[@]}" --format json >"$out/$name.json" 2>"$out/$name.err"
  echo $? >"$out/$name.exit"
  set -e
done

python3 "$project/bench/accuracy/score.py" "$corpus" "$out"

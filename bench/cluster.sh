# shellcheck shell=bash
# Sourced by the bench scripts that run several instances of the jar on one PostgreSQL database (failover,
# zero-downtime):  NAME=failover LABEL=Failover source bench/cluster.sh
# Creates the database qteria_$NAME_<pid> on 127.0.0.1:5432 (trust auth, as .ci/run sets up) and a fresh $OUT
# (target/bench/$NAME) with the shared data directory, exports what every instance reads (database, data directory,
# master key, audit key, plain logs, a first organization "$LABEL Labs" whose admin is $QTERIA_BOOTSTRAP_ADMIN_EMAIL
# with $QTERIA_BOOTSTRAP_ADMIN_PASSWORD), and on exit kills the processes listed in PIDS and drops the database.
# sql runs a statement there, field reads a value of the JSON on stdin; many_criteria sets WORKFLOW and DOCUMENT to
# the inputs of an assessment that runs for a while.
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
OUT=target/bench/$NAME
DB=qteria_${NAME//-/_}_$$
PIDS=()
rm -rf "$OUT" && mkdir -p "$OUT/data"

cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB" >/dev/null 2>&1 || true
}
trap cleanup EXIT
psql -h 127.0.0.1 -U postgres -qc "create database $DB"
sql() { psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "$1"; }

lower=$(tr '[:upper:]' '[:lower:]' <<< "$LABEL")
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB"
export QTERIA_DATA_DIR="$PWD/$OUT/data"
export QTERIA_MASTER_KEYS="$lower:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
export QTERIA_AUDIT_KEY="ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8="
export QTERIA_LOG_FORMAT=
export QTERIA_BOOTSTRAP_ORG="$LABEL Labs" QTERIA_BOOTSTRAP_ADMIN_EMAIL=admin@$lower.example
export QTERIA_BOOTSTRAP_ADMIN_PASSWORD="$lower password 2026"

# Waits until the instance on port $1 answers /health (two minutes at most).
await_health() {
    for _ in $(seq 1 120); do
        curl -sf "http://127.0.0.1:$1/health" >/dev/null && return 0
        sleep 1
    done
    echo "instance on port $1 did not become healthy" >&2; exit 1
}

field() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

# Imports a workflow named $3 with $1 criteria (one check, the others for retrieval) and uploads a generated document
# of $2 pages through the API at $4 with the bearer token $5, waits until the document is read, and sets WORKFLOW and
# DOCUMENT to their ids: the inputs of an assessment that runs for a while.
many_criteria() {
    local auth=(-H "Authorization: Bearer $5") status
    local cp_file="$OUT/classpath.txt"
    ./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
    [[ -d target/test-classes/com/qteria/document/extraction/bench ]] || ./mvnw -q -B test-compile >/dev/null
    "$JAVA" -cp "target/test-classes:target/classes:$(cat "$cp_file")" \
        com.qteria.document.extraction.bench.BenchmarkPdf "$OUT/report.pdf" "$2" >/dev/null
    python3 - "$1" "$3" > "$OUT/workflow.json" <<'PY'
import json, sys
n = int(sys.argv[1])
topics = ["insulation", "creepage distance", "earthing", "marking", "temperature rise", "battery", "enclosure",
          "warning", "instructions", "fire", "mechanical strength", "power supply", "labels", "protective conductor"]
criteria = [{"key": "standard", "name": "Report names a standard", "applies_to": ["*"],
             "checks": [{"type": "min_pages", "pages": 1}]}]
for i in range(1, n):
    t = topics[i % len(topics)]
    criteria.append({"key": f"c{i}", "name": f"The report discusses {t} ({i})",
                     "description": f"Plain-language criterion {i}: the {t} is assessed and the outcome stated.",
                     "applies_to": ["*"]})
print(json.dumps({"name": sys.argv[2], "buckets": [{"key": "reports", "name": "Reports", "required": True}],
                  "criteria": criteria}))
PY
    curl -s "${auth[@]}" -H 'Content-Type: application/json' --data-binary @"$OUT/workflow.json" \
        "$4/workflows/import" > "$OUT/imported.json"
    # shellcheck disable=SC2034  # read by the sourcing script
    WORKFLOW=$(field 'd["id"]' < "$OUT/imported.json") \
        || { echo "import failed: $(cat "$OUT/imported.json")" >&2; exit 1; }
    DOCUMENT=$(curl -sf "${auth[@]}" -F "file=@$OUT/report.pdf" "$4/documents" | field 'd["items"][0]["id"]')
    for _ in $(seq 1 240); do
        status=$(curl -sf "${auth[@]}" "$4/documents/$DOCUMENT" | field 'd["status"]')
        [[ $status != processing ]] && break
        sleep 1
    done
    [[ $status == ready ]] || { echo "document ended $status" >&2; exit 1; }
}

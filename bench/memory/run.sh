#!/usr/bin/env bash
# Issue 17, "Memory" (acceptance 4): (a) pages — a generated PAGES-page document (500) uploaded and assessed by one
# instance under -Xmx256m: it must complete; peak resident memory and peak heap used are recorded. (b) soak — one
# instance under -Xmx512m with a steady trickle of assessments for SOAK minutes (30; 5 for a short run), heap after
# a forced GC sampled every 30 s (bench/memory/soak.py); passes when the slope is not significantly positive.
#
#   ./mvnw -q -B package -DskipTests && bench/memory/run.sh [pages|soak|all]     (all is the default)
#
# Needs PostgreSQL on 127.0.0.1:5432 (trust auth), curl, python3 and the JDK's jcmd. Writes logs to
# target/bench/scale-memory-*/. Exit code 0 when every part passes.
set -euo pipefail
cd "$(dirname "$0")/../.."

WHAT=${1:-all}
JAR=target/qteria.jar
PORT=${PORT:-18510}
PAGES=${PAGES:-500}
[[ -f $JAR ]] || { echo "Build the jar first: ./mvnw -q -B package -DskipTests" >&2; exit 2; }
export QTERIA_OPERATOR_TOKEN=memory-bench-operator-token-0123456789
result=0

# Polls the heap used (Micrometer, operator token) and resident memory of process $1 on port $2 every second into
# $OUT/peaks until the file $OUT/stop exists.
watch_peaks() {
    python3 - "$1" "http://127.0.0.1:$2" "$OUT" <<'PY'
import os, sys, time
sys.path.insert(0, "bench")
from qclient import Client, prometheus, rss_mb
pid, out = int(sys.argv[1]), sys.argv[3]
client, heap, rss = Client(sys.argv[2]), 0.0, 0.0
while not os.path.exists(out + "/stop"):
    try:
        heap = max(heap, prometheus(client, os.environ["QTERIA_OPERATOR_TOKEN"])["jvm_memory_used_bytes{heap}"] / 2**20)
        rss = max(rss, rss_mb(pid))
    except Exception:
        pass
    time.sleep(1)
open(out + "/peaks", "w").write(f"{heap:.0f} {rss:.0f}\n")
PY
}

pages() (
    NAME=scale-memory-pages LABEL=Pages
    # shellcheck source=../cluster.sh
    source bench/cluster.sh
    "$JAVA" -Xmx256m -jar "$JAR" --server.port="$PORT" > "$OUT/instance.log" 2>&1 & PIDS+=($!)
    local pid=$! api="http://127.0.0.1:$PORT/api/v1" token status began
    await_health "$PORT"
    watch_peaks "$pid" "$PORT" & PIDS+=($!)
    local watcher=$!
    token=$(curl -sf -X POST "$api/auth/token" -H 'Content-Type: application/json' \
        -d "{\"email\": \"$QTERIA_BOOTSTRAP_ADMIN_EMAIL\", \"password\": \"$QTERIA_BOOTSTRAP_ADMIN_PASSWORD\"}" \
        | field 'd["access_token"]')
    began=$(date +%s)
    echo "==> a ${PAGES}-page document read under -Xmx256m"
    many_criteria "${CRITERIA:-20}" "$PAGES" Pages "$api" "$token"
    echo "    read in $(( $(date +%s) - began )) s (upload to ready, generation included)"
    local assessment
    assessment=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        -d "{\"workflow_id\": \"$WORKFLOW\", \"documents\": [{\"bucket\": \"reports\", \"document_id\": \"$DOCUMENT\"}]}" \
        "$api/assessments" | field 'd["id"]')
    began=$(date +%s)
    for _ in $(seq 1 600); do
        status=$(curl -sf -H "Authorization: Bearer $token" "$api/assessments/$assessment" | field 'd["status"]')
        [[ $status == completed || $status == failed ]] && break
        sleep 1
    done
    touch "$OUT/stop"; wait "$watcher" || true
    read -r heap rss < "$OUT/peaks"
    local oom
    oom=$(grep -c OutOfMemoryError "$OUT/instance.log" || true)
    echo "pages: $PAGES pages, assessment $status in $(( $(date +%s) - began )) s, peak heap used ${heap} MB of 256, peak RSS ${rss} MB, OutOfMemoryError in log: $oom"
    [[ $status == completed && $oom == 0 ]]
)

soak() (
    NAME=scale-memory-soak LABEL=Soak
    # shellcheck source=../cluster.sh
    source bench/cluster.sh
    "$JAVA" -Xmx512m -jar "$JAR" --server.port="$PORT" > "$OUT/instance.log" 2>&1 & PIDS+=($!)
    local pid=$!
    await_health "$PORT"
    echo "==> soak: ${SOAK:-30} minutes under -Xmx512m, heap after GC every ${SAMPLE:-30} s"
    python3 bench/memory/soak.py "http://127.0.0.1:$PORT" "$pid" | tee "$OUT/soak.txt"
    tail -1 "$OUT/soak.txt" | field '0 if d["pass"] else 1' | grep -qx 0
)

echo "Run $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ $WHAT == pages || $WHAT == all ]]; then pages || result=1; fi
if [[ $WHAT == soak || $WHAT == all ]]; then PORT=$((PORT + 1)) soak || result=1; fi
exit $result

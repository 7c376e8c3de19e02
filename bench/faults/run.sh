#!/usr/bin/env bash
# Issue 17, acceptance 3 — faults injected during load. One web and two worker instances of the packaged jar on one
# PostgreSQL database (bench/cluster.sh); driver.py sends a steady trickle of uploads (every 2 s) and assessment
# starts (every 3 s); after $BEFORE s the fault is injected for about $FAULT s, the traffic runs $AFTER s more and
# stops; then driver.py waits until every assessment has ended and checks: each started assessment exists once with
# no finding stored twice, each ended completed or failed with an error text, each upload was refused with a JSON
# error or stored whole (SHA-256 of its content equals what was sent), and a new assessment completes afterwards.
#
#   ./mvnw -q -B package -DskipTests && bench/faults/run.sh ai-529|postgres-restart|worker-kill|all
#
# Scenarios:
#   ai-529            the instances use the Anthropic provider at a local fake (fake_ai.py) answering 529
#                     overloaded_error for $FAULT s, then valid answers; assessments must wait, then complete.
#   postgres-restart  pg_ctlcluster restart of the shared PostgreSQL (a few seconds' outage) during the load.
#   worker-kill       kill -9 of worker-1 during the load; worker-2 carries on alone.
#   s3-down           the document store on s3proxy (S3Server.java, a test dependency, its own process, objects on
#                     disk) killed for $FAULT s, then started again on the same objects.
#   disk-full         the data directory on a 256 MB tmpfs (needs root: mount), filled to the last byte for $FAULT s,
#                     then emptied again.
# Needs PostgreSQL on 127.0.0.1:5432 (trust auth, as .ci/run sets up), curl and python3. Ports 18450-18459. Writes
# logs and results to target/bench/faults-<scenario>/. Exit code 0 when every check of every scenario holds.
set -euo pipefail
cd "$(dirname "$0")/../.."

SCENARIOS=(ai-529 postgres-restart worker-kill s3-down disk-full)
JAR=target/qteria.jar
WEB_PORT=${WEB_PORT:-18450}  # and the two next ports; 18460 for a second run at the same time
AI_PORT=$((WEB_PORT + 9))
S3_PORT=$((WEB_PORT + 8))
BEFORE=${BEFORE:-20} FAULT=${FAULT:-60} AFTER=${AFTER:-20}
[[ -f $JAR ]] || { echo "Build the jar first: ./mvnw -q -B package -DskipTests" >&2; exit 2; }
[[ $# == 1 ]] || { echo "usage: $0 ${SCENARIOS[*]// /|}|all" >&2; exit 2; }
if [[ $1 == all ]]; then
    code=0
    for scenario in "${SCENARIOS[@]}"; do "$0" "$scenario" || code=1; done
    exit $code
fi
SCENARIO=$1
[[ " ${SCENARIOS[*]} " == *" $SCENARIO "* ]] || { echo "unknown scenario $SCENARIO" >&2; exit 2; }

NAME=faults-$SCENARIO LABEL=Faults
# A tmpfs left mounted by an interrupted disk-full run would stop cluster.sh from making a fresh data directory.
if mountpoint -q "target/bench/$NAME/data" 2>/dev/null; then umount "target/bench/$NAME/data"; fi
# shellcheck source=../cluster.sh
source bench/cluster.sh

start_s3() {
    "$JAVA" -cp "target/test-classes:target/classes:$(cat "$OUT/classpath.txt")" bench/faults/S3Server.java \
        $S3_PORT "$PWD/$OUT/s3" qteria-bench "$QTERIA_S3_ACCESS_KEY" "$QTERIA_S3_SECRET_KEY" >> "$OUT/s3.log" 2>&1 &
    S3_PID=$!
    PIDS+=("$S3_PID")
    for _ in $(seq 1 240); do
        grep -q "s3proxy on port" "$OUT/s3.log" && return 0
        sleep 0.5
    done
    echo "s3proxy did not start; see $OUT/s3.log" >&2; exit 1
}

if [[ $SCENARIO == s3-down ]]; then
    ./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath.txt" >/dev/null
    export QTERIA_STORAGE=s3 QTERIA_S3_ENDPOINT=http://127.0.0.1:$S3_PORT QTERIA_S3_BUCKET=qteria-bench
    export QTERIA_S3_PATH_STYLE=true QTERIA_S3_ACCESS_KEY=qteria-bench
    # secretlint-disable-next-line -- the local s3proxy's made-up key
    export QTERIA_S3_SECRET_KEY=qteria-bench-secret
    start_s3
fi
if [[ $SCENARIO == disk-full ]]; then
    mount -t tmpfs -o size=256m tmpfs "$OUT/data" || { echo "blocked: cannot mount a tmpfs (needs root)" >&2; exit 2; }
    trap 'cleanup; umount "$OUT/data"' EXIT
fi
if [[ $SCENARIO == ai-529 ]]; then
    python3 bench/faults/fake_ai.py $AI_PORT "$PWD/$OUT/overloaded" > "$OUT/fake-ai.log" 2>&1 & PIDS+=($!)
    export QTERIA_AI_PROVIDER=anthropic ANTHROPIC_BASE_URL=http://127.0.0.1:$AI_PORT
    # secretlint-disable-next-line -- a placeholder for the local fake, not a key
    export ANTHROPIC_API_KEY=fake-key-for-the-local-fake
fi

echo "==> [$SCENARIO] web on :$WEB_PORT, worker-1 and worker-2 on :$((WEB_PORT + 1)) :$((WEB_PORT + 2)), database $DB"
"$JAVA" -Xmx512m -jar "$JAR" --role=web --server.port="$WEB_PORT" > "$OUT/web.log" 2>&1 & PIDS+=($!)
declare -A WORKER_PID
for n in 1 2; do
    "$JAVA" -Xmx512m -jar "$JAR" --role=worker --server.port=$((WEB_PORT + n)) \
        --jobrunr.background-job-server.name=worker-$n > "$OUT/worker-$n.log" 2>&1 & PIDS+=($!)
    WORKER_PID[$n]=$!
done
for port in $WEB_PORT $((WEB_PORT + 1)) $((WEB_PORT + 2)); do await_health "$port"; done

API="http://127.0.0.1:$WEB_PORT/api/v1"
TOKEN=$(curl -sf -X POST "$API/auth/token" -H 'Content-Type: application/json' \
    -d "{\"email\": \"$QTERIA_BOOTSTRAP_ADMIN_EMAIL\", \"password\": \"$QTERIA_BOOTSTRAP_ADMIN_PASSWORD\"}" \
    | field 'd["access_token"]')
auth=(-H "Authorization: Bearer $TOKEN")
PDF=src/main/resources/samples/documents/doc-kestrel-ld1500.pdf

# A workflow of one deterministic check and 9 criteria for the evaluator (the AI in ai-529, else offline).
python3 - > "$OUT/workflow.json" <<'PY'
import json
criteria = [{"key": "standard", "name": "Report names a standard", "applies_to": ["*"],
             "checks": [{"type": "min_pages", "pages": 1}]}]
for i, topic in enumerate(["insulation", "earthing", "marking", "temperature rise", "enclosure", "warning",
                           "instructions", "mechanical strength", "labels"], 1):
    criteria.append({"key": f"c{i}", "name": f"The report discusses {topic}",
                     "description": f"The {topic} is assessed and the outcome stated.", "applies_to": ["*"]})
print(json.dumps({"name": "Faults", "buckets": [{"key": "reports", "name": "Reports", "required": True}],
                  "criteria": criteria}))
PY
WORKFLOW=$(curl -sf "${auth[@]}" -H 'Content-Type: application/json' --data-binary @"$OUT/workflow.json" \
    "$API/workflows/import" | field 'd["id"]')
DOCUMENT=$(curl -sf "${auth[@]}" -F "file=@$PDF" "$API/documents" | field 'd["items"][0]["id"]')
for _ in $(seq 1 120); do
    status=$(curl -sf "${auth[@]}" "$API/documents/$DOCUMENT" | field 'd["status"]')
    [[ $status != processing ]] && break
    sleep 0.5
done
[[ $status == ready ]] || { echo "the document ended $status" >&2; exit 1; }

echo "==> traffic for ${BEFORE} s, then the fault"
rm -f "$OUT/stop"
python3 bench/faults/driver.py "http://127.0.0.1:$WEB_PORT" "$QTERIA_BOOTSTRAP_ADMIN_EMAIL" \
    "$QTERIA_BOOTSTRAP_ADMIN_PASSWORD" "$PDF" "$DOCUMENT" "$WORKFLOW" "$DB" "$OUT/stop" "$OUT/result.json" \
    > "$OUT/driver.txt" 2>&1 &
DRIVER=$!
PIDS+=("$DRIVER")
sleep "$BEFORE"
fault_at=$(date +%s)
case $SCENARIO in
    ai-529)
        echo "==> the AI provider answers 529 overloaded_error for $FAULT s"
        touch "$OUT/overloaded"
        sleep $((FAULT / 2))
        for id in $(sql "select id from assessments where status = 'running' limit 3"); do
            echo "    assessment $id: waiting_for $(curl -sf "${auth[@]}" "$API/assessments/$id" \
                | field 'd["progress"].get("waiting_for")')"
        done
        sleep $((FAULT - FAULT / 2))
        waiting=$(sql "select count(*) from assessments where status in ('queued', 'running')")
        rm -f "$OUT/overloaded"
        echo "    $waiting assessments queued or running when it recovered; answers $(cat "$OUT/overloaded.count")"
        ;;
    postgres-restart)
        echo "==> restarting PostgreSQL (shared: one restart, a few seconds)"
        since=$(date +%s.%N)
        pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main restart
        echo "    PostgreSQL back after $(awk "BEGIN { printf \"%.1f\", $(date +%s.%N) - $since }") s"
        sleep "$FAULT"
        ;;
    worker-kill)
        running=$(sql "select count(*) from assessments where status = 'running'")
        echo "==> kill -9 worker-1 (pid ${WORKER_PID[1]}; $running assessments running)"
        kill -9 "${WORKER_PID[1]}"
        sleep "$FAULT"
        ;;
    s3-down)
        echo "==> s3proxy killed for $FAULT s"
        kill -9 "$S3_PID"
        sleep "$FAULT"
        start_s3
        ;;
    disk-full)
        dd if=/dev/zero of="$OUT/data/filler" bs=1M 2>/dev/null || true
        echo "==> the data directory is full ($(df -h --output=used,avail "$OUT/data" | tail -n 1)) for $FAULT s"
        sleep "$FAULT"
        rm -f "$OUT/data/filler"
        ;;
esac
echo "==> fault over after $(( $(date +%s) - fault_at )) s; traffic for ${AFTER} s more, then the checks"
sleep "$AFTER"
touch "$OUT/stop"
code=0
wait "$DRIVER" || code=$?
cat "$OUT/driver.txt"
if [[ $SCENARIO == ai-529 ]]; then
    echo "fake AI answers: $(cat "$OUT/overloaded.count" 2>/dev/null)"
    echo "log lines waiting for the AI provider: $(cat "$OUT"/worker-*.log | grep -ci 'ai provider\|overloaded' || true)"
fi
for n in 1 2; do
    echo "worker-$n log: $(grep -c ' ERROR ' "$OUT/worker-$n.log" || true) ERROR lines"
done
echo "web log: $(grep -c ' ERROR ' "$OUT/web.log" || true) ERROR lines"
[[ $code == 0 ]] && echo "OK [$SCENARIO]: every check holds" || echo "FAILED [$SCENARIO]" >&2
exit $code

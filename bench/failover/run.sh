#!/usr/bin/env bash
# Issue 5, acceptance 2 — failover: one web instance and two worker instances on one PostgreSQL (and one shared
# document store). An assessment with many criteria is started; the worker running it is killed with SIGKILL while
# it is `evaluating`; the other worker must finish it exactly once: status completed, one finding per criterion
# (none duplicated), no assessment left `running`.
#
#   ./mvnw -q -B package -DskipTests && bench/failover/run.sh [criteria] [pages]
#
# Needs PostgreSQL on 127.0.0.1:5432 (trust auth, as .ci/run sets up), curl and python3. Writes logs to
# target/bench/failover/. Exit code 0 when every condition holds.
set -euo pipefail
cd "$(dirname "$0")/../.."

CRITERIA=${1:-100}  # the most a workflow may have
PAGES=${2:-500}
JAR=target/qteria.jar
WEB_PORT=18180

[[ -f $JAR ]] || { echo "Build the jar first: ./mvnw -q -B package -DskipTests" >&2; exit 2; }
NAME=failover LABEL=Failover
# shellcheck source=../cluster.sh
source bench/cluster.sh

echo "==> web instance (no jobs) on :$WEB_PORT"
"$JAVA" -jar "$JAR" --role=web --server.port=$WEB_PORT > "$OUT/web.log" 2>&1 & PIDS+=($!)
await_health $WEB_PORT
declare -A WORKER_PID
for n in 1 2; do
    echo "==> worker-$n on :$((WEB_PORT + n))"
    "$JAVA" -jar "$JAR" --role=worker --server.port=$((WEB_PORT + n)) \
        --jobrunr.background-job-server.name=worker-$n > "$OUT/worker-$n.log" 2>&1 & PIDS+=($!)
    WORKER_PID[$n]=$!
done
for n in 1 2; do await_health $((WEB_PORT + n)); done

API="http://127.0.0.1:$WEB_PORT/api/v1"
TOKEN=$(curl -sf -X POST "$API/auth/token" -H 'Content-Type: application/json' \
    -d '{"email": "admin@failover.example", "password": "failover password 2026"}' \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
auth=(-H "Authorization: Bearer $TOKEN")

echo "==> a ${PAGES}-page document and a workflow with $CRITERIA criteria"
many_criteria "$CRITERIA" "$PAGES" Failover "$API" "$TOKEN"

echo "==> starting the assessment"
ASSESSMENT=$(curl -sf "${auth[@]}" -H 'Content-Type: application/json' \
    -d "{\"workflow_id\": \"$WORKFLOW\", \"reference\": \"failover\", \"documents\": [{\"bucket\": \"reports\", \"document_id\": \"$DOCUMENT\"}]}" \
    "$API/assessments" | field 'd["id"]')
started=$(date +%s)
victim=""
for _ in $(seq 1 1200); do
    read -r status phase completed total < <(curl -sf "${auth[@]}" "$API/assessments/$ASSESSMENT" \
        | field 'd["status"], d["progress"]["phase"], d["progress"]["done"], d["progress"]["total"]' | tr -d "(),'")
    if [[ $status == running && $phase == evaluating && $completed -ge 2 ]]; then
        for n in 1 2; do
            grep -q "Assessment $ASSESSMENT: evaluating" "$OUT/worker-$n.log" && victim=$n
        done
        break
    fi
    [[ $status == completed ]] && break
    sleep 0.1
done
[[ -n $victim ]] || { echo "the assessment was not caught while evaluating (status $status, $completed/$total); use more criteria or pages" >&2; exit 1; }
killed_at=$completed
echo "==> kill -9 worker-$victim (pid ${WORKER_PID[$victim]}) at $completed/$total criteria, $(( $(date +%s) - started )) s after start"
kill -9 "${WORKER_PID[$victim]}"
survivor=$(( 3 - victim ))

for _ in $(seq 1 300); do
    status=$(curl -sf "${auth[@]}" "$API/assessments/$ASSESSMENT" | field 'd["status"]')
    [[ $status == completed || $status == failed || $status == cancelled ]] && break
    sleep 1
done
finished=$(( $(date +%s) - started ))
findings=$(sql "select count(*) from assessment_findings where assessment_id = '$ASSESSMENT'")
distinct=$(sql "select count(distinct criterion_key) from assessment_findings where assessment_id = '$ASSESSMENT'")
running=$(sql "select count(*) from assessments where status = 'running'")
results=$(curl -sf "${auth[@]}" "$API/assessments/$ASSESSMENT/results" | field 'len(d["results"])' || echo 0)
resumed=$(grep -c "Assessment $ASSESSMENT: evaluating" "$OUT/worker-$survivor.log" || true)

cat <<REPORT
status:                 $status (after $finished s)
criteria:               $total; $killed_at stored when worker-$victim was killed
resumed on worker-$survivor:    $resumed time(s) ($(grep "Assessment $ASSESSMENT: evaluating" "$OUT/worker-$survivor.log" | sed 's/.*evaluating/evaluating/' | head -1))
findings stored:        $findings (distinct criteria: $distinct)
results returned:       $results
assessments running:    $running
REPORT
[[ $status == completed && $findings == "$total" && $distinct == "$total" && $results == "$total" && $running == 0 \
    && $resumed -ge 1 ]] || { echo "FAILED" >&2; exit 1; }
echo "OK: completed once by the surviving worker, no finding duplicated, nothing left running"

#!/usr/bin/env bash
# Issue 14, acceptance 2 — zero downtime: two instances of the packaged jar (--role=both) on one PostgreSQL database
# and one data directory, behind nginx on loopback (passive health checks; a request whose connection is refused or
# answered 502/503 goes to the other instance). Under continuous API traffic (reads, uploads, assessment starts:
# traffic.py) instance A is restarted (SIGTERM, wait for it to exit, start it again, wait for its readiness), then
# instance B: a rolling restart. Counts requests sent and failed (any non-2xx answer or connection error) and
# assessments started, completed, failed and lost (still unfinished 10 minutes after the traffic stopped).
#
#   ./mvnw -q -B package -DskipTests && bench/zero-downtime/run.sh [next.jar]
#   FIRST=previous.jar bench/zero-downtime/run.sh target/qteria.jar      # a deploy of a new build
#
# The instances start on $FIRST (default target/qteria.jar) and are restarted on next.jar (default: the same jar).
# Needs PostgreSQL on 127.0.0.1:5432 (trust auth, as .ci/run sets up), nginx (Debian package; run here as an
# unprivileged process with its own configuration), curl and python3. Too slow for .ci/run (about 4 minutes).
# Writes logs and results to target/bench/zero-downtime/. Exit code 0 when nothing failed and nothing was lost.
set -euo pipefail
cd "$(dirname "$0")/../.."

JAR=${FIRST:-target/qteria.jar}
NEXT=${1:-$JAR}
LB_PORT=18380
declare -A PORT=([a]=18381 [b]=18382) PID=()
CRITERIA=${CRITERIA:-40}
PAGES=${PAGES:-100}
SETTLE=${SETTLE:-30}  # seconds of traffic before, between and after the restarts

[[ -f $JAR && -f $NEXT ]] || { echo "Build the jar first: ./mvnw -q -B package -DskipTests" >&2; exit 2; }
command -v nginx >/dev/null || { echo "nginx is not installed (apt-get install nginx)" >&2; exit 2; }
NAME=zero-downtime LABEL=Rolling
# shellcheck source=../cluster.sh
source bench/cluster.sh
mkdir -p "$OUT/nginx"

# Starts instance $1 from jar $2 and waits until it is ready.
start() {
    local name=$1 jar=$2 since
    since=$(date +%s.%N)
    "$JAVA" -jar "$jar" --role=both --server.port="${PORT[$name]}" \
        --jobrunr.background-job-server.name="instance-$name" >> "$OUT/$name.log" 2>&1 &
    PID[$name]=$!
    PIDS+=("$!")
    for _ in $(seq 1 360); do
        if curl -sf "http://127.0.0.1:${PORT[$name]}/actuator/health/readiness" >/dev/null; then
            echo "    $name ready after $(awk "BEGIN { printf \"%.1f\", $(date +%s.%N) - $since }") s"
            return 0
        fi
        kill -0 "${PID[$name]}" 2>/dev/null || { echo "instance $name exited; see $OUT/$name.log" >&2; exit 1; }
        sleep 0.5
    done
    echo "instance $name did not become ready; see $OUT/$name.log" >&2; exit 1
}

# SIGTERM to instance $1, then waits for it to exit.
stop() {
    local name=$1 since code=0
    since=$(date +%s.%N)
    kill -TERM "${PID[$name]}"
    wait "${PID[$name]}" || code=$?
    echo "    $name stopped after $(awk "BEGIN { printf \"%.1f\", $(date +%s.%N) - $since }") s, exit code $code"
    unset "PID[$name]"
}

echo "==> instances a (:${PORT[a]}) and b (:${PORT[b]}) on database $DB"
start a "$JAR"
start b "$JAR"

echo "==> nginx on :$LB_PORT"
cat > "$OUT/nginx/nginx.conf" <<NGINX
worker_processes 1;
daemon off;
pid $PWD/$OUT/nginx/nginx.pid;
error_log $PWD/$OUT/nginx/error.log warn;
events { worker_connections 512; }
http {
    log_format upstreams '\$msec "\$request" \$status upstream=\$upstream_addr upstream_status=\$upstream_status '
                         'time=\$request_time';
    access_log $PWD/$OUT/nginx/access.log upstreams;
    client_body_temp_path $PWD/$OUT/nginx/body;
    proxy_temp_path $PWD/$OUT/nginx/proxy;
    fastcgi_temp_path $PWD/$OUT/nginx/fastcgi;
    uwsgi_temp_path $PWD/$OUT/nginx/uwsgi;
    scgi_temp_path $PWD/$OUT/nginx/scgi;
    client_max_body_size 64m;
    upstream qteria {
        # Passive health: a failed attempt takes the instance out for fail_timeout.
        server 127.0.0.1:${PORT[a]} max_fails=1 fail_timeout=5s;
        server 127.0.0.1:${PORT[b]} max_fails=1 fail_timeout=5s;
    }
    server {
        listen 127.0.0.1:$LB_PORT;
        location / {
            proxy_pass http://qteria;
            proxy_next_upstream error timeout http_502 http_503;
            proxy_connect_timeout 2s;
            proxy_read_timeout 120s;
            proxy_buffering off;
            proxy_set_header Host \$host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
        }
    }
}
NGINX
if [[ $(id -u) == 0 ]]; then
    chown -R nobody "$OUT/nginx"
    setpriv --reuid=nobody --regid=nogroup --clear-groups nginx -p "$PWD/$OUT/nginx" -c "$PWD/$OUT/nginx/nginx.conf" \
        -e "$PWD/$OUT/nginx/error.log" &
else
    nginx -p "$PWD/$OUT/nginx" -c "$PWD/$OUT/nginx/nginx.conf" -e "$PWD/$OUT/nginx/error.log" &
fi
PIDS+=("$!")
for _ in $(seq 1 40); do curl -sf "http://127.0.0.1:$LB_PORT/health" >/dev/null && break; sleep 0.25; done

API="http://127.0.0.1:$LB_PORT/api/v1"
TOKEN=$(curl -sf -X POST "$API/auth/token" -H 'Content-Type: application/json' \
    -d "{\"email\": \"$QTERIA_BOOTSTRAP_ADMIN_EMAIL\", \"password\": \"$QTERIA_BOOTSTRAP_ADMIN_PASSWORD\"}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')

echo "==> a ${PAGES}-page document and a workflow with $CRITERIA criteria (assessments that run for a while)"
many_criteria "$CRITERIA" "$PAGES" "Rolling restart" "$API" "$TOKEN"

echo "==> traffic through nginx"
rm -f "$OUT/stop"
python3 bench/zero-downtime/traffic.py "http://127.0.0.1:$LB_PORT" "$QTERIA_BOOTSTRAP_ADMIN_EMAIL" \
    "$QTERIA_BOOTSTRAP_ADMIN_PASSWORD" src/main/resources/samples/documents/doc-kestrel-ld1500.pdf "$DOCUMENT" \
    "$WORKFLOW" "$OUT/stop" "$OUT/result.json" > "$OUT/traffic.txt" 2>&1 &
TRAFFIC_PID=$!
PIDS+=("$!")
sleep "$SETTLE"
for name in a b; do
    running=$(sql "select count(*) from assessments where status = 'running'")
    echo "==> rolling restart of $name ($running assessments running)"
    stop "$name"
    start "$name" "$NEXT"
    sleep "$SETTLE"
done
touch "$OUT/stop"
echo "==> traffic stopped; waiting for every upload to be read and every assessment to end"
wait "$TRAFFIC_PID" || { cat "$OUT/traffic.txt"; exit 1; }
cat "$OUT/traffic.txt"

handed=$(cat "$OUT/a.log" "$OUT/b.log" | grep -c "stopped because this instance is shutting down" || true)
echo "jobs handed back by a stopping instance: $handed"
echo "nginx: $(wc -l < "$OUT/nginx/access.log") requests, $(grep -c 'upstream=[^ ]*, ' "$OUT/nginx/access.log" || true) passed to the other instance after a failed attempt"
python3 - "$OUT/result.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
bad = r["requests_failed"] + r["assessments_failed"] + r["assessments_lost"] + r["documents_rejected"] \
      + (r["documents_uploaded"] - r["documents_ready"])
if bad or r["assessments_started"] == 0:
    sys.exit("FAILED: failed requests, failed or lost assessments, or unread uploads")
print(f"OK: {r['requests_sent']} requests, none failed; {r['assessments_started']} assessments started, "
      f"{r['assessments_completed']} completed, none failed or lost; {r['documents_uploaded']} uploads, all read")
PY

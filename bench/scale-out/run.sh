#!/usr/bin/env bash
# Issue 17, "Scale-out" (acceptance 2): the same burst against WEB web instances (--role=web) behind nginx on
# loopback and WORKERS worker instances (--role=worker), every one -Xmx512m, all on one fresh PostgreSQL database per
# configuration and one shared data directory (bench/cluster.sh). BURST assessments (100) of the sample LVD workflow
# on its four sample documents (offline evaluator), started one after the other as fast as one client can (or evenly over SPREAD seconds) through nginx
# (bench/scale-out/burst.py); measured: time until the last one ends, assessments per minute, CPU seconds per
# process and the share of the machine's cores, PostgreSQL's peak connections and transactions committed. The
# configurations run one after the other in the same run (CONFIGS, "web x workers": 1x1 1x2 2x2) and the ratios of
# time-to-last against the first are printed.
#
#   ./mvnw -q -B package -DskipTests && bench/scale-out/run.sh
#   BURST=20 CONFIGS="1x1 1x2" bench/scale-out/run.sh      # a short run
#
# JOB_WORKERS (QTERIA_WORKERS, JobRunr's workers per instance, 2) and JOB_POLL (QTERIA_JOB_POLL_SECONDS, 5) are
# passed to every instance. Needs PostgreSQL on 127.0.0.1:5432 (trust auth), nginx, curl and python3. Writes logs
# and results to target/bench/scale-out-*/. Exit code 0 when every assessment of every configuration completed.
set -euo pipefail
cd "$(dirname "$0")/../.."

JAR=target/qteria.jar
BASE_PORT=${BASE_PORT:-18520}
CONFIGS=${CONFIGS:-1x1 1x2 2x2}
export QTERIA_WORKERS=${JOB_WORKERS:-2} QTERIA_JOB_POLL_SECONDS=${JOB_POLL:-5}
[[ -f $JAR ]] || { echo "Build the jar first: ./mvnw -q -B package -DskipTests" >&2; exit 2; }
command -v nginx >/dev/null || { echo "nginx is not installed (apt-get install nginx)" >&2; exit 2; }

# Writes and starts nginx on port $1 in front of the web instances on the ports $2…; its pid goes to PIDS.
start_nginx() {
    local port=$1 servers="" web
    shift
    for web in "$@"; do servers+="        server 127.0.0.1:$web;"$'\n'; done
    mkdir -p "$OUT/nginx"
    cat > "$OUT/nginx/nginx.conf" <<NGINX
worker_processes 1;
daemon off;
pid $PWD/$OUT/nginx/nginx.pid;
error_log $PWD/$OUT/nginx/error.log warn;
events { worker_connections 512; }
http {
    access_log off;
    client_body_temp_path $PWD/$OUT/nginx/body;
    proxy_temp_path $PWD/$OUT/nginx/proxy;
    fastcgi_temp_path $PWD/$OUT/nginx/fastcgi;
    uwsgi_temp_path $PWD/$OUT/nginx/uwsgi;
    scgi_temp_path $PWD/$OUT/nginx/scgi;
    client_max_body_size 64m;
    upstream qteria {
$servers        keepalive 16;
    }
    server {
        listen 127.0.0.1:$port;
        location / {
            proxy_pass http://qteria;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$host;
        }
    }
}
NGINX
    if [[ $(id -u) == 0 ]]; then
        chown -R nobody "$OUT/nginx"
        setpriv --reuid=nobody --regid=nogroup --clear-groups nginx -p "$PWD/$OUT/nginx" \
            -c "$PWD/$OUT/nginx/nginx.conf" -e "$PWD/$OUT/nginx/error.log" &
    else
        nginx -p "$PWD/$OUT/nginx" -c "$PWD/$OUT/nginx/nginx.conf" -e "$PWD/$OUT/nginx/error.log" &
    fi
    PIDS+=("$!")
    for _ in $(seq 1 40); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && return 0; sleep 0.25; done
    echo "nginx on :$port does not answer" >&2; exit 1
}

# One configuration: $1 web instances, $2 worker instances; prints burst.py's JSON on the last line.
configuration() (
    local webs=$1 workers=$2 port=$BASE_PORT names=() ports=() n
    NAME=scale-out-${webs}x$workers LABEL=Scale
    # shellcheck source=../cluster.sh
    source bench/cluster.sh
    for n in $(seq 1 "$webs"); do
        port=$((port + 1))
        "$JAVA" -Xmx512m -jar "$JAR" --role=web --server.port=$port > "$OUT/web-$n.log" 2>&1 & PIDS+=($!)
        names+=("web-$n=$!"); ports+=("$port")
        # The first one alone: instances started together on a fresh database race to register JobRunr's recurring
        # job (RetentionRun's @Recurring) and the loser stops with "duplicate key … jobrunr_recurring_jobs_pkey".
        [[ $n == 1 ]] && await_health "$port"
    done
    for n in $(seq 1 "$workers"); do
        port=$((port + 1))
        "$JAVA" -Xmx512m -jar "$JAR" --role=worker --server.port=$port \
            --jobrunr.background-job-server.name="worker-$n" > "$OUT/worker-$n.log" 2>&1 & PIDS+=($!)
        names+=("worker-$n=$!")
    done
    for n in $(seq $((BASE_PORT + 1)) "$port"); do await_health "$n"; done
    start_nginx "$BASE_PORT" "${ports[@]}"
    echo "==> $webs web + $workers worker instances ($QTERIA_WORKERS job workers each, poll ${QTERIA_JOB_POLL_SECONDS} s): burst of ${BURST:-100}" >&2
    DB=$DB PIDS=$(IFS=,; echo "${names[*]}") python3 bench/scale-out/burst.py "http://127.0.0.1:$BASE_PORT" \
        | tee "$OUT/result.json"
)

echo "Run $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
mkdir -p target/bench
results=target/bench/scale-out.jsonl
: > "$results"
for config in $CONFIGS; do
    line=$(configuration "${config%x*}" "${config#*x}" | tail -1)
    echo "$config $line" | tee -a "$results"
done
python3 - "$results" <<'PY'
import json, sys
rows = [(line.split(" ", 1)[0], json.loads(line.split(" ", 1)[1])) for line in open(sys.argv[1])]
reference_name, reference = rows[0]
ok = True
for name, r in rows:
    ok &= r["statuses"].get("completed", 0) == r["assessments"]
    print(f"{name}: started in {r['started_within_s']} s, {r['seconds_to_last']} s to the last "
          f"({r['seconds_to_last'] - r['started_within_s']:.1f} s after the last start), {r['per_minute']}/min, "
          f"statuses {r['statuses']}, "
          f"CPU {r['cpu_share_of_2_cores']:.0%} of the cores by Qteria "
          f"({r['machine_busy']:.0%} busy in all), DB connections peak {r['db_connections_peak']}"
          f" (active {r['db_active_peak']}), {r['db_commits']} commits; time ratio {reference_name}/{name} = "
          f"{reference['seconds_to_last'] / r['seconds_to_last']:.2f}")
sys.exit(0 if ok else 1)
PY

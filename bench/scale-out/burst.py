#!/usr/bin/env python3
"""A burst of assessments through one base URL (nginx in front of the web instances; bench/scale-out/run.sh starts
them): sign in, import the sample LVD workflow, upload its four sample documents, then start BURST assessments
spread evenly over SPREAD seconds (all within a minute), and wait until every one has ended. Meanwhile every second:
the CPU time of each process named in PIDS (name=pid,…) and, from PostgreSQL (database DB), the connections in
pg_stat_activity (peak) and xact_commit of pg_stat_database. Prints one JSON object. Standard library only.
"""
import json
import os
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from qclient import Client, cpu_seconds  # noqa: E402

BASE = sys.argv[1]
BURST = int(os.environ.get("BURST", "100"))
SPREAD = float(os.environ.get("SPREAD", "0"))
DB = os.environ["DB"]
PIDS = dict(item.split("=") for item in os.environ["PIDS"].split(","))


def psql(query):
    return subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", DB, "-tAc", query],
                          check=True, capture_output=True, text=True).stdout.strip()


def machine():
    """Busy and total jiffies of all cores (/proc/stat): what the other processes on the machine took as well."""
    values = [int(v) for v in open("/proc/stat").readline().split()[1:]]
    return sum(values) - values[3] - values[4], sum(values)


def commits():
    return int(psql(f"select xact_commit from pg_stat_database where datname = '{DB}'"))


client = Client(BASE).sign_in()
workflow = client.import_workflow()
ids = client.upload_samples()
done = threading.Event()
peak = {"connections": 0, "active": 0}


def watch():
    while not done.is_set():
        row = psql(f"select count(*), count(*) filter (where state = 'active') from pg_stat_activity "
                   f"where datname = '{DB}'").split("|")
        peak["connections"] = max(peak["connections"], int(row[0]))
        peak["active"] = max(peak["active"], int(row[1]))
        done.wait(1)


watcher = threading.Thread(target=watch, daemon=True)
watcher.start()
cpu_before = {name: cpu_seconds(int(pid)) for name, pid in PIDS.items()}
commits_before, machine_before = commits(), machine()
began = time.monotonic()
started = []
for n in range(BURST):
    time.sleep(max(0.0, began + n * SPREAD / BURST - time.monotonic()))
    started.append(client.start(workflow, ids))
start_seconds = time.monotonic() - began
statuses, pending = {}, list(started)
deadline = began + 900
while pending and time.monotonic() < deadline:
    remaining = []
    for assessment in pending:
        status = client.call("GET", "/api/v1/assessments/" + assessment)["status"]
        if status in ("completed", "failed"):
            statuses[status] = statuses.get(status, 0) + 1
        else:
            remaining.append(assessment)
    pending = remaining
    if pending:
        time.sleep(0.25)
seconds = time.monotonic() - began
done.set()
watcher.join()
busy, total = (after - before for after, before in zip(machine(), machine_before))
cpu = {name: round(cpu_seconds(int(pid)) - cpu_before[name], 1) for name, pid in PIDS.items()}
print(json.dumps({
    "assessments": BURST, "started_within_s": round(start_seconds, 1), "statuses": statuses,
    "unfinished": len(pending), "seconds_to_last": round(seconds, 1),
    "after_last_start_s": round(seconds - start_seconds, 1),
    "per_minute": round(BURST / seconds * 60, 1), "cpu_seconds": cpu,
    "cpu_share_of_2_cores": round(sum(cpu.values()) / (seconds * os.cpu_count()), 2),
    "machine_busy": round(busy / total, 2),
    "db_connections_peak": peak["connections"], "db_active_peak": peak["active"],
    "db_commits": commits() - commits_before,
}))

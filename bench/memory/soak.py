#!/usr/bin/env python3
"""Soak of one Qteria instance (bench/memory/run.sh starts it): a steady trickle of assessments of the sample LVD
workflow (every TRICKLE seconds, 4 fresh uploads every UPLOAD_EVERY-th one) for SOAK minutes; every SAMPLE seconds a
forced GC (jcmd <pid> GC.run), then heap used and live data size from /actuator/prometheus (operator token), and the
process's resident memory. Prints the series, then one JSON object with the least-squares slope of heap after GC
(MB per hour) over the samples after the warm-up, its t statistic, and pass = the slope is not significantly
positive (t < 2, about 95 %) or below 1 MB per hour. Arguments: base URL, process id. Standard library only.
"""
import json
import os
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from qclient import Client, cpu_seconds, prometheus, rss_mb  # noqa: E402

BASE, PID = sys.argv[1], int(sys.argv[2])
SOAK = float(os.environ.get("SOAK", "30")) * 60
TRICKLE = float(os.environ.get("TRICKLE", "6"))
UPLOAD_EVERY = int(os.environ.get("UPLOAD_EVERY", "5"))
SAMPLE = float(os.environ.get("SAMPLE", "30"))
WARMUP = float(os.environ.get("WARMUP", "120"))
JCMD = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "jcmd")
OPERATOR = os.environ["QTERIA_OPERATOR_TOKEN"]
MB = 1024 * 1024

client = Client(BASE).sign_in()
workflow = client.import_workflow()
ids = client.upload_samples()
began = time.monotonic()
next_start, next_sample, started, failed, samples = began, began, [], 0, []
print("minute heap_after_gc_mb live_data_mb rss_mb assessments_started", flush=True)
while time.monotonic() - began < SOAK:
    now = time.monotonic()
    if now >= next_start:
        if len(started) % UPLOAD_EVERY == UPLOAD_EVERY - 1:
            ids = client.upload_samples()
        started.append(client.start(workflow, ids))
        next_start += TRICKLE
    if now >= next_sample:
        subprocess.run([JCMD, str(PID), "GC.run"], check=True, capture_output=True)
        metrics = prometheus(client, OPERATOR)
        sample = (now - began, metrics.get("jvm_memory_used_bytes{heap}", 0) / MB,
                  metrics.get("jvm_gc_live_data_size_bytes", 0) / MB, rss_mb(PID))
        samples.append(sample)
        print(f"{sample[0] / 60:6.1f} {sample[1]:8.1f} {sample[2]:8.1f} {sample[3]:7.0f} {len(started):5d}", flush=True)
        next_sample += SAMPLE
    time.sleep(max(0.05, min(next_start, next_sample) - time.monotonic()))

statuses = {}
for assessment in started:
    status = client.wait("/api/v1/assessments/" + assessment, "status", {"completed", "failed"}, limit=600)
    statuses[status] = statuses.get(status, 0) + 1
steady = [s for s in samples if s[0] >= WARMUP]
x, y = [s[0] / 3600 for s in steady], [s[1] for s in steady]
mx, my = statistics.fmean(x), statistics.fmean(y)
sxx = sum((a - mx) ** 2 for a in x)
slope = sum((a - mx) * (b - my) for a, b in zip(x, y)) / sxx
residual = sum((b - my - slope * (a - mx)) ** 2 for a, b in zip(x, y)) / (len(x) - 2)
error = (residual / sxx) ** 0.5
t = slope / error if error else (float("inf") if slope > 0 else 0.0)
print(json.dumps({
    "minutes": SOAK / 60, "assessments": len(started), "statuses": statuses,
    "cpu_seconds": cpu_seconds(PID), "samples_after_warmup": len(steady),
    "heap_after_gc_mb": {"first": y[0], "last": y[-1], "min": min(y), "max": max(y)},
    "slope_mb_per_hour": round(slope, 2), "standard_error": round(error, 2), "t": round(t, 2),
    "rss_mb_peak": max(s[3] for s in samples),
    "pass": t < 2 or slope < 1.0,
}))

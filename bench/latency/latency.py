#!/usr/bin/env python3
"""Latency, dispatch CPU and memory of one Qteria instance (bench/latency/run.sh starts it).

Against a running instance: for N rounds, upload a sample PDF and time upload -> `ready`; start an assessment of
the sample LVD workflow on ready documents and time start -> `completed`. Then a burst of B assessments started at
once, timing until the last completes and reading the process's CPU time and resident memory (/proc) before and
after. Prints one JSON object. Standard library only.
"""
import json
import os
import statistics
import sys
import time
import urllib.request
import uuid

BASE, PID, SAMPLES, WORKFLOW = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
ROUNDS = int(os.environ.get("ROUNDS", "10"))
BURST = int(os.environ.get("BURST", "100"))
POLL = 0.02


def call(method, path, token=None, body=None, content_type="application/json"):
    headers = {"Accept": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    data = None
    if body is not None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        headers["Content-Type"] = content_type
    request = urllib.request.Request(BASE + path, data=data, method=method, headers=headers)
    with urllib.request.urlopen(request, timeout=120) as response:
        text = response.read()
        return json.loads(text) if text else None


def upload(token, name, pdf):
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
            f"Content-Type: application/pdf\r\n\r\n").encode() + pdf + f"\r\n--{boundary}--\r\n".encode()
    return call("POST", "/api/v1/documents", token, body, "multipart/form-data; boundary=" + boundary)["items"][0]["id"]


def wait(token, path, field, wanted, limit=300):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        value = call("GET", path, token)[field]
        if value in wanted:
            return value
        time.sleep(POLL)
    raise SystemExit(f"{path}: {field} not in {wanted} after {limit} s")


def cpu_seconds():
    fields = open(f"/proc/{PID}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb():
    for line in open(f"/proc/{PID}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0


token = call("POST", "/api/v1/auth/token", body={"email": os.environ["QTERIA_BOOTSTRAP_ADMIN_EMAIL"],
                                               "password": os.environ["QTERIA_BOOTSTRAP_ADMIN_PASSWORD"]})["access_token"]
workflow = call("POST", "/api/v1/workflows/import", token, open(WORKFLOW, "rb").read())["id"]
files = {"test_reports": "tr-nordlicht-nv8240.pdf", "declaration": "doc-nordlicht-nv8240.pdf",
         "user_manual": "um-nordlicht-nv8240.pdf", "risk_assessment": "ra-nordlicht-nv8240.pdf"}
pdfs = {bucket: open(os.path.join(SAMPLES, name), "rb").read() for bucket, name in files.items()}

ready, completed, ids = [], [], {}
for _ in range(ROUNDS):
    for bucket, pdf in pdfs.items():
        began = time.monotonic()
        ids[bucket] = upload(token, files[bucket], pdf)
        wait(token, "/api/v1/documents/" + ids[bucket], "status", {"ready"})
        ready.append(time.monotonic() - began)
    began = time.monotonic()
    started = call("POST", "/api/v1/assessments", token, {"workflow_id": workflow, "documents": [
        {"bucket": b, "document_id": i} for b, i in ids.items()]})
    wait(token, "/api/v1/assessments/" + started["id"], "status", {"completed"})
    completed.append(time.monotonic() - began)

cpu_before, rss_before = cpu_seconds(), rss_mb()
began = time.monotonic()
burst = [call("POST", "/api/v1/assessments", token, {"workflow_id": workflow, "documents": [
    {"bucket": b, "document_id": i} for b, i in ids.items()]})["id"] for _ in range(BURST)]
peak = rss_before
for assessment in burst:
    wait(token, "/api/v1/assessments/" + assessment, "status", {"completed"}, limit=900)
    peak = max(peak, rss_mb())
burst_seconds = time.monotonic() - began
print(json.dumps({
    "rounds": ROUNDS,
    "upload_to_ready_s": {"median": statistics.median(ready), "max": max(ready)},
    "start_to_completed_s": {"median": statistics.median(completed), "max": max(completed)},
    "burst": {"assessments": BURST, "seconds": burst_seconds, "cpu_seconds": cpu_seconds() - cpu_before,
              "rss_mb_before": rss_before, "rss_mb_peak": peak},
}))

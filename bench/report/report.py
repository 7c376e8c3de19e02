"""The PDF report of a 50-criterion assessment: cold and warm render time and size (see run.sh)."""
import http.client
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
import urllib.parse
import uuid

BASE, EMAIL, PASSWORD, DOCUMENT, OUT = sys.argv[1:6]
RUNS = int(os.environ.get("RUNS", "10"))
HOST = urllib.parse.urlparse(BASE).netloc


def call(method, path, body=None, headers=None, raw=False):
    connection = http.client.HTTPConnection(HOST, timeout=120)
    headers = dict(headers or {})
    if isinstance(body, (dict, list)):
        body = json.dumps(body)
        headers["Content-Type"] = "application/json"
    connection.request(method, path, body, headers)
    response = connection.getresponse()
    data = response.read()
    if response.status >= 300:
        sys.exit(f"{method} {path} answered {response.status}: {data[:500]!r}")
    return data if raw else json.loads(data or b"null")


def wait(path, field, wanted, auth, seconds=300):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = call("GET", path, headers=auth)[field]
        if value in wanted:
            return value
        time.sleep(0.5)
    sys.exit(f"{path}: {field} not in {wanted} after {seconds} s")


token = call("POST", "/api/v1/auth/token", {"email": EMAIL, "password": PASSWORD})["access_token"]
auth = {"Authorization": "Bearer " + token}

boundary = uuid.uuid4().hex
with open(DOCUMENT, "rb") as file:
    content = file.read()
body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{os.path.basename(DOCUMENT)}\"\r\n"
        f"Content-Type: application/pdf\r\n\r\n").encode() + content + f"\r\n--{boundary}--\r\n".encode()
document = call("POST", "/api/v1/documents", body, {**auth, "Content-Type": f"multipart/form-data; boundary={boundary}"})["items"][0]
wait(f"/api/v1/documents/{document['id']}", "status", {"ready"}, auth)

# 40 phrases the report contains (the first five words of its longer lines), 10 it does not.
lines = [line.strip() for page in call("GET", f"/api/v1/documents/{document['id']}/text", headers=auth)["pages"]
         for line in page["text"].splitlines()]
phrases = list(dict.fromkeys(" ".join(line.split()[:5]) for line in lines if len(line.split()) >= 6))[:40]
if len(phrases) < 40:
    sys.exit(f"the sample has only {len(phrases)} usable lines")
phrases += [f"clause {n} of a standard nobody cites" for n in range(10)]
workflow = call("POST", "/api/v1/workflows", {
    "name": "Report benchmark: 50 criteria",
    "buckets": [{"key": "reports", "name": "Test reports", "required": True, "order": 0}],
    "criteria": [{"key": f"c{n:02d}", "name": f"Criterion {n + 1}: the report states “{phrase}”",
                  "applies_to": ["reports"], "severity": "required", "order": n,
                  "checks": [{"type": "contains", "all": [phrase]}]} for n, phrase in enumerate(phrases)]}, auth)
assessment = call("POST", "/api/v1/assessments", {"workflow_id": workflow["id"], "reference": "Benchmark 50",
                                                 "documents": [{"bucket": "reports", "document_id": document["id"]}]}, auth)
status = wait(f"/api/v1/assessments/{assessment['id']}", "status", {"completed", "failed", "cancelled"}, auth)
if status != "completed":
    sys.exit(f"the assessment ended {status}")


def timed(path):
    started = time.perf_counter()
    data = call("GET", path, headers=auth, raw=True)
    return time.perf_counter() - started, data


pdf_path = f"/api/v1/assessments/{assessment['id']}/report.pdf"
cold, pdf = timed(pdf_path)
warm = [timed(pdf_path)[0] for _ in range(RUNS)]
reference = [timed(f"/api/v1/assessments/{assessment['id']}/report.json")[0] for _ in range(RUNS)]
with open(os.path.join(OUT, "report-50.pdf"), "wb") as file:
    file.write(pdf)
pages = "?"
if shutil.which("pdfinfo"):
    info = subprocess.run(["pdfinfo", os.path.join(OUT, "report-50.pdf")], capture_output=True, text=True).stdout
    pages = next((line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")), "?")
if shutil.which("pdftotext"):
    text = " ".join(subprocess.run(["pdftotext", "-enc", "UTF-8", os.path.join(OUT, "report-50.pdf"), "-"],
                                   capture_output=True, text=True).stdout.split())
    missing = [p for p in phrases if f"“{p}”" not in text]
    print(f"  pdftotext: {50 - len(missing)} of 50 criterion names found" + (f"; missing {missing[:3]}" if missing else ""))

median = statistics.median(warm)
print(f"  report.pdf: {len(pdf):,} bytes, {pages} pages; cold {cold * 1000:.0f} ms; warm median {median * 1000:.0f} ms "
      f"(min {min(warm) * 1000:.0f}, max {max(warm) * 1000:.0f}, {RUNS} runs)")
print(f"  report.json (reference, same assessment): warm median {statistics.median(reference) * 1000:.0f} ms; "
      f"PDF / JSON = {median / statistics.median(reference):.1f}x")
print(f"  load average now: {open('/proc/loadavg').read().split()[0:3]}")
failed = []
if median >= 2:
    failed.append("warm median 2 s or more")
if len(pdf) >= 1024 * 1024:
    failed.append("1 MB or more")
if failed:
    sys.exit("FAILED: " + ", ".join(failed))

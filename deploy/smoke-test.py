#!/usr/bin/env python3
"""Smoke test of a deployed Qteria: the critical path, once, against its public URL (Python 3 standard library only).

    QTERIA_SMOKE_URL=https://staging.example.com QTERIA_SMOKE_EMAIL=smoke@example.com \\
    QTERIA_SMOKE_PASSWORD=… python3 deploy/smoke-test.py

Signs in (POST /api/v1/auth/token), creates a workflow of one bucket and one criterion whose check looks for a phrase
made up for this run, uploads a one-page PDF that carries the phrase (generated here), starts an assessment and waits
for its results: the criterion must pass with verified evidence quoting the phrase. Then it archives the workflow and
revokes its token. The account needs the process_manager (or admin) role; use an organization kept for smoke tests.
QTERIA_SMOKE_TIMEOUT (seconds, default 300) bounds each wait. Exit code 0: the path works; 1: a step failed (named).
"""
import json
import os
import sys
import time
import urllib.error
import urllib.request
import uuid

BASE = os.environ.get("QTERIA_SMOKE_URL", "").rstrip("/")
EMAIL = os.environ.get("QTERIA_SMOKE_EMAIL", "")
PASSWORD = os.environ.get("QTERIA_SMOKE_PASSWORD", "")
TIMEOUT = float(os.environ.get("QTERIA_SMOKE_TIMEOUT", "300"))
STARTED = time.monotonic()


def fail(message):
    sys.exit(f"SMOKE TEST FAILED: {message}")


def step(message):
    print(f"[{time.monotonic() - STARTED:6.1f} s] {message}", flush=True)


def call(method, path, body=None, headers=None, expect=(200,)):
    headers = dict(headers or {})
    if isinstance(body, dict):
        body = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(BASE + path, data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            status, data = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, data = error.code, error.read()
    except OSError as error:
        fail(f"{method} {path}: {error}")
    if status not in expect:
        fail(f"{method} {path} answered {status}, expected {' or '.join(map(str, expect))}: {data[:300]!r}")
    return json.loads(data) if data else None


def wait(path, field, done, auth):
    deadline = time.monotonic() + TIMEOUT
    while True:
        value = call("GET", path, headers=auth)[field]
        if value in done or time.monotonic() > deadline:
            return value
        time.sleep(1)


def pdf(line):
    """A one-page PDF (Helvetica) showing one line of text, with a correct cross-reference table."""
    text = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    stream = f"BT /F1 14 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> "
               b"/Contents 5 0 R >>",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
               b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, content)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def main():
    if not (BASE and EMAIL and PASSWORD):
        fail("set QTERIA_SMOKE_URL, QTERIA_SMOKE_EMAIL and QTERIA_SMOKE_PASSWORD")
    run = uuid.uuid4().hex[:12]
    phrase = f"Smoke check {run} reached the evaluator"

    call("GET", "/health")
    step(f"{BASE}/health is up")
    token = call("POST", "/api/v1/auth/token", {"email": EMAIL, "password": PASSWORD})["access_token"]
    auth = {"Authorization": "Bearer " + token}
    step(f"signed in as {EMAIL}")

    workflow = call("POST", "/api/v1/workflows", {
        "name": f"Smoke test {run}",
        "description": "Created and archived by deploy/smoke-test.py after a deployment.",
        "buckets": [{"key": "reports", "name": "Reports", "required": True, "order": 0}],
        "criteria": [{"key": "smoke_phrase", "name": "The report carries this run's phrase",
                      "applies_to": ["reports"], "severity": "required", "order": 0,
                      "checks": [{"type": "contains", "all": [phrase]}]}]}, auth, expect=(201,))
    step(f"created workflow {workflow['id']}")

    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"smoke-{run}.pdf\"\r\n"
            f"Content-Type: application/pdf\r\n\r\n").encode() + pdf(phrase) + f"\r\n--{boundary}--\r\n".encode()
    document = call("POST", "/api/v1/documents", body,
                    {**auth, "Content-Type": f"multipart/form-data; boundary={boundary}"}, expect=(201,))["items"][0]
    status = wait(f"/api/v1/documents/{document['id']}", "status", {"ready", "rejected"}, auth)
    if status != "ready":
        fail(f"document {document['id']} is {status} after upload")
    step(f"uploaded document {document['id']}: ready")

    assessment = call("POST", "/api/v1/assessments", {
        "workflow_id": workflow["id"], "reference": f"Smoke test {run}",
        "documents": [{"bucket": "reports", "document_id": document["id"]}]}, auth, expect=(202,))
    step(f"started assessment {assessment['id']}")
    status = wait(f"/api/v1/assessments/{assessment['id']}", "status", {"completed", "failed", "cancelled"}, auth)
    if status != "completed":
        fail(f"assessment {assessment['id']} is {status}")

    results = call("GET", f"/api/v1/assessments/{assessment['id']}/results", headers=auth)
    result = results["results"][0] if len(results["results"]) == 1 else fail(f"results: {results}")
    verified = [e for e in result["evidence"] if e["verified"] and phrase.lower() in " ".join(e["quote"].split()).lower()]
    if result["verdict"] != "pass" or not verified or results["summary"]["overall"] != "pass":
        fail(f"the criterion is {result['verdict']} (overall {results['summary']['overall']}), evidence "
             f"{result['evidence']}; expected pass with the phrase quoted")
    step(f"results: pass, evidence on page {verified[0]['page']} of {verified[0]['document_name']}")

    call("DELETE", f"/api/v1/workflows/{workflow['id']}", headers=auth, expect=(204,))
    call("DELETE", "/api/v1/auth/token", headers=auth, expect=(204,))
    step("archived the workflow, revoked the token: the critical path works")


if __name__ == "__main__":
    main()

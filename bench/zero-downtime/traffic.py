"""Continuous API traffic through the load balancer for bench/zero-downtime/run.sh (see there).

    traffic.py BASE EMAIL PASSWORD SMALL_PDF ASSESS_DOCUMENT_ID WORKFLOW_ID STOP_FILE RESULT_JSON

Three clients run until STOP_FILE exists: a reader (assessment list, one assessment, documents list, a document,
the version, in turn), an uploader (a small PDF every second) and a starter (an assessment of ASSESS_DOCUMENT_ID on
WORKFLOW_ID every 4 s). Every request counts: a 2xx answer is a success, anything else (another status, a reset, a
refused connection, a timeout) a failure, with its time and reason. Afterwards it waits (10 minutes at most) until
every uploaded document has been read and every started assessment has ended, and writes the counts as JSON.
"""
import http.client
import json
import os
import sys
import threading
import time
import urllib.parse
import uuid

BASE, EMAIL, PASSWORD, SMALL_PDF, DOCUMENT, WORKFLOW, STOP_FILE, RESULT = sys.argv[1:9]
HOST = urllib.parse.urlparse(BASE).netloc
START = time.monotonic()
lock = threading.Lock()
sent = 0
failures = []
by_kind = {}
uploaded = []
started = []


def call(kind, method, path, body=None, headers=None, count=True):
    """One request; returns the parsed body of a 2xx answer, None otherwise (counted as a failure)."""
    global sent
    headers = dict(headers or {})
    if isinstance(body, (dict, list)):
        body = json.dumps(body)
        headers["Content-Type"] = "application/json"
    outcome, data = None, None
    try:
        connection = http.client.HTTPConnection(HOST, timeout=60)
        connection.request(method, path, body, headers)
        response = connection.getresponse()
        data = response.read()
        connection.close()
        if not 200 <= response.status < 300:
            outcome = f"{response.status} {data[:200]!r}"
    except (OSError, http.client.HTTPException) as e:
        outcome = f"{type(e).__name__}: {e}"
    if count:
        with lock:
            sent += 1
            by_kind[kind] = by_kind.get(kind, 0) + 1
            if outcome:
                failures.append({"at_s": round(time.monotonic() - START, 1), "kind": kind,
                                 "request": f"{method} {path}", "error": outcome})
    if outcome:
        return None
    return json.loads(data) if data else {}


token = call("token", "POST", "/api/v1/auth/token", {"email": EMAIL, "password": PASSWORD}, count=False)
if token is None:
    sys.exit("could not sign in")
AUTH = {"Authorization": "Bearer " + token["access_token"]}
with open(SMALL_PDF, "rb") as file:
    PDF = file.read()


def running():
    return not os.path.exists(STOP_FILE)


def reader():
    paths = ["/api/v1/assessments", f"/api/v1/documents/{DOCUMENT}", "/api/v1/documents", "/api/version"]
    n = 0
    while running():
        path = paths[n % len(paths)]
        if n % 5 == 4 and started:
            path = f"/api/v1/assessments/{started[-1]}"
        call("read", "GET", path, headers=AUTH)
        n += 1
        time.sleep(0.05)


def uploader():
    while running():
        boundary = uuid.uuid4().hex
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"report.pdf\"\r\n"
                f"Content-Type: application/pdf\r\n\r\n").encode() + PDF + f"\r\n--{boundary}--\r\n".encode()
        answer = call("upload", "POST", "/api/v1/documents", body,
                      {**AUTH, "Content-Type": f"multipart/form-data; boundary={boundary}"})
        if answer:
            with lock:
                uploaded.extend(item["id"] for item in answer["items"])
        time.sleep(1)


def starter():
    n = 0
    while running():
        answer = call("start", "POST", "/api/v1/assessments", {
            "workflow_id": WORKFLOW, "reference": f"Zero downtime {n}",
            "documents": [{"bucket": "reports", "document_id": DOCUMENT}]}, AUTH)
        if answer:
            with lock:
                started.append(answer["id"])
        n += 1
        time.sleep(4)


threads = [threading.Thread(target=t) for t in (reader, uploader, starter)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
traffic_seconds = round(time.monotonic() - START, 1)


def settle(paths, field, pending, seconds=600):
    """The final state of every resource, asked again while any is still pending (at most `seconds`)."""
    deadline = time.monotonic() + seconds
    states = {}
    while True:
        for resource, path in paths.items():
            if states.get(resource) in (None, *pending):
                answer = call("settle", "GET", path, headers=AUTH, count=False)
                if answer:
                    states[resource] = answer[field]
        if all(states.get(r) not in (None, *pending) for r in paths) or time.monotonic() > deadline:
            return states
        time.sleep(2)


documents = settle({d: f"/api/v1/documents/{d}" for d in uploaded}, "status", ("processing",))
assessments = settle({a: f"/api/v1/assessments/{a}" for a in started}, "status", ("queued", "running"))


def count(states, value):
    return sum(1 for state in states.values() if state == value)


result = {
    "traffic_seconds": traffic_seconds,
    "requests_sent": sent,
    "requests_by_kind": by_kind,
    "requests_failed": len(failures),
    "failures": failures,
    "documents_uploaded": len(uploaded),
    "documents_ready": count(documents, "ready"),
    "documents_rejected": count(documents, "rejected"),
    "assessments_started": len(started),
    "assessments_completed": count(assessments, "completed"),
    "assessments_failed": count(assessments, "failed"),
    "assessments_cancelled": count(assessments, "cancelled"),
    "assessments_lost": len(started) - count(assessments, "completed") - count(assessments, "failed")
                        - count(assessments, "cancelled"),
}
with open(RESULT, "w") as file:
    json.dump(result, file, indent=2)
print(json.dumps({k: v for k, v in result.items() if k != "failures"}, indent=2))
for failure in failures[:20]:
    print("  failure:", failure)

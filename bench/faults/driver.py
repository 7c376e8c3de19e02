"""Steady traffic during a fault, then the checks (bench/faults/run.sh starts it; standard library only).

    driver.py BASE EMAIL PASSWORD PDF DOCUMENT_ID WORKFLOW_ID DATABASE STOP_FILE RESULT_JSON

Until STOP_FILE exists: an uploader sends PDF with a few distinct trailing bytes every 2 s (remembering the SHA-256
of what it sent) and a starter starts an assessment on WORKFLOW_ID every 3 s, each of a fresh upload that reads ready (findings are
reused for the same inputs; DOCUMENT_ID when there is none). A refused request is
retried by nobody: it counts as refused, with its status and whether its body was a JSON error. Then it waits
(15 minutes at most) until every upload is read and every assessment has ended, and checks:
- every assessment started exists exactly once in DATABASE and has no finding stored twice for a criterion;
- each ended completed, or failed with an error text; none queued or running;
- every refused upload got a 4xx/5xx JSON error (a reset or timeout is a violation); every stored upload reads
  ready or rejected and its content's SHA-256 equals what was sent;
- a new assessment started afterwards completes (recovery time measured from the stop).
Writes the figures and the violations as JSON; exit code 1 on any violation.
"""
import hashlib
import http.client
import json
import os
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid

BASE, EMAIL, PASSWORD, PDF_PATH, DOCUMENT, WORKFLOW, DATABASE, STOP_FILE, RESULT = sys.argv[1:10]
HOST = urllib.parse.urlparse(BASE).netloc
START = time.monotonic()
lock = threading.Lock()
uploads = []   # {id, sha256} stored
refused = []   # {at_s, kind, status, json, error}
started = []
with open(PDF_PATH, "rb") as f:
    PDF = f.read()


def call(method, path, body=None, headers=None, timeout=60):
    """(status, parsed JSON or raw bytes, error) — status 0 when no answer came (reset, refused, timeout)."""
    headers = dict(headers or {})
    if isinstance(body, (dict, list)):
        body = json.dumps(body)
        headers["Content-Type"] = "application/json"
    try:
        connection = http.client.HTTPConnection(HOST, timeout=timeout)
        connection.request(method, path, body, headers)
        response = connection.getresponse()
        data = response.read()
        kind = response.getheader("Content-Type", "")
        connection.close()
    except (OSError, http.client.HTTPException) as e:
        return 0, None, f"{type(e).__name__}: {e}"
    if "json" in kind and data:
        try:
            return response.status, json.loads(data), None
        except ValueError:
            pass
    return response.status, data, None


def now():
    return round(time.monotonic() - START, 1)


def sign_in():
    status, body, _ = call("POST", "/api/v1/auth/token", {"email": EMAIL, "password": PASSWORD})
    if status != 200:
        sys.exit(f"could not sign in: {status} {body!r}")
    return {"Authorization": "Bearer " + body["access_token"]}


AUTH = sign_in()


def note_refusal(kind, status, body, error):
    clear = 400 <= status < 600 and isinstance(body, dict) and bool(body.get("detail") or body.get("title"))
    with lock:
        refused.append({"at_s": now(), "kind": kind, "status": status, "clear_json_error": clear,
                        "error": error or (body.get("code") or body.get("detail") if isinstance(body, dict)
                                           else repr(body)[:160])})


def running():
    return not os.path.exists(STOP_FILE)


def uploader():
    n = 0
    while running():
        content = PDF + f"\n%% fault bench {uuid.uuid4().hex} {n}\n".encode()  # distinct bytes, still a PDF
        boundary = uuid.uuid4().hex
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"fault-{n}.pdf\"\r\n"
                f"Content-Type: application/pdf\r\n\r\n").encode() + content + f"\r\n--{boundary}--\r\n".encode()
        status, answer, error = call("POST", "/api/v1/documents", body,
                                     {**AUTH, "Content-Type": f"multipart/form-data; boundary={boundary}"})
        if 200 <= status < 300:
            with lock:
                uploads.extend({"id": item["id"], "sha256": hashlib.sha256(content).hexdigest()}
                               for item in answer["items"])
        else:
            note_refusal("upload", status, answer, error)
        n += 1
        time.sleep(2)


def start(reference, document=DOCUMENT):
    return call("POST", "/api/v1/assessments", {
        "workflow_id": WORKFLOW, "reference": reference,
        "documents": [{"bucket": "reports", "document_id": document}]}, AUTH)


def fresh_document(used):
    """The newest upload that reads `ready` and no assessment used yet (findings are reused for the same inputs, so
    every assessment gets new bytes to evaluate); DOCUMENT when there is none."""
    with lock:
        candidates = [u["id"] for u in reversed(uploads) if u["id"] not in used]
    for document in candidates[:3]:
        status, answer, _ = call("GET", f"/api/v1/documents/{document}", headers=AUTH)
        if status == 200 and answer.get("status") != "processing":
            used.add(document)
            if answer.get("status") == "ready":
                return document
    return DOCUMENT


def starter():
    n, used = 0, set()
    while running():
        status, answer, error = start(f"Fault {n}", fresh_document(used))
        if 200 <= status < 300:
            with lock:
                started.append(answer["id"])
        else:
            note_refusal("start", status, answer, error)
        n += 1
        time.sleep(3)


threads = [threading.Thread(target=t) for t in (uploader, starter)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
stopped = time.monotonic()
traffic_seconds = now()


def settle(paths, pending, seconds=900):
    """The final JSON of every resource, asked again while its status is pending (at most `seconds`)."""
    deadline = time.monotonic() + seconds
    final = {}
    while True:
        for resource, path in paths.items():
            if resource not in final or final[resource].get("status") in pending:
                status, answer, _ = call("GET", path, headers=AUTH)
                if status == 200:
                    final[resource] = answer
        if all(r in final and final[r].get("status") not in pending for r in paths) \
                or time.monotonic() > deadline:
            return final
        time.sleep(2)


documents = settle({u["id"]: f"/api/v1/documents/{u['id']}" for u in uploads}, ("processing",))
assessments = settle({a: f"/api/v1/assessments/{a}" for a in started}, ("queued", "running"))
violations = []


def sql(statement):
    return subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", DATABASE, "-tAc", statement],
                          check=True, capture_output=True, text=True).stdout.split()


# Assessments: once each in the database, no finding twice, each ended with a reason when failed.
ids = ",".join(f"'{a}'" for a in started) or "null"
rows = sql(f"select count(*) from assessments where id in ({ids})")[0]
if int(rows) != len(started) or len(set(started)) != len(started):
    violations.append(f"{len(started)} assessments started but {rows} rows in the database")
duplicated = sql(f"select assessment_id || ':' || criterion_key from assessment_findings where assessment_id in "
                 f"({ids}) group by assessment_id, criterion_key having count(*) > 1")
if duplicated:
    violations.append(f"findings stored twice: {duplicated[:5]}")
findings = int(sql(f"select count(*) from assessment_findings where assessment_id in ({ids})")[0])
statuses, reasons = {}, {}
for a in started:
    answer = assessments.get(a, {})
    status = answer.get("status", "unknown")
    statuses[status] = statuses.get(status, 0) + 1
    if status == "failed":
        reason = answer.get("error") or ""
        reasons[reason or "(no error text)"] = reasons.get(reason or "(no error text)", 0) + 1
        if not reason.strip():
            violations.append(f"assessment {a} failed without an error text")
    elif status != "completed":
        violations.append(f"assessment {a} ended {status}")

# Uploads: refused clearly or stored whole.
for r in refused:
    if not r["clear_json_error"]:
        violations.append(f"{r['kind']} at {r['at_s']} s refused without a clear JSON error: {r['status']} {r['error']}")
whole = 0
for u in uploads:
    document = documents.get(u["id"], {})
    if document.get("status") not in ("ready", "rejected"):
        violations.append(f"document {u['id']} ended {document.get('status')}")
        continue
    status, content, error = call("GET", f"/api/v1/documents/{u['id']}/content", headers=AUTH)
    got = hashlib.sha256(content).hexdigest() if status == 200 and isinstance(content, bytes) else None
    if got == u["sha256"] and document.get("sha256") in (None, u["sha256"]):
        whole += 1
    else:
        violations.append(f"document {u['id']} ({document.get('status')}): content {status} {error or ''} "
                          f"sha256 {got} != sent {u['sha256']}")

# Recovery: a new assessment completes without manual steps.
recovery = None
status, answer, error = start("Fault recovery", fresh_document(set()))
if 200 <= status < 300:
    final = settle({"r": f"/api/v1/assessments/{answer['id']}"}, ("queued", "running"), 600).get("r", {})
    if final.get("status") == "completed":
        recovery = round(time.monotonic() - stopped, 1)
    else:
        violations.append(f"the recovery assessment ended {final.get('status')}: {final.get('error')}")
else:
    violations.append(f"the recovery assessment was refused: {status} {error or answer!r}")

result = {
    "traffic_seconds": traffic_seconds,
    "assessments_started": len(started),
    "assessments_by_status": statuses,
    "failed_reasons": reasons,
    "findings_stored": findings,
    "uploads_stored": len(uploads),
    "uploads_whole": whole,
    "documents_ready": sum(1 for d in documents.values() if d.get("status") == "ready"),
    "documents_rejected": sum(1 for d in documents.values() if d.get("status") == "rejected"),
    "refused": {kind: sum(1 for r in refused if r["kind"] == kind) for kind in ("upload", "start")},
    "refusals": refused[:30],
    "recovered_after_stop_s": recovery,
    "violations": violations,
}
with open(RESULT, "w") as f:
    json.dump(result, f, indent=2)
print(json.dumps({k: v for k, v in result.items() if k not in ("refusals",)}, indent=2))
for r in refused[:10]:
    print("  refused:", r)
sys.exit(1 if violations else 0)

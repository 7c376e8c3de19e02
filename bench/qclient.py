"""A few calls of Qteria's API for the bench scripts (standard library only): sign in, import a workflow, upload a
document, start an assessment, wait for a status, read a process's CPU and memory from /proc. Used by
bench/scale-out/burst.py and bench/memory/*.py."""
import json
import os
import time
import urllib.request
import uuid

SAMPLE_FILES = {"test_reports": "tr-nordlicht-nv8240.pdf", "declaration": "doc-nordlicht-nv8240.pdf",
                "user_manual": "um-nordlicht-nv8240.pdf", "risk_assessment": "ra-nordlicht-nv8240.pdf"}
SAMPLES = "src/main/resources/samples/documents"
LVD = "src/main/resources/workflow-templates/lvd-ict-equipment.json"


class Client:
    def __init__(self, base):
        self.base = base.rstrip("/")
        self.token = None

    def call(self, method, path, body=None, content_type="application/json", raw=False, headers=None):
        sent = {"Accept": "application/json"}
        if self.token:
            sent["Authorization"] = "Bearer " + self.token
        sent.update(headers or {})
        data = None
        if body is not None:
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            sent["Content-Type"] = content_type
        request = urllib.request.Request(self.base + path, data=data, method=method, headers=sent)
        with urllib.request.urlopen(request, timeout=300) as response:
            text = response.read()
            if raw:
                return text.decode()
            return json.loads(text) if text else None

    def sign_in(self):
        self.token = self.call("POST", "/api/v1/auth/token", {
            "email": os.environ["QTERIA_BOOTSTRAP_ADMIN_EMAIL"],
            "password": os.environ["QTERIA_BOOTSTRAP_ADMIN_PASSWORD"]})["access_token"]
        return self

    def import_workflow(self, path=LVD):
        with open(path, "rb") as f:
            return self.call("POST", "/api/v1/workflows/import", f.read())["id"]

    def upload(self, name, pdf):
        boundary = uuid.uuid4().hex
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
                f"Content-Type: application/pdf\r\n\r\n").encode() + pdf + f"\r\n--{boundary}--\r\n".encode()
        return self.call("POST", "/api/v1/documents", body,
                         "multipart/form-data; boundary=" + boundary)["items"][0]["id"]

    def wait(self, path, field, wanted, limit=300, poll=0.2):
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            value = self.call("GET", path)[field]
            if value in wanted:
                return value
            time.sleep(poll)
        raise SystemExit(f"{path}: {field} not in {wanted} after {limit} s")

    def upload_samples(self):
        """Uploads the four sample documents of the LVD workflow and waits until they are ready; {bucket: id}."""
        ids = {}
        for bucket, name in SAMPLE_FILES.items():
            with open(os.path.join(SAMPLES, name), "rb") as f:
                ids[bucket] = self.upload(name, f.read())
        for document in ids.values():
            status = self.wait("/api/v1/documents/" + document, "status", {"ready", "failed"})
            if status != "ready":
                raise SystemExit(f"document {document} ended {status}")
        return ids

    def start(self, workflow, ids):
        return self.call("POST", "/api/v1/assessments", {"workflow_id": workflow, "documents": [
            {"bucket": b, "document_id": i} for b, i in ids.items()]})["id"]


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def prometheus(client, token):
    """Sums of the samples of each metric name in /actuator/prometheus (the operator token's view)."""
    text = client.call("GET", "/actuator/prometheus", raw=True,
                       headers={"Authorization": "Bearer " + token, "Accept": "text/plain"})
    sums = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        name_labels, _, value = line.rpartition(" ")
        name = name_labels.split("{", 1)[0]
        labels = name_labels[len(name):]
        key = name + ("{heap}" if 'area="heap"' in labels else "")
        try:
            sums[key] = sums.get(key, 0.0) + float(value)
        except ValueError:
            pass
    return sums

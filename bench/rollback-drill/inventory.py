"""What a rollback must not lose (see run.sh): every assessment with its status, every document with its SHA-256
checked against a fresh download of its bytes, and the audit chain's verification.

    python3 inventory.py take BASE EMAIL PASSWORD > phase.json
    python3 inventory.py compare earlier.json later.json     exit 1 when something of earlier is missing in later
"""
import hashlib
import http.client
import json
import sys
import urllib.parse


def take(base, email, password):
    host = urllib.parse.urlparse(base).netloc

    def call(method, path, body=None, headers=None, raw=False):
        connection = http.client.HTTPConnection(host, timeout=120)
        headers = dict(headers or {})
        if body is not None:
            body = json.dumps(body)
            headers["Content-Type"] = "application/json"
        connection.request(method, path, body, headers)
        response = connection.getresponse()
        data = response.read()
        if response.status != 200:
            sys.exit(f"{method} {path} answered {response.status}: {data[:300]!r}")
        return data if raw else json.loads(data)

    token = call("POST", "/api/v1/auth/token", {"email": email, "password": password})["access_token"]
    auth = {"Authorization": "Bearer " + token}

    def every(path):
        items, page = [], 0
        while True:
            answer = call("GET", f"{path}?page={page}&size=100", headers=auth)
            items += answer["items"]
            page += 1
            if page >= answer["page"]["total_pages"]:
                return items

    documents = {}
    for document in every("/api/v1/documents"):
        content = call("GET", f"/api/v1/documents/{document['id']}/content", headers=auth, raw=True)
        documents[document["id"]] = {"filename": document["filename"], "sha256": document["sha256"],
                                     "downloaded_sha256": hashlib.sha256(content).hexdigest()}
    assessments = {a["id"]: {"status": a["status"], "reference": a.get("reference"),
                             "overall": (a.get("summary") or {}).get("overall")}
                   for a in every("/api/v1/assessments")}
    audit = call("GET", "/api/v1/audit-events/verify", headers=auth)
    return {"assessments": assessments, "documents": documents, "audit": audit}


def compare(earlier, later):
    problems = []
    for kind in ("assessments", "documents"):
        for key, value in earlier[kind].items():
            if key not in later[kind]:
                problems.append(f"{kind[:-1]} {key} is missing")
            elif kind == "assessments" and later[kind][key]["status"] != value["status"]:
                problems.append(f"assessment {key} was {value['status']}, is {later[kind][key]['status']}")
    for key, value in later["documents"].items():
        if value["sha256"] != value["downloaded_sha256"]:
            problems.append(f"document {key} downloads other bytes than its SHA-256 says")
    if not later["audit"].get("valid"):
        problems.append(f"the audit chain does not verify: {later['audit']}")
    return problems


if __name__ == "__main__":
    if sys.argv[1] == "take":
        print(json.dumps(take(*sys.argv[2:5]), indent=1, sort_keys=True))
    else:
        with open(sys.argv[2]) as a, open(sys.argv[3]) as b:
            earlier, later = json.load(a), json.load(b)
        problems = compare(earlier, later)
        print(f"  {len(later['assessments'])} assessments, {len(later['documents'])} documents (downloads checked), "
              f"audit {'valid' if later['audit'].get('valid') else 'INVALID'} ({later['audit'].get('checked')} "
              f"entries); of the {len(earlier['assessments'])} assessments and {len(earlier['documents'])} documents "
              f"before: {'none lost' if not problems else 'PROBLEMS'}")
        for problem in problems:
            print("  - " + problem)
        sys.exit(1 if problems else 0)

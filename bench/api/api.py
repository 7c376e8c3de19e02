"""Server CPU per request: a bearer call against the cheapest endpoint of the same process (see run.sh)."""
import http.client
import json
import os
import sys
import threading
import urllib.parse

BASE, PID, EMAIL, PASSWORD = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
REQUESTS = int(os.environ.get("REQUESTS", "4000"))
CLIENTS = int(os.environ.get("CLIENTS", "4"))
ROUNDS = int(os.environ.get("ROUNDS", "3"))
TICKS = os.sysconf("SC_CLK_TCK")
HOST = urllib.parse.urlparse(BASE).netloc


def cpu_seconds():
    with open(f"/proc/{PID}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def token():
    connection = http.client.HTTPConnection(HOST)
    connection.request("POST", "/api/v1/auth/token", json.dumps({"email": EMAIL, "password": PASSWORD}),
                       {"Content-Type": "application/json"})
    response = connection.getresponse()
    body = json.loads(response.read())
    if response.status != 200:
        sys.exit(f"sign-in answered {response.status}: {body}")
    return body["access_token"]


def hammer(path, headers):
    failures = []

    def client(count):
        connection = http.client.HTTPConnection(HOST)
        for _ in range(count):
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                failures.append(response.status)

    threads = [threading.Thread(target=client, args=(REQUESTS // CLIENTS,)) for _ in range(CLIENTS)]
    before = cpu_seconds()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        sys.exit(f"{path}: {len(failures)} calls failed, e.g. {failures[0]}")
    return (cpu_seconds() - before) / (REQUESTS // CLIENTS * CLIENTS)


bearer = {"Authorization": "Bearer " + token()}
calls = [("GET /api/version, anonymous (reference)", "/api/version", {}),
         ("GET /api/version with a bearer token", "/api/version", bearer),
         ("GET /api/v1/me with a bearer token", "/api/v1/me", bearer)]
for _, path, headers in calls:
    hammer(path, headers)
costs = {label: [] for label, _, _ in calls}
for _ in range(ROUNDS):
    for label, path, headers in calls:
        costs[label].append(hammer(path, headers))
reference = min(costs[calls[0][0]])
for label, _, _ in calls:
    best = min(costs[label])
    print(f"  {label + ':':42} {1000 * best:.3f} ms CPU per request, {best / reference:.2f}× the reference"
          f" (best of {ROUNDS} × {REQUESTS})")

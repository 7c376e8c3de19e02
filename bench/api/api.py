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
hammer("/api/version", {})
hammer("/api/v1/me", bearer)
minimal, me = [], []
for _ in range(ROUNDS):
    minimal.append(hammer("/api/version", {}))
    me.append(hammer("/api/v1/me", bearer))
minimal_ms, me_ms = 1000 * min(minimal), 1000 * min(me)
print(f"  GET /api/version (reference): {minimal_ms:.3f} ms CPU per request (best of {ROUNDS} × {REQUESTS})")
print(f"  GET /api/v1/me (bearer):      {me_ms:.3f} ms CPU per request, {me_ms / minimal_ms:.1f}× the reference")

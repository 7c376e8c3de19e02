#!/usr/bin/env python3
"""Summary of a bench/load/run.sh run: p50/p95/p99 per request, errors, assessments per minute, the burst.

Arguments: the Gatling report folder, the simulation's summary JSON, the Gatling console log. Exits 1 when the last
burst assessment completed later than 2 minutes after the burst ended (the assertion Gatling cannot express), or
when the console log shows a failed assertion. Standard library only.
"""
import html as html_module
import json
import os
import re
import sys

report, summary_path, log = sys.argv[1], sys.argv[2], sys.argv[3]
status = 0

index = os.path.join(report, "index.html") if report else ""
if index and os.path.exists(index):
    # Gatling 3.14 writes its statistics into the report's HTML table (columns: total, OK, KO, KO %, rps, min, p50,
    # p75, p95, p99, max, mean, std. dev.).
    html = open(index, encoding="utf-8").read()
    print(f"{'request':30} {'count':>6} {'errors':>6} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'max ms':>7}")
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", html, re.S):
        cells = dict(re.findall(r'class="value [a-z]+ col-(\d+)">([^<]*)</td>', row))
        name = re.search(r'class="ellipsed-name">([^<]*)</span>', row)
        if len(cells) < 13:
            continue
        label = html_module.unescape(name.group(1)) if name else "All requests"
        print(f"{label[:30]:30} {cells['2']:>6} {cells['4']:>6} {cells['8']:>7} {cells['10']:>7} {cells['11']:>7} "
              f"{cells['12']:>7}")
else:
    print(f"No Gatling report in {report or '(no report)'}; see {log}")
    status = 1

if os.path.exists(summary_path):
    summary = json.load(open(summary_path))
    print("Assessments: " + json.dumps(summary))
    if summary["burst"] > 0:
        after = summary["burst_last_start_to_last_completed_s"]
        ok = summary["burst_completed"] == summary["burst"] and 0 <= after <= 120
        print(f"Burst: {summary['burst_completed']}/{summary['burst']} completed; the last "
              f"{summary['burst_first_start_to_last_completed_s']} s after the first start, {after} s after the last "
              f"start (at most 120 s): {'OK' if ok else 'FAILED'}")
        status = status or (0 if ok else 1)
else:
    print(f"No {summary_path}: the simulation did not finish; see {log}")
    status = 1

for line in open(log, errors="replace"):
    if ": false" in line:
        print("Assertion failed: " + line.strip())
sys.exit(status)

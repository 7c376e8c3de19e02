#!/usr/bin/env python3
"""Scores the results JSON of `assess` (one <case>.json per case in <results>) against the labels of <corpus>/cases.

Prints per case and overall: agreement, false passes, false fails, needs_review, evidence-page hits, the acceptance
figures for criteria with checks and without checks, per class of the labels (the optional "class" of an expected
item: a name or a list of names) and acceptance 1 of issue 16. Exit 0 when both acceptances hold, else 1.

Evidence items of the results may carry "kind": "quote" (the default when absent) | "closest_match" |
"digital_signature"; a digital signature's "quote" may be null.
"""
import json
import os
import sys

corpus, results_dir = sys.argv[1], sys.argv[2]


def has_checks(criterion):
    return bool(criterion.get("checks"))


def pages(evidence):
    return {(os.path.basename(e.get("file") or e.get("document_name") or ""), e.get("page")) for e in evidence}


STRUCTURE_CHECKS = {"not_contains", "min_pages"}


def exempt_from_quote(criterion, result):
    """Absence and structure checks quote nothing; a signed pass by a digital signature has no quote."""
    types = [c.get("type") for c in criterion.get("checks") or []]
    if types and all(t in STRUCTURE_CHECKS for t in types):
        return True
    return "signed" in types and any(e.get("kind") == "digital_signature" for e in result["evidence"])


def verified_quote(result):
    return any((e.get("kind") or "quote") == "quote" and e.get("verified") and (e.get("quote") or "").strip()
               for e in result["evidence"])


def classes_of(expected):
    value = expected.get("class")
    if not value:
        return ["(none)"]
    return [value] if isinstance(value, str) else list(value)


totals = {k: 0 for k in ("criteria", "agree", "false_pass", "false_fail", "needs_review", "ev_labelled", "ev_hit",
                         "checks", "checks_agree", "checks_false_pass", "checks_labelled", "checks_hit", "plain", "plain_review", "plain_labelled",
                         "plain_hit", "passes", "unquoted")}
per_class = {}
misses = []
unquoted = []
rows = []
problems = []
for case_name in sorted(f[:-5] for f in os.listdir(os.path.join(corpus, "cases")) if f.endswith(".json")):
    case = json.load(open(os.path.join(corpus, "cases", case_name + ".json")))
    workflow = json.load(open(os.path.join(corpus, case["workflow"])))
    criteria_by_key = {c["key"]: c for c in workflow["criteria"]}
    checks_by_key = {c["key"]: has_checks(c) for c in workflow["criteria"]}
    exit_code = open(os.path.join(results_dir, case_name + ".exit")).read().strip()
    try:
        results = json.load(open(os.path.join(results_dir, case_name + ".json")))
    except (OSError, ValueError):
        err = open(os.path.join(results_dir, case_name + ".err")).read().strip()
        problems.append(f"{case_name}: no results (exit {exit_code}): {err}")
        continue
    by_key = {r["criterion"]["key"]: r for r in results["results"]}
    c = {k: 0 for k in totals}
    for expected in case["expected"]:
        key, label = expected["criterion"], expected["verdict"]
        got = by_key[key]
        verdict = got["verdict"]
        checked = checks_by_key[key]
        c["criteria"] += 1
        c["agree"] += verdict == label
        c["false_pass"] += verdict == "pass" and label != "pass"
        c["false_fail"] += verdict == "fail" and label != "fail"
        c["needs_review"] += verdict == "needs_review"
        hit = bool(pages(expected["evidence"]) & pages(got["evidence"]))
        if expected["evidence"]:
            c["ev_labelled"] += 1
            c["ev_hit"] += hit
            if not hit:
                misses.append(f"{case_name} {key}: labelled "
                              + ", ".join(f"{os.path.basename(e['file'])} p. {e['page']}" for e in expected["evidence"])
                              + "; evidence " + (", ".join(f"{e['document_name']} p. {e['page']}"
                                                           + (f" ({e['kind']})" if e.get("kind") else "")
                                                           for e in got["evidence"]) or "none"))
        if verdict == "pass":
            c["passes"] += 1
            if not exempt_from_quote(criteria_by_key[key], got) and not verified_quote(got):
                c["unquoted"] += 1
                unquoted.append(f"{case_name} {key}")
        for name in classes_of(expected):
            k = per_class.setdefault(name, {"criteria": 0, "agree": 0, "false_pass": 0, "labelled": 0, "hit": 0})
            k["criteria"] += 1
            k["agree"] += verdict == label
            k["false_pass"] += verdict == "pass" and label != "pass"
            k["labelled"] += bool(expected["evidence"])
            k["hit"] += bool(expected["evidence"]) and hit
        if checked:
            c["checks"] += 1
            c["checks_agree"] += verdict == label
            c["checks_false_pass"] += verdict == "pass" and label != "pass"
            if expected["evidence"]:
                c["checks_labelled"] += 1
                c["checks_hit"] += hit
            if verdict != label:
                problems.append(f"{case_name} {key}: {verdict}, labelled {label}: {got['reasoning']}")
        else:
            c["plain"] += 1
            c["plain_review"] += verdict == "needs_review"
            if expected["evidence"]:
                c["plain_labelled"] += 1
                c["plain_hit"] += hit
                if not hit:
                    problems.append(f"{case_name} {key}: labelled page not among "
                                    + ", ".join(f"{e['document_name']} p. {e['page']}" for e in got["evidence"]))
    rows.append((case_name, results["summary"]["overall"], exit_code, c))
    for k in totals:
        totals[k] += c[k]


def pct(n, d):
    return f"{100.0 * n / d:.0f} %" if d else "-"


header = f"{'case':<10}{'overall':<14}{'exit':<6}{'agree':<10}{'false pass':<12}{'false fail':<12}" \
         f"{'review':<8}{'evidence pages':<16}"
print(header)
print("-" * len(header))
for name, overall, exit_code, c in rows + [("overall", "", "", totals)]:
    print(f"{name:<10}{overall:<14}{exit_code:<6}{c['agree']:>2}/{c['criteria']:<7}{c['false_pass']:<12}"
          f"{c['false_fail']:<12}{c['needs_review']:<8}{c['ev_hit']:>2}/{c['ev_labelled']:<3} {pct(c['ev_hit'], c['ev_labelled'])}")
t = totals
print()
print(f"All criteria:   {t['criteria']}, {t['agree']} agree ({pct(t['agree'], t['criteria'])}), {t['false_pass']} false "
      f"passes, {t['false_fail']} false fails, {t['needs_review']} needs_review")
print(f"With checks:    {t['checks']} criteria, {t['checks_agree']} agree ({pct(t['checks_agree'], t['checks'])}), "
      f"{t['checks_false_pass']} false passes; labelled page among the "
      f"evidence for {t['checks_hit']} of {t['checks_labelled']} ({pct(t['checks_hit'], t['checks_labelled'])})")
print(f"Without checks: {t['plain']} criteria, {t['plain_review']} needs_review; labelled page among the evidence "
      f"(top 3) for {t['plain_hit']} of {t['plain_labelled']} ({pct(t['plain_hit'], t['plain_labelled'])})")
for problem in problems:
    print("  " + problem.replace("\n", " "))
if any(n != "(none)" for n in per_class):
    print()
    print(f"{'class':<22}{'criteria':<10}{'agree':<10}{'false pass':<12}{'evidence pages':<16}")
    for name in sorted(per_class):
        k = per_class[name]
        print(f"{name:<22}{k['criteria']:<10}{k['agree']:<10}{k['false_pass']:<12}"
              f"{k['hit']:>2}/{k['labelled']:<3} {pct(k['hit'], k['labelled'])}")
print()
print(f"Evidence pages: labelled page among the evidence for {t['ev_hit']} of {t['ev_labelled']} labelled criteria "
      f"({pct(t['ev_hit'], t['ev_labelled'])}, with and without checks)")
for miss in misses:
    print("  " + miss)
print(f"Passes without a verified quote (absence/structure checks and digital signatures exempt): {t['unquoted']} "
      f"of {t['passes']}" + (": " + ", ".join(unquoted) if unquoted else ""))
accepted_16 = (t["checks"] > 0 and t["checks_agree"] == t["checks"] and t["false_pass"] == 0
               and t["ev_hit"] * 100 >= 95 * t["ev_labelled"] and t["unquoted"] == 0
               and len(rows) > 0 and not any("no results" in p for p in problems))
print("Acceptance of issue 16 (checks all agree, no false pass, labelled page among the evidence >= 95 %, "
      f"no pass without a verified quote): {'MET' if accepted_16 else 'NOT MET'}")
accepted = (t["checks"] > 0 and t["checks_agree"] == t["checks"] and t["false_pass"] == 0
            and t["plain_review"] == t["plain"] and t["plain_hit"] * 10 >= 8 * t["plain_labelled"]
            and len(rows) > 0 and not any(p.endswith("no results") for p in problems))
print("Acceptance (checks all agree, no false pass, no-check criteria needs_review with the page in the top 3 "
      f">= 80 %): {'MET' if accepted else 'NOT MET'}")
sys.exit(0 if accepted and accepted_16 else 1)

#!/usr/bin/env python3
"""Rewrites the figures in the README's Performance section from bench/RESULTS.md.
Usage, after `node bench/run.mjs --write`: python3 bench/readme-figures.py"""
import re
from pathlib import Path

root = Path(__file__).resolve().parent.parent
res = (root / "bench" / "RESULTS.md").read_text()

def section(title):
    return res.split("### " + title)[1].split("\n### ")[0]

def cells(line):
    return [c.strip() for c in line.strip().strip("|").split("|")]

def rows(title):
    return [cells(l) for l in section(title).splitlines() if l.startswith("| ") and not l.startswith("| implementation") and not l.startswith("|---")]

def value(x):
    x = x.replace(" ", "")
    return float(x.rstrip("Mk")) * (1e6 if x.endswith("M") else 1e3 if x.endswith("k") else 1)

ratio_lines = []
for title, label in [("addWorkingDays, n from {1, 2, 3, 5, 10, 20}", "addWorkingDays, n ≤ 20"), ("addWorkingDays, n = 250", "addWorkingDays, n = 250"), ("workingDaysBetween, pairs up to 60 days apart", "workingDaysBetween")]:
    r = rows(title)
    ours = next(x for x in r if x[0] == "**council-sla**")[1]
    peers = [x for x in r if x[0] != "**council-sla**" and not x[0].startswith("bare") and not x[0].startswith("date-fns (jump)")]
    best = max(peers, key=lambda x: value(x[1]))
    ratio_lines.append(f"| {label} | {ours} ops/s | {best[1]} ops/s ({best[0]}) | {best[2]} |")

e2e = {cells(l)[0]: cells(l)[1] for l in section("End to end").splitlines() if l.startswith("| ") and not l.startswith("| what")}
find = lambda prefix: next(v for k, v in e2e.items() if k.startswith(prefix))
machine = re.search(r"^Run on .*$", res, re.M).group(0)

readme = (root / "README.md").read_text()
start = readme.index("| | council-sla | fastest packaged peer | ratio |")
end = readme.index("The targets met and missed in this run")
table = "\n".join(["| | council-sla | fastest packaged peer | ratio |", "|---|---:|---:|---:|", *ratio_lines]) + f"""

End to end, from the same run:

| what | figure |
|---|---|
| `deadline()`, a working-day standard | {find("deadline(), working days")} |
| `deadline()`, an elapsed standard | {find("deadline(), elapsed")} |
| `evaluate()`, one contact | {find("evaluate()")} |
| `complianceReport()`, 1,000,000 generated contacts (best of 3) | {find("complianceReport, 1,000,000")} |
| peak heap, 100,000 → 1,000,000 contacts | {find("complianceReport peak heap")} |
| cold start: import and the first deadline in a fresh process (median of 9) | {find("cold start")} |

"""
readme = readme[:start] + table + readme[end:]
readme = re.sub(r"Run on \d{4}-\d\d-\d\d: [^\n]*?\.(?= The full)", machine, readme)
(root / "README.md").write_text(readme)
print("README figures updated from bench/RESULTS.md")

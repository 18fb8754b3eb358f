#!/usr/bin/env python3
"""Compares the table printed by ../shared/dev/score.sh with the floors in .ci/dev-floors.tsv.

    scripts/check-dev-floors.py SCORE_OUTPUT FLOORS

Prints one line per floor and exits 1 when a score is below its floor (or missing)."""
import re
import sys

scores = {}
for line in open(sys.argv[1], encoding="utf-8"):
    cells = re.findall(r"(\d\.\d+) \((\d\.\d+)/(\d\.\d+)\)", line)
    name = line.split()[0] if line.strip() else ""
    if len(cells) == 3 and name in ("msra", "msra2", "cluener"):
        for kind, (f1, _, _) in zip(("ORG", "LOC", "PER"), cells):
            scores[(name, kind)] = float(f1)
    match = re.match(r"relations P=(\d\.\d+) R=(\d\.\d+)", line.strip())
    if match:
        scores[("relations", "P")], scores[("relations", "R")] = float(match[1]), float(match[2])

failed = False
for line in open(sys.argv[2], encoding="utf-8"):
    if not line.strip() or line.startswith("#"):
        continue
    name, kind, floor = line.split("\t")
    score = scores.get((name, kind))
    ok = score is not None and score >= float(floor)
    failed |= not ok
    print(f"{'ok  ' if ok else 'FAIL'} {name:9} {kind:3} {'missing' if score is None else f'{score:.3f}'} (floor {float(floor):.2f})")
sys.exit(1 if failed else 0)

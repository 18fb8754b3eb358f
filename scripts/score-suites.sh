#!/usr/bin/env bash
# Scores `kgx mentions` on the third-party number and date suites in ../shared/suites and prints
# value_end_to_end and span P/R/F1 per subset. Usage: scripts/score-suites.sh [--check]
# With --check, exits non-zero when a subset is below its target (news_numbers: the dev target of issue 11).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
suites=../shared/suites
swift build --product kgx >/dev/null
kgx="$(swift build --show-bin-path)/kgx"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
status=0
for spec in news_numbers:0.98:0.96 news_dates_absolute:0.97:0 news_dates_relative:0.90:0; do
  IFS=: read -r name target f1target <<<"$spec"
  python3 "$suites/make_input.py" "$suites/subsets/$name.jsonl" > "$work/$name.in.jsonl"
  "$kgx" mentions "$work/$name.in.jsonl" > "$work/$name.out.jsonl"
  python3 "$suites/score_kgx.py" --cases "$suites/subsets/$name.jsonl" --kgx "$work/$name.out.jsonl" --json > "$work/$name.score.txt"
  head -n 1 "$work/$name.score.txt" > "$work/$name.score.json"
  python3 - "$work/$name.score.json" "$name" "$target" "$f1target" <<'PY' || status=1
import json, sys
total = json.load(open(sys.argv[1]))["TOTAL"]
name, target, f1target = sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
p, r = total["span_precision"] or 0, total["span_recall"] or 0
f1 = 2 * p * r / (p + r) if p + r else 0
e2e = total["value_end_to_end"] or 0
ok = e2e >= target and f1 >= f1target
print(f"{name:22s} value_end_to_end={e2e:.4f} (target {target})  spanP={p:.3f} spanR={r:.3f} F1={f1:.3f}  {'ok' if ok else 'BELOW TARGET'}")
sys.exit(0 if ok else 1)
PY
done
[ "${1:-}" = "--check" ] && exit $status
exit 0

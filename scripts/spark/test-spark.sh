#!/usr/bin/env bash
# Tests the Spark recipe (scripts/spark/kgx_spark.py) in Spark's local mode: a corpus written here, split
# over four partitions and two worker threads, must give the store and the relation stream that one kgx
# run gives, byte for byte. Installs Java (Debian) and pyspark (PyPI, in a virtual environment) if needed.
# Usage: scripts/spark/test-spark.sh [KGX_BINARY]
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
kgx="${1:-$here/.build/debug/kgx}"
[ -x "$kgx" ] || { echo "test-spark: no kgx binary at $kgx (swift build first)"; exit 1; }
if ! command -v java >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq default-jre-headless >/dev/null
fi
venv="${KGX_SPARK_VENV:-$HOME/.cache/kgx-spark-venv}"
if ! "$venv/bin/python" -c "import pyspark" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "pyspark==3.5.3"
fi
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
# 400 documents of our own, ids out of reading order.
python3 - "$work/corpus.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for i in range(400):
        text = (f"2021年{i % 12 + 1}月，民政部、财政部联合印发《关于推进第{i % 30}批社区建设的意见》。"
                f"今年5月，王建国副省长来到江苏南京考察，全市已有{i + 20}个村完成换届。")
        f.write(json.dumps({"id": f"doc:{(i * 7919) % 10007}", "text": text, "referenceDate": "2022-09-15"}, ensure_ascii=False) + "\n")
PY
"$venv/bin/python" "$here/scripts/spark/kgx_spark.py" "$work/corpus.jsonl" --kgx "$kgx" --store "$work/spark.kgx" \
  --relations "$work/relations" --master "local[2]" --partitions 4 --work "$work/parts" 2> "$work/spark.log" \
  || { tail -30 "$work/spark.log"; exit 1; }
"$kgx" export "$work/spark.kgx" -o "$work/spark.graphml" 2>/dev/null
"$kgx" extract "$work/corpus.jsonl" -o "$work/one.graphml" --quiet 2>/dev/null
cmp "$work/spark.graphml" "$work/one.graphml"
cat "$work"/relations/part-* > "$work/spark-relations.jsonl"
"$kgx" relations "$work/corpus.jsonl" --quiet > "$work/one-relations.jsonl"
cmp "$work/spark-relations.jsonl" "$work/one-relations.jsonl"
echo "test-spark: 400 documents over 4 partitions: the merged store and the relation stream equal one kgx run"

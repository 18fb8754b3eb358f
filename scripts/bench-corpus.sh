#!/usr/bin/env bash
# Corpus-scale benchmark: kgx next to the tools users would otherwise pick, figures side by side. Asserts
# nothing; prints the targets of issue 10 beside the figures.
#
#   scripts/bench-corpus.sh [CHARACTERS]     (default 20,000,000; the 4× run reads four times as much)
#   KGX_BENCH_GRAPHML="1000000 2000000"      nodes and edges of the GraphML writer comparison
#
# The corpus is generated from sentences written for kgx (scripts/bench/make_corpus.py): distinct document
# ids in an order that does not sort. jieba 0.42.1 is installed into a virtual environment under
# ~/.cache; the bare libxml2 program is compiled from scripts/bench/graphml_replay.c.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
characters="${1:-20000000}"
read -r graph_nodes graph_edges <<<"${KGX_BENCH_GRAPHML:-1000000 2000000}"
scripts/install-deps.sh
swift build -c release --product kgx >/dev/null
swift build -c release --product kgx-benchmark >/dev/null
bin="$(swift build -c release --show-bin-path)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
venv="$HOME/.cache/kgx-bench-venv"
if ! "$venv/bin/python" -c "import jieba" 2>/dev/null; then
  python3 -m venv "$venv" && "$venv/bin/pip" install -q "jieba==0.42.1"
fi

python3 scripts/bench/make_corpus.py "$work/corpus.jsonl" --characters "$characters" >/dev/null
python3 - "$work/corpus.jsonl" "$work/corpus4.jsonl" <<'PY'
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
with open(sys.argv[2], "w", encoding="utf-8") as f:
    for copy in range(4):
        for line in lines:
            d = json.loads(line)
            d["id"] = f"{copy}:{d['id']}"
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
PY
chars=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text']) for l in open(sys.argv[1], encoding='utf-8')))" "$work/corpus.jsonl")

# seconds and peak resident kilobytes of a command
measure() { /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr"; exit 1; }; cat "$work/time"; }
rate() { python3 -c "print(f'{$chars * ${3:-1} / $1 / 1e6:6.2f} M chars/s   peak RSS {$2 / 1024:7.1f} MB')"; }

echo "corpus: $chars characters in $(wc -l < "$work/corpus.jsonl") documents (4×: $((chars * 4)))"
echo
echo "== throughput (one run each)"
read -r s kb < <("$venv/bin/python" - "$work/corpus.jsonl" <<'PY'
import json, resource, sys, time
import jieba
jieba.initialize()
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
start = time.perf_counter()
for t in texts:
    jieba.lcut(t)
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
PY
)
jieba=$s
printf "%-40s %s\n" "jieba 0.42.1 lcut (one core)" "$(rate "$s" "$kb")"
for jobs in 1 2; do
  read -r s kb < <(measure "$bin/kgx" mentions "$work/corpus.jsonl" --jobs $jobs --quiet)
  printf "%-40s %s   %5.1f× jieba\n" "kgx mentions --jobs $jobs" "$(rate "$s" "$kb")" "$(python3 -c "print($jieba / $s)")"
  [ $jobs = 1 ] && mentions1=$s
done
for jobs in 1 2; do
  rm -f "$work/store.kgx"
  read -r s kb < <(measure "$bin/kgx" extract "$work/corpus.jsonl" -o "$work/store.kgx" --jobs $jobs --quiet)
  printf "%-40s %s   %5.1f× jieba\n" "kgx extract -o store --jobs $jobs" "$(rate "$s" "$kb")" "$(python3 -c "print($jieba / $s)")"
  [ $jobs = 1 ] && extract1=$s
  [ $jobs = 2 ] && extract2=$s
done
rm -f "$work/graph.graphml"
read -r s kb < <(measure "$bin/kgx" extract "$work/corpus.jsonl" -o "$work/graph.graphml" --jobs 2 --quiet)
printf "%-40s %s\n" "kgx extract -o graphml --jobs 2" "$(rate "$s" "$kb")"
read -r s kb < <(measure "$bin/kgx" extract "$work/corpus4.jsonl" -o "$work/store4.kgx" --jobs 2 --quiet)
printf "%-40s %s\n" "kgx extract -o store --jobs 2, 4× corpus" "$(rate "$s" "$kb" 4)"
echo "second core: extract ×$(python3 -c "print(f'{$extract1 / $extract2:.2f}')") (target ≥ 1.8)"
echo "targets: mentions ≥ 15× jieba on one core, extract to the store ≥ 6×; mentions peak RSS ≤ 64 MB; extract RSS growing with the graph, not the text"
echo
echo "== corpus store: $(du -h "$work/store.kgx" | cut -f1) for 1×, $(du -h "$work/store4.kgx" | cut -f1) for 4× (target: open ≤ 0.5 s, relation lookup by name ≤ 10 ms)"
"$bin/kgx-benchmark" --store "$work/store4.kgx" 民政部
echo
echo "== GraphML writer, $graph_nodes nodes + $graph_edges edges (target: kgx ≤ 1.2× the bare libxml2 program)"
gcc -O2 -o "$work/graphml_replay" scripts/bench/graphml_replay.c $(pkg-config --cflags --libs libxml-2.0)
"$bin/kgx-benchmark" --graphml "$graph_nodes" "$graph_edges" "$work/kgx.graphml"
rm -f "$work/graph.graphml" "$work/store.kgx"
"$work/graphml_replay" "$work/kgx.graphml" "$work/replay.graphml"
cmp "$work/kgx.graphml" "$work/replay.graphml" && echo "same document: $(du -h "$work/kgx.graphml" | cut -f1), byte-identical"

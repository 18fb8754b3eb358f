#!/usr/bin/env bash
# Throughput side by side: kgx's stages (kgx-benchmark, release build), jieba on the same text, and the
# GraphML writer against raw libxml2 on the same synthetic graph. Prints figures only.
# Usage: scripts/bench-compare.sh [TEXT FILE ...]   (default: ../shared/seed/article.txt)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
files=("$@")
[ ${#files[@]} -eq 0 ] && files=(../shared/seed/article.txt)
scripts/install-deps.sh
swift build -c release --product kgx-benchmark >/dev/null
echo "== kgx"
"$(swift build -c release --show-bin-path)/kgx-benchmark" "${files[@]}"
echo "== jieba"
python3 -c "import jieba" 2>/dev/null || python3 -m pip install -q jieba 2>/dev/null
python3 scripts/bench/jieba_throughput.py "${files[@]}"
echo "== raw libxml2"
bin="$(mktemp -d)/raw_libxml2_graphml"
gcc -O2 -o "$bin" scripts/bench/raw_libxml2_graphml.c $(pkg-config --cflags --libs libxml-2.0)
"$bin"

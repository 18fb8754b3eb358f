#!/usr/bin/env bash
# Regenerates Output/ from the seed article (../shared/seed/article.txt, reference date 2022-09-15).
# CI runs it and fails when the result differs from what is committed: same input, same bytes.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
seed="${KGX_SEED:-../shared/seed/article.txt}"
swift build --product kgx >/dev/null
kgx="$(swift build --show-bin-path)/kgx"
"$kgx" extract "$seed" --reference-date 2022-09-15 -o Output/seed.graphml
"$kgx" extract "$seed" --reference-date 2022-09-15 -o Output/seed.jsonld
"$kgx" mentions "$seed" --reference-date 2022-09-15 > Output/seed.mentions.jsonl.tmp
mv Output/seed.mentions.jsonl.tmp Output/seed.mentions.jsonl
echo "Output/: seed.graphml seed.jsonld seed.mentions.jsonl regenerated from $seed"

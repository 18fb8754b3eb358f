#!/usr/bin/env bash
# Draws Output/seed.svg, the README's picture, from the seed graph: kgx extract --format dot, then
# Graphviz. Installs graphviz and a CJK font when missing (Debian/Ubuntu). Not part of CI's determinism
# check: Graphviz versions lay out differently.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
if ! command -v dot >/dev/null; then
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -q >/dev/null && $sudo apt-get install -y -q --no-install-recommends graphviz fonts-noto-cjk >/dev/null
fi
swift build --product kgx >/dev/null
kgx="$(swift build --show-bin-path)/kgx"
seed="${KGX_SEED:-../shared/seed/article.txt}"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
"$kgx" extract "$seed" --reference-date 2022-09-15 -o "$tmp/seed.dot" 2>/dev/null
dot -Tsvg "$tmp/seed.dot" -o "$tmp/seed.svg"
mv "$tmp/seed.svg" Output/seed.svg
echo "Output/seed.svg drawn from $seed"

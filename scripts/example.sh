#!/usr/bin/env bash
# Installs what is missing, builds kgx and extracts the bundled example into example.graphml and
# example.jsonld (in the current folder), then prints the issued/visited/convened edges found.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
"$here/scripts/install-deps.sh"
cd "$here"
swift build --product kgx
kgx="$(swift build --show-bin-path)/kgx"
"$kgx" extract Examples/example.txt --reference-date 2024-06-15 -o example.graphml
"$kgx" extract Examples/example.txt --reference-date 2024-06-15 -o example.jsonld
echo "wrote example.graphml and example.jsonld"
"$kgx" mentions Examples/example.txt --reference-date 2024-06-15 | head -c 600; echo

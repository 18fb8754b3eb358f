#!/usr/bin/env bash
# Builds kgx (installing libxml2-dev first when it is missing), extracts the bundled example
# Examples/example.txt into example.graphml and example.jsonld in the folder given as the first argument
# (default: the folder you run it from), and prints what kgx found there: the relations between
# organizations, documents, persons and places, then a summary of the graph.
#
#   ./scripts/example.sh            # files in the current folder
#   ./scripts/example.sh /tmp/kgx   # files in /tmp/kgx (created if missing)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
mkdir -p "${1:-.}"
out="$(cd "${1:-.}" && pwd)"
"$here/scripts/install-deps.sh"
(cd "$here" && swift build --product kgx)
kgx="$(cd "$here" && swift build --show-bin-path)/kgx"
example="$here/Examples/example.txt"

# The article's relative dates (今年5月, 去年以来) resolve against the day it is read as published.
"$kgx" extract "$example" --reference-date 2024-06-15 -o "$out/example.graphml"
"$kgx" extract "$example" --reference-date 2024-06-15 -o "$out/example.jsonld"

echo
echo "== relations in $out/example.graphml"
"$kgx" query "$out/example.graphml" --format table
echo
echo "== summary"
"$kgx" stats "$out/example.graphml" --top 5 --format table
echo
echo "Files: $out/example.graphml (Gephi, yEd, Cytoscape, NetworkX) and $out/example.jsonld (JSON-LD)."
echo "Next:  $kgx query $out/example.graphml --relation issued --evidence"

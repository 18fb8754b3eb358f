#!/usr/bin/env python3
"""Regenerates the foreign-GraphML fixtures of the integration tests (Tests/IntegrationTests/Fixtures).

kgx.graphml is kgx's own GraphML of a short text written for the tests; networkx.graphml is that file read
and written again by NetworkX (keys renumbered, attribute types inferred, edge ids stored as data), which
is what a user's Python pipeline hands back to kgx. yed.graphml is written by hand in the shape yEd saves.

    python3 -m venv /tmp/nx && /tmp/nx/bin/pip install networkx==3.2.1
    /tmp/nx/bin/python scripts/make-foreign-graphml.py .build/debug/kgx
"""
import pathlib
import subprocess
import sys
import tempfile

import networkx as nx

TEXT = (
    "2020年4月，国家发展改革委、财政部联合印发《关于支持民营企业发展的若干措施》。\n"
    "9月10日，李强总理来到江苏苏州考察，当地已有3.6万家企业复工。\n"
)

def main() -> None:
    kgx = sys.argv[1]
    out = pathlib.Path(__file__).resolve().parent.parent / "Tests/IntegrationTests/Fixtures"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        source = pathlib.Path(folder) / "news.txt"
        source.write_text(TEXT, encoding="utf-8")
        subprocess.run([kgx, "extract", str(source), "--reference-date", "2022-09-15",
                        "-o", str(out / "kgx.graphml")], check=True)
    graph = nx.read_graphml(out / "kgx.graphml")
    nx.write_graphml(graph, out / "networkx.graphml")
    print(f"wrote {out / 'kgx.graphml'} and {out / 'networkx.graphml'}: "
          f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges")

if __name__ == "__main__":
    main()

"""Baseline for the scanners: jieba word segmentation (and POS tagging, the closest jieba gets to
entity recognition) over the same text kgx-benchmark uses, repeated to about 2 million characters."""
import sys
import time

import jieba
import jieba.posseg

jieba.setLogLevel(60)
base = "".join(open(p, encoding="utf-8").read() + "\n\n" for p in sys.argv[1:])
text = base
while len(text) < 2_000_000:
    text += base
jieba.initialize()
for name, run in (("jieba.lcut (segmentation)", lambda: jieba.lcut(text)),
                  ("jieba.posseg.lcut (POS tags)", lambda: jieba.posseg.lcut(text))):
    start = time.perf_counter()
    run()
    elapsed = time.perf_counter() - start
    print(f"{name:30s} {elapsed * 1000:9.1f} ms  {len(text) / elapsed:12.0f} chars/s")

"""Peak memory of streaming a corpus through Pipeline.pipe, and analyze_many's thread scaling.

usage: python benches/python/pipe_memory.py [CORPUS_JSONL] [--sample SAMPLE_JSONL]

Prints JSON lines: the peak resident set size (ru_maxrss) after piping every article of
CORPUS (default ../shared/data/corpus/news.jsonl, 20 MB) without keeping the documents,
and the median wall time of analyze_many over SAMPLE (default news-1mb.jsonl) with 1 and
2 threads (3 runs each) with their ratio.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import time
from pathlib import Path

import copydesk

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "corpus"


def texts(path: Path):
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)["text"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(SHARED / "news.jsonl"))
    ap.add_argument("--sample", default=str(SHARED / "news-1mb.jsonl"))
    args = ap.parse_args()

    nlp = copydesk.Pipeline()
    sample = list(texts(Path(args.sample)))
    for n in (1, 2):
        nlp.analyze_many(sample[:50], n_threads=n)  # warm up (model load, pools)
    times = {}
    for n in (1, 2):
        runs = []
        for _ in range(3):
            t = time.perf_counter()
            nlp.analyze_many(sample, n_threads=n)
            runs.append(time.perf_counter() - t)
        times[n] = statistics.median(runs)
    print(
        json.dumps(
            {
                "analyze_many_1_thread_s": round(times[1], 3),
                "analyze_many_2_threads_s": round(times[2], 3),
                "speedup": round(times[1] / times[2], 2),
            }
        )
    )

    t = time.perf_counter()
    count = 0
    nbytes = 0
    for doc in nlp.pipe(texts(Path(args.corpus)), batch_size=64):
        count += 1
        nbytes += len(doc.text)
    elapsed = time.perf_counter() - t
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "pipe_documents": count,
                "pipe_chars": nbytes,
                "pipe_s": round(elapsed, 1),
                "peak_rss_mb": round(peak_mb, 1),
            }
        )
    )


if __name__ == "__main__":
    main()

"""copydesk.score_tone against VADER, timed in alternating passes.

usage: python benches/python/tone_interleaved.py [CORPUS_JSONL] [--rounds N]

Run it where vaderSentiment is installed (the peers' scratch virtualenv, never the
project's). `../shared/bench/peers.py --task tone` times all of copydesk's passes (about a
second in total) and then all of VADER's (about a minute): on a host whose speed changes in
phases, one phase can hit one system and not the other. Here every round times one
copydesk pass over the corpus, one VADER pass, and one copydesk pass again, by process CPU
time; the ratio of a round is the mean copydesk MB/s over VADER's. Prints the medians and
the range of the per-round ratios.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

import copydesk

CORPUS = (
    Path(__file__).resolve().parents[2].parent / "shared" / "data" / "corpus" / "news-1mb.jsonl"
)


def mb_per_s(fn, texts: list[str], mb: float) -> float:
    """MB/s of one pass of `fn` over `texts`, by process CPU time."""
    start = time.process_time()
    for t in texts:
        fn(t)
    return mb / (time.process_time() - start)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    ap.add_argument("--rounds", type=int, default=8)
    args = ap.parse_args()
    with args.corpus.open(encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    mb = sum(len(t.encode()) for t in texts) / 1e6
    vader = SentimentIntensityAnalyzer().polarity_scores
    mb_per_s(copydesk.score_tone, texts, mb)  # warm-up (lexicon load, caches)
    mb_per_s(vader, texts[:100], mb)
    ours, theirs, ratios = [], [], []
    for _ in range(args.rounds):
        a = mb_per_s(copydesk.score_tone, texts, mb)
        v = mb_per_s(vader, texts, mb)
        b = mb_per_s(copydesk.score_tone, texts, mb)
        ours.append((a + b) / 2)
        theirs.append(v)
        ratios.append((a + b) / 2 / v)
    print(
        f"corpus {args.corpus.name}: {len(texts)} articles, {mb:.2f} MB, {args.rounds} rounds\n"
        f"copydesk {statistics.median(ours):.1f} MB/s, VADER {statistics.median(theirs):.2f} MB/s "
        f"(medians); ratio median {statistics.median(ratios):.1f}x "
        f"(range {min(ratios):.1f}-{max(ratios):.1f})"
    )


if __name__ == "__main__":
    main()

"""Sentences per second through the check-worthiness scorer, against a floor.

    uv run python bench/checkworthiness_speed.py [--repeat 5] [--floor 1000]

Scores 1,000 sentences (four shapes: a figure-dense claim, a question, a long technical
claim, a newsletter plug) `--repeat` times and reports the best pass, so a busy neighbour
slows the figure less. Exit status 1 below `--floor` sentences/s: the pipeline scores every
sentence of every page, so a scorer slower than that shows in the job latency. This was a
unit test until a loaded 2-core machine made it flaky; a speed is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import sys
import time

from app.pipeline.checkworthiness.assessment import assess

__all__ = ["SENTENCES", "sentences_per_second"]

SENTENCES = [
    "Peak demand reached 3.9 gigawatts last July, up from 2.6 gigawatts in 2021, the co-op"
    " said in its 2026 load forecast.",
    "What happens next depends largely on who pays.",
    "Google’s Mixtral 8x22B demonstrated that sparse activation patterns can deliver"
    " GPT-4-class performance at a fraction of the inference cost.",
    "If you’re new here, subscribe to get The Spread in your inbox every Thursday.",
] * 250


def sentences_per_second(*, repeat: int) -> float:
    """The best rate over `repeat` passes of SENTENCES."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for sentence in SENTENCES:
            assess(sentence, cited=False)
        best = min(best, time.perf_counter() - start)
    return len(SENTENCES) / best


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--floor", type=float, default=1000.0)
    args = parser.parse_args()
    rate = sentences_per_second(repeat=args.repeat)
    print(f"{rate:.0f} sentences/s (floor {args.floor:.0f})")
    return 0 if rate >= args.floor else 1


if __name__ == "__main__":
    sys.exit(main())

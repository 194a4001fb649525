"""Verification ms per claim next to a bare BM25 lookup on the same pages (a ratio).

    uv run python bench/verify_speed.py [../shared/corpus/wice/dev.jsonl] [--repeat 3]

For every WiCE row: the full verifier (index the page, retrieve, parse and compare figures
and names, score), and a bare BM25 lookup (index the page, rank its passages for the claim).
Both run in the same process on the same rows, each pass timed per claim; the best of
`--repeat` passes is kept so a busy neighbour slows the figure less. The ratio is what to
watch on a shared machine; the absolute p50/p95 are this machine's now.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.verify.claim_text import normalise_units, strip_attribution
from app.verify.passages import split_passages
from app.verify.retrieval import bm25, index_passages
from app.verify.terms import claim_terms
from app.verify.verdict import verify_claim

__all__ = ["bare_bm25", "per_claim_ms"]

_WICE = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "wice" / "dev.jsonl"


def bare_bm25(claim: str, evidence: list[str]) -> int:
    """Index of the best BM25 passage, nothing else."""
    index = index_passages(split_passages(evidence))
    ranks = bm25(claim_terms(normalise_units(strip_attribution(claim))), index)
    return max(range(len(ranks)), key=ranks.__getitem__) if ranks else -1


def per_claim_ms(rows: list[dict[str, Any]], run: Callable[[str, list[str]], object],
                 repeat: int) -> list[float]:  # fmt: skip
    """Milliseconds per row, the best of `repeat` passes for each row."""
    best = [float("inf")] * len(rows)
    for _ in range(repeat):
        for i, row in enumerate(rows):
            started = time.perf_counter()
            run(row["claim"], row["evidence"])
            best[i] = min(best[i], 1000 * (time.perf_counter() - started))
    return best


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main(argv: list[str] | None = None) -> int:
    """Print p50/p95 ms per claim for both, and their ratios."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("wice", nargs="?", type=Path, default=_WICE)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    rows = [json.loads(x) for x in args.wice.read_text(encoding="utf-8").splitlines() if x]
    full = per_claim_ms(rows, verify_claim, args.repeat)
    bare = per_claim_ms(rows, bare_bm25, args.repeat)
    print(f"{len(rows)} claims, best of {args.repeat} passes")
    print(f"{'':<12} {'p50 ms':>8} {'p95 ms':>8} {'mean ms':>8}")
    for name, ms in (("verifier", full), ("bare BM25", bare)):
        print(f"{name:<12} {_pct(ms, 0.5):>8.2f} {_pct(ms, 0.95):>8.2f} {sum(ms) / len(ms):>8.2f}")
    ratio = sum(full) / sum(bare)
    print(
        f"ratio verifier / BM25: mean {ratio:.2f}×, p95 {_pct(full, 0.95) / _pct(bare, 0.95):.2f}×"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

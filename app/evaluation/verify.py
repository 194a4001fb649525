"""Measure source verification on WiCE (AUC, accuracy, recall, evidence) or the dev corpus.

uv run python -m app.evaluation.verify ../shared/corpus/wice/dev.jsonl
uv run python -m app.evaluation.verify --dev-corpus tests/corpus/dev
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from app.evaluation.verify_cases import run_dev_cases
from app.verify.verdict import SUPPORT_THRESHOLD, verify_claim

__all__ = ["evaluate_wice", "main", "roc_auc"]


def roc_auc(scores: list[float], positive: list[bool]) -> float:
    """Probability that a positive outscores a negative (ties count half)."""
    ranked = sorted(zip(scores, positive, strict=True))
    pos = sum(positive)
    neg = len(positive) - pos
    if not pos or not neg:
        return 0.5
    rank_sum, i = 0.0, 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        mid = (i + j + 1) / 2  # average 1-based rank of the tie group
        rank_sum += mid * sum(1 for _, p in ranked[i:j] if p)
        i = j
    return (rank_sum - pos * (pos + 1) / 2) / (pos * neg)


def evaluate_wice(path: Path) -> dict[str, Any]:
    """Run the verifier on every WiCE row with its page's sentences; return the figures."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    scores, positive, hits, caught, correct = [], [], [], [], 0
    started = time.perf_counter()
    for row in rows:
        verdict = verify_claim(row["claim"], row["evidence"])
        supported = row["label"] == "supported"
        scores.append(verdict.score)
        positive.append(supported)
        correct += (verdict.status == "supported") == supported
        if row["label"] == "not_supported":
            caught.append(verdict.status != "supported")
        if supported and row["supporting_sentences"]:
            hits.append(any(verdict.evidence_index in s for s in row["supporting_sentences"]))
    elapsed = time.perf_counter() - started
    return {
        "claims": len(rows),
        "roc_auc": roc_auc(scores, positive),
        "accuracy": correct / len(rows) if rows else 0.0,
        "threshold": SUPPORT_THRESHOLD,
        "not_supported_caught": sum(caught) / len(caught) if caught else 0.0,
        "evidence_hit_rate": sum(hits) / len(hits) if hits else 0.0,
        "ms_per_claim": 1000 * elapsed / len(rows) if rows else 0.0,
    }


def _print_dev(folder: Path) -> int:
    """Print expected vs got per dev verification entry; 1 if any differs."""
    cases = run_dev_cases(folder)
    for case in cases:
        mark = "ok " if case.expected == case.got else "BAD"
        print(f"{mark} {case.expected:<12} {case.got:<12} {case.score:.3f}  {case.sentence[:70]}")
    right = sum(c.expected == c.got for c in cases)
    print(f"{right}/{len(cases)} verdicts as expected")
    return 0 if right == len(cases) else 1


def main(argv: list[str] | None = None) -> int:
    """Command line: a WiCE jsonl file, or --dev-corpus FOLDER."""
    parser = argparse.ArgumentParser(prog="python -m app.evaluation.verify")
    parser.add_argument("wice", nargs="?", type=Path, help="WiCE claim-level jsonl")
    parser.add_argument("--dev-corpus", type=Path, help="folder with dev-*.json and sources/")
    args = parser.parse_args(argv)
    if args.dev_corpus:
        return _print_dev(args.dev_corpus)
    if not args.wice:
        parser.error("give a WiCE jsonl file or --dev-corpus")
    for name, value in evaluate_wice(args.wice).items():
        print(f"{name:<22} {value:.3f}" if isinstance(value, float) else f"{name:<22} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Figures on tests/corpus/holdout: four pages in templates neither dev nor extra uses."""

from __future__ import annotations

from pathlib import Path

from app.eval import evaluate

ROOT = Path(__file__).resolve().parents[3]
HOLDOUT = ROOT / "tests" / "corpus" / "holdout"

# Reached when these tests were written (citation F1 0.978, source F1 1.000, uncited 15/15,
# not-claims 0/7, no leaks); the margin leaves room for one missed pair.
MIN_CITATION_F1 = 0.95
MIN_SOURCE_F1 = 0.97
MIN_UNCITED_RECALL = 0.9
MAX_FALSE_POSITIVE_RATE = 0.05


def test_holdout_corpus_figures() -> None:
    overall = evaluate(HOLDOUT)["overall"]
    assert overall["citation"]["f1"] >= MIN_CITATION_F1, overall
    assert overall["sources"]["f1"] >= MIN_SOURCE_F1, overall
    assert overall["uncited_claim_recall"] >= MIN_UNCITED_RECALL, overall
    assert overall["not_claim_fp_rate"] <= MAX_FALSE_POSITIVE_RATE, overall
    assert overall["boilerplate_leaks"] == 0, overall

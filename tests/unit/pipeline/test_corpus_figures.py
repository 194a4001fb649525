"""Floors on the corpora written in other templates than dev (tests/corpus/holdout*)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.evaluation.corpus import evaluate

CORPORA = Path(__file__).resolve().parents[3] / "tests" / "corpus"

# (citation F1, source F1, uncited recall, max not-claim FP rate, max boilerplate leaks).
# When the pages were written: holdout cit 0.978 / src 1.000 / 15 of 15 / 0 of 7 (now 1.000
# on all), holdout2 all 1.000 / 0 of 9.
# holdout3 was written blind and first scored cit 0.565 / src 0.905 / 16 of 16 / 3 of 13 with
# 6 leaks; the general fixes it prompted brought it to 1.000 / 1.000 / 16 of 16 / 0 of 13.
# holdout4, also blind, first scored cit 0.427 / src 0.915 / 14 of 17 / 6 of 13; now 0.972 /
# 1.000 / 16 of 17 / 1 of 13.
# The margins leave room for one missed pair or claim.
FLOORS = {
    "holdout": (0.95, 0.97, 0.9, 0.05, 0),
    "holdout2": (0.95, 0.95, 0.9, 0.12, 0),
    "holdout3": (0.95, 0.95, 0.9, 0.08, 0),
    # holdout4's one leak: a pull quote repeats a body sentence word for word, and the body
    # sentence (left unscored by the gold) is taken as a claim.
    "holdout4": (0.93, 0.95, 0.85, 0.16, 1),
}


@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_corpus_figures(corpus: str) -> None:
    citation, sources, uncited, false_positives, leaks = FLOORS[corpus]
    overall = evaluate(CORPORA / corpus)["overall"]
    assert overall["citation"]["f1"] >= citation, overall
    assert overall["sources"]["f1"] >= sources, overall
    assert overall["uncited_claim_recall"] >= uncited, overall
    assert overall["not_claim_fp_rate"] <= false_positives, overall
    assert overall["boilerplate_leaks"] <= leaks, overall

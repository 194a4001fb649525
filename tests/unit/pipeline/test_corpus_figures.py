"""Floors on every annotated corpus in tests/corpus, one gold item below what was measured.

The floors and how to move them: tests/floors.py. History of the blind corpora: holdout3
first scored cit 0.565 / src 0.905 / 16 of 16 / 3 of 13 not-claims with 6 leaks; holdout4
cit 0.427 / src 0.915 / 14 of 17 / 6 of 13. The general fixes they prompted are pinned by
test_holdout3_rules.py and test_holdout4_rules.py.
"""

from __future__ import annotations

import pytest

from tests.conftest import CORPUS
from tests.floors import MEASURED, check_corpus, f1_one_miss_below, share_one_below


@pytest.mark.parametrize("corpus", sorted(MEASURED))
def test_corpus_figures(corpus: str) -> None:
    check_corpus(CORPUS / corpus, MEASURED[corpus])


def test_a_floor_lets_one_item_slip_and_not_two() -> None:
    # dev's 124 citation pairs: one more miss is F1 246/247, two more is 244/246.
    assert 246 / 247 >= f1_one_miss_below(124, 0, 0) > 244 / 246
    # one extra pair costs less than one miss, so it passes too
    assert f1_one_miss_below(124, 0, 0) <= 248 / 249
    assert 43 / 45 < share_one_below(45, 45) <= 44 / 45

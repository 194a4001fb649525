"""Section coverage: the share of a claim that runs of consecutive passages state."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.verify.retrieval import index_passages
from app.verify.sections import postings, section_coverage
from app.verify.terms import claim_terms, stem
from app.verify.verdict import Page, analyse

FILLER = ["Rain fell.", "Snow fell.", "Fog came.", "Wind rose."]


def _coverage(claim: str, passages: list[str], sizes: tuple[int, ...]) -> float:
    return section_coverage(claim_terms(claim), postings(index_passages(passages)), sizes)


def test_a_claim_told_in_two_far_apart_passages_is_whole_only_in_a_long_section() -> None:
    # maria (opens the claim: a word, 1), lopez carlos diaz sevill (names, 2 each), marri (1):
    # weight 10. Passage 0 states all but Seville (8); passage 5 states Seville (2), five
    # passages further on: three in a row hold 8, ten or thirty hold all 10.
    claim = "Maria Lopez married Carlos Diaz in Seville."
    passages = ["Maria Lopez and Carlos Diaz announced their marriage.", *FILLER,
                "The wedding was in Seville."]  # fmt: skip
    assert _coverage(claim, passages, (3,)) == pytest.approx(8 / 10)
    assert _coverage(claim, passages, (10,)) == pytest.approx(1.0)
    assert _coverage(claim, passages, (3, 10, 30)) == pytest.approx((0.8 + 1 + 1) / 3)


def test_a_related_word_form_counts_as_stated() -> None:
    # "married" -> marri, "marriage" -> marria: different stems, the same first four letters
    assert stem("married") != stem("marriage")
    assert _coverage("Lopez married.", ["Lopez announced the marriage."], (3,)) == 1.0
    # lopez (opening the claim: a word, 1) of lopez and marri
    assert _coverage("Lopez married.", ["Lopez announced the merger."], (3,)) == 0.5


def test_a_number_is_stated_only_as_itself() -> None:
    # far ros tim (1 each) and 1000 (a number, 2): 10000 starts with 1000 but is another value
    assert _coverage("Fares rose 1000 times.", ["Fares rose 10000 times."], (3,)) == 0.6
    assert _coverage("Fares rose 1000 times.", ["Fares rose 1000 times."], (3,)) == 1.0


def test_nothing_to_cover_is_nothing_covered() -> None:
    assert _coverage("Fares rose.", [], (3,)) == 0.0
    assert section_coverage([], postings([]), (3,)) == 0.0


def test_the_analysis_reports_the_section_share() -> None:
    claim = "Maria Lopez married Carlos Diaz in Seville."
    passages = ["Maria Lopez and Carlos Diaz announced their marriage.", *FILLER,
                "The wedding was in Seville."]  # fmt: skip
    found = analyse(claim, Page(passages))
    assert found is not None
    assert found.features["section"] == pytest.approx((0.8 + 1 + 1) / 3)


_VOCAB = ["alpha", "bravo", "cello", "delta", "ember", "fjord", "gusto", "hotel"]  # no shared
# first four letters, so only exact stems match and a plain count is the expected share


@settings(max_examples=150, deadline=None)
@given(
    pages=st.lists(st.lists(st.sampled_from(_VOCAB), max_size=3), min_size=1, max_size=25),
    claim=st.lists(st.sampled_from(_VOCAB), min_size=1, max_size=5, unique=True),
    size=st.integers(min_value=1, max_value=12),
)
def test_the_best_run_matches_a_passage_by_passage_count(
    pages: list[list[str]], claim: list[str], size: int
) -> None:
    passages = [" ".join(words) + "." for words in pages]
    best = max(
        sum(any(w in p for p in pages[i : i + size]) for w in claim) for i in range(len(pages))
    )
    assert _coverage("so " + " ".join(claim), passages, (size,)) == pytest.approx(best / len(claim))

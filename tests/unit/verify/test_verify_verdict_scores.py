"""Verdict scores to the digit, the edges of the topic rule, and which passage is the evidence.

The expected scores are worked out by hand from the documented rule: support is the share of
the claim's plain words found in the chosen passages plus twice the share of its names and
numbers, over 3; a contradicted claim keeps half of that; scores are rounded to 4 places.
Names are capitalised words not at the start of the claim (or all-capital ones); stopwords
do not count.
"""

from __future__ import annotations

import pytest

from app.verify import Verdict, verify_claim, verify_claims

FILLER = [  # passages that share no word with the claims below
    "The weather was mild.",
    "Parks opened.",
    "Schools closed early.",
    "Trees were planted.",
    "Bridges were painted.",
    "Lights were fixed.",
]


@pytest.mark.parametrize(
    ("claim", "page", "score"),
    [
        # words ridership, rose, sharply: 2 of 3 found; the name Portland found:
        # (2/3 + 2 * 1) / 3 = 0.88888... -> 0.8889
        ("Ridership rose sharply in Portland.", ["Ridership rose in Portland."], 0.8889),
        # no names: their part counts as complete, (2/3 + 2 * 1) / 3 -> 0.8889
        ("Ridership rose sharply.", ["Ridership rose."], 0.8889),
        # names only (NASA, ESA): the missing word part counts as complete, (1 + 2 * 1) / 3
        ("NASA and ESA", ["NASA and ESA agreed."], 1.0),
        # 3 of 3 words, 1 of 2 names: (1 + 2 * 1/2) / 3 = 0.6666... -> 0.6667
        ("Ridership rose sharply in Portland and Salem.", ["Ridership rose sharply in Salem."],
         0.6667),
    ],
)  # fmt: skip
def test_support_scores_words_once_and_names_twice(
    claim: str, page: list[str], score: float
) -> None:
    verdict = verify_claim(claim, page)
    assert verdict.score == score
    assert verdict.evidence_index == 0
    assert verdict.status == ("supported" if score >= 0.8 else "not_found")


def test_a_contradicted_claim_keeps_half_its_support() -> None:
    # words fares, increased, sharply, year: 3 of 4; the name Springfield found:
    # (3/4 + 2 * 1) / 3 = 0.91666..., halved 0.458333... -> 0.4583
    page = ["Trams ran late.", "Fares in Springfield were not increased during the year."]
    verdict = verify_claim("Fares in Springfield increased sharply during the year.", page)
    assert verdict == Verdict("contradicted", page[1], 0.4583, 1)


def test_a_claim_sharing_exactly_the_topic_threshold_can_be_contradicted() -> None:
    # Topic words fares, increased, year (1 each) and the name Springfield (2): the page
    # shares 3 of 5 = 0.6, the threshold itself. Support (3/3 + 0) / 3, halved: 0.1667.
    page = ["Fares were not increased during the year."]
    verdict = verify_claim("Fares increased in Springfield during the year.", page)
    assert verdict == Verdict("contradicted", page[0], 0.1667, 0)


def test_numbers_do_not_count_towards_the_topic() -> None:
    # Without its figures the claim is all on the page (ridership, fell, million), so the
    # other figures contradict it, though 14 and 30 (weight 2 each) are missing.
    # Support (3/3 + 2 * 0/2) / 3, halved: 0.1667.
    page = ["Ridership fell 4% to 31 million."]
    verdict = verify_claim("Ridership fell 14% to 30 million.", page)
    assert verdict == Verdict("contradicted", page[0], 0.1667, 0)


def test_a_conflicting_figure_is_found_among_the_best_ranked_passages() -> None:
    # The first passage covers every word of the claim but its figure, so it alone is
    # chosen; the second, ranked high for its words, states another figure in the same
    # unit. The fillers rank lowest and come last.
    page = ["Bus ridership in Harbor City fell by a few percent.", "Bus ridership fell 4%.",
            *FILLER]  # fmt: skip
    verdict = verify_claim("Bus ridership fell 14% in Harbor City.", page)
    assert (verdict.status, verdict.evidence_index) == ("contradicted", 1)
    # (3/3 + 2 * 4/6) / 3 = 0.7777..., halved 0.38888... -> 0.3889
    assert verdict.score == 0.3889


def test_the_evidence_is_the_best_ranked_of_the_chosen_passages() -> None:
    # Both passages are needed to cover the claim; the first matches far more of it.
    page = ["Ridership rose to 48 million in Portland.", "A tram opened."]
    verdict = verify_claim("Ridership rose to 48 million as Portland opened a tram.", page)
    assert verdict == Verdict("supported", page[0], 1.0, 0)


@pytest.mark.parametrize(
    ("claim", "page"),
    [
        ("", "Fares were cut."),  # no content words in the claim
        ("the of and", "Fares were cut."),  # stopwords only
        ("Ridership rose.", ""),  # nothing on the page
        ("Ridership rose.", []),
        ("Stadium approved.", ["Fares were cut.", "Trams ran late."]),  # no word in common
    ],
)
def test_nothing_to_compare_is_not_found_with_no_evidence(
    claim: str, page: str | list[str]
) -> None:
    assert verify_claim(claim, page) == Verdict("not_found", "", 0.0, None)
    assert verify_claims([claim, claim], page) == [Verdict("not_found", "", 0.0, None)] * 2

"""Whose figure: a claim's name beside an amount the page ties to another name."""

from __future__ import annotations

from app.verify.figure_names import figure_name_clash
from app.verify.verdict import Page, verify_claim

BOUGHT = "In 1986 the company bought Harbour Mills for £66 million."
PAGE = [
    "Annual report of Kestrel Holdings.",
    "The purchase of Ashdown Foods for £66 million doubled the group's size.",
    "Harbour Mills supplies its flour.",  # the page knows the claim's name, not with the amount
    "Rain fell.",
]


def _clash(claim: str, passages: list[str]) -> tuple[int, str, str, str] | None:
    page = Page(passages)
    found = figure_name_clash(claim, page.index, page.values)
    return None if found is None else (found.passage, *found.reason.split("; "), found.page_span)


def test_an_amount_the_page_gives_to_another_name_clashes() -> None:
    # the claim's words near the amount ("purchase", "doubled") are the passage's too
    claim = "In 1986 the company's purchase of Harbour Mills for £66 million doubled it."
    assert _clash(claim, PAGE) == (
        1,
        "the claim gives '£66 million' to 'Harbour Mills'",
        "the page gives it to 'Ashdown Foods'",
        "Ashdown Foods",
    )
    verdict = verify_claim(claim, PAGE)
    assert (verdict.status, verdict.evidence_index) == ("contradicted", 1)
    assert "'Harbour Mills'" in verdict.reasons[0] and "'Ashdown Foods'" in verdict.reasons[0]


def test_related_word_forms_tie_the_amount_to_the_claims_words() -> None:
    # "acquired" and "acquisition" share "acqu"
    claim = "In 1986 the company acquired Harbour Mills for £66 million."
    page = ["Its acquisition of Ashdown Foods for £66 million.", "Harbour Mills mills flour."]
    assert _clash(claim, page) is not None
    assert _clash(BOUGHT, page) is None  # "bought" shares no word with the passage


def test_the_claims_name_beside_the_amount_anywhere_on_the_page_agrees() -> None:
    page = [*PAGE, "Harbour Mills changed hands for £66 million in 1986."]
    claim = "In 1986 the company's purchase of Harbour Mills for £66 million doubled it."
    assert _clash(claim, page) is None


def test_a_name_the_page_never_states_is_unstated_not_contradicted() -> None:
    claim = "In 1986 the company's purchase of Oakfield Mills for £66 million doubled it."
    assert _clash(claim, PAGE) is None


def test_another_amount_or_a_year_anchors_nothing() -> None:
    claim = "In 1986 the company's purchase of Harbour Mills for £67 million doubled it."
    assert _clash(claim, PAGE) is None  # a figure clash, if any, is another rule's
    dated = "The purchase of Harbour Mills was made in 1986."
    assert _clash(dated, [*PAGE, "The purchase of Ashdown Foods was made in 1986."]) is None


def test_the_name_on_the_other_side_of_the_amount_is_not_its_owner() -> None:
    # the claim's name is after the amount; the passage's other name is before it
    claim = "About 40 million players entered the Harbour Cup qualifiers."
    page = ["Kestrel Games said 40 million players signed up.", "The Harbour Cup is new."]
    assert _clash(claim, page) is None
    page_after = ["About 40 million players entered the Ashdown Cup qualifiers.", *page[1:]]
    assert _clash(claim, page_after) == (
        0,
        "the claim gives '40 million players' to 'Harbour Cup'",
        "the page gives it to 'Ashdown Cup'",
        "Ashdown Cup",
    )


def test_a_passage_of_another_year_tells_another_event() -> None:
    claim = "In 1986 the company's purchase of Harbour Mills for £66 million doubled it."
    page = ["In 2004 the purchase of Ashdown Foods for £66 million.", "Harbour Mills."]
    assert _clash(claim, page) is None


def test_a_name_both_tie_to_the_amount_is_passed_over_for_the_next() -> None:
    # Ann Lee is nearest 13% on both sides: shared; Harbour Mills, further, is the page's
    # Ashdown Foods
    claim = "In 2013 the board of Harbour Mills raised the pay of Ann Lee by 13%."
    page = ["The board of Ashdown Foods raised the pay of Ann Lee by 13 percent.", "Harbour Mills."]
    assert _clash(claim, page) == (
        0,
        "the claim gives '13%' to 'Harbour Mills'",
        "the page gives it to 'Ashdown Foods'",
        "Ashdown Foods",
    )


def test_the_verdict_names_the_amount_and_both_names() -> None:
    claim = "In 1986 the company acquired Harbour Mills for £66 million."
    page = ["Its acquisition of Ashdown Foods for £66 million.", "Harbour Mills mills flour."]
    verdict = verify_claim(claim, page)
    assert verdict.status == "contradicted"
    assert verdict.reasons[0] == (
        "the claim gives '£66 million' to 'Harbour Mills'; the page gives it to 'Ashdown Foods'"
    )


def test_a_figures_unit_in_capitals_is_no_name() -> None:
    # "GW" of "3.9 GW" stands before "2.6 GW" where the claim's name stands before its figure
    claim = "Peak demand on the Harbour Mills grid reached 3.9 gigawatts, from 2.6 gigawatts."
    page = [
        "Harbour Mills",
        "Grid peak demand reached 3.9 GW in 2025, compared with 2.6 GW in 2021.",
    ]
    assert _clash(claim, page) is None
    assert verify_claim(claim, page).status != "contradicted"


def test_a_name_sixteen_words_from_its_amount_is_still_its_owner() -> None:
    # thirteen words part "Harbour Trust" from "13%": beyond the old reach of twelve
    claim = (
        "She was the only member of the Harbour Trust who voted against increasing the"
        " salary of the health exchange's chief executive by 13%."
    )
    page = [
        "The board of the Washington Benefit Exchange raised the salary of its chief"
        " executive Richard Onizuka by 13 percent.",
        "Harbour Trust is a charity.",
    ]
    assert _clash(claim, page) is not None
    assert _clash(claim.replace("13%", "13% in all"), page[1:]) is None  # no passage states it

"""Who holds a role: a claim's name in a phrase the page sets beside another name."""

from __future__ import annotations

from app.verify.appositions import apposition_clash
from app.verify.verdict import Page, verify_claim

DEBATE = "In 2014 Evans debated Richard Harlow, the British education secretary, on history."
GOVE = [
    "Michael Gove, the education secretary, attacked Evans over history teaching.",
    "Richard Harlow wrote a column on the curriculum.",
]


def _clash(claim: str, passages: list[str]) -> tuple[int, str, str] | None:
    found = apposition_clash(claim, Page(passages).index)
    return None if found is None else (found.passage, found.claim_span, found.page_span)


def test_a_role_after_the_name_that_the_page_gives_another_clashes() -> None:
    assert _clash(DEBATE, GOVE) == (0, "Richard Harlow", "Michael Gove")


def test_a_role_before_the_comma_skips_the_claims_title_words() -> None:
    claim = "Matt Gaetz will run for the seat held by his father, state senator Richard Harlow."
    page = [
        "Matt Gaetz, a state senator, will run for the seat held by his father, Senate"
        " President Don Gaetz.",
        "Richard Harlow ran in 2012 with no party.",  # the page names him, in another role
    ]
    assert _clash(claim, page) == (0, "Richard Harlow", "Senate President Don Gaetz")
    verdict = verify_claim(claim, page)  # every word of the claim is on the page
    assert (verdict.status, verdict.evidence_index) == ("contradicted", 0)
    assert "'Richard Harlow'" in verdict.reasons[0] and "Don Gaetz'" in verdict.reasons[0]


def test_a_title_of_an_organisation_matches_a_title_comma_organisation_line() -> None:
    claim = "Arnold is now the publisher and editorial director of Harbour Times."
    page = [
        "Thomas Arnold, Publisher and Editorial Director, Media Play News:",
        "Harbour Times printed its last issue.",
    ]
    assert _clash(claim, page) == (0, "Harbour Times", "Media Play News")
    one_word = "Arnold is now the director of Harbour Times."  # a title of one word: too common
    assert _clash(one_word, [*page, "Jane Roe, Director, Media Play News:"]) is None


def test_the_page_giving_the_claims_name_that_role_agrees() -> None:
    page = [*GOVE, "Harlow, then education secretary, replied."]
    assert _clash(DEBATE, page) is None
    wife = "In 2001 he and his wife, a dentist named Lisandra Lafitta Hernandez, signed it."
    page = ["His wife, Lisandra Lafitta, visited him.", "His wife, Yolanda Vera, spoke."]
    assert _clash(wife, page) is None  # the page names her, shorter, as his wife


def test_a_list_a_date_or_a_clause_is_no_role() -> None:
    listed = "Investors included Glynn Capital, Scott Cook, and Sound Ventures."
    page = ["Glynn Capital, Intuit founder Scott Cook and Sound Ventures jumped in."]
    assert _clash(listed, page) is None  # "Glynn Capital," is a name, not a role
    dated = "They toured in 2006, with William Duvall as lead vocalist."
    assert _clash(dated, ["They toured in 2006, adding Austin to the North American tour."]) is None
    clause = "Richard Harlow, the secretary who wrote the rules, left."
    assert _clash(clause, ["Michael Gove, the secretary who wrote it, left."]) is None

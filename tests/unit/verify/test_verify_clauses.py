"""The clause around a claim's figure: its own words, not the next clause's or a month's."""

from __future__ import annotations

from app.verify.clauses import clause_stems
from app.verify.terms import stem


def _around(text: str, figure: str) -> set[str]:
    at = text.index(figure)
    return clause_stems(text, at, at + len(figure))


def test_a_clause_ends_at_punctuation_and_at_a_word_that_opens_another() -> None:
    text = (
        "Along with Deftones, the band toured Canada in late 2007 on a tour, which critics hated."
    )
    assert _around(text, "2007") == {stem(w) for w in ("band", "toured", "Canada", "late", "tour")}


def test_a_clause_leaves_out_numbers_and_month_names() -> None:
    text = "It was released on October 27, 2014, by Stereotypes"
    assert _around(text, "2014") == {stem("released")}  # a date's own comma bounds nothing
    assert _around("They met in 12 rooms in May 2001.", "2001") == {stem("met"), stem("rooms")}


def test_a_date_that_opens_a_sentence_on_its_own_takes_the_clause_it_opens() -> None:
    text = "In March 2001, Tom Bromley joined the band, and later he left."
    assert _around(text, "2001") == {stem(w) for w in ("Tom", "Bromley", "joined", "band")}
    # A date inside a clause keeps that clause.
    text = "Tom joined in March 2001, and later he left."
    assert _around(text, "2001") == {stem("Tom"), stem("joined")}

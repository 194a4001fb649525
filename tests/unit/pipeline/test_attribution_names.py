"""Proper-name spans in running text, and the source phrases around them."""

from __future__ import annotations

from app.pipeline.attribution.names import find_names
from app.pipeline.attribution.phrases import find_attributions


def _names(text: str) -> list[tuple[str, bool]]:
    return [(n.text, n.possessive) for n in find_names(text)]


def test_capitalised_runs_with_connectors_and_possessives() -> None:
    text = "the Bureau of Labor Statistics said Drewry’s index and the U.S. Dept. rose."
    assert _names(text) == [
        ("Bureau of Labor Statistics", False),
        ("Drewry", True),
        ("U.S. Dept", False),
    ]


def test_camel_case_and_title_case_letters_are_names_lower_case_words_are_not() -> None:
    text = "data from eMarketer, xAI, \u01c4emal Ltd, not \u01c5emal or iphone"
    assert _names(text) == [("eMarketer", False), ("xAI", False), ("\u01c4emal Ltd", False)]
    assert _names("in january, the city said") == []


def test_a_name_after_a_source_phrase_is_attributed_whatever_the_white_space() -> None:
    def kinds(text: str) -> list[tuple[str, str]]:
        return [(a.name, a.kind) for a in find_attributions(text)]

    assert kinds("A study published by the\nAcme Institute found gains.") == [
        ("Acme Institute", "name")
    ]
    assert kinds("Sales rose, citing a Acme poll.") == [("Acme", "name")]
    assert kinds("An op-ed in the Daily Planet argued.") == [("Daily Planet", "weak")]
    assert kinds("He lives within Acme County.") == []

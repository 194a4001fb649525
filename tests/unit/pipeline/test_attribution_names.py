"""Proper-name spans in running text."""

from __future__ import annotations

from app.pipeline.attribution.names import find_names


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

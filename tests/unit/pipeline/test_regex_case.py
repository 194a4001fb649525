"""Words a case-insensitive regex matches through folded letters (ſ, ı, İ) never crash a
table lookup: the pipeline and the verifier read them as the plain words."""

from __future__ import annotations

import pytest

from app.pipeline import run_pipeline
from app.pipeline.regex_case import lower_as_regex
from app.verify.values import parse_values


def test_folds_what_the_regex_folds() -> None:
    assert lower_as_regex("Thouſand") == "thousand"
    assert lower_as_regex("MıLLıON") == "million"
    assert lower_as_regex("İNDEX") == "index"
    assert lower_as_regex("Straße") == "straße"  # nothing else changes


@pytest.mark.parametrize(("words", "value"), [("a thouſand", 1e3), ("two mıllıon", 2e6)])
def test_spelled_amounts_with_folded_letters_are_amounts(words: str, value: float) -> None:
    body = f"<p>The council spent {words} dollars in 2024.</p>"
    html = f"<html><body><article>{body}</article></body></html>"
    (sentence,) = run_pipeline(html, "https://news.example/a").sentences
    assert [q.value for q in sentence.quantities] == [value]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("thırd place", "ordinal", 3.0),
        ("ſeven children", "count", 7.0),
        ("sıx boats", "count", 6.0),
    ],
)
def test_verifier_reads_number_words_with_folded_letters(
    text: str, kind: str, value: float
) -> None:
    assert [(v.kind, v.low) for v in parse_values(text)] == [(kind, value)]

"""The word-level feature tests behind check-worthiness, on minimal sentences."""

from __future__ import annotations

import pytest

from app.pipeline.checkworthiness.lexicon import Lexicon, Words
from app.pipeline.checkworthiness.patterns import has_first_person


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We raised prices.", True),
        ("Prices rose for us.", True),
        ("The US raised prices.", False),  # case-sensitive: a country, not "us"
        ("The reign of Henry I ended.", False),  # a regnal numeral
        ("King Henry I and my father met.", True),  # "my" survives the numeral rule
        ("Then Henry I think said no.", True),  # "I think": the writer after all
        ("Charles I, we’re told, was short.", True),  # a contraction beside a numeral
        ("Let's see.", True),
        ("Lets see.", False),
        ("The café me-too wave.", True),  # "me" between non-letters is a word
        ("Enemy forces.", False),  # "my" inside a word is none
    ],
)
def test_first_person(text: str, expected: bool) -> None:
    assert has_first_person(text) is expected


def test_words_fold_apostrophes_and_possessives() -> None:
    words = Words.of("The Mayor’s office and Acme's plan")
    assert words.lower == "the mayor's office and acme's plan"
    assert {"mayor's", "mayor", "acme's", "acme", "office"} <= words.tokens
    assert Words.of("No possessive here").tokens == {"no", "possessive", "here"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("That is the answer.", True),
        ("Check the answer key.", True),
        ("He knows the answers.", False),  # a phrase ends at a word boundary
        ("Tell the truth, then.", True),
        ("It is the tooth.", False),
        ("The ANSWER is no.", True),  # looked up lower-cased
        ("Either way works.", True),  # a single word
    ],
)
def test_lexicon_phrases_sharing_a_prefix(text: str, expected: bool) -> None:
    lexicon = Lexicon.of("the answer|the answer key|the truth|the tooth fairy|either")
    assert lexicon.found(Words.of(text)) is expected

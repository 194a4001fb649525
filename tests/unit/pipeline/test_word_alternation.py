"""A prefix-tree alternation matches the strings of the flat one."""

from __future__ import annotations

import itertools
import re

from app.pipeline.word_alternation import shared_prefixes

PHRASES = ["say", "says", "said", "the answer", "the answer key", "the truth", "a.b", "c++"]
PIECES = ["say", "s", "said", "the", " ", "answer", "key", "truth", "a.b", "x", "c++", "-"]


def _texts(longest: int) -> list[str]:
    return [
        "".join(parts)
        for n in range(1, longest + 1)
        for parts in itertools.product(PIECES, repeat=n)
    ]


def test_prefixes_are_shared_and_special_characters_escaped() -> None:
    pattern = shared_prefixes(PHRASES)
    assert pattern.count("the") == 1
    assert re.fullmatch(pattern, "a.b") and not re.fullmatch(pattern, "axb")
    assert re.fullmatch(pattern, "c++")


def test_a_phrase_occurs_exactly_when_the_flat_alternation_finds_one() -> None:
    flat = re.compile(r"\b(?:" + "|".join(map(re.escape, PHRASES)) + r")\b")
    tree = re.compile(r"\b(?:" + shared_prefixes(PHRASES) + r")\b")
    for text in _texts(5):
        assert bool(tree.search(text)) is bool(flat.search(text)), text


def test_whole_words_are_found_at_the_same_places() -> None:
    words = ["say", "says", "said", "sayer", "truth"]
    flat = re.compile(r"\b(" + "|".join(words) + r")\b")
    tree = re.compile(r"\b(" + shared_prefixes(words) + r")\b")
    for text in _texts(4):
        assert [m.span() for m in tree.finditer(text)] == [m.span() for m in flat.finditer(text)]

"""The clause of a claim that holds one of its figures: what the claim says of that figure."""

from __future__ import annotations

import re

from app.verify.terms import is_content, stem, tokens

__all__ = ["MONTH_WORDS", "clause_stems"]

MONTH_WORDS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
# Clause bounds: punctuation (not a date's comma, "May 3, 2018"), quotes, and words that open
# another clause.
_BOUND = re.compile(
    r",(?!\s*\d)|[;:()\[\]–—\"“”]|\b(?:and|but|while|whereas|which|who|whom|whose|where|when|after|before)\b",
    re.IGNORECASE,
)


def clause_stems(text: str, start: int, end: int) -> set[str]:
    """Content stems of the clause around [start, end) of `text`, no numbers or month names."""
    left, right = 0, len(text)
    for m in _BOUND.finditer(text):
        if m.end() <= start:
            left = m.end()
        elif m.start() >= end:
            right = m.start()
            break
    return {
        stem(w) for w in tokens(text[left:start] + " " + text[end:right])
        if is_content(w) and not w[:1].isdigit() and w.lower() not in MONTH_WORDS
    }  # fmt: skip

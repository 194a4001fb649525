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
    """Content stems of the clause around [start, end) of `text`, no numbers or month names;
    for a date that opens a sentence on its own ("In March 2001, Tom Bromley joined the
    band"), those of the clause it opens."""
    bounds = list(_BOUND.finditer(text))
    left = max((m.end() for m in bounds if m.end() <= start), default=0)
    right = [m for m in bounds if m.start() >= end]
    said = _stems(text[left:start] + " " + text[end : right[0].start() if right else len(text)])
    if said or not right:
        return said
    return _stems(text[right[0].end() : right[1].start() if len(right) > 1 else len(text)])


def _stems(text: str) -> set[str]:
    return {
        stem(w) for w in tokens(text)
        if is_content(w) and not w[:1].isdigit() and w.lower() not in MONTH_WORDS
    }  # fmt: skip

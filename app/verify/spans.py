"""Figures that make one statement together: the two ends of a span ("2018 – 2022")."""

from __future__ import annotations

import re

from app.verify.values import Value

__all__ = ["extent", "joined"]

_SPAN_JOIN = re.compile(r"\s*(?:[-–—]|to|until|till|through)\s*", re.IGNORECASE)


def joined(text: str, found: list[Value], a: Value, b: Value) -> bool:
    """True when only a dash, "to" or "until" stands between two figures (or their dates)."""
    (_, end), (start, _) = sorted([extent(found, a), extent(found, b)])
    return end <= start and bool(_SPAN_JOIN.fullmatch(text[end:start]))


def extent(found: list[Value], v: Value) -> tuple[int, int]:
    """Where the whole figure holding `v` lies: a year's date, or `v` itself."""
    holders = [v, *(w for w in found if w.start <= v.start and v.end <= w.end)]
    return min(w.start for w in holders), max(w.end for w in holders)

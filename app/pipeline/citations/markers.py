"""Plain-text citation markers: `[4]`, `[2][3]`, `[1, 4]`, `[2–4]`, `¹`, and editorial tags."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["MarkerHit", "bare_footnote_labels", "expand_labels", "find_text_markers"]

_BRACKET = re.compile(r"\[\s*(\d{1,3}(?:\s*[,;–—-]\s*\d{1,3})*)\s*\]")
_SUPERSCRIPT = re.compile(r"(?<=[.,;:!?”\"’)])([¹²³⁴⁵⁶⁷⁸⁹⁰]+)")
# Wikipedia-style inline tags: "[citation needed]", "[by whom?]", "[clarification needed]".
_EDITORIAL = re.compile(r"\[(?:[a-z][a-z ’'-]{0,40}(?:needed|\?)|dubious[^\]]{0,30})\]")
_SUPER_DIGITS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
_MAX_RANGE = 50
_BARE_SUP = re.compile(r"^\d{1,3}(?:\s*[,–—-]\s*\d{1,3})*$")
_AFTER = (".", ",", ";", ":", "!", "?", "”", '"', "’", ")")


@dataclass(slots=True)
class MarkerHit:
    """A marker found in text: the span to delete, its expanded labels and how it was printed."""

    start: int
    end: int
    labels: list[str]
    raw: str
    kind: str


def expand_labels(spec: str) -> list[str]:
    """ "2–4" -> ["2", "3", "4"]; "1, 4" -> ["1", "4"]; absurd ranges stay as their ends."""
    labels: list[str] = []
    for part in re.split(r"\s*[,;]\s*", spec.strip()):
        bounds = [b for b in re.split(r"\s*[–—-]\s*", part) if b]
        if len(bounds) == 2 and bounds[0].isdigit() and bounds[1].isdigit():
            low, high = int(bounds[0]), int(bounds[1])
            if low <= high and high - low <= _MAX_RANGE:
                labels.extend(str(n) for n in range(low, high + 1))
                continue
        labels.extend(bounds)
    return [label for label in labels if label]


def bare_footnote_labels(raw: str, before: str) -> list[str] | None:
    """Labels of an unlinked "<sup>2</sup>" after punctuation (never "km<sup>2</sup>")."""
    if not _BARE_SUP.match(raw) or not before.endswith(_AFTER):
        return None
    return expand_labels(raw)


def _with_space(text: str, start: int, end: int) -> int:
    """Widen a deletion to the white space before the marker when what follows allows it."""
    after = text[end : end + 1]
    if start > 0 and text[start - 1] == " " and (not after or after in " .,;:!?)]\n["):
        return start - 1
    return start


def find_text_markers(text: str) -> list[MarkerHit]:
    """Every bracket, superscript or editorial marker in `text`, in order."""
    hits: list[MarkerHit] = []
    for m in _BRACKET.finditer(text):
        start = _with_space(text, m.start(), m.end())
        hits.append(MarkerHit(start, m.end(), expand_labels(m.group(1)), m.group(0), "bracket"))
    for m in _SUPERSCRIPT.finditer(text):
        labels = [m.group(1).translate(_SUPER_DIGITS)]
        hits.append(MarkerHit(m.start(), m.end(), labels, m.group(0), "footnote"))
    for m in _EDITORIAL.finditer(text):
        start = _with_space(text, m.start(), m.end())
        hits.append(MarkerHit(start, m.end(), [], m.group(0), "editorial"))
    return sorted(hits, key=lambda h: h.start)

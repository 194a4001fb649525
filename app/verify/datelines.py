"""A page's own date: passages that hold nothing but a date ("Posted on May 3, 2018 9:14 pm")."""

from __future__ import annotations

import re
from dataclasses import replace

from app.verify.values import Value, parse_values

__all__ = ["dateline_values", "is_dateline", "stamp_values"]

# "9:14 pm", "09.23", and the ISO time of a timestamp ("T14:22:00.5+02:00", "T09:05Z")
_TIME = re.compile(
    r"(?:\bT(?=\d\d:)|\b)\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?"
    r"(?:\s*[ap]\.?m\.?|Z\b|[+-]\d\d:?\d\d\b)?",
    re.IGNORECASE,
)
_LABEL_TEXT = """
posted published updated first last modified date on at by am pm a.m p.m gmt utc bst cet cest
originally page update correction corrected reviewed written news press release
est edt cst cdt mst mdt pst pdt pt et ist aest monday tuesday wednesday thursday friday
saturday sunday mon tue tues wed thu thur thurs fri sat sun
"""
_LABELS = frozenset(_LABEL_TEXT.split())
_WORD = re.compile(r"[^\W\d_]+(?:\.[^\W\d_]+)*")
_BYLINE = re.compile(r"\b[Bb][Yy](?:\s+[A-Z][\w.'’-]*)+")  # "By Chava Gourarie"
# An author's name (2–4 capitalised words) opening the passage right before its blanked date.
_AUTHOR = re.compile(r"^\s*(?:[A-Z][a-z][\w'’-]*\s+){1,3}[A-Z][a-z][\w'’-]*(?=\s+$|\s{2,})")
# A metadata line with the page's publication time ("(meta data) PUBLISHED DATETIME: 2014-…").
_STAMP = re.compile(r"^\(meta ?data\)\s+(?:PUBLISHED|DATE)[A-Z ]*:\s*", re.IGNORECASE)
_NUMERIC = re.compile(
    r"(?<![\d/.])(?:[0-3]?\d[/.][0-3]?\d[/.](?P<y>(?:1[89]|20)\d\d)"
    r"|(?P<iy>(?:1[89]|20)\d\d)/[01]?\d/[0-3]?\d)(?![\d/.])"
)


def is_dateline(text: str, values: list[Value]) -> bool:
    """True when `text` is one full date (month and year) with only times, labels and a
    byline around it."""
    kinds = [v.kind for v in values]
    if kinds.count("month") != 1 or "year" not in kinds:  # two dates are a span, not a date
        return False
    chars = list(text)
    for v in values:
        chars[v.start : v.end] = " " * (v.end - v.start)
    return _only_labels("".join(chars))


def _only_labels(rest: str) -> bool:
    """True when nothing but times, labels and a byline is left."""
    rest = _TIME.sub(" ", _BYLINE.sub(" ", _AUTHOR.sub(" ", rest)))
    return all(w.lower().rstrip(".") in _LABELS for w in _WORD.findall(rest))


def _numeric_year(text: str) -> Value | None:
    """The year of a passage that is one date in digits ("02/25/2015 9:22 AM"), if it is."""
    found = list(_NUMERIC.finditer(text))
    if len(found) != 1 or not _only_labels(text[: found[0].start()] + " " + text[found[0].end() :]):
        return None
    group = "y" if found[0]["y"] else "iy"  # "02/25/2015" or "2013/10/22"
    y, (start, end) = float(found[0][group]), found[0].span(group)
    return Value("year", y, y, "", start, end, True)


def dateline_values(passages: list[str]) -> list[tuple[int, Value]]:
    """(passage index, value) of the year and the day of every dateline of the page."""
    out = []
    for i, text in enumerate(passages):
        if len(text) > 80 or not any(c.isdigit() for c in text):
            continue
        values = parse_values(text, light=True)
        if values and is_dateline(text, values):
            out += [(i, v) for v in values if v.kind in ("year", "day")]
        elif (numeric := _numeric_year(text)) is not None:
            out.append((i, numeric))
    return out


def stamp_values(passages: list[str]) -> list[tuple[int, Value]]:
    """(passage index, value) of the year and day of the page's metadata publication time.

    A machine stamp is often the time the page was last modified: nothing it reports happened
    after it, but the story may be years older.
    """
    out = []
    for i, text in enumerate(passages):
        m = _STAMP.match(text)
        if m is None or len(text) > 120:
            continue
        rest = text[m.end() :]
        values = parse_values(rest, light=True)
        if values and is_dateline(rest, values):
            shift = m.end()  # offsets into the whole passage
            out += [
                (i, replace(v, start=v.start + shift, end=v.end + shift))
                for v in values
                if v.kind in ("year", "day")
            ]
    return out

"""How the scorers compare sentences: citation markers removed, white space and case folded.

Its own module so that the gold checker, which must not depend on the pipeline, compares
sentences exactly as the evaluation does."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize_sentence", "strip_citation_markers"]

_BRACKETS = re.compile(r"\s*\[[^\]]{1,40}\]")
_AUTHOR_YEAR = re.compile(r"\s*\([^()]*?\b\d{4}[a-z]?(?:(?:,\s*pp?\.\s*|:\s*)[\d–-]+)?\)")
# a trailing footnote number or group after the final punctuation: ".1", ".1,2", ".2–4"
_FOOTNOTE_DIGITS = re.compile(r"(?<=[.!?”\"’)])(?:\d{1,3}(?:[,–-]\d{1,3})*|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)$")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([.,;:!?”’)])")


def strip_citation_markers(text: str) -> str:
    """Sentence without its citation markers, white space folded, case kept."""
    text = _FOOTNOTE_DIGITS.sub("", text.strip())
    text = _AUTHOR_YEAR.sub("", _BRACKETS.sub("", text))
    text = " ".join(text.replace("\u00a0", " ").split())
    return _SPACE_BEFORE_PUNCT.sub(r"\1", text)


def normalize_sentence(text: str) -> str:
    """Sentence as the scorer compares it: no markers, folded white space and case, composed
    accents and no soft hyphens (the pipeline composes "é" written as e + U+0301 and drops
    soft hyphens, which no reader sees; a page's gold may keep them)."""
    return unicodedata.normalize("NFC", strip_citation_markers(text)).replace("\u00ad", "").lower()

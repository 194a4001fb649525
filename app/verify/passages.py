"""A source as a list of passages (sentences), whatever form it arrives in."""

from __future__ import annotations

from app.pipeline.sentences import split_sentences
from app.pipeline.types import Block

__all__ = ["split_passages", "trim_evidence"]

_EVIDENCE_CHARS = 500


def split_passages(source: str | list[str]) -> list[str]:
    """Sentences of a text; a list is taken as already split, so indices point into it."""
    if not isinstance(source, str):
        return [str(item) for item in source]
    spans = split_sentences(source, [Block(kind="p", start=0, end=len(source))])
    return [source[start:end] for start, end in spans]


def trim_evidence(passage: str) -> str:
    """The passage cut at a word boundary to at most 500 characters."""
    text = " ".join(passage.split())
    if len(text) <= _EVIDENCE_CHARS:
        return text
    cut = text[: _EVIDENCE_CHARS - 1].rsplit(" ", 1)[0]
    return cut + "…"

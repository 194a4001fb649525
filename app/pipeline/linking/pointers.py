"""Lines that point to the whole of something just described: "Listen to the full interview
on <a>Radio Eins</a>." The link backs the sentence before it, not the pointer."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.pipeline.linking.sentence_links import SentenceLinks
from app.pipeline.types import Citation, Document

__all__ = ["pointed_to"]

_POINTER = re.compile(
    r"^(?:click|tap) (?:through|here)\b"  # "Click through for the whole thing."
    r"|^(?:you can\s+)?(?:listen to|watch|read|hear|see|view|download)\s+(?:the|our|this|his|"
    r"her|their)\s+(?:full|whole|complete|entire|original|unabridged)\s+(?:[\w-]+\s+)?"
    r"(?:interview|conversation|podcast|episode|video|recording|talk|speech|discussion|"
    r"transcript|statement|report|letter|ruling|judgment|decision)\b",
    re.IGNORECASE,
)


def pointed_to(
    doc: Document, spans: Sequence[tuple[int, int]], results: list[SentenceLinks]
) -> None:
    """Move a pointer line's links to the sentence right before it, unless that one rests on
    a source of its own."""
    for i in range(1, len(spans)):
        start, end = spans[i]
        found, before = results[i], results[i - 1]
        links = [c for c in found.citations if c.url and c.via in ("hyperlink", "attribution")]
        if not links or not _POINTER.match(doc.text[start:end]):
            continue
        found.citations = [c for c in found.citations if c not in links]
        if not any(c.url for c in before.citations):
            before.citations += [Citation(c.url, "attribution") for c in links]

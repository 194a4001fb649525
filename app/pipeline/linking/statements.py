"""A statement the outlet just cited reported: "Google confirmed this in a statement…" and
the quotation that follows rest on the story the sentence before cites."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from app.pipeline.linking.sentence_links import SentenceLinks
from app.pipeline.types import Citation, Document

__all__ = ["confirmed_in_statement"]

# "Google confirmed this in a statement…", "The company acknowledged it": a back-reference to
# what the sentence before reported, not a new fact of its own
_CONFIRMED_THIS = re.compile(
    r"\b(?:confirmed|acknowledged|admitted|conceded|clarified)\s+(?:this|it)\b(?![-’'])"
)
_TO_ANOTHER = re.compile(r"\bto\s+(?:the\s+)?[A-Z]")  # "… in a statement to Reuters"
_LEADS_IN = re.compile(r"(?:…|\.\.\.|:)[\"”’]?$")


def confirmed_in_statement(
    doc: Document, spans: Sequence[tuple[int, int]], results: list[SentenceLinks]
) -> None:
    """Carry the one source of the sentence before onto "X confirmed this", and from a
    lead-in ending "…" or ":" onto the block quotation right after it."""
    block_starts = [b.start for b in doc.blocks]
    blocks = [bisect.bisect_right(block_starts, start) - 1 for start, _ in spans]
    urls = [list(dict.fromkeys(c.url for c in r.citations if c.url)) for r in results]
    for i in range(1, len(spans)):
        text = doc.text[spans[i][0] : spans[i][1]]
        if urls[i] or blocks[i] != blocks[i - 1] or len(urls[i - 1]) != 1:
            continue
        if _CONFIRMED_THIS.search(text) and not _TO_ANOTHER.search(text):
            results[i].citations.append(Citation(urls[i - 1][0], "attribution"))
            urls[i] = urls[i - 1]
    for i in range(len(spans) - 1):
        text = doc.text[spans[i][0] : spans[i][1]].rstrip()
        if len(urls[i]) != 1 or not _LEADS_IN.search(text):
            continue
        quote = blocks[i + 1]
        if quote == blocks[i] or doc.blocks[quote].kind != "quote":
            continue
        for j in range(i + 1, len(spans)):
            if blocks[j] != quote:
                break
            if not urls[j]:
                results[j].citations.append(Citation(urls[i][0], "attribution"))

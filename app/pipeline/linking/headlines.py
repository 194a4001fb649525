"""A newsletter item's summary resting on the site's own story its headline links."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from app.pipeline.citations.sources import SourceIndex
from app.pipeline.linking.sentence_links import SentenceLinks
from app.pipeline.types import Citation, Document

__all__ = ["headline_summaries"]

# "The company confirmed…", "…, according to a new report", "That's according to a survey":
# the item says where its facts come from, which the linked story reported
_REPORTED = re.compile(
    r"\b(?:confirmed|according to|said (?:in|that)|says|published|responded|announced|"
    r"called|survey|statement|blog post|report(?:s|ed)?)\b",
    re.IGNORECASE,
)


def headline_summaries(
    doc: Document, spans: Sequence[tuple[int, int]], results: list[SentenceLinks],
    index: SourceIndex,
) -> None:  # fmt: skip
    """Sentences after an own-story headline in its block that report a source rest on it."""
    block_starts = [b.start for b in doc.blocks]
    heads = {bisect.bisect_right(block_starts, ln.start) - 1: ln for ln in doc.links if ln.headline}
    for (start, end), found in zip(spans, results, strict=True):
        head = heads.get(bisect.bisect_right(block_starts, start) - 1)
        if head is None or start < head.end or any(c.url for c in found.citations):
            continue
        if _REPORTED.search(doc.text[start:end]):
            found.citations.append(Citation(index.add(head.href, label=head.text), "attribution"))

"""Sources carried between sentences of one quotation, paraphrase or recalled verdict."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from app.pipeline.attribution.quoted_runs import (
    QuotedSentence,
    opened_quotation_sources,
    quoted_run_sources,
)
from app.pipeline.citations.sources import SourceIndex
from app.pipeline.linking.documents import given_in
from app.pipeline.linking.sentence_links import SentenceLinks
from app.pipeline.relayed import (
    OWN_REACH,
    points_to_own_piece,
    recalls_own_verdict,
    relayed_by,
)
from app.pipeline.types import Citation, Document

__all__ = ["continue_quotations", "own_earlier_piece", "paraphrased_before", "rests_on_nothing"]


def paraphrased_before(
    doc: Document, spans: Sequence[tuple[int, int]], results: list[SentenceLinks], vias: list[int]
) -> None:
    """The speaker's paraphrase just before "…, Lynn said, via the Los Angeles Times" rests on
    the same outlet's story."""
    block_starts = [b.start for b in doc.blocks]
    blocks = [bisect.bisect_right(block_starts, start) - 1 for start, _ in spans]
    cited = [any(c.url for c in r.citations) for r in results]
    for at in vias:
        speakers = [r.attributed_to for r in results]
        via = next(c for c in results[at].citations if c.url)
        for i in relayed_by(speakers, cited, blocks, at):
            results[i].citations.append(Citation(via.url, "attribution"))


def own_earlier_piece(
    doc: Document, spans: Sequence[tuple[int, int]], results: list[SentenceLinks],
    index: SourceIndex,
) -> None:  # fmt: skip
    """ "We called it “…”" rests on the piece that "Read our review here" then links."""
    block_starts = [b.start for b in doc.blocks]
    blocks = [bisect.bisect_right(block_starts, start) - 1 for start, _ in spans]
    for at, (start, end) in enumerate(spans):
        if not points_to_own_piece(doc.text[start:end]):
            continue
        link = next((ln for ln in doc.links if not ln.note and start <= ln.start < end), None)
        url = index.add(link.href, label=link.text) if link else None
        for i in range(at - 1, max(at - 1 - OWN_REACH, -1), -1):
            if url is None or blocks[i] != blocks[at] or any(c.url for c in results[i].citations):
                break
            if recalls_own_verdict(doc.text[spans[i][0] : spans[i][1]]):
                results[i].citations.append(Citation(url, "attribution"))
                break


_FRAGMENT_WORDS = 2  # "Possibly.", "Sort of.": no statement to rest on anything


def rests_on_nothing(text: str) -> bool:
    """A question of the writer's own ("Is it the future?", not a quoted one) or a fragment
    asserts nothing, so it takes no source from the quotation or speaker around it."""
    bare = text.rstrip()
    return bare.endswith("?") or len(bare.split()) <= _FRAGMENT_WORDS


def continue_quotations(
    doc: Document, spans: Sequence[tuple[int, int]], results: list[SentenceLinks]
) -> None:
    """A quotation running on past its credited sentence rests on what that sentence cites."""
    block_starts = [b.start for b in doc.blocks]
    sentences = [
        QuotedSentence(
            doc.text[start:end],
            bisect.bisect_right(block_starts, start) - 1,
            tuple(dict.fromkeys(c.url for c in found.citations if c.url)),
            bool(found.attributed_to or found.citations),
            given_in(doc.text[start:end]),
        )
        for (start, end), found in zip(spans, results, strict=True)
    ]
    for found, urls in zip(results, quoted_run_sources(sentences), strict=True):
        found.citations += [Citation(u, "attribution") for u in urls]
    marked = [tuple(c.url for c in r.citations if c.url and c.via == "marker") for r in results]
    for found, urls in zip(results, opened_quotation_sources(sentences, marked), strict=True):
        found.citations += [Citation(u, "marker") for u in urls]

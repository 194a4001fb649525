"""A statement the outlet just cited reported: "Google confirmed this in a statement…" and
the quotation that follows rest on the story the sentence before cites."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from app.pipeline.citations.quote_credits import names_spoken_words
from app.pipeline.linking.sentence_links import SentenceLinks
from app.pipeline.types import Citation, Document

__all__ = ["confirmed_in_statement", "quoted_writing"]

# "Google confirmed this in a statement…", "The company acknowledged it": a back-reference to
# what the sentence before reported, not a new fact of its own
_CONFIRMED_THIS = re.compile(
    r"\b(?:confirmed|acknowledged|admitted|conceded|clarified)\s+(?:this|it)\b(?![-’'])"
)
_TO_ANOTHER = re.compile(r"\bto\s+(?:the\s+)?[A-Z]")  # "… in a statement to Reuters"
_LEADS_IN = re.compile(r"(?:…|\.\.\.|:)[\"”’]?$")
# "…, Askar wrote in a blog post [link]": a writer credited with one document
_WROTE_IN = re.compile(
    r"\bwr(?:ote|ites)\b[^.;]{0,40}?\b(?:in|on)\s+(?:a|an|his|her|their|its|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:blog\s+post|post|letter|essay|memo|advisory|report|statement|newsletter|op-ed|column)\b",
    re.IGNORECASE,
)
# "Here's how it works.", "This is what he found:": a quotation is announced, not credited
_ANNOUNCES = re.compile(
    r"(?::[\"”’]?$|^(?:here(?:'s|’s|\s+is|\s+are)|this\s+is\s+(?:how|what))\b)", re.IGNORECASE
)


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
        quote = blocks[i + 1]
        if len(urls[i]) != 1 or quote == blocks[i] or doc.blocks[quote].kind != "quote":
            continue
        if _LEADS_IN.search(text):
            if _own_topic_link(doc, spans[i]):
                continue
            for j in range(i + 1, len(spans)):
                if blocks[j] != quote:
                    break
                if not urls[j]:
                    results[j].citations.append(Citation(urls[i][0], "attribution"))
        elif _links_a_story(results[i], doc.blocks[blocks[i]].kind):
            # "Hillary suffered her <a>final humiliating defeat</a>." and then a block
            # quotation, paragraph after paragraph: quoted from the story just linked
            for j in range(i + 1, len(spans)):
                if doc.blocks[blocks[j]].kind != "quote":
                    break
                if not urls[j] and not results[j].attributed_to:
                    results[j].citations.append(Citation(urls[i][0], "attribution"))


def _own_topic_link(doc: Document, span: tuple[int, int]) -> bool:
    """The lead-in links only the site's own pages, on words that name no one's statement
    ("Schulte assesses the <a>ruling</a> as follows:"): the quotation is Schulte's."""
    links = [ln for ln in doc.links if ln.citation and span[0] <= ln.start < span[1]]
    return bool(links) and all(ln.own and not names_spoken_words(ln.text) for ln in links)


def _links_a_story(lead: SentenceLinks, kind: str) -> bool:
    """A paragraph's closing sentence that links one document and names nobody."""
    return (
        kind == "paragraph"
        and not lead.attributed_to
        and all(c.via == "hyperlink" for c in lead.citations)
    )


def quoted_writing(
    doc: Document, spans: Sequence[tuple[int, int]], results: list[SentenceLinks]
) -> None:
    """A block quotation announced without a link ("Here's how it works.") rests, paragraph
    by paragraph, on the one document the article credited a writer with before it."""
    block_starts = [b.start for b in doc.blocks]
    blocks = [bisect.bisect_right(block_starts, start) - 1 for start, _ in spans]
    urls = [{c.url for c in r.citations if c.url} for r in results]
    written: list[str] = []
    for i in range(len(spans) - 1):
        lead = doc.text[spans[i][0] : spans[i][1]].strip()
        if len(urls[i]) == 1 and _WROTE_IN.search(lead):
            written = list(dict.fromkeys([*written, *urls[i]]))
        after = blocks[i + 1]
        if after == blocks[i] or doc.blocks[after].kind != "quote" or urls[i]:
            continue
        if len(written) != 1 or not _ANNOUNCES.search(lead):
            continue
        for j in range(i + 1, len(spans)):
            if doc.blocks[blocks[j]].kind != "quote":
                break
            if not urls[j] and not results[j].attributed_to:
                results[j].citations.append(Citation(written[0], "attribution"))

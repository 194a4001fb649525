"""The index of sources, and the names of linked sources learnt from the speakers around them."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from app.pipeline.attribution.speakers import Named, SpeakerResolver
from app.pipeline.citations.sources import SourceIndex, normalize_url
from app.pipeline.linking.hyperlinks import link_span, overlaps
from app.pipeline.types import Document, Link

__all__ = ["build_index", "resolve_speakers", "statement_link"]


def build_index(doc: Document) -> SourceIndex:
    """Sources from the reference lists and from the body's citation links."""
    index = SourceIndex()
    for ref in doc.references:
        if ref.url:
            url = index.add(ref.url, publisher=ref.publisher, title=ref.title, label=ref.label)
            if url and ref.speaker:
                index.add_alias(url, ref.speaker)
                if not ref.embedded:  # remarks offered whole: "Thomas M. Hoenig said" too
                    index.add_writer(url, ref.speaker)
    for link in doc.links:
        if link.citation or link.shop:
            index.add(link.href, label=link.text)
    return index


def _learn_aliases(
    index: SourceIndex, links: Sequence[Link], named: list[Named], text: str, start: int, end: int
) -> None:
    """A name whose phrase is (part of) a source link's anchor is that source's name, and so
    is a reporter of the linked outlet."""
    for link in links:
        if not link.citation or link.note or not overlaps(link.start, link.end, start, end):
            continue
        url = normalize_url(link.href)
        if url is None:
            continue
        for item in named:
            if (
                item.shown
                and not item.needs_source
                and overlaps(*link_span(link), item.start, item.end)
                and not _an_occasion(link.text)
                and not (link.start == start and _PERSON.match(link.text.strip()))
            ):
                index.add_alias(url, item.name)
        for m in _REPORTER.finditer(text[start:end]):
            if index.goes_by(url, m.group("outlet")):  # "Sui-Lee Wee of the New York Times"
                index.add_name(url, m.group("person"))


# "<a>James Hansen</a> first warned Congress…": the subject linked to a page about him, not the
# name of every later "Hansen says"
_PERSON = re.compile(r"^[A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][a-z’'-]+){1,2}$")
# "<a>Prelogar had said</a>", "<a>she told the justices</a>": the link is what was said on one
# occasion, not the speaker's name for every later quote; "<a>the department said in a
# statement</a>" names its medium, the standing statement that later words come from too
_STATEMENT_ANCHOR = re.compile(
    r"\b(?:said|says|told|tells|argued|argues|asked|asks|responded|testified|wrote|writes|"
    r"declared|insisted|replied|explained|announced|announces|acknowledged|admitted|conceded|"
    r"denied|pledged|promised|vowed)\b",
    re.IGNORECASE,
)
_A_MEDIUM = re.compile(
    r"\b(?:statement|release|e-?mail|letter|post|blog|filing|report|tweet|memo|notice)\b", re.I
)


def _an_occasion(anchor: str) -> bool:
    """An anchor that tells of speech without naming a medium ("Prelogar had said")."""
    return bool(_STATEMENT_ANCHOR.search(anchor)) and not _A_MEDIUM.search(anchor)


# a reporter named with the outlet whose story the sentence links: "Emily Feng reports for
# NPR", "Alex Horton of the Washington Post"; "reports Wee" later points at that story
_REPORTER = re.compile(
    r"(?P<person>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2})\s+(?:(?:reports|writes|reported|wrote)"
    r"\s+)?(?:of|for|at)\s+(?:the\s+)?(?P<outlet>[A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*){0,3})"
)


def resolve_speakers(
    doc: Document, spans: Sequence[tuple[int, int]], index: SourceIndex
) -> list[list[Named]]:
    """Resolved attributions of every sentence, teaching the index the names of linked sources."""
    resolver = SpeakerResolver(doc)
    block_starts = [b.start for b in doc.blocks]
    found = []
    for number, (start, end) in enumerate(spans):
        block = bisect.bisect_right(block_starts, start) - 1
        named = resolver.sentence(doc.text[start:end], start, block, number)
        _learn_aliases(index, doc.links, named, doc.text, start, end)
        found.append(named)
    return found


def statement_link(
    links: Sequence[Link], start: int, end: int, named: Sequence[Named]
) -> tuple[frozenset[str], str] | None:
    """The speakers and URL of a statement linked on its telling ("Zoghlin <a>said in an email
    to the AP</a>"): their next words may come from it, their words elsewhere do not."""
    names = frozenset(n.name for n in named if n.shown)
    for link in links:
        if (
            names
            and link.citation
            and not link.note
            and start <= link.start < end
            and _an_occasion(link.text)
            and (url := normalize_url(link.href))
        ):
            return names, url
    return None

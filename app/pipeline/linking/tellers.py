"""Who tells a cited sentence: a named outlet, its reporter, a narrative author."""

from __future__ import annotations

import re

from app.pipeline.attribution.lexicon import REPORT_NOUNS
from app.pipeline.attribution.names import NameSpan, find_names, with_article
from app.pipeline.attribution.speakers import Named
from app.pipeline.citations.sources import SourceIndex
from app.pipeline.linking.attributions import match_name
from app.pipeline.types import Citation

__all__ = ["attributed_names", "cited_by_name", "reporter_of", "told_outlet"]

# "Wee of the Times reports that…", "Alex Horton of the Washington Post writes": the outlet's
# reporter telling the sentence
_REPORTER_TELLS = re.compile(
    r"^(?P<person>(?:[A-Z][\w’'-]+\s+){1,3})(?:of|for|at)\s+(?:the\s+)?"
    r"(?P<outlet>[A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*){0,3})\s+"
    r"(?:reports|reported|writes|wrote|says|said|notes|noted|explains|explained)\b"
)


def reporter_of(index: SourceIndex, text: str) -> list[str]:
    """The story of the outlet whose reporter opens the sentence as its teller (one at most)."""
    m = _REPORTER_TELLS.match(text)
    if m is None:
        return []
    found = index.match(m.group("outlet"))  # "the Times" alone may fit several outlets…
    if len(found) != 1:  # …"Wee", whose story the article linked, fits one
        found = [u for u in index.match(m.group("person").strip()) if u in found or not found]
    return found if len(found) == 1 else []


# "Batchelder told the Post", "ridiculed this idea to the Washington Post": words given to
# another outlet, whose story the article links
_TOLD_OUTLET = re.compile(
    r"\b(?:told|(?:said|says|explained|confirmed|admitted|denied|complained|ridiculed|described)"
    r"\b[^.;:“”\"]{0,60}?\bto)\s+the\s+(?P<outlet>[A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*){0,3})"
)


def told_outlet(index: SourceIndex, text: str, history: list[str]) -> list[str]:
    """The linked story of the outlet the sentence's speaker told something: its one story, or
    the one the article cited last."""
    m = _TOLD_OUTLET.search(text)
    if m is None:
        return []
    found = index.match_outlet(m.group("outlet")) or index.match_short(m.group("outlet"))
    if len(found) > 1:
        found = [u for u in reversed(history) if u in found][:1]
    return found if len(found) == 1 else []


# "the TechCrunch filing", "the Reddit editorial board’s post": the source's own document
_ITS_DOCUMENT = re.compile(rf"^(?:[’']s)?(?:\s+[\w’'-]+){{0,3}}?\s+(?:{REPORT_NOUNS}|filings?)\b")


def _name_parts(span: NameSpan) -> list[tuple[int, int]]:
    """The span, and each part of "The Verge and Ars Technica" (markers stood between them)."""
    parts = [(span.start, span.end)]
    offset = span.start
    for part in span.text.split(" and ") if " and " in span.text else []:
        parts.append((offset, offset + len(part)))
        offset += len(part) + len(" and ")
    return parts


def cited_by_name(
    text: str, start: int, cites: list[Citation], index: SourceIndex, markers: set[int]
) -> list[str]:
    """Sources the sentence cites and names as the teller: "TechCrunch [4] covers", "the
    TechCrunch filing suggests", "on Reddit’s forum" (not "Alpha Energy bought the plant [1]").
    """
    if not any(c.url for c in cites):
        return []
    found = []
    for span in find_names(text):
        for a, b in _name_parts(span):
            told = (
                start + b in markers
                or start + b + 1 in markers
                or (span.possessive and b == span.end)
                or _ITS_DOCUMENT.match(text[b:])
            )
            name = with_article(text, NameSpan(a, b, text[a:b], False))
            cite = next((c for c in cites if c.url and index.goes_by(c.url, name)), None)
            if told and cite is not None:
                cite.attributed_to = cite.attributed_to or name
                found.append(name)
    return found


def attributed_names(cites: list[Citation], named: list[Named], index: SourceIndex) -> list[str]:
    """Narrative authors ("Ruiz (2023) found") and the shown names of the sentence."""
    authors = [c.attributed_to for c in cites if c.via == "author-year" and c.attributed_to]
    names = [n.name for n in named if n.shown and (not n.needs_source or match_name(index, n.name))]
    return list(dict.fromkeys(authors + names))

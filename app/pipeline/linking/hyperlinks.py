"""Hyperlink citations of a sentence, and the links that only point to further reading."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.pipeline.advice import gives_advice
from app.pipeline.attribution.speakers import Named
from app.pipeline.citations.sources import normalize_url
from app.pipeline.types import Citation, Link

__all__ = ["cite_links", "link_span", "overlaps"]


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Whether two half-open spans share a character."""
    return a_start < b_end and b_start < a_end


def _credited(named: list[Named], start: int, end: int) -> str | None:
    """The shown name whose phrase overlaps the span."""
    return next((n.name for n in named if n.shown and overlaps(n.start, n.end, start, end)), None)


# the reader addressed: "you should aim to…", "what you need to do", "would you go back…?"
_TO_READER = re.compile(
    r"\byou(?:[’']ll|[’']re)?\s+(?:\w+\s+)?(?:should|need|must|can|may|might|will|want|"
    r"have to)\b(?!\s+(?:recall|remember|know|have (?:heard|seen|read)))"  # "as you may recall"
    r"|\b(?:would|could|should|can|will|do)\s+you\b(?!\s+(?:recall|remember))",
    re.IGNORECASE,
)
_YOUR = re.compile(r"\byou(?:rs?)?\b", re.IGNORECASE)
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def _further_reading(text: str, link: Link, named: list[Named]) -> bool:
    """The site's own page on a sentence of advice to the reader ("you should max out <a>your
    retirement accounts</a>", "would you go back to work?"): where to read more, not what the
    sentence rests on (unless the sentence credits a speaker, or the link is a newsletter
    item's headline: "<a>Amazon now lets you listen free</a>" reports the story it links)."""
    if not link.own or link.headline or any(n.shown for n in named):
        return False
    own_words = _QUOTED.sub(" ", text)  # a title or a quotation speaks to its own readers
    to_reader = _TO_READER.search(own_words) or gives_advice(own_words.lstrip())
    return bool(to_reader or _YOUR.search(_QUOTED.sub(" ", link.text)))


def cite_links(
    links: Sequence[Link], start: int, end: int, named: list[Named], text: str
) -> list[Citation]:
    """Hyperlink citations of the sentence, credited to the attribution phrase they carry."""
    if _SHOPPING_LINE.match(text):
        return []
    cites = []
    for link in links:
        if not (link.citation or (link.shop and _PRICED.search(text))) or link.note:
            continue
        if not overlaps(link.start, max(link.end, link.start + 1), start, end):
            continue  # the span first: every sentence sees every link of the page
        if _listing(link, start, end):
            continue  # "<a>Fire Tablet, 7" Display … for $39.99 (list price $49.99)</a>"
        url = normalize_url(link.href)
        if url and not _further_reading(text, link, named):
            cites.append(
                Citation(url, "hyperlink", attributed_to=_credited(named, *link_span(link)))
            )
    return cites


# "… dropped to an all-time low on <a>Amazon</a> at just $139", "… are discounted right now"
_PRICED = re.compile(
    r"[$£€]\s?\d|\b(?:discount(?:ed)?|on sale|price[sd]?|costs?|down to|\d+% off|"
    r"all-time low)\b",
    re.IGNORECASE,
)


_PRICE = re.compile(r"[$£€]\s?\d")


def _listing(link: Link, start: int, end: int) -> bool:
    """A shop's listing: the link's anchor is a product and its price, and the sentence (a
    piece of it, where the product's name has full stops) is mostly that anchor."""
    shared = min(link.end, end) - max(link.start, start)
    return bool(_PRICE.search(link.text)) and shared * 2 >= end - start


# "3. Wedgie fit jeans, <a>Levi's</a>, $89.50": a shopping list's line names where to buy the
# item; it states nothing a link could support
_SHOPPING_LINE = re.compile(
    r"^\s*(?:\d{1,2}[.)]\s+)?[^.!?,]{2,80},\s+[^.!?,]{2,40},\s+[$£€]\s?\d[\d.,]*\s*\.?\s*$"
)


def link_span(link: Link) -> tuple[int, int]:
    """A link's span in the text."""
    return link.start, link.end

"""Sources a sentence's attributions name ("according to Reuters") or point back to ("it")."""

from __future__ import annotations

import re

from app.pipeline.attribution.document_refs import mentions
from app.pipeline.attribution.speakers import Named
from app.pipeline.citations.link_filter import is_document_url
from app.pipeline.citations.sources import SourceIndex
from app.pipeline.linking.studies import STUDY_NOUNS
from app.pipeline.types import Citation

__all__ = ["attribute", "match_name"]


def _attach(
    cites: list[Citation], named: Named, urls: list[str], *, joint: bool, text: str = ""
) -> None:  # fmt: skip
    """Add an attribution: onto an existing citation of the same URL, else a new one.

    Several matching sources are kept only for a joint name ("The Verge and Ars Technica") or
    when the sentence already cites them or names the month of one ("Hackaday's March story");
    otherwise the name is too ambiguous to link.
    """
    cited = {c.url for c in cites}
    if len(urls) > 1 and not joint:
        urls = [u for u in urls if u in cited] or _of_the_month(urls, text)
        urls = urls if len(urls) == 1 else []
    if not urls:
        if not named.needs_source:
            cites.append(Citation(None, "attribution", attributed_to=named.name))
        return
    for url in urls:
        existing = next((c for c in cites if c.url == url), None)
        if existing is not None:
            existing.attributed_to = existing.attributed_to or named.name
        else:
            cites.append(Citation(url, "attribution", attributed_to=named.name))


_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_MONTH_STORY = re.compile(
    r"\b(January|February|March|April|June|July|August|September|October|November|December)"
    r"\s+(?:story|post|piece|article|report|column|review|interview)\b"
)


def _of_the_month(urls: list[str], text: str) -> list[str]:
    """Of one outlet's stories, those the sentence names by month ("its March story"), read off
    the dated paths ("/2015/03/12/…")."""
    named = _MONTH_STORY.search(text)
    if not named:
        return []
    month = _MONTHS.index(named.group(1).lower()) + 1
    dated = re.compile(rf"/(?:19|20)\d\d/0?{month}/")
    return [u for u in urls if dated.search(u)]


def match_name(index: SourceIndex, name: str) -> list[str]:
    """Sources named by `name`; "The Verge and Ars Technica" matches each part."""
    if " and " in name:
        parts = [index.match(p.strip()) for p in name.split(" and ")]
        if all(len(p) == 1 for p in parts):
            return [p[0] for p in parts]
    return index.match(name)


def _fits(
    index: SourceIndex, urls: list[str], said_in: tuple[str, ...] | None, cited: set[str]
) -> list[str]:
    """Sources a speaker's words can come from: when the sentence names the medium ("in a
    statement", "told NWN News", "tweeted"), only those of that kind, or those it already
    cites; when it does not, anything but a social post.
    """
    if said_in is None:  # "Apte said": words to the reporter, not his embedded post
        return [u for u in urls if u in cited or not mentions(index.describe(u), ("post",))]
    return [u for u in urls if u in cited or mentions(index.describe(u), said_in)]


def _back_reference(index: SourceIndex, noun: str, history: list[str]) -> str | None:
    """The latest source cited so far that the document noun describes ("the same review")."""
    for url in reversed(history):
        if mentions(index.describe(url), (noun,)):
            return url
    return None


def _pointed_at(
    noun: str, index: SourceIndex, history: list[str], previous: set[str], papers: list[str]
) -> str | None:
    """The source a document phrase points back to: "it" is the one source the sentence
    before cited (if it cited exactly one), "the same review" the latest of that kind."""
    if noun == "it":
        return next(iter(previous)) if len(previous) == 1 else None
    found = _back_reference(index, noun, history)
    if found is None and noun in STUDY_NOUNS and len(papers) == 1:
        return papers[0]  # "the study found": the one paper linked
    just_cited = next(iter(previous)) if len(previous) == 1 else None
    if found is None and noun == "report" and just_cited and is_document_url(just_cited):
        return just_cited  # "That report found…": the document just cited, of whatever kind
    return found


def _spoken_in(item: Named) -> tuple[str, ...] | None:
    """A spokesperson speaks in statements and releases, never in the body's reports."""
    return ("statement", "release", "interview", "briefing") if item.spoken else None


def attribute(
    cites: list[Citation], named: list[Named], index: SourceIndex, said_in: tuple[str, ...] | None,
    history: list[str], previous: set[str], papers: list[str], the_medium: bool = False,
    text: str = "",
) -> None:  # fmt: skip
    """Add the sources the sentence's attributions name or point back to."""
    cited = {c.url for c in cites if c.url}
    for item in named:
        if item.document:
            url = None if cited else _pointed_at(item.name, index, history, previous, papers)
            if url:
                cites.append(Citation(url, "attribution"))
            continue
        if any(c.via == "hyperlink" and c.attributed_to == item.name for c in cites):
            continue  # "according to <a>Reuters</a>": the link on the name is the source
        medium_of = None if item.reported else said_in  # "according to NPR, Li wrote in a post"
        urls = _fits(index, match_name(index, item.name), medium_of or _spoken_in(item), cited)
        if not urls and said_in and the_medium:  # "…, Zurbuchen said in the statement"
            urls = [u for u in [_back_reference(index, said_in[0], history)] if u]
        if item.needs_source and not urls:
            continue
        _attach(cites, item, urls, joint=" and " in item.name and len(urls) > 1, text=text)

"""Page metadata: title, byline, publication date, site name, language, canonical URL."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urljoin

import trafilatura
from lxml.html import HtmlElement
from trafilatura.settings import Document as TrafilaturaDocument

__all__ = ["PageMetadata", "extract_metadata"]


_PERSON_TYPES = frozenset({"Person"})
_WS = re.compile(r"\s+")
# "This page was last edited on 14 May 2024": when the only date is the revision, it is no
# publication date.
_REVISED = re.compile(
    r"last (?:edited|modified|updated)(?: on)?:?\s+"
    r"(\d{1,2} [A-Z][a-z]+ \d{4}|[A-Z][a-z]+ \d{1,2}, \d{4})"
)


@dataclass(slots=True)
class PageMetadata:
    """What the page says about itself."""

    title: str | None = None
    byline: str | None = None
    published: str | None = None
    site_name: str | None = None
    language: str | None = None
    canonical_url: str | None = None


def _clean(text: str | None) -> str | None:
    """Collapse white space; None for empty strings."""
    if not text:
        return None
    return _WS.sub(" ", text).strip() or None


def _json_ld_objects(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    """Every JSON object in the page's JSON-LD blocks, including @graph members."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                stack.extend(v for k, v in item.items() if k == "@graph")


def _json_ld_people(tree: HtmlElement) -> str | None:
    """Person authors of the JSON-LD article, joined; organisations are not bylines."""
    for obj in _json_ld_objects(tree):
        authors = obj.get("author")
        if authors is None:
            continue
        people = [
            a["name"]
            for a in (authors if isinstance(authors, list) else [authors])
            if isinstance(a, dict) and a.get("@type") in _PERSON_TYPES and a.get("name")
        ]
        if people:
            return ", ".join(str(p) for p in people)
    return None


def _meta(tree: HtmlElement, *names: str) -> str | None:
    """Content of the first <meta name|property=...> present."""
    for name in names:
        for el in tree.xpath(f'//meta[@name="{name}" or @property="{name}"]'):
            value = _clean(el.get("content"))
            if value:
                return value
    return None


def _title(tree: HtmlElement, candidate: str | None) -> str | None:
    """The metadata title, or the page's <h1> when the title only adds a site suffix."""
    for h1 in tree.iter("h1"):
        heading = _clean(h1.text_content())
        if heading and (candidate is None or (heading != candidate and heading in candidate)):
            return heading
        if heading:
            break
    return candidate


def _language(tree: HtmlElement) -> str | None:
    """Primary language subtag from <html lang> or og:locale."""
    raw = tree.get("lang") or _meta(tree, "og:locale", "content-language") or ""
    primary = re.split(r"[-_]", raw.strip())[0].lower()
    return primary or None


def _canonical(tree: HtmlElement, url: str) -> str | None:
    """rel=canonical, else og:url, resolved against the page URL."""
    for link in tree.xpath('//link[@rel="canonical"][@href]'):
        return urljoin(url, link.get("href").strip())
    og = _meta(tree, "og:url")
    return urljoin(url, og) if og else None


def _byline(tree: HtmlElement, fallback: str | None, site: str | None) -> str | None:
    """Person authors from JSON-LD, else <meta name=author>, else trafilatura's guess."""
    people = _json_ld_people(tree) or _meta(tree, "author", "article:author")
    if people and not people.startswith("http"):
        return people
    if fallback and fallback != site:
        return fallback.replace("; ", ", ")
    return None


def extract_metadata(
    html: str, tree: HtmlElement, url: str, *, found: TrafilaturaDocument | None = None
) -> PageMetadata:
    """Metadata of one page, from trafilatura (dates via htmldate) plus the page's own markup.

    `found` is what trafilatura already read when it extracted the article (the same call).
    """
    meta = None
    if _has_head(tree):
        # no extensive date search: see `article_text.find_article_text`
        meta = found
        if meta is None:
            meta = trafilatura.extract_metadata(html, default_url=url, extensive=False)
    site = _clean(meta.sitename) if meta else None
    return PageMetadata(
        title=_title(tree, _clean(meta.title) if meta else None),
        byline=_byline(tree, _clean(meta.author) if meta else None, site),
        published=_published(tree, meta.date if meta else None),
        site_name=site,
        language=_language(tree),
        canonical_url=_canonical(tree, url),
    )


def _has_head(tree: HtmlElement) -> bool:
    """Fragments without a <head> carry no metadata worth a second parse."""
    head = tree.find("head")
    return head is not None and len(head) > 0


# Scholarly (Highwire / Dublin Core) dates name the publication outright: "2026/03/15".
_SCHOLARLY_DATES = (
    "citation_publication_date", "citation_online_date", "citation_date", "dc.date.issued",
    "DC.date.issued", "dc.date", "DC.date", "prism.publicationDate",
)  # fmt: skip
_FULL_DATE = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?!\d)")


def _scholarly_date(tree: HtmlElement) -> str | None:
    """The first full date among the scholarly meta tags ("2021" alone is not a day)."""
    return next((d for name in _SCHOLARLY_DATES if (d := _day(_meta(tree, name) or ""))), None)


_ARTICLE_TYPES = frozenset(
    {"Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
     "OpinionNewsArticle", "ScholarlyArticle", "LiveBlogPosting", "TechArticle", "Report"}
)  # fmt: skip


def _stated_date(tree: HtmlElement) -> str | None:
    """The day the page's own markup says it was published (article JSON-LD, then meta tags),
    as written: "2026-04-27T06:00:00-04:00" is the 27th. Dates in the text come second."""
    for obj in _json_ld_objects(tree):
        kinds = obj.get("@type")
        kinds = set(kinds) if isinstance(kinds, list) else {kinds}
        published = obj.get("datePublished")
        if kinds & _ARTICLE_TYPES and isinstance(published, str) and (day := _day(published)):
            return day
    return _day(_meta(tree, "article:published_time", "og:published_time") or "")


def _day(value: str) -> str | None:
    """ "2026/03/15" or "2026-04-27T06:00:00-04:00" -> the day as written; None if no day."""
    m = _FULL_DATE.match(value.strip())
    if m is None:
        return None
    year, month, day = map(int, m.groups())
    try:
        return datetime(year, month, day).date().isoformat()
    except ValueError:
        return None


def _published(tree: HtmlElement, date: str | None) -> str | None:
    """The scholarly date, else the date found unless the page shows it only as a revision."""
    stated = _scholarly_date(tree) or _stated_date(tree)
    if stated is not None:
        return stated
    if date is None or tree.xpath("//time") or tree.xpath('//meta[contains(@property, "time")]'):
        return date
    for m in _REVISED.finditer(tree.text_content()):
        for fmt in ("%d %B %Y", "%B %d, %Y"):
            try:
                if datetime.strptime(m.group(1), fmt).date().isoformat() == date:
                    return None
            except ValueError:
                continue
    return date

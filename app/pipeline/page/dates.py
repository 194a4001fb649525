"""The day a page was published, from what the page itself states."""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import suppress
from datetime import UTC, datetime

from lxml.html import HtmlElement

from app.pipeline.page.markup import json_ld_objects, meta_content

__all__ = ["published_date"]

_MONTHS = {
    m: i
    for i, names in enumerate(
        ("jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
         "aug august", "sep sept september", "oct october", "nov november", "dec december"),
        start=1,
    )
    for m in names.split()
}  # fmt: skip
# "Published: Monday, November 18th, 2019 at 11:08 a.m.", "Posted on 3 May 2026", in any
# case. The label's first letter is matched case-sensitively as [pPfF] (no other character
# folds to p or f) and the word boundary before it as "no word character before it": a
# pattern opening with a set of characters is scanned for in C, which matters on the whole
# page's text (a third of a millisecond per page).
_LABELLED = re.compile(
    r"[pPfF](?<!\w.)(?i:(?<=p)(?:ublished|osted)|(?<=f)irst published)"
    r"(?i:(?: on)?\s*:?\s*(?:[A-Z][a-z]+day,?\s+)?"
    r"(?:([A-Z][a-z]{2,8})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})"
    r"|(\d{1,2}) ([A-Z][a-z]{2,8})\.? (\d{4})))",
)


# European numeric dates, day first: "10.06.2013", "02.12.19"
_DOTTED = r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})"
# "Uncork the mystery … | DW | 10.06.2013": a title whose last part is its date
_DOTTED_FULL = r"(\d{1,2})\.(\d{1,2})\.(\d{4})"  # a version ("| 4.2.11") is no date
_TITLE_DATE = re.compile(rf"[|–—-]\s*{_DOTTED_FULL}\s*$")
# "Date 10.06.2013", "Datum: 10.06.2013" in the page's text
# "Veröffentlicht am 07.06.2019", "Publié le 3.5.2019", "Publicado el 3.5.2019"
_LABELLED_DOTTED = re.compile(
    rf"\b(?:Date|Datum|Published|Posted|(?i:veröffentlicht am|publié le|publicado el))\s*:?\s*"
    rf"{_DOTTED_FULL}(?![\d.])"
)
_ONLY_DOTTED = re.compile(rf"^\s*{_DOTTED}\s*$")
# a line that is only the post's date, maybe with its time, the writer's initials or its
# byline: "23.01.2019", "14.06.2019 (ch)", "12.10.2015, 19:16 Uhr", "von Jo Lee, 8.5.12"
_DATE_LINE = re.compile(
    rf"^(?:(?:von|by)\s+[^,\d]{{2,60}},\s*)?{_DOTTED}(?:,?\s*\d{{1,2}}:\d{{2}}(?:\s*Uhr)?)?"
    r"(?:\s*\([^()\d]{1,20}\))?$"
)


def _dotted(day: str, month: str, year: str, *, month_first: bool = False) -> str | None:
    """The day of a day-first dotted date (month first on a US page: "12.09.16" on an en_US
    page is 9 December); a two-digit year is this century's."""
    if month_first:
        day, month = month, day
    try:
        full = int(year) + (2000 if len(year) == 2 else 0)
        return datetime(full, int(month), int(day)).date().isoformat()
    except ValueError:
        return None


def _locale(tree: HtmlElement) -> str:
    return (meta_content(tree, "og:locale") or tree.get("lang") or "").replace("_", "-")


def _date_line(tree: HtmlElement, *, month_first: bool) -> str | None:
    """The first line of the page's text that is only a dotted date (with its time, initials
    or byline at most): a post's date where no markup gives one; else a slashed date alone in
    an element named for the date or time."""
    body = tree.find("body")
    root = body if body is not None else tree
    # the short pieces of text with a digit and a dot, found in C rather than by a walk
    for piece in root.xpath(_SHORT_DOTTED_TEXT):
        holder = piece.getparent()
        if piece.is_tail and holder is not None:
            holder = holder.getparent()
        if holder is None or holder.tag in ("script", "style"):
            continue
        lines = [str(piece)]
        if holder.tag in _LINE_TAGS and len(holder) <= _LINE_CHILDREN:
            lines.append(holder.text_content())  # "von <a>Jo Lee</a>, 8.5.12"
        for line in lines:
            if m := _DATE_LINE.match(" ".join(line.split())):
                return _dotted(*m.groups(), month_first=month_first)
    # "<span class='time'>9/21/2016</span>": slashes, in an element named for the date
    for el in root.xpath(_NAMED_FOR_TIME):
        if _DATE_CLASS.search(el.get("class") or "") and (
            m := _SLASHED_LINE.match(el.text_content())
        ):
            us = bool(_US_ORDER.match(_locale(tree)))  # as "Published 12/10/16" is read
            return _dotted(*m.groups(), month_first=us and int(m.group(1)) <= 12)  # noqa: PLR2004
    return None


_SHORT_DOTTED_TEXT = (
    './/text()[contains(., ".") and string-length(.) <= 300'
    ' and translate(., "0123456789", "") != .]'
)
_NAMED_FOR_TIME = './/*[contains(@class, "date") or contains(@class, "time")]'
_DATE_CLASS = re.compile(r"(?:^|[\s_-])(?:date|time|timestamp|pubdate)(?:$|[\s_-])", re.I)
_SLASHED_LINE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")


_LINE_TAGS = ("p", "div", "span", "h2", "h3", "h4", "h5", "h6", "small", "li", "td", "time")
_LINE_CHILDREN = 3  # a line's markup (the byline's link), not a container of the page


def _dotted_date(tree: HtmlElement) -> str | None:
    """A day-first dotted date the page gives as its own: ending its title, labelled as the
    date in its text, or standing alone just before its headline."""
    us = _locale(tree).lower() == "en-us"
    for title in (meta_content(tree, "og:title"), tree.findtext(".//title")):
        if title and (m := _TITLE_DATE.search(title)):
            return _dotted(*m.groups(), month_first=us)
    body = tree.find("body")
    if m := _LABELLED_DOTTED.search((body if body is not None else tree).text_content()):
        return _dotted(*m.groups(), month_first=us)
    h1 = next(tree.iter("h1"), None)
    before = h1.getprevious() if h1 is not None else None
    if before is not None and (m := _ONLY_DOTTED.match(before.text_content())):
        return _dotted(*m.groups(), month_first=us)
    return None


# "Published 12/10/16", "Posted: 3/7/2019": month first on an English page that is not marked
# as another country's, day first elsewhere or where the first number cannot be a month
_LABELLED_SLASHED = re.compile(
    r"\b(?:Published|Posted)\s*(?:on\s*)?:?\s*(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\d/])"
)
_US_ORDER = re.compile(r"^(?:en(?:[-_]us)?)?$", re.IGNORECASE)


def _slashed_date(tree: HtmlElement) -> str | None:
    """A date the page's text labels as its publication, written with slashes."""
    body = tree.find("body")
    m = _LABELLED_SLASHED.search((body if body is not None else tree).text_content())
    if m is None:
        return None
    locale = (meta_content(tree, "og:locale") or tree.get("lang") or "").strip()
    month_first = bool(_US_ORDER.match(locale)) and int(m.group(1)) <= 12
    return _dotted(*m.groups(), month_first=month_first)


_WORDED = re.compile(r"([A-Z][a-z]{2,8})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})")
_NUMERIC = re.compile(r"(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})(?![\d./])")


# "publish-time", "published", "publish_date" in a class: the element shows when the page
# came out ("publisher" names who)
_PUBLISH_MARK = re.compile(r"publish(?:ed\b|[-_]?(?:time|date|on)\b)")


def _publish_time(tree: HtmlElement) -> str | None:
    """The day in a <time>, or another element, the page marks as its publication
    ("content-header__publish-date", "<span class='publish-time'>"): its datetime or epoch
    stamp, else its text ("December 7, 2016 @ 3:53 PM", "09.30.2016 07:00 AM", "3/09/15")."""
    for el in tree.xpath('//time|//*[contains(@class, "publish")]'):
        if el.tag == "time":
            marks = " ".join(el.get(a, "") for a in ("class", "itemprop", "data-testid"))
            if "publish" not in marks.lower():
                continue
        elif not _PUBLISH_MARK.search(el.get("class", "").lower()):
            continue
        stamped = el if el.tag == "time" else el.find(".//time[@datetime]")
        if stamped is not None and (day := _day(stamped.get("datetime", ""))):
            return day
        if (epoch := el.get("data-publishtime")) and (day := _epoch_day(epoch)):
            return day
        text = " ".join(el.text_content().split())
        if (m := _WORDED.search(text)) and (month := _MONTHS.get(m.group(1).lower())):
            try:
                return datetime(int(m.group(3)), month, int(m.group(2))).date().isoformat()
            except ValueError:
                return None
        if m := _NUMERIC.search(text):
            first, second = int(m.group(1)), int(m.group(2))
            us = bool(_US_ORDER.match(meta_content(tree, "og:locale") or tree.get("lang") or ""))
            month_first = second > 12 or (first <= 12 and us)
            return _dotted(*m.groups(), month_first=month_first)
        if el.tag == "time":
            return None
    return None


# "April 17, 2015 -- Imagine being sick…", "WASHINGTON, April 17, 2015 — The": the story's
# dateline opening its first paragraph
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Za-z.' ]{1,40},\s+)?([A-Z][a-z]{2,8})\.? (\d{1,2}),? (\d{4})\s*(?:--|—|–)\s*\S"
)
_LEAD_WORDS = 8  # the first paragraph of prose, not a label or an empty line
_LEAD_LOOK = 60  # paragraphs of the page looked at for it


def _dateline(tree: HtmlElement) -> str | None:
    """The day the first paragraph of prose that opens with a dateline gives."""
    for n, p in enumerate(tree.iter("p")):
        if n >= _LEAD_LOOK:
            return None
        text = " ".join(p.text_content().split())
        m = _DATELINE.match(text)
        if m is None or len(text.split()) < _LEAD_WORDS:
            continue
        if (month := _MONTHS.get(m.group(1).lower())) is None:
            continue
        try:
            return datetime(int(m.group(3)), month, int(m.group(2))).date().isoformat()
        except ValueError:
            return None
    return None


# "14 May 2020", "Thu, 14 May 2020 17:55 UTC"
_DAY_FIRST = re.compile(r"\b(\d{1,2}) ([A-Z][a-z]{2,8})\.? (\d{4})\b")
_REVISION_LABEL = re.compile(r"\b(?:updated|modified|edited|revised)\b", re.IGNORECASE)
_DATELINE_TEXTS = 6  # the byline and date lines right under a headline, not the story
_DATELINE_CHARS = 120


def _headline_date(tree: HtmlElement) -> str | None:
    """A date the page's first headline names ("Weekly Edition for March 26, 2015") or shows
    on a line right under it ("<h1>…</h1><p>January 22, 2014</p>", "Max Blumenthal / The
    Grayzone / Thu, 14 May 2020 17:55 UTC"): the day the page is for, unless labelled as a
    revision."""
    heading = next((h for h in tree.iter("h1") if len(h.text_content().split()) >= 2), None)
    if heading is None:
        return None
    texts = [heading.text_content()] + heading.xpath(
        "following::text()[normalize-space()][not(ancestor::script or ancestor::style)]"
        f"[position() <= {_DATELINE_TEXTS}]"
    )
    for text in texts:
        line = " ".join(str(text).split())
        if len(line) > _DATELINE_CHARS or _REVISION_LABEL.search(line):
            continue
        if m := _WORDED.search(line):
            month, day, year = m.group(1), m.group(2), m.group(3)
        elif m := _DAY_FIRST.search(line):
            day, month, year = m.group(1), m.group(2), m.group(3)
        else:
            continue
        if (number := _MONTHS.get(month.lower())) is None:
            continue
        try:
            return datetime(int(year), number, int(day)).date().isoformat()
        except ValueError:
            continue
    return None


def _is_wiki(tree: HtmlElement) -> bool:
    """A MediaWiki page: an encyclopedia article is revised, never published on a day."""
    generator = meta_content(tree, "generator") or ""
    return generator.startswith("MediaWiki")


_GERMAN_MONTHS = {
    name: i
    for i, name in enumerate(
        ("januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
         "oktober", "november", "dezember"),
        start=1,
    )
}  # fmt: skip
# "Veröffentlicht am 3. Dezember 2011", WordPress's "Dieser Beitrag wurde am Samstag,
# 3. Dezember 2011 um 10:00 Uhr veröffentlicht"
_GERMAN_LABELLED = re.compile(
    r"(?i:veröffentlicht am|publiziert am)\s+(?:[A-Z][a-z]+tag,?\s+)?(\d{1,2})\.\s*"
    r"([A-ZÄÖÜ][a-zäöü]+)\s+(\d{4})"
    r"|\bam\s+(?:[A-Z][a-z]+tag,?\s+)?(\d{1,2})\.\s*([A-ZÄÖÜ][a-zäöü]+)\s+(\d{4})[^.]{0,40}?"
    r"(?i:veröffentlicht)"
)


def _german_labelled(text: str) -> str | None:
    """The day a German label gives: "Veröffentlicht am 3. Dezember 2011"."""
    m = _GERMAN_LABELLED.search(text)
    if m is None:
        return None
    day, month, year = m.group(1, 2, 3) if m.group(1) else m.group(4, 5, 6)
    number = _GERMAN_MONTHS.get(month.lower())
    with suppress(ValueError):
        return datetime(int(year), number, int(day)).date().isoformat() if number else None
    return None


def _labelled_date(tree: HtmlElement) -> str | None:
    """The first date the page's text labels as its publication ("Published: …")."""
    body = tree.find("body")
    # the text pieces apart: "…Twist</h1><div>Published: …" is no word "TwistPublished"
    text = " ".join((body if body is not None else tree).itertext())
    m = _LABELLED.search(text)
    if m is None:
        return _german_labelled(text) if "ffentlicht" in text or "publiziert" in text else None
    month, day, year = (m.group(1), m.group(2), m.group(3)) if m.group(1) else m.group(5, 4, 6)
    number = _MONTHS.get(month.lower())
    if number is None:
        return None
    try:
        return datetime(int(year), number, int(day)).date().isoformat()
    except ValueError:
        return None


# "This page was last edited on 14 May 2024": when the only date is the revision, it is no
# publication date.
_REVISED = re.compile(
    r"last (?:edited|modified|updated)(?: on)?:?\s+"
    r"(\d{1,2} [A-Z][a-z]+ \d{4}|[A-Z][a-z]+ \d{1,2}, \d{4})"
)


# Scholarly (Highwire / Dublin Core) dates name the publication outright: "2026/03/15".
_SCHOLARLY_DATES = (
    "citation_publication_date", "citation_online_date", "citation_date", "dc.date.issued",
    "DC.date.issued", "dc.date", "DC.date", "prism.publicationDate",
)  # fmt: skip
# "2026-04-27…", "2026/03/15", and ISO 8601's basic form "20180619T055000+0900"
_FULL_DATE = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?!\d)|^(\d{4})(\d\d)(\d\d)T\d{4}")


def _scholarly_date(tree: HtmlElement) -> str | None:
    """The first full date among the scholarly meta tags ("2021" alone is not a day)."""
    return next(
        (d for name in _SCHOLARLY_DATES if (d := _day(meta_content(tree, name) or ""))), None
    )


_ARTICLE_TYPES = frozenset(
    {"Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
     "OpinionNewsArticle", "ScholarlyArticle", "LiveBlogPosting", "TechArticle", "Report"}
)  # fmt: skip


def _stated_date(tree: HtmlElement) -> str | None:
    """The day the page's own markup says it was published (article JSON-LD, then meta tags),
    as written: "2026-04-27T06:00:00-04:00" is the 27th. Dates in the text come second."""
    for obj in json_ld_objects(tree):
        kinds = obj.get("@type")
        kinds = set(kinds) if isinstance(kinds, list) else {kinds}
        published = obj.get("datePublished")
        if kinds & _ARTICLE_TYPES and isinstance(published, str) and (day := _day(published)):
            return day
    stated = meta_content(tree, "article:published_time", "og:published_time") or ""
    return (
        _day(stated)
        or _stamp_day(stated)
        or _compact_day(meta_content(tree, *_PUBLISHED_NAMES) or "")
        or _microdata_day(tree)
        or _original_date_meta(tree)
    )


def _original_date_meta(tree: HtmlElement) -> str | None:
    """Advance Local's sites (NJ.com, al.com, cleveland.com…) put the day in a `value`:
    `<meta name="article_date_original" value="Tuesday, December 13, 2016,  4:51 PM">`."""
    for value in tree.xpath('//meta[@name="article_date_original"]/@value'):
        if (m := _WORDED.search(str(value))) and (month := _MONTHS.get(m.group(1).lower())):
            with suppress(ValueError):
                return datetime(int(m.group(3)), month, int(m.group(2))).date().isoformat()
    return None


def _microdata_day(tree: HtmlElement) -> str | None:
    """schema.org microdata: `<meta itemprop="datePublished" content="2014-10-02T14:52:39">`
    (or a <time> so marked), beside the `dateModified` of a later update."""
    for el in tree.xpath('//*[@itemprop="datePublished"]'):
        value = el.get("content") or el.get("datetime") or ""
        if day := _day(value):
            return day
    return None


# "/2010/POLITICS/08/13/democrats.social.security/": the day in the page's address, a section
# allowed between year and month
_URL_DAY = re.compile(r"/((?:19|20)\d\d)/(?:[A-Za-z][\w-]{0,30}/)?(\d\d)/(\d\d)/")


def _url_day(url: str) -> str | None:
    """The day a page's address names, if any."""
    return _iso_day(_URL_DAY.search(url))


# "Mon Aug 03 12:45:00 EDT 2015": a date as Java prints it, which some templates put in meta
_STAMP = re.compile(r"^[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{1,2}) [\d:]+ (?:[A-Z]{2,5} )?(\d{4})$")


def _stamp_day(value: str) -> str | None:
    """The day of a Java-printed date stamp, as written."""
    m = _STAMP.match(value)
    month = _MONTHS.get(m.group(1).lower()) if m else None
    if m is None or month is None:
        return None
    try:
        return datetime(int(m.group(3)), month, int(m.group(2))).date().isoformat()
    except ValueError:
        return None


# "<meta name="pdate" content="20160729">" beside "utime" (its update): publication meta
# names that newspapers' templates use, the day written compactly or in full
_PUBLISHED_NAMES = ("pdate", "ptime", "publish-date", "publish_date", "publication_date")
_COMPACT = re.compile(r"^((?:19|20)\d\d)(\d\d)(\d\d)(?:\d{6})?$")


def _epoch_day(value: str) -> str | None:
    """ "1425913200851" (milliseconds) or "1425913200" (seconds) -> its day in UTC."""
    if not value.strip().isdigit():
        return None
    seconds = int(value) / (1000 if len(value.strip()) > 11 else 1)
    try:
        return datetime.fromtimestamp(seconds, tz=UTC).date().isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def _compact_day(value: str) -> str | None:
    """ "20160729" or "20160729164234" -> "2016-07-29"; a full date as `_day` reads it."""
    m = _COMPACT.match(value.strip())
    if m is None:
        return _day(value)
    try:
        year, month, day = map(int, m.groups())
        return datetime(year, month, day).date().isoformat()
    except ValueError:
        return None


def _day(value: str) -> str | None:
    """ "2026/03/15" or "2026-04-27T06:00:00-04:00" -> the day as written; None if no day."""
    return _iso_day(_FULL_DATE.match(value.strip()))


def _iso_day(m: re.Match[str] | None) -> str | None:
    """The ISO day of a match whose groups are year, month and day; None if it is no day."""
    if m is None:
        return None
    year, month, day = (int(g) for g in m.groups() if g is not None)
    try:
        return datetime(year, month, day).date().isoformat()
    except ValueError:
        return None


def _unswapped(date: str | None, tree: HtmlElement) -> str | None:
    """The guess with day and month put back where it read a US "10/04/16" day first: the
    page's <time datetime> values name the swapped day and never the guess."""
    if date is None or date[8:] > "12":
        return date
    swapped = f"{date[:4]}-{date[8:]}-{date[5:7]}"
    days = {_day(t.get("datetime") or "") for t in tree.iter("time")}
    return swapped if swapped in days and date not in days else date


def published_date(tree: HtmlElement, guess: Callable[[], str | None], url: str = "") -> str | None:
    """The day the page says it was published: its scholarly or article markup, a
    "Published:" label, a dotted date it gives as its own; else `guess()` (htmldate's, asked
    for only then) where date markup backs it, its one <time>, or a date line under its
    headline; else the guess, unless the page is a wiki article (no publication date, only
    revisions) or shows that date only as a revision. A guess from another year than the
    day its `url` names is a date the story mentions ("signed on August 14, 1935"): the
    address's day wins."""
    stated = (
        _scholarly_date(tree)
        or _stated_date(tree)
        or _publish_time(tree)
        or _labelled_date(tree)
        or _dotted_date(tree)
        or _slashed_date(tree)
        or _dateline(tree)
    )
    if stated is not None:
        return stated
    if _is_wiki(tree):
        return None
    date = _unswapped(guess(), tree)
    if (addressed := _url_day(url)) is not None and (date is None or date[:4] != addressed[:4]):
        return addressed
    if date is not None and tree.xpath('//meta[contains(@property, "time")]'):
        return date
    # a line that is only a date, earlier than the guess (the guess was the page's last
    # change) or the guess itself (two readings agree, whatever one <time> elsewhere says)
    line = _date_line(tree, month_first=_locale(tree).lower() == "en-us") if date else None
    if line is not None and date is not None and line <= date:
        return line
    if times := tree.xpath("//time[@datetime]"):
        return (_day(times[0].get("datetime")) or date) if len(times) == 1 else date
    if (shown := _headline_date(tree)) is not None or date is None:
        return shown or _date_line(tree, month_first=_locale(tree).lower() == "en-us")
    for m in _REVISED.finditer(tree.text_content()):
        for fmt in ("%d %B %Y", "%B %d, %Y"):
            try:
                if datetime.strptime(m.group(1), fmt).date().isoformat() == date:
                    return None
            except ValueError:
                continue
    return date

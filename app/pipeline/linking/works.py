"""A linked book or piece named by its title: its author's later words, the passages told to
that author, and later mentions of the title rest on it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.pipeline.citations.sources import SourceIndex, normalize_url
from app.pipeline.types import Document, Link

__all__ = ["learn_work_author", "linked_titles", "named_works", "told_writer"]

_NAME = r"[A-Z][a-z’'-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z’'-]+){1,2}"
_OPEN_QUOTE = ("“", '"')
# '“I'm Feeling Lucky,” Douglas Edwards' inside view', '“The Plex” by Steven Levy'
_AUTHOR_AFTER = re.compile(
    rf"^[,.]?[”\"],?\s+(?:by\s+(?P<by>{_NAME})|(?P<owner>{_NAME})(?:’s?|'s?)\s)"
)
# 'As Steven Levy detailed in his own rollicking Google history, “In the Plex,”'
_AUTHOR_BEFORE = re.compile(
    rf"(?P<who>{_NAME})\s+(?:detailed|details|wrote|writes|recounts|recounted|describes|"
    rf"described|tells|told|reported|reports|recalled|recalls|chronicled|chronicles)\s+in\s+"
    r"(?:his|her|their)\b[^“”\"]{0,60}?[,:]?\s*[“\"]$"
)
_TITLE_WORDS = 2  # "In the Plex": a title; "Lucky" alone could be any word in quotes


def _titled(link: Link, text: str, start: int) -> bool:
    """Whether the link's anchor is a title in quotation marks."""
    before = text[: link.start - start].rstrip()
    return before.endswith(_OPEN_QUOTE) and len(link.text.split()) >= _TITLE_WORDS


def learn_work_author(doc: Document, start: int, end: int, index: SourceIndex) -> None:
    """Teach the index the author a sentence names beside a linked title, so that "Douglas
    Edwards wrote" later cites the book."""
    text = doc.text[start:end]
    for link in doc.links:
        if not (link.citation or link.shop) or not start <= link.start < end:
            continue
        if not _titled(link, text, start) or (url := normalize_url(link.href)) is None:
            continue
        after = _AUTHOR_AFTER.match(text[link.end - start :])
        before = _AUTHOR_BEFORE.search(text[: link.start - start].rstrip())
        for m in (after, before):
            who = m and (m.groupdict().get("by") or m.groupdict().get("owner") or m.group("who"))
            if who:
                index.add_name(url, who)
                index.add_writer(url, who)


def linked_titles(doc: Document) -> list[tuple[Link, re.Pattern[str], str]]:
    """Each source link whose anchor could be a title, the pattern of that title quoted whole
    and its URL."""
    found = []
    for link in doc.links:
        title = link.text.strip().lower()
        if not (link.citation or link.shop) or len(title.split()) < _TITLE_WORDS:
            continue
        if (url := normalize_url(link.href)) is not None:
            found.append((link, re.compile(rf"[“\"]{re.escape(title)}[,.]?[”\"]"), url))
    return found


def named_works(
    titles: Sequence[tuple[Link, re.Pattern[str], str]], text: str, start: int
) -> list[str]:  # fmt: skip
    """The linked work whose quoted title the sentence names again, outside its own link ('In
    “In The Plex,” Steven Levy tells…')."""
    if "“" not in text and '"' not in text:
        return []
    lower = text.lower()
    found = list(dict.fromkeys(
        url for link, quoted, url in titles
        if not start <= link.start < start + len(text) and quoted.search(lower)
    ))  # fmt: skip
    return found if len(found) == 1 else []


# "A college friend told Levy that…", "…, Paul Buchheit told Edwards.": words given to a
# writer; "As Steven Levy reported, …": the writer telling them
_TOLD = re.compile(
    r"\btold\s+(?P<heard>[A-Z][a-z’'-]+)\b"
    r"|\b(?:[Aa]s|[Aa]ccording to)\s+(?P<who>[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+)?)"
    r"(?:\s+(?:reported|reports|wrote|writes|tells it|told it|recounts|recounted|noted|notes))?"
    r"\s*[,.]"
)


def told_writer(index: SourceIndex, text: str, sources: Sequence[str]) -> list[str]:
    """The work of a writer the sentence's words were told to or by, among `sources`."""
    m = _TOLD.search(text)
    if m is None:
        return []
    found = list(dict.fromkeys(u for u in sources if index.has_writer(u, m["heard"] or m["who"])))
    return found[:1] if len(found) == 1 else []

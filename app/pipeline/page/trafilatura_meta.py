"""The four metadata fields we read from trafilatura, each computed only when asked for.

`trafilatura.metadata.extract_metadata` also reads categories, tags and a licence (a third
of its cost), and its author search deep-copies the page; we use its title, site name,
author and date, and need the last two only when the page's own markup has none. This
module runs the same steps in the same order for those four fields, on the tree trafilatura
parsed, so every value is what `extract_metadata` would have returned.
"""

from __future__ import annotations

from contextlib import suppress
from functools import cached_property
from html import unescape
from typing import Any

from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura.metadata import (
    META_URL,
    examine_meta,
    extract_author,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
)
from trafilatura.utils import line_processing

__all__ = ["TrafilaturaMeta"]


def _trimmed(value: str | None) -> str | None:
    """What `Document.clean_and_trim` makes of a string field."""
    if not isinstance(value, str):
        return value
    if len(value) > 10000:
        value = value[:9999] + "…"
    return line_processing(unescape(value))


class TrafilaturaMeta:
    """trafilatura's title and site name, and on demand its author and (htmldate's) date.

    `tree` must be trafilatura's own parse of the page, unchanged: its body extraction
    works on a copy (`bare_extraction` copies a tree it is handed).
    """

    def __init__(self, tree: HtmlElement, url: str, date_params: dict[str, Any]) -> None:
        self._tree = tree
        self._date_params = date_params
        meta = examine_meta(tree)
        if meta.author and " " not in meta.author:
            meta.author = None
        with suppress(Exception):  # as trafilatura: bugs in json_metadata
            meta = extract_meta_json(tree, meta)
        self._raw_author = meta.author
        self.title = _trimmed(meta.title or extract_title(tree))
        self._url = meta.url or extract_url(tree, url)
        sitename = meta.sitename or extract_sitename(tree)
        if sitename:
            sitename = sitename.lstrip("@")
            if sitename and "." not in sitename and not sitename[0].isupper():
                sitename = sitename.title()
        elif self._url and (m := META_URL.match(self._url)):
            sitename = m[1]
        self.sitename = _trimmed(sitename)

    @cached_property
    def author(self) -> str | None:
        """The author trafilatura names (meta tags, JSON-LD, else its search of the page)."""
        return _trimmed(self._raw_author or extract_author(self._tree))

    @cached_property
    def date(self) -> str | None:
        """htmldate's publication date, with the parameters trafilatura would pass."""
        return _trimmed(find_date(self._tree, **{**self._date_params, "url": self._url}))

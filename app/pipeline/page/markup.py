"""A page's own description of itself: <meta> tags and JSON-LD objects."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lxml.html import HtmlElement

__all__ = ["json_ld_objects", "meta_content"]

_WS = re.compile(r"\s+")


# "<![CDATA[ {…} ]]>" or "<!-- {…} -->" around a JSON-LD block (MediaWiki's, old templates')
_WRAPPER = re.compile(r"^\s*(?:<!\[CDATA\[|<!--)|(?:\]\]>|-->)\s*$")


def json_ld_objects(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    """Every JSON object in the page's JSON-LD blocks, including @graph members."""
    for script in _read(tree).scripts:
        try:
            data = json.loads(_WRAPPER.sub("", script))
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


def meta_content(tree: HtmlElement, *names: str) -> str | None:
    """Content of the first <meta name|property=...> present, white space folded."""
    metas = _read(tree).metas
    for name in names:
        for content in metas.get(name, ()):
            value = _WS.sub(" ", content or "").strip()
            if value:
                return value
    return None


@dataclass(frozen=True, slots=True)
class _Markup:
    tree: HtmlElement
    metas: dict[str, list[str | None]]  # name or property -> contents, in document order
    scripts: list[str]  # JSON-LD texts


_last: _Markup | None = None


def _read(tree: HtmlElement) -> _Markup:
    """The page's <meta> contents by name and property, and its JSON-LD texts, in document
    order, read once per tree: the pipeline asks for a dozen of them per page, and each
    XPath walked the whole page; the index spares a scan of every tag per name. The
    tree is assumed unchanged between calls (the pipeline never edits its parse)."""
    global _last
    last = _last
    if last is not None and last.tree is tree:
        return last
    metas: dict[str, list[str | None]] = {}
    for el in tree.iter("meta"):
        name, prop, content = el.get("name"), el.get("property"), el.get("content")
        if content is None:  # <meta name="article:published_time" value="…">: some saved copies
            content = el.get("value")
        for key in (name, prop) if prop != name else (name,):
            if key is not None:
                metas.setdefault(key, []).append(content)
    scripts = [
        el.text or "" for el in tree.iter("script") if el.get("type") == "application/ld+json"
    ]
    _last = _Markup(tree, metas, scripts)
    return _last

"""A page's own description of itself: <meta> tags and JSON-LD objects."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from lxml.html import HtmlElement

__all__ = ["json_ld_objects", "meta_content"]

_WS = re.compile(r"\s+")


def json_ld_objects(tree: HtmlElement) -> Iterator[dict[str, Any]]:
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


def meta_content(tree: HtmlElement, *names: str) -> str | None:
    """Content of the first <meta name|property=...> present, white space folded."""
    for name in names:
        for el in tree.xpath(f'//meta[@name="{name}" or @property="{name}"]'):
            value = _WS.sub(" ", el.get("content") or "").strip()
            if value:
                return value
    return None

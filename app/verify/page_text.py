"""A fetched source page's main text as passages (sentences) to check claims against."""

from __future__ import annotations

import re

import lxml.html
import trafilatura
from lxml.etree import ParserError

from app.verify.passages import split_passages

__all__ = ["source_text_from_html"]

_MIN_CHARS = 200  # below this trafilatura missed the text; read the whole body instead
_SKIP = ("script", "style", "noscript", "template", "nav", "header", "footer")
_TABLE_EDGE = str.maketrans("|", " ")
_BULLET = re.compile(r"^[-*•]\s+|^[-\s]+$")


def _trafilatura_text(html: str, url: str) -> str:
    """trafilatura's main text with tables and the title; "" on failure."""
    try:
        text = trafilatura.extract(
            html, url=url, include_tables=True, include_comments=False, with_metadata=False
        )
    except Exception:  # noqa: BLE001 - trafilatura raises many types on bad input
        return ""
    if not text:
        return ""
    meta = trafilatura.extract_metadata(html, default_url=url)
    # The title and publisher are part of what the page says ("the Cooperative" = whom).
    heads = [h for h in (meta.title, meta.sitename) if h and h not in text] if meta else []
    return "\n".join([*heads, text])


def _lxml_text(html: str) -> str:
    """Visible text of the body, one block per line; "" if the page does not parse."""
    try:
        root = lxml.html.fromstring(html)
    except (ParserError, ValueError):
        return ""
    for bad in root.xpath("//" + " | //".join(_SKIP)):
        bad.drop_tree()
    return "\n".join(" ".join(el.text_content().split()) for el in root.iter("p", "li", "td",
                     "th", "h1", "h2", "h3", "h4", "blockquote", "dd", "figcaption"))  # fmt: skip


def source_text_from_html(html: str, url: str) -> list[str]:
    """The page's main text as sentences: trafilatura first, the page's blocks as a fallback."""
    text = _trafilatura_text(html, url)
    if len(text) < _MIN_CHARS:
        text = _lxml_text(html) or text
    lines = (
        _BULLET.sub("", " ".join(line.translate(_TABLE_EDGE).split())) for line in text.splitlines()
    )
    return [p for line in lines if line for p in split_passages(line)]

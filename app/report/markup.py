"""Escaping and links: everything that comes from a page is text until it passes through here."""

from __future__ import annotations

from html import escape
from urllib.parse import urlsplit

__all__ = ["esc", "external_link", "safe_href"]

LINK_ATTRS = 'rel="nofollow noopener" target="_blank"'


def esc(value: object) -> str:
    """HTML-escape a value for text or a quoted attribute; None is empty."""
    return "" if value is None else escape(str(value), quote=True)


def safe_href(url: str | None) -> str | None:
    """The URL when it is http(s) with a host, else None (no javascript:, data:, relative)."""
    candidate = (url or "").strip()
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return candidate


def external_link(url: str | None, text: str | None = None) -> str:
    """An escaped outbound link, or the escaped text alone when the URL is not http(s)."""
    label = esc(text or url)
    href = safe_href(url)
    if href is None:
        return label
    return f'<a href="{esc(href)}" {LINK_ATTRS}>{label}</a>'

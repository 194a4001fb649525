"""Which links a page may carry: everything from a fetched page is text unless it is http(s)."""

from __future__ import annotations

from urllib.parse import urlsplit

__all__ = ["safe_href"]


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

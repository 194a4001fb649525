"""Which request paths need an API key, and which are report pages read in a browser."""

from __future__ import annotations

__all__ = ["is_protected", "is_report"]


def is_protected(path: str) -> bool:
    """The versioned API and the report pages need a key; health, metrics and docs stay open."""
    return any(path == root or path.startswith(root + "/") for root in ("/v1", "/report"))


def is_report(path: str) -> bool:
    """Report pages are read in browsers, which can only send a key as Basic credentials."""
    return path == "/report" or path.startswith("/report/")

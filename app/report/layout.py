"""The HTML document around a report body."""

from __future__ import annotations

from app.report.markup import esc
from app.report.styles import STYLESHEET

__all__ = ["document"]


def document(*, title: str, body: str) -> str:
    """A whole page: the escaped title, the inline stylesheet and `body` (already escaped)."""
    return (
        "<!doctype html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{STYLESHEET}</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )

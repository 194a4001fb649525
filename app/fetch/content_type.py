"""Which responses are HTML: the Content-Type header, or a sniff when it is absent."""

from __future__ import annotations

import re
from email.message import Message

__all__ = ["HTML_TYPES", "charset_param", "looks_like_html", "media_type"]

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# The WHATWG MIME sniffing patterns for text/html, after optional whitespace and BOM.
_HTML_START = re.compile(
    rb"\s*<(?:!doctype\s+html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p"
    rb"|!--)[\s>/]",
    re.IGNORECASE,
)
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def _parse(header: str) -> Message:
    message = Message()
    message["content-type"] = header
    return message


def media_type(header: str | None) -> str:
    """`text/html; charset=x` -> `text/html`; '' when the header is missing or malformed."""
    if not header or "/" not in header.split(";", 1)[0]:
        return ""  # browsers sniff these, so do we
    return _parse(header).get_content_type()


def charset_param(header: str | None) -> str | None:
    """The `charset` parameter of a Content-Type header, if any."""
    if not header:
        return None
    value = _parse(header).get_param("charset")
    return value.strip() if isinstance(value, str) and value.strip() else None


def looks_like_html(head: bytes) -> bool:
    """True when the first bytes of a body open like an HTML document."""
    head = head[:1024]
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            head = head[len(bom) :].decode(encoding, errors="ignore").encode("utf-8")
            break
    return _HTML_START.match(head[:512]) is not None

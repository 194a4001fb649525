"""Bytes to text: BOM, then Content-Type charset, then `<meta>`, then detection.

The BOM goes first, as in the WHATWG encoding sniffing algorithm that browsers
follow: a BOM is never accidental, a header charset often is. So is a declared legacy
charset on a body that is valid UTF-8 with non-ASCII in it (a server's default
`ISO-8859-1`, a template's old `<meta>`): text in a single-byte or CJK legacy encoding is
practically never valid UTF-8 by chance, so such a body is read as UTF-8.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from app.fetch.errors import FetchError

__all__ = ["decode_html", "normalize_label"]

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))  # fmt: skip
_META_CHARSET = re.compile(rb"<meta[^>]+?charset\s*=\s*[\"']?\s*([a-zA-Z0-9_.:-]+)", re.IGNORECASE)
_PRESCAN_BYTES = 4096
# Browsers read these labels as windows-1252; pages labelled so are written that way.
_WINDOWS_1252_ALIASES = frozenset({"ascii", "latin-1", "iso8859-1"})


def normalize_label(label: str | None) -> str | None:
    """The Python codec for a charset label, None if unknown."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return "cp1252" if name in _WINDOWS_1252_ALIASES else name


def _from_bom(body: bytes) -> tuple[str, int] | None:
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            return encoding, len(bom)
    return None


def _from_meta(body: bytes) -> str | None:
    match = _META_CHARSET.search(body[:_PRESCAN_BYTES])
    label = normalize_label(match.group(1).decode("ascii")) if match else None
    # A meta tag readable as ASCII cannot be in UTF-16: the WHATWG rule maps it to UTF-8.
    return "utf-8" if label and label.startswith("utf-16") else label


def _detect(body: bytes) -> str:
    try:
        body.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(body).best()
    if best is None:
        raise FetchError("not_text", "the body is not text in any known encoding")
    return normalize_label(best.encoding) or best.encoding


def decode_html(body: bytes, header_charset: str | None) -> tuple[str, str]:
    """The body as text and the codec name used to decode it."""
    bom = _from_bom(body)
    if bom is not None:
        encoding, skip = bom
        return body[skip:].decode(encoding, errors="replace"), encoding
    encoding = normalize_label(header_charset) or _from_meta(body) or _detect(body)
    if encoding != "utf-8" and not body.isascii() and (text := _utf8(body)) is not None:
        return text, "utf-8"
    return body.decode(encoding, errors="replace"), encoding


def _utf8(body: bytes) -> str | None:
    """The body as UTF-8 if it is valid UTF-8, else None."""
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return None

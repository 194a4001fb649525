"""A PDF source's text as passages, read with pypdf within a page and character budget."""

from __future__ import annotations

import io
import logging

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from app.verify.passages import split_passages

__all__ = ["MAX_CHARS", "MAX_PAGES", "PdfUnreadable", "source_text_from_pdf"]

MAX_PAGES = 60  # reports run long; the claims an article cites are rarely past this
MAX_CHARS = 400_000
_ENDS = frozenset('.!?:;"”')
logging.getLogger("pypdf").setLevel(logging.ERROR)  # it warns on every odd font


class PdfUnreadable(ValueError):
    """The bytes are no PDF pypdf can open, or it holds no extractable text."""


def source_text_from_pdf(data: bytes) -> list[str]:
    """Sentences of the PDF's first MAX_PAGES pages, lines rejoined where the layout broke
    a sentence; raises PdfUnreadable for encrypted, broken or image-only files."""
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise PdfUnreadable("the PDF is encrypted")
        texts, size = [], 0
        for page in reader.pages[:MAX_PAGES]:
            text = page.extract_text() or ""
            texts.append(text)
            size += len(text)
            if size >= MAX_CHARS:
                break
    except PdfUnreadable:
        raise
    except PyPdfError as exc:
        raise PdfUnreadable(f"not a readable PDF: {exc}") from exc
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        raise PdfUnreadable(f"not a readable PDF: {type(exc).__name__}") from exc
    blocks: list[str] = []
    for text in texts:
        own = _blocks(text)
        if blocks and own and own[0][0].islower() and blocks[-1][-1] not in _ENDS:
            blocks[-1] = f"{blocks[-1]} {own.pop(0)}"  # a sentence runs on to the next page
        blocks.extend(own)
    passages = [p for block in blocks for p in split_passages(block)]
    if not passages:
        raise PdfUnreadable("the PDF has no text (scanned pages?)")
    return passages


def _blocks(page: str) -> list[str]:
    """A page's paragraphs. PDF text has no paragraph marks, so a line well short of the
    page's usual width ends one (a heading, a paragraph's last line); a word hyphenated
    across lines is joined again."""
    lines = [" ".join(line.split()) for line in page.splitlines()]
    widths = sorted(len(line) for line in lines if line)
    if not widths:
        return []
    short = 0.6 * widths[len(widths) * 3 // 4]  # the upper quartile: a full line
    blocks, current = [], ""
    for line in lines:
        if line:
            if current.endswith("-") and line[0].islower():
                current = current[:-1] + line
            else:
                current = f"{current} {line}" if current else line
        if current and (not line or len(line) < short):
            blocks.append(current)
            current = ""
    return [*blocks, current] if current else blocks

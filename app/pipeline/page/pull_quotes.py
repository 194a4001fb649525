"""Pull quotes: a line of the story set again in large type, which is no sentence of its own."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.pipeline.types import Block

__all__ = ["doubled_blocks", "pull_quotes"]

_NOT_WORD = re.compile(r"[\W_]+")
_MIN_CHARS = 40  # shorter quotes ("No.") repeat by chance
_BYLINE_WORDS = 8


def _words(text: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", text.lower()).split())


def _byline(text: str) -> bool:
    """A short line without a full stop: who said the pull quote ("Analyst Ken Doctor")."""
    return len(text.split()) <= _BYLINE_WORDS and not text.rstrip().endswith((".", "!", "?"))


def pull_quotes(text: str, blocks: Sequence[Block]) -> list[int]:
    """Indices of quotation blocks whose words all stand again in another, non-quote block,
    and of the short line naming the speaker right under such a quotation."""
    found: list[int] = []
    if all(b.kind != "quote" for b in blocks):
        return found  # most pages: no quotation block, no need to read the others' words
    prose = [_words(text[b.start : b.end]) for b in blocks]
    for i, block in enumerate(blocks):
        if block.kind != "quote" or len(prose[i]) < _MIN_CHARS:
            continue
        others = (prose[j] for j, b in enumerate(blocks) if j != i and b.kind != "quote")
        if not any(prose[i] in other for other in others):
            continue
        found.append(i)
        below = blocks[i + 1] if i + 1 < len(blocks) else None
        if below and below.kind == "paragraph" and _byline(text[below.start : below.end]):
            found.append(i + 1)
    return found


def doubled_blocks(text: str, blocks: Sequence[Block]) -> list[int]:
    """Indices of blocks the very next block opens with word for word: a summary field set
    above the story's first paragraph ("Summary: September 11th has been designated…")."""
    prose = [_words(text[b.start : b.end]) for b in blocks]
    return [
        i for i in range(len(blocks) - 1)
        if len(prose[i]) >= _MIN_CHARS and prose[i + 1].startswith(prose[i])
    ]  # fmt: skip

"""Key-point bullets at the top of an article that only repeat what the body says."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.pipeline.types import Block

__all__ = ["leading_summary"]

_WORD = re.compile(r"[a-z0-9]{3,}")
_STEM = 5  # "renters" and "rented", "household" and "households" share their first letters
_SHARED = 0.5  # of an item's words that the body repeats
_LABEL = re.compile(
    r"^(?:summary|key (?:points|facts|findings|takeaways)|at a glance|in brief|in short|"
    r"highlights|the big picture|what you need to know)\s*:?$",
    re.IGNORECASE,
)
_MIN_ITEMS = 2


def _stems(text: str) -> set[str]:
    """Word stems of `text`."""
    return {w[:_STEM] for w in _WORD.findall(text.lower())}


def _repeats(item: str, rest: set[str]) -> bool:
    """Whether most of the item's words come back later in the body."""
    stems = _stems(item)
    return bool(stems) and len(stems & rest) >= _SHARED * len(stems)


def leading_summary(text: str, blocks: Sequence[Block], cited: Sequence[bool]) -> int:
    """How many blocks at the top are a summary list (with its "Summary" label); 0 if none.

    The list must open the body, cite nothing, and repeat the body that follows: those
    bullets restate claims the article makes, and cites, further down.
    """
    first = 1 if blocks and blocks[0].kind == "heading" and _LABEL.match(
        text[blocks[0].start : blocks[0].end]
    ) else 0  # fmt: skip
    count = first
    while count < len(blocks) and blocks[count].kind == "list_item" and not cited[count]:
        count += 1
    if count - first < _MIN_ITEMS or count == len(blocks):
        return 0
    rest = _stems(text[blocks[count].start :])
    items = [text[b.start : b.end] for b in blocks[first:count]]
    return count if all(_repeats(item, rest) for item in items) else 0

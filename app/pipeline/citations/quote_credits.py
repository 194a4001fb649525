"""Who a block quotation comes from: a credit line under it ("[Engadget]", "— The Verge") or a
lead-in above it that links the source ("As the New York Times explains:")."""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["is_credit_line", "is_lead_in"]

_WRAPPING = re.compile(
    r"^[\s\[(—–-]*(?:(?:via|source|from|read more at)\s*:?\s*)?|[\s\]).]*$", re.I
)
_LINKED_SHARE = 0.6  # of the line, so "— and that is the point" is prose, not a credit
_MAX_WORDS = 8


def is_credit_line(text: str, link_texts: Sequence[str]) -> bool:
    """A short line that is only the linked name of a source, maybe bracketed or dashed."""
    inner = _WRAPPING.sub("", text)
    if not inner or not link_texts or len(inner.split()) > _MAX_WORDS:
        return False
    return sum(len(t.strip()) for t in link_texts) >= _LINKED_SHARE * len(inner)


def is_lead_in(text: str) -> bool:
    """A paragraph that introduces what follows: it ends in a colon."""
    return text.rstrip().endswith(":")

"""Advice in the imperative ("Aim to sleep 8 hours…", "Additionally, try to eat slowly…"):
it tells the reader what to do, it asserts nothing and rests on nothing."""

from __future__ import annotations

import re

__all__ = ["gives_advice", "is_imperative"]

# advice in the imperative: "Aim to sleep 8 hours…", "Additionally, try to eat slowly…"
IMPERATIVE = re.compile(
    r"^(?:(?:additionally|also|instead|so|then|first|finally|next|conversely),?\s+)?"
    r"(?:eat|try|aim|avoid|consider|make sure|remember|keep|stop|drink|choose|limit|skip|swap|"
    r"opt|include|focus on|practi[cs]e|stay|don[’']t|do not|enjoy|fill|stock|"
    r"measure|chew|treat yourself|ask yourself|talk to|reach out|seek|schedule|plan|"
    r"check out|take a look)\b"
    r"(?!\s+(?:of|is|are|was|were|has|have|had)\b)",
    re.IGNORECASE,
)


def is_imperative(text: str) -> bool:
    """Whether the sentence opens with an imperative verb of advice."""
    return bool(IMPERATIVE.match(text))


# "Remember New Jersey's quest for a slogan?": calling back the site's earlier story
_RECALLS = re.compile(r"^remember\b", re.IGNORECASE)


def gives_advice(text: str) -> bool:
    """Whether the sentence advises the reader ("Aim to sleep 8 hours"), not recalls a story."""
    return is_imperative(text) and not _RECALLS.match(text)

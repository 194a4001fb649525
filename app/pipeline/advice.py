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
    r"(?!\s+(?:of|is|are|was|were|has|have|had)\b)"
    # the steps of a how-to or a recipe ("Snip the spoons' bowls from their stems."): the verb
    # takes its object at once ("Paint sales rose", "Hang Seng index" are no steps)
    r"|^(?:(?:then|first|finally|next|now),?\s+)?(?:using\s[^,]{1,60},\s+)?"
    r"(?:cut|snip|trim|trace|glue|attach|paint|stir|whisk|pour|bake|preheat|sprinkle|fold|"
    r"drill|unscrew|insert|remove|combine|season|simmer|chop|slice|peel|rinse|drain|knead|"
    r"spray|tape|staple|sew|hang|mount|plug|tighten|loosen)"
    r"(?:\s+(?:out|off|up|down|away|together|back))?"
    r"\s+(?:the|a|an|your|some|each|all|any|it|them|this|that|these|those|one|two|three|"
    r"four|in half|into|onto|around|along|over|through)\b",
    re.IGNORECASE,
)


# German advice: the polite imperative puts its verb first and "Sie" second ("Achten Sie
# darauf, dass…", "Nehmen Sie das Kind mit…"), which a statement never does (its verb comes
# second) and a question ends in "?"; "Ihr müsst…", "Du solltest…" tell the reader what to do
_ADVICE_DE = re.compile(
    r"^(?:[A-ZÄÖÜ][a-zäöüß]+(?:en|ern|eln)\s+Sie\b(?![^?]*\?[\s\"”»]*$)"
    r"|(?:Ihr|Du)\s+(?:müsst|solltet|musst|solltest)\b)"
)


def is_imperative(text: str) -> bool:
    """Whether the sentence opens with an imperative verb of advice (English, or German)."""
    return bool(IMPERATIVE.match(text) or _ADVICE_DE.match(text))


# "Remember New Jersey's quest for a slogan?": calling back the site's earlier story
_RECALLS = re.compile(r"^remember\b", re.IGNORECASE)


def gives_advice(text: str) -> bool:
    """Whether the sentence advises the reader ("Aim to sleep 8 hours"), not recalls a story."""
    return is_imperative(text) and not _RECALLS.match(text)

"""What kind of claim a sentence makes: numeric, quote, attribution, prediction, comparison…"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.pipeline.types import Quantity

__all__ = ["KINDS", "detect_kinds", "is_quoted"]

KINDS = ("numeric", "quote", "attribution", "prediction", "comparison", "speculation")

_A = "['’]"
_QUOTE = re.compile(r"[“\"]([^”\"]+)[”\"]")
_ATTRIBUTION = re.compile(
    r"\b(?:according to|said|says|told|reported(?:ly)?|reports that|stated|announced|claimed"
    r"|noted|(?<!\bi )(?<!\bwe )wrote|estimated|found that|in a statement|cited by|testified"
    r"|confirmed that|acknowledged|warned|argued|added)\b",
)
_PREDICTION = re.compile(
    rf"\b(?:will|won{_A}t|shall|expects? to|expected to|plans to|planning to|planned to"
    r"|(?:is|are) set to|aims? to|intends? to|projected to|forecasts? to|forecast to"
    r"|(?:is|are) likely to|next (?:year|month|week|quarter|decade|season)|on track to"
    r"|poised to|slated to|scheduled (?:to|for)|going to|in the coming (?:years|months|weeks)"
    rf")\b|{_A}ll\b|\bby (?:the end of )?(?:19|20)\d\d\b(?!.*\b(?:had|was|were)\b)",
)
_THAN = re.compile(
    r"\b(?:(?:more|less|fewer|greater|higher|lower|better|worse)\s+(?:\w+\s+)?"
    r"|(?!(?:rath|oth|wheth|neith|eith|und|ov|aft)er\b)[a-z]{2,}er\s+)than\b",
)
_NOT_SUPERLATIVE = (
    "inter|sugg|inv|cont|prot|arr|mod|hon|harv|for|requ|gu|dig|manif|conqu|beh|pri|lat"
)
_SUPERLATIVE = re.compile(
    r"\b(?:the|its|their|his|her|world['’]s)\s+(?:single\s+)?(?:most|least|best|worst"
    rf"|(?!(?:{_NOT_SUPERLATIVE})est\b)[a-z]{{2,}}est)\b",
)
_MULTIPLE = re.compile(
    r"\b(?:twice|thrice|double[sd]?|tripled?|half as|(?:two|three|four|five|ten|hundred)fold"
    r"|(?:\d+(?:\.\d+)?|two|three|four|five|ten) times|compared (?:with|to)|relative to"
    r"|(?:up|down) from|as (?:much|many) as"
    r"|\d+(?:\.\d+)?x\b|outpac\w+|outperform\w*|surpass\w*|exceed\w*)",
)
_SPECULATION = re.compile(
    rf"\b(?:sources?|reports?|post|filing|documents?|article|study|data)\s+(?:don{_A}t|do not"
    rf"|doesn{_A}t|does not|didn{_A}t|did not|never)\s+(?:\w+\s+)?(?:specify|confirm|say"
    r"|address|provide|mention|indicate|detail|disclose|explain|support|state|reveal|show)"
    r"|\bit (?:is|remains|was) (?:still )?(?:unclear|not clear|unknown|not known)"
    rf"|\bit{_A}s (?:still )?(?:unclear|not clear|unknown)|\bremains? (?:unclear|unknown)"
    r"|\b(?:could|can|has|have) not (?:yet )?(?:been )?(?:be )?(?:independently )?"
    r"(?:verified|confirmed)|\bunverified\b|\bunconfirmed\b|\bno (?:public |direct )?evidence"
    rf"|\bwe (?:don{_A}t|do not) (?:yet )?know\b|\bnot (?:been )?(?:publicly )?disclosed"
    rf"|\b(?:did not|didn{_A}t|does not|doesn{_A}t) specify\b|\bspeculat\w+",
)
# Cheap substring gates: a regex runs only if one of its hints occurs in the lower-cased text.
# Every match of a regex holds one of its hints ("|"-separated, spaces included), except
# speculation's "… don't/never say", whose gate has no hint for it (so no such sentence is
# speculation unless another hint occurs).
_GATED = {
    "attribution": (
        _ATTRIBUTION,
        "accord|said|says|told|report|stated|announc|claim|noted|wrote|estimat|found that"
        "|statement|cited|testif|confirmed|acknowledg|warned|argued|added",
    ),
    "prediction": (
        _PREDICTION,
        "will|won|shall|expect|plan|set to|aim|intend|project|forecast|likely|next|on track"
        "|poised|slated|schedul|going to|coming|'ll|’ll|by 1|by 2|end of",
    ),
    "comparison": (_THAN, "than"),
    "superlative": (_SUPERLATIVE, "est|most|least"),
    "multiple": (
        _MULTIPLE,
        "twice|thrice|doubl|tripl|half as|fold|times|compared|relative to|up from|down from"
        "|as much as|as many as|outpac|outperform|surpass|exceed|0x|1x|2x|3x|4x|5x|6x|7x|8x|9x",
    ),
    "speculation": (
        _SPECULATION,
        "specify|confirm|address|provide|mention|indicate|detail|disclose|explain|support"
        "|state|reveal|show|unclear|not|clear|unknown|known|verified|evidence|know|speculat",
    ),
}
_HINTS = {name: tuple(hints.split("|")) for name, (_, hints) in _GATED.items()}


def _fires(name: str, lower: str) -> bool:
    """Run one gated regex over the lower-cased text if any of its hint substrings is present."""
    if not any(map(lower.__contains__, _HINTS[name])):
        return False
    return _GATED[name][0].search(lower) is not None


def is_quoted(text: str) -> bool:
    """True if the sentence quotes two or more words (one-word scare quotes do not count)."""
    return any(len(m.group(1).split()) >= 2 for m in _QUOTE.finditer(text))


def quoted_words(text: str) -> str | None:
    """The quoted words of a sentence that is mostly a direct quotation ("“…,” she said."),
    else None."""
    parts = [m.group(1) for m in _QUOTE.finditer(text)]
    quoted = " ".join(parts).strip(" ,")
    words = len(quoted.split())
    return quoted if words >= 3 and words >= 0.6 * len(text.split()) else None


def detect_kinds(
    text: str, quantities: Sequence[Quantity], attributed_to: Sequence[str] = ()
) -> list[str]:
    """Kinds of claim the sentence makes, in the order of `KINDS`."""
    lower = text.lower()
    comparison = any(_fires(name, lower) for name in ("comparison", "superlative", "multiple"))
    found = {
        "numeric": bool(quantities),
        "quote": is_quoted(text),
        "attribution": bool(attributed_to) or _fires("attribution", lower),
        "prediction": _fires("prediction", lower),
        "comparison": comparison,
        "speculation": _fires("speculation", lower),
    }
    return [kind for kind in KINDS if found[kind]]

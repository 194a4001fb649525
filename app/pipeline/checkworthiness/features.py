"""Named, human-readable features of one sentence that bear on whether it is check-worthy."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.pipeline.checkworthiness import lexicon as lx
from app.pipeline.checkworthiness import patterns as px
from app.pipeline.checkworthiness.kinds import is_quoted
from app.pipeline.types import Quantity

__all__ = ["extract_features"]

_NAME = r"[A-Z][\w&’'.-]*\w|[A-Z]"
# A capital after a word (not after an opener such as the sentence start, ":" or "“") is a name.
_MID_CAP = re.compile(rf"(?<=[^\s:;“\"(—–‘'.!?])\s+({_NAME})")
_OPENER_CAP = re.compile(rf"(?:^|[:;“\"(—–‘'.!?])\s*({_NAME})")
_WORD = re.compile(r"[a-z][a-z'-]{2,}")
_POSSESSIVE = re.compile(
    r"^\W*(?!(?:Let|Here|There|What|That|It|He|She|Who|Where|How|Today|Everyone)['’])[A-Z][\w-]*['’]s\b"
)
_TERMINAL = re.compile(r"[.!?…:;][\"”’')\]]*\s*$")
_PRONOUN_I = frozenset({"I", "I’m", "I'm", "I’ve", "I've", "I’ll", "I'll", "I’d", "I'd"})
# Calendar words are capitalised but name no one; the "date" feature already counts them.
_CALENDAR_WORDS = (
    "January February March April May June July August September October November December"
    " Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
)
_CALENDAR = frozenset(_CALENDAR_WORDS.split())


def _entity_count(text: str) -> int:
    """Capitalised names: mid-sentence capitals, acronyms anywhere, "X’s" openers."""
    count = sum(
        1 for word in _MID_CAP.findall(text) if word not in _PRONOUN_I and word not in _CALENDAR
    )
    count += sum(1 for word in _OPENER_CAP.findall(text) if px.ACRONYM.fullmatch(word))
    return count + (1 if _POSSESSIVE.match(text) else 0)


def _is_title_case(text: str) -> bool:
    """True for headline-style text where nearly every word is capitalised."""
    words = [w for w in text.split() if w[:1].isalpha()]
    if len(words) < 2:
        return False
    return sum(1 for w in words if w[0].isupper()) >= 0.7 * len(words)


def extract_features(
    text: str, quantities: Sequence[Quantity], *, cited: bool, attributed_to: Sequence[str]
) -> dict[str, float]:
    """Named feature values (mostly 0/1) of one sentence; zero-valued features are left out."""
    w = lx.Words.of(text)
    content = sum(1 for t in _WORD.findall(w.lower) if t not in lx.FUNCTION_WORDS)
    entities = _entity_count(text)
    ranking = bool(px.RANKING.search(text))
    # "It was the third bailout…", "That was a 7% fall…": an anaphoric opener frames a fact
    # only when nothing specific follows it.
    dated = bool(px.DATE.search(text))
    specific = bool(quantities) or ranking or dated
    # A subject that states a share of a group ("Most firms…") is specific even in few words.
    quantified = px.has_quantified_subject(text)
    found = {
        "cited": cited,
        "attributed": bool(attributed_to),
        "number": bool(quantities),
        "count_word": lx.COUNT_WORD.found(w),
        "date": dated,
        "entity": entities >= 1,
        "entities": entities >= 3,
        "reporting": lx.REPORTING.found(w),
        "quote": is_quoted(text),
        "past_event": px.has_past_event(w),
        "event_opening": bool(px.EVENT_OPENING.match(text)),
        "generic_subject": px.has_generic_subject(text),
        "fact_verb": lx.FACT_VERB.found(w),
        "causal": lx.CAUSAL.found(w),
        "quantifier": lx.QUANTIFIER.found(w) or px.has_approximation(text, w) or quantified,
        "comparative": lx.COMPARATIVE.found(w),
        "ranking": ranking,
        "dense": content >= 6,
        "sparse": content <= 3 and not quantified,
        "question": "?" in text,
        "imperative": bool(px.IMPERATIVE_START.match(text.lstrip("“\"‘'("))),
        "first_person": px.has_first_person(text),
        "second_person": px.has_second_person(w),
        "rhetorical": lx.RHETORICAL.found(w),
        "opinion": lx.OPINION.found(w),
        "hedge": lx.HEDGE.found(w) or px.has_may(text),
        "deictic_start": not specific and bool(px.DEICTIC_START.match(text)),
        "wh_start": bool(px.WH_START.match(text)),
        "meta_text": px.has_meta_text(text, w.lower),
        "call_to_action": lx.CALL_TO_ACTION.found(w) or px.has_web_address(text),
        "heading": not _TERMINAL.search(text),
        "title_case": _is_title_case(text),
    }
    return {name: float(value) for name, value in found.items() if value}

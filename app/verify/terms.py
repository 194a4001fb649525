"""Words of a claim or passage as light stems, with the weight each carries in a claim."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["NEGATIONS", "Term", "claim_terms", "is_content", "normalise_number", "stem", "tokens"]

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[Cc]o-op|[^\W\d_]+(?:['’][^\W\d_]+)*")
_STOPWORD_TEXT = """
a an the and or but nor of in on at to for from by with as into onto upon about over under
after before during between through than then that this these those there here it its is are
was were be been being am has have had having do does did will would shall should can could
may might must also which who whom whose what when where why how all any both each few more
most other some such only own same so too very just he she they them his her their our we
you your i me my us him hers theirs one s t while if because until against up down out off
again further once not no never yet per via including included include among within without
new currently later well since like said says say according
"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())
NEGATIONS = frozenset({"not", "no", "never", "none", "nor", "neither", "without", "cannot"})
_NUMBER_WORDS = {
    "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
    "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "first": "1", "second": "2",
    "third": "3", "fourth": "4", "fifth": "5",
}  # fmt: skip
_STEM_LENGTH = 6
_SUFFIXES = (("ies", "y"), ("sses", "ss"), ("xes", "x"), ("ches", "ch"), ("shes", "sh"),
             ("ing", ""), ("ed", ""))  # fmt: skip
_ALIASES = {"coop": "cooperative", "govt": "government", "dept": "department",
            "univ": "university", "intl": "international", "corp": "corporation",
            "jan": "january", "feb": "february", "mar": "march", "apr": "april",
            "aug": "august", "sep": "september", "sept": "september", "oct": "october",
            "nov": "november", "dec": "december"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Term:
    """One content word of a claim: its stem, weight, and whether it is a name or a number."""

    stem: str
    weight: float
    kind: str  # "word" | "name" | "number"


def normalise_number(raw: str) -> str:
    """ "1,000" -> "1000", "3.50" -> "3.5": one spelling per value."""
    digits = raw.replace(",", "")
    if "." in digits:
        digits = digits.rstrip("0").rstrip(".")
    return digits.lstrip("0") or "0"


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """Crude stem: lowercase, strip common suffixes, cut to a fixed prefix."""
    w = word.lower().replace("’", "'").replace("-", "")
    if w[:1].isdigit():
        return normalise_number(w)
    w = w.removesuffix("'s").replace("'", "")
    if w in _NUMBER_WORDS:
        return _NUMBER_WORDS[w]
    w = _ALIASES.get(w, w)
    for suffix, repl in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)] + repl
            break
    else:
        if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
            w = w[:-1]
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]  # "take" and "taking", "mile" and "miles" meet at "tak", "mil"
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiousl":
        w = w[:-1]  # "stopped" -> "stopp" -> "stop"
    return w[:_STEM_LENGTH]


def tokens(text: str) -> list[str]:
    """Raw word and number tokens of `text`, in order."""
    return _TOKEN.findall(text)


def _kind(token: str, index: int) -> str:
    """ "number" for digits and number words, "name" for mid-sentence capitals, else "word"."""
    if token[:1].isdigit() or token.lower() in _NUMBER_WORDS:
        return "number"
    if token[:1].isupper() and (index > 0 or token[1:2].isupper()):
        return "name"
    return "word"


def claim_terms(text: str) -> list[Term]:
    """Distinct content terms of a claim; names and numbers weigh double."""
    seen: dict[str, Term] = {}
    for i, token in enumerate(tokens(text)):
        if token.lower() in _STOPWORDS or (len(token) < 2 and not token.isdigit()):
            continue
        kind = _kind(token, i)
        term = Term(stem(token), 1.0 if kind == "word" else 2.0, kind)
        if term.stem not in seen or seen[term.stem].weight < term.weight:
            seen[term.stem] = term
    return list(seen.values())


def is_content(token: str) -> bool:
    """True for a token that is not a stopword."""
    return token.lower() not in _STOPWORDS and (len(token) > 1 or token.isdigit())

"""Proper-name spans in running text, and resolving short mentions to the full name."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "NameSpan",
    "find_names",
    "resolve_descriptor",
    "resolve_short_name",
    "strip_possessive",
    "with_article",
]

_TOKEN = re.compile(r"[^\s,;:()\[\]“”\"!?]+")
_CONNECTORS = frozenset({"of", "and", "&", "for", "de", "du", "del", "van", "von", "der", "la"})
_FUNCTION_WORDS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they",
     "we", "i", "you", "but", "and", "or", "so", "if", "when", "while", "in", "on", "at",
     "for", "from", "by", "with", "as", "after", "before", "according", "meanwhile", "however",
     "yet", "still", "even", "since", "under", "over", "until", "although", "though",
     "because", "both", "each", "every", "some", "most", "many", "all", "no", "not", "one",
     "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "there", "here",
     "what", "why", "how", "who", "where", "which", "our", "my", "his", "her", "their", "your",
     "then", "also", "just", "only", "instead", "once", "now", "today", "later", "first",
     "last", "next", "other", "another", "such", "more", "less", "few", "several", "despite",
     "during", "like", "unlike", "without", "within", "among", "between", "about", "above",
     "below", "into", "onto", "upon", "than", "whether"}
)  # fmt: skip
_CALENDAR = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
     "saturday", "sunday", "spring", "summer", "autumn", "fall", "winter", "jan", "feb", "mar",
     "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
)  # fmt: skip
_DOTTED_ABBR = re.compile(r"^(?:[A-Z]\.){2,}$")
_SYNONYMS = {"co-op": ("co-op", "cooperative"), "fed": ("fed", "federal reserve")}


@dataclass(slots=True, frozen=True)
class NameSpan:
    """A run of capitalised words ("Bureau of Labor Statistics"), possessive "’s" excluded."""

    start: int
    end: int
    text: str
    possessive: bool


def strip_possessive(word: str) -> tuple[str, bool]:
    """ "Drewry’s" -> ("Drewry", True)."""
    for suffix in ("’s", "'s", "’", "'"):
        if word.endswith(suffix) and len(word) > len(suffix):
            return word[: -len(suffix)], True
    return word, False


@lru_cache(maxsize=8192)
def _is_name_token(word: str) -> bool:
    """Capitalised ("Reuters", "U.S.", "Health-System") or camel-case ("eMarketer", "xAI")."""
    core = word.strip(".’'")
    if not core or not core[0].isalpha():
        return False
    if core.lower() in _FUNCTION_WORDS or core.lower() in _CALENDAR:
        return False
    return core[0].isupper() or any(c.isupper() for c in core[1:])


@lru_cache(maxsize=16384)
def _opens_name(word: str) -> bool:
    """A token that is a name word once a possessive "’s" is taken off."""
    return _is_name_token(strip_possessive(word)[0])


def _continues(word: str) -> bool:
    """A name can go on after this word: not possessive, not a sentence-final full stop."""
    bare, possessive = strip_possessive(word)
    if possessive:
        return False
    return not bare.endswith(".") or bool(_DOTTED_ABBR.match(bare) or re.match(r"^[A-Z]\.$", bare))


_WHERE_BASED = re.compile(r"-(?:based|headquartered)$")


def find_names(text: str) -> list[NameSpan]:
    """Every proper-name span of `text`, in order."""
    tokens = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]
    names: list[NameSpan] = []
    i = 0
    while i < len(tokens):
        if tokens[i][2].islower() or not _opens_name(tokens[i][2]):  # no capital, no name
            i += 1
            continue
        if _WHERE_BASED.search(tokens[i][2]) and i + 1 < len(tokens):
            i += 1  # "Sacramento-based McClatchy": the place describes the name that follows
            continue
        j = i
        while j + 1 < len(tokens) and _continues(tokens[j][2]):
            gap = text[tokens[j][1] : tokens[j + 1][0]]
            nxt = tokens[j + 1][2]
            if gap == " " and _opens_name(nxt):
                j += 1
            elif (gap == " " and nxt.lower() in _CONNECTORS and j + 2 < len(tokens)
                  and text[tokens[j + 1][1] : tokens[j + 2][0]] == " "
                  and _opens_name(tokens[j + 2][2])):  # fmt: skip
                j += 2
            else:
                break
        last, possessive = strip_possessive(tokens[j][2])
        if not _DOTTED_ABBR.match(last):
            last = last.rstrip(".’'")  # sentence-final full stop, closing quote
        end = tokens[j][0] + len(last)
        names.append(NameSpan(tokens[i][0], end, text[tokens[i][0] : end], possessive))
        i = j + 1
    return names


def with_article(text: str, span: NameSpan) -> str:
    """ "The Verge" keeps its capitalised article; "the Wall Street Journal" drops it."""
    if span.start < 4 or text[span.start - 4 : span.start] != "The ":
        return span.text
    return f"The {span.text}"


def resolve_short_name(name: str, earlier: list[str]) -> str:
    """ "Harlan" -> "Denise Harlan", "Coastline" -> "Coastline Airways" from earlier mentions."""
    if " " in name:
        return name
    # a surname first ("Jones" is "Stephen Jones" before "the Jones Mahal" named since), then
    # the first word of a longer name ("Coastline" is "Coastline Airways")
    for position in (-1, 0):
        for candidate in reversed(earlier):
            words = candidate.split()
            joint = " and " in candidate  # "The Wrap and Deadline" is two names, not a longer one
            personal = position == 0 or all(w[:1].isupper() for w in words)  # not "CEO of X"
            if len(words) > 1 and words[position] == name and not joint and personal:
                return candidate
    return name


def resolve_descriptor(head: str, earlier: list[str]) -> str | None:
    """ "department" -> the nearest earlier name containing it ("U.S. Transportation Dept.")."""
    keys = _SYNONYMS.get(head.lower(), (head.lower(),))
    for candidate in reversed(earlier):
        lowered = candidate.lower()
        if any(re.search(rf"(^|\s){re.escape(k)}(\s|$)", lowered) for k in keys):
            return candidate
    return None

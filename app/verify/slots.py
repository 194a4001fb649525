"""Where a name sits in its sentence, and what kind of name it is."""

from __future__ import annotations

from dataclasses import dataclass

from app.verify.entities import JOINERS, Name, Tok
from app.verify.terms import is_content

__all__ = ["distinct", "is_name", "pieces", "same_slot", "shape"]

_WINDOW = 3  # words (and content words) each side of a name compared
_REACH = 8  # words each side searched for those content words
_ORG_TEXT = """
university college school academy club council company corporation inc ltd llc fc party
theatre theater museum award awards foundation association magazine records society
institute committee court department ministry bank group league band church hospital
library festival conference agency board team studios airlines centre center trust
commission network news times journal press series tournament cup championship
partners holdings capital ventures investors industries enterprises services systems
"""
_ORG_WORDS = frozenset(_ORG_TEXT.split())
_PREPOSITION_TEXT = "in at on from to for with by of into onto under over near between within"
_PREPOSITIONS = frozenset(_PREPOSITION_TEXT.split())
_CALENDAR_TEXT = """
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
"""
_NOT_NAMES = frozenset(_CALENDAR_TEXT.split())  # capitalised, but no one's name


@dataclass(frozen=True, slots=True)
class _Side:
    """The words next to a name on one side, nearest first, and the content words among the
    nearest few."""

    words: tuple[str, ...]
    content: tuple[str, ...]


def _side(toks: list[Tok], name: Name, step: int) -> _Side:
    if step < 0:
        near = toks[max(0, name.first - _REACH) : name.first][::-1]
    else:
        near = toks[name.last + 1 : name.last + 1 + _REACH]
    words = tuple(t.low for t in near[:_WINDOW])
    content = tuple(t.stem for t in near if _is_word(t.text))[:_WINDOW]
    return _Side(words, content)


def _is_word(word: str) -> bool:
    """A content word of letters, not a number or a fragment such as the "nd" of "2nd"."""
    return is_content(word) and word.isalpha() and len(word) > 2


def _adjacent(a: _Side, b: _Side) -> tuple[int, int]:
    """Words matching outward from both names: (all of them, content words among them)."""
    same = content = 0
    for x, y in zip(a.words, b.words, strict=False):
        if x != y:
            break
        same, content = same + 1, content + _is_word(x)
    return same, content


def _governed(a: _Side, b: _Side) -> bool:
    """The same content word nearest on this side, and another one shared."""
    return (
        bool(a.content and b.content)
        and a.content[0] == b.content[0]
        and (len(set(a.content) & set(b.content)) >= 2)
    )


def _opens_vs_object(ctoks: list[Tok], name: Name, ptoks: list[Tok], other: Name) -> bool:
    """True when one name opens its sentence (a subject) and the other follows a preposition."""
    c_prep = name.first > 0 and ctoks[name.first - 1].low in _PREPOSITIONS
    p_prep = other.first > 0 and ptoks[other.first - 1].low in _PREPOSITIONS
    return (name.first == 0 and p_prep) or (other.first == 0 and c_prep)


def same_slot(ctoks: list[Tok], name: Name, ptoks: list[Tok], other: Name) -> bool:
    """Both names play one role: two matching words right next to them (one a content word),
    the same nearest content word and another on one side, or the same word right next to
    them and a content word shared nearby; never a subject for a preposition's object."""
    if name.possessive != other.possessive or _opens_vs_object(ctoks, name, ptoks, other):
        return False
    sides = [(_side(ctoks, name, s), _side(ptoks, other, s)) for s in (-1, 1)]
    matches = [_adjacent(a, b) for a, b in sides]
    same, content = sum(m[0] for m in matches), sum(m[1] for m in matches)
    if same >= 2 and content >= 1 or any(_governed(a, b) for a, b in sides):
        return True
    return same >= 1 and any(set(a.content) & set(b.content) for a, b in sides)


def shape(toks: list[Tok], name: Name) -> str:
    """ "org" for a name with an organisation word or in capitals, else "name"."""
    words = toks[name.first : name.last + 1]
    if any(t.low in _ORG_WORDS or (len(t.text) > 1 and t.text.isupper()) for t in words):
        return "org"
    return "name"


def distinct(toks: list[Tok], name: Name) -> frozenset[str]:
    """Stems of a name's own words, not of its organisation words ("Museum", "FC")."""
    own = [t.stem for t in toks[name.first : name.last + 1] if t.low not in _ORG_WORDS]
    return frozenset(own) & name.stems or name.stems


def pieces(toks: list[Tok], run: Name) -> list[Name]:
    """The parts of a run of capitalised words between joiners ("Director of Home Media"),
    then the whole run."""
    out, start = [], run.first
    for k in range(run.first, run.last + 2):
        if k <= run.last and toks[k].low not in JOINERS:
            continue
        part = toks[start:k]
        if part and (start, k - 1) != (run.first, run.last):
            stems = frozenset(t.stem for t in part)
            out.append(Name(start, k - 1, stems, part[-1].low.endswith("'s")))
        start = k + 1
    return [*out, run]


def is_name(toks: list[Tok], name: Name) -> bool:
    """False for a run of month or weekday names."""
    words = [t for t in toks[name.first : name.last + 1] if is_content(t.text)]
    return bool(words) and not all(t.low.removesuffix("'s") in _NOT_NAMES for t in words)

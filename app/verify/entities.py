"""Names that clash: another name where the page has one ("Google's Mixtral"), swapped agents."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.verify.clashes import Clash
from app.verify.terms import is_content, stem

__all__ = [
    "JOINERS",
    "Name",
    "Tok",
    "abbreviates",
    "entity_clash",
    "other_years",
    "name_span",
    "names",
    "tokens_of",
]

_TOKEN = re.compile(r"\d+|[^\W\d_]+(?:['’][^\W\d_]+)*")
JOINERS = frozenset({"of", "de", "du", "la", "von", "van", "der", "and", "&"})
_YEAR = re.compile(r"(?<![\d.,])(?:1[5-9]\d\d|20\d\d)(?![\d])")
_ANCHOR = 2  # words each side of a name that must match the page's words around another name
_ON_TOPIC = 0.5  # share of the claim's other words the passage must state


@dataclass(frozen=True, slots=True)
class Tok:
    text: str
    low: str
    stem: str
    start: int
    end: int
    glued: bool = True  # only spaces (or an initial's full stop) since the previous word


@dataclass(frozen=True, slots=True)
class Name:
    first: int  # token index
    last: int  # inclusive
    stems: frozenset[str]
    possessive: bool


def tokens_of(text: str) -> list[Tok]:
    """Word tokens of `text`, each marked for whether punctuation parts it from the last."""
    out: list[Tok] = []
    for m in _TOKEN.finditer(text):
        gap = text[out[-1].end : m.start()] if out else ""
        initial = bool(out) and len(out[-1].text) == 1 and gap.strip() == "."
        glued = not gap.strip() or initial
        word = m.group()
        out.append(Tok(word, word.lower().replace("’", "'"), stem(word), m.start(), m.end(), glued))
    return out


def _is_cap(tok: Tok) -> bool:
    return tok.text[:1].isupper()


def names(toks: list[Tok]) -> list[Name]:
    """Runs of capitalised words (with "of", "de" … inside); a possessive or punctuation
    ends a run."""
    out, i = [], 0
    while i < len(toks):
        if not _is_cap(toks[i]) or (i == 0 and not is_content(toks[i].text)):
            i += 1
            continue
        j = i
        while not toks[j].low.endswith("'s") and j + 1 < len(toks):
            nxt = toks[j + 1]
            if not nxt.glued:
                break
            if _is_cap(nxt) or nxt.text[:1].isdigit() and j > i:
                j += 1
            elif (
                nxt.low in JOINERS and j + 2 < len(toks)
                and _is_cap(toks[j + 2]) and toks[j + 2].glued
            ):  # fmt: skip
                j += 2
            else:
                break
        stems = frozenset(t.stem for t in toks[i : j + 1] if t.low not in JOINERS)
        single_start = i == 0 and j == 0 and not toks[0].low.endswith("'s")
        if not single_start:
            out.append(Name(i, j, stems, toks[j].low.endswith("'s")))
        i = j + 1
    return out


def _around(toks: list[Tok], name: Name) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Lowercase words right before and right after a name, up to punctuation."""
    left: list[str] = []
    for k in range(name.first - 1, max(-1, name.first - _ANCHOR - 1), -1):
        if not toks[k + 1].glued:
            break
        left.insert(0, toks[k].low)
    right: list[str] = []
    for k in range(name.last + 1, min(len(toks), name.last + 1 + _ANCHOR)):
        if not toks[k].glued:
            break
        right.append(toks[k].low)
    return tuple(left), tuple(right)


def _anchored(side: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Both sides hold the same words, at least one of them a content word or a possessive."""
    return len(side) == _ANCHOR and side == other and any(_is_word(w) for w in side)


def _is_word(word: str) -> bool:
    """A content word of letters, not a fragment such as the "nd" of "2nd"."""
    return is_content(word) and word.isalpha() and len(word) > 2


def name_span(text: str, toks: list[Tok], name: Name) -> str:
    return text[toks[name.first].start : toks[name.last].end]


def abbreviates(short: str, long: str) -> bool:
    """True when `short` could be a short form of `long` or of one of its words ("Bn")."""
    letters = "".join(c for c in short.lower() if c.isalpha())
    if not letters or len(letters) > 4:
        return False
    initials = "".join(w[0] for w in long.lower().split() if w[:1].isalpha())
    for word in [*long.lower().split(), initials]:
        rest = iter(word)
        if word[:1] == letters[0] and all(c in rest for c in letters):
            return True
    return False


def _slot_clash(claim: str, ctoks: list[Tok], passage: str, ptoks: list[Tok]) -> Clash | None:
    """A claim name whose words around it surround another name in the passage."""
    pstems = {t.stem for t in ptoks}
    pnames = names(ptoks)
    content = {t.stem for t in ctoks if is_content(t.text) and not t.text[:1].isdigit()}
    for name in names(ctoks):
        if name.stems & pstems:
            continue
        others = content - name.stems
        if not others or len(others & pstems) / len(others) < _ON_TOPIC:
            continue
        left, right = _around(ctoks, name)
        for other in pnames:
            if other.stems & name.stems or other.possessive != name.possessive:
                continue
            if abbreviates(name_span(passage, ptoks, other), name_span(claim, ctoks, name)):
                continue
            p_left, p_right = _around(ptoks, other)
            if _anchored(left, p_left) or _anchored(right, p_right):
                said, says = name_span(claim, ctoks, name), name_span(passage, ptoks, other)
                return Clash(
                    -1, said, says, f"the claim names {said!r} where the page has {says!r}"
                )
    return None


def _agent_clash(claim: str, ctoks: list[Tok], passage: str, ptoks: list[Tok]) -> Clash | None:
    """ "A acquired B" where the passage has "B acquired A" (same voice on both sides)."""
    found = names(ctoks)
    for a, b in zip(found, found[1:], strict=False):
        between = ctoks[a.last + 1 : b.first]
        verbs = [t for t in between if t.text.islower() and is_content(t.text)]
        if not verbs or len(between) > 3:
            continue
        verb, passive = verbs[0].stem, any(t.low == "by" for t in between)
        pos = {t.stem: i for i, t in reversed(list(enumerate(ptoks)))}
        first_a, first_b = min(a.stems, key=len), min(b.stems, key=len)
        if not {verb, first_a, first_b} <= pos.keys():
            continue
        pa, pb, pv = pos[first_a], pos[first_b], pos[verb]
        p_passive = any(t.low == "by" for t in ptoks[min(pv, pa) : max(pv, pa)])
        if pb < pv < pa and pa - pb <= 10 and p_passive == passive:
            said = claim[ctoks[a.first].start : ctoks[b.last].end]
            says = passage[ptoks[pb].start : ptoks[pa].end]
            return Clash(-1, said, says, f"the claim says {said!r}; the page says {says!r}")
    return None


def other_years(claim: str, passage: str) -> bool:
    """True when both state years and share none: the passage tells another event, where
    other names are no clash ("signed to the Panthers practice squad in 2013")."""
    said, says = set(_YEAR.findall(claim)), set(_YEAR.findall(passage))
    return bool(said and says) and not said & says


def entity_clash(claim: str, passages: list[tuple[int, str]]) -> Clash | None:
    """The first passage that puts another name where the claim has one, or swaps agents."""
    ctoks = tokens_of(claim)
    for i, text in passages:
        if other_years(claim, text):
            continue
        ptoks = tokens_of(text)
        found = _slot_clash(claim, ctoks, text, ptoks) or _agent_clash(claim, ctoks, text, ptoks)
        if found is not None:
            return Clash(i, found.claim_span, found.page_span, found.reason)
    return None

"""Another owner or maker: "Google's Mixtral 8x22B" where the page has Mistral AI's.

The claim gives a name an owner or maker ("Google's Mixtral 8x22B", "Google released Mixtral
8x22B", "Mixtral 8x22B by Google"); a passage naming that thing gives it another one in any of
those forms, and no passage names the claim's owner with the thing.
"""

from __future__ import annotations

from app.verify.clashes import Clash
from app.verify.entities import (
    Name,
    Tok,
    abbreviates,
    name_span,
    names,
    other_years,
    tokens_of,
)
from app.verify.retrieval import Indexed
from app.verify.slots import distinct, is_name
from app.verify.terms import is_content

__all__ = ["owner_clash"]

_OWNER_GAP = 3  # words between a maker and what it made ("Mistral AI released Mixtral")
_MAKER_TEXT = """
    release released releases launch launched launches develop developed develops create
    created creates build built builds make made makes design designed designs found founded
    own owned owns acquire acquired acquires buy bought buys publish published publishes
    produce produced produces introduce introduced introduces unveil unveiled unveils
    manufacture manufactured manufactures write wrote writes written direct directed directs
    invent invented invents train trained trains
"""
_MAKERS = frozenset(_MAKER_TEXT.split())
_FILLERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "new", "first", "also"})
_TOP = 12  # best-ranked passages searched for the thing's owner
_REACH = 12  # words from a claim's making verb to the name it made ("wrote a memoir, Title")


def _reason(said: str, says: str) -> str:
    return f"the claim names {said!r} where the page has {says!r}"


def _bare(span: str) -> str:
    """A name without its possessive ending."""
    return span.removesuffix("'s").removesuffix("’s")


def _same_name(a: str, b: str) -> bool:
    return abbreviates(a, b) or abbreviates(b, a)


def _made_by(gap: list[Tok]) -> bool:
    """True for a few words between a maker and its thing, one a making verb, no punctuation."""
    lows = [t.low for t in gap]
    return (
        0 < len(gap) <= _OWNER_GAP
        and all(t.glued for t in gap)
        and any(w in _MAKERS for w in lows)
        and all(w in _MAKERS or w in _FILLERS for w in lows)
    )


def _owner_pairs(toks: list[Tok]) -> list[tuple[Name, Name]]:
    """(owner, owned): "A's B", "A released B", "B by A", "B, developed by A" (the sentence's
    first word is a name only before a making verb)."""
    found = [n for n in names(toks) if is_name(toks, n)]
    first = bool(toks) and toks[0].text[:1].isupper() and is_content(toks[0].text)
    if first and (not found or found[0].first > 0):  # a sentence's first word, as a name
        found.insert(0, Name(0, 0, frozenset({toks[0].stem}), False))
    out = []
    for a, b in zip(found, found[1:], strict=False):
        gap = toks[a.last + 1 : b.first]
        made = (a.possessive and not gap) or (not a.possessive and _made_by(gap))
        if made and toks[b.first].glued:
            out.append((a, b))
        by = [t.low for t in gap]
        if by[-1:] == ["by"] and (len(by) == 1 or (len(by) == 2 and by[0] in _MAKERS)):
            out.append((b, a))
    return out


def _maker_first(toks: list[Tok]) -> list[tuple[Name, Name]]:
    """(maker, made) of a claim that puts a making verb right after a name and the thing it
    made further on: "Henry James published a version of their story in The Right Stuff"."""
    found = [n for n in names(toks) if is_name(toks, n)]
    out = []
    for a, b in zip(found, found[1:], strict=False):
        gap = toks[a.last + 1 : b.first]
        verb = next((k for k, t in enumerate(gap[:2]) if t.low in _MAKERS), None)
        said = verb is not None and all(t.glued for t in gap[: verb + 1])
        if said and all(t.low in _FILLERS for t in gap[:verb]) and len(gap) <= _REACH:
            out.append((a, b))
    return out


def _content(toks: list[Tok], name: Name) -> frozenset[str]:
    """The stems of a name's content words (what a passage index holds)."""
    return frozenset(
        t.stem for t in toks[name.first : name.last + 1] if is_content(t.text)
    ) & distinct(toks, name)


def owner_clash(claim: str, index: list[Indexed], ranks: list[float]) -> Clash | None:
    """ "Google's Mixtral" where a passage gives Mixtral another owner, and none gives Google."""
    ctoks = tokens_of(claim)
    top = sorted(range(len(index)), key=ranks.__getitem__, reverse=True)[:_TOP]
    for owner, owned in dict.fromkeys(_owner_pairs(ctoks) + _maker_first(ctoks)):
        own, thing = _content(ctoks, owner), _content(ctoks, owned)
        if not own or not thing or any(own | thing <= p.counts.keys() for p in index):
            continue  # a passage has both: the page may well say so
        said = name_span(claim, ctoks, owner)
        for i in top:
            keys = index[i].counts.keys()
            if not thing <= keys or own <= keys or other_years(claim, index[i].text):
                continue
            ptoks = tokens_of(index[i].text)
            for other, what in _owner_pairs(ptoks):
                if not thing <= what.stems or other.stems & (own | thing):
                    continue
                says = name_span(index[i].text, ptoks, other)
                if not _same_name(_bare(says), _bare(said)):
                    return Clash(i, said, says, _reason(said, says))
    return None

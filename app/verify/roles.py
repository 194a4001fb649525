"""A claim's name in a role the page gives another name ("directed by B" where it says A).

The claim's words around a name are aligned to the passage that states most of them; when
that passage lacks the name, no passage naming it states those words about as well, and the
passage has a name of the same shape between the same words, the two names clash.
"""

from __future__ import annotations

from collections.abc import KeysView

from app.verify.clashes import Clash
from app.verify.entities import Name, Tok, abbreviates, name_span, names, other_years, tokens_of
from app.verify.retrieval import Indexed
from app.verify.slots import distinct, is_name, pieces, same_slot, shape
from app.verify.terms import is_content

__all__ = ["role_clash"]

_ALIGN = 0.5  # share of the words around the claim's name the aligned passage must state
_ELSEWHERE = 0.5  # share of that a passage naming the claim's name must reach to tell it
_MIN_OTHERS = 4  # words around a name needed for an alignment to mean anything
_LOCAL = 8  # words each side of a claim's name that say what the claim says of it
_NEAR_BEST = 0.15  # passages this close to the best aligned one are aligned too
_TOP = 12  # best-ranked passages the alignment looks among


def _mentions(name: Name, toks: list[Tok], keys: KeysView[str]) -> bool:
    """True when a passage holds every word of the name, or a person's surname."""
    if name.stems <= keys:
        return True
    last = toks[name.last]
    return shape(toks, name) == "name" and name.last > name.first and last.stem in keys


def _local(toks: list[Tok], name: Name) -> set[str]:
    """Content stems of the claim's words around a name: what it says of that name."""
    near = (
        toks[max(0, name.first - _LOCAL) : name.first]
        + toks[name.last + 1 : name.last + 1 + _LOCAL]
    )
    return {t.stem for t in near if is_content(t.text)} - name.stems


def _told_elsewhere(name: Name, ctoks: list[Tok], local: set[str], index: list[Indexed],
                    best: int) -> bool:  # fmt: skip
    """True when a passage naming the claim's name states the words around it about as well as
    the aligned passage does: the page tells the claim with that name. There only words
    count: a number or a fragment it shares ("2nd", a year) is as likely another event's."""
    need = _ELSEWHERE * len(local & index[best].counts.keys())
    words = local & {t.stem for t in ctoks if t.text.isalpha() and len(t.text) > 2}
    return any(
        _mentions(name, ctoks, p.counts.keys()) and len(words & p.counts.keys()) >= need
        for p in index
    )


def role_clash(claim: str, index: list[Indexed], ranks: list[float]) -> Clash | None:
    """The claim's name that its best-aligned passage replaces with another in the same slot."""
    ctoks = tokens_of(claim)
    claim_names = [n for n in names(ctoks) if is_name(ctoks, n)]
    if not claim_names or not index:
        return None
    named = frozenset().union(*(distinct(ctoks, n) for n in claim_names))
    content = frozenset(t.stem for t in ctoks if is_content(t.text))
    top = sorted(range(len(index)), key=ranks.__getitem__, reverse=True)[:_TOP]
    for name in claim_names:
        local = _local(ctoks, name)
        if len(local) < _MIN_OTHERS:
            continue
        shares = {i: len(local & index[i].counts.keys()) / len(local) for i in top}
        best = max(top, key=shares.__getitem__)
        floor = max(_ALIGN, shares[best] - _NEAR_BEST)
        aligned = sorted(
            (i for i in top if shares[i] >= floor), key=shares.__getitem__, reverse=True
        )
        own = distinct(ctoks, name)
        if not aligned or any(own & index[i].counts.keys() for i in aligned):
            continue
        if _told_elsewhere(name, ctoks, local, index, best):
            continue
        for i in aligned:
            if other_years(claim, index[i].text):
                continue
            found = _slot_in(claim, ctoks, name, index[i].text, named, content)
            if found is not None:
                said, says = found
                reason = f"the claim names {said!r} where the page has {says!r}"
                return Clash(i, said, says, reason)
    return None


def _slot_in(
    claim: str, ctoks: list[Tok], name: Name, passage: str, named: frozenset[str],
    said_words: frozenset[str],
) -> tuple[str, str] | None:  # fmt: skip
    """(claim name, passage name) when the passage has another name of the same shape in the
    claim name's slot; not one the claim names, nor the claim's own words in capitals."""
    ptoks = tokens_of(passage)
    said = name_span(claim, ctoks, name)
    for other in (piece for run in names(ptoks) for piece in pieces(ptoks, run)):
        if other.stems <= said_words or other.stems & named or not is_name(ptoks, other):
            continue
        if shape(ptoks, other) != shape(ctoks, name):
            continue
        says = name_span(passage, ptoks, other)
        if abbreviates(says, said) or abbreviates(said, says):
            continue
        if same_slot(ctoks, name, ptoks, other):
            return said, says
    return None

"""Whose figure: a claim's name beside an amount the page ties to another name.

"The company acquired Financial Conduct Authority for £66 million" where the page says
"acquisition of Ashdown Investment Trust for … £66 million": the page states the amount, in the
claim's words, with another name on the same side of it, and never with the claim's name,
which it does know. Only specific amounts anchor (money, percentages, counts, measures): a
year or a day is shared by too many events.
"""

from __future__ import annotations

import re

from app.verify.clashes import Clash, PageValues, comparable
from app.verify.entities import Name, Tok, abbreviates, name_span, names, other_years, tokens_of
from app.verify.retrieval import Indexed
from app.verify.slots import distinct, is_name, shape
from app.verify.terms import is_content, normalise_number
from app.verify.values import Value, parse_values

__all__ = ["figure_name_clash"]

_ANCHORS = frozenset({"money", "percent", "count", "measure"})
_NEAR = 16  # words from a figure to the name it belongs to
_PREFIX = 4  # related word forms ("acquired", "acquisition") share their first four letters
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


def _span(toks: list[Tok], v: Value) -> tuple[int, int]:
    """First and last token of a figure."""
    inside = [k for k, t in enumerate(toks) if t.start < v.end and v.start < t.end]
    return (inside[0], inside[-1]) if inside else (-1, -1)


def _by_distance(toks: list[Tok], found: list[Name], v: Value) -> list[tuple[Name, int]]:
    """Names within reach of a figure, nearest first, each with its side (-1 before, 1 after)."""
    first, last = _span(toks, v)
    out = []
    for n in found:
        gap, side = (first - n.last, -1) if n.last < first else (n.first - last, 1)
        if first >= 0 and 0 < gap <= _NEAR:
            out.append((gap, n, side))
    return [(n, side) for _, n, side in sorted(out, key=lambda x: x[0])]


def _digits(figure: str) -> str:
    """The figure's first number as a passage index holds it ("£66 million" -> "66")."""
    m = _DIGITS.search(figure)
    return normalise_number(m.group()) if m else ""


def _words(toks: list[Tok], v: Value, name: Name) -> set[str]:
    """Prefixes of the claim's plain words near the figure: what it says the figure is."""
    first, last = _span(toks, v)
    near = toks[max(0, first - _NEAR) : last + 1 + _NEAR]
    return {
        t.stem[:_PREFIX] for t in near
        if is_content(t.text) and t.text.isalpha() and t.text.islower() and len(t.stem) > 2
    } - {t.stem[:_PREFIX] for t in toks[name.first : name.last + 1]}  # fmt: skip


def _owner(toks: list[Tok], v: Value, side: int, kind: str, named: frozenset[str],
           figures: list[Value]) -> Name | None:  # fmt: skip
    """The passage's name nearest its figure on the claim name's side, one the claim does not
    name and no figure's unit ("3.9 GW"), of the claim name's shape (an organisation, a
    person) if one is in reach."""
    spans = [_span(toks, f) for f in figures]
    units = {k for first, last in spans for k in range(first, last + 1)}
    found = [
        n for n, s in _by_distance(toks, [n for n in names(toks) if is_name(toks, n)], v)
        if s == side and not distinct(toks, n) & named and not units & {n.first, n.last}
    ]  # fmt: skip
    return next((n for n in found if shape(toks, n) == kind), found[0] if found else None)


def figure_name_clash(claim: str, index: list[Indexed], values: PageValues) -> Clash | None:
    """The claim's name beside an amount where a passage stating it has another name there."""
    ctoks = tokens_of(claim)
    found = [n for n in names(ctoks) if is_name(ctoks, n)]
    if not found:
        return None
    named = frozenset().union(*(distinct(ctoks, n) for n in found))
    for c in parse_values(claim):
        if c.kind not in _ANCHORS or not c.digits:
            continue
        digits = _digits(claim[c.start : c.end])
        stating = [
            (i, p) for i, ix in enumerate(index) if digits in ix.counts
            for p in values.of(i) if (comparable(c, p) or comparable(p, c)) and c.agrees(p)
        ]  # fmt: skip
        for name, side in _by_distance(ctoks, found, c):
            own = distinct(ctoks, name)
            if any(own <= index[i].counts.keys() for i, _ in stating):
                continue  # the page ties the figure to this name: the claim shares it
            if any(own <= ix.counts.keys() for ix in index):  # else unstated, not contradicted
                clash = _given_to(claim, ctoks, name, side, c, index, values, stating, named)
                if clash is not None:
                    return clash
            break
    return None


def _given_to(claim: str, ctoks: list[Tok], name: Name, side: int, c: Value,
              index: list[Indexed], values: PageValues, stating: list[tuple[int, Value]],
              named: frozenset[str]) -> Clash | None:  # fmt: skip
    """The first passage stating the figure in the claim's words with another name there."""
    words = _words(ctoks, c, name)
    for i, p in stating:
        text = index[i].text
        if other_years(claim, text) or not words & {s[:_PREFIX] for s in index[i].counts}:
            continue
        ptoks = tokens_of(text)
        there = _owner(ptoks, p, side, shape(ctoks, name), named, values.of(i))
        if there is None:
            continue
        said, says = name_span(claim, ctoks, name), name_span(text, ptoks, there)
        if abbreviates(says, said) or abbreviates(said, says):
            continue
        figure = claim[c.start : c.end]
        reason = f"the claim gives {figure!r} to {said!r}; the page gives it to {says!r}"
        return Clash(i, said, says, reason)
    return None

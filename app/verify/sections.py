"""How much of a claim stretches of consecutive passages state: its page's sections.

A claim is often told across a paragraph or two of its source, with its words said in a
related form ("married", "marriage"), not only in the three sentences that share most of
its stems. The share of its weight the best stretch states, averaged over three lengths
(a few sentences, a paragraph or two, a section), tells a supported claim from a partly
supported one better than any single passage does, and depends on no one length.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from app.verify.retrieval import Indexed
from app.verify.terms import Term

__all__ = ["SECTIONS", "Postings", "postings", "section_coverage"]

SECTIONS = (3, 10, 30)  # consecutive passages
_PREFIX = 4  # words whose stems share their first four letters are taken as related


@dataclass(frozen=True, slots=True)
class Postings:
    """Which passages hold each stem, and each stem prefix; built once per page."""

    size: int
    stems: dict[str, list[int]]
    prefixes: dict[str, set[int]]


def postings(index: list[Indexed]) -> Postings:
    """The page's passages by stem and by stem prefix."""
    stems: dict[str, list[int]] = defaultdict(list)
    prefixes: dict[str, set[int]] = defaultdict(set)
    for i, p in enumerate(index):
        for s in p.counts:
            stems[s].append(i)
            prefixes[s[:_PREFIX]].add(i)  # a shorter stem only ever matches itself
    return Postings(len(index), stems, prefixes)


def _masks(terms: list[Term], page: Postings) -> list[int]:
    """Per passage, bit i set when it states term i, itself or (not a number) a related form."""
    masks = [0] * page.size
    for bit, t in enumerate(terms):
        found = set(page.stems.get(t.stem, ()))
        if t.kind != "number" and len(t.stem) >= _PREFIX:
            found.update(page.prefixes.get(t.stem[:_PREFIX], ()))
        for i in found:
            masks[i] |= 1 << bit
    return masks


def _stretches(masks: list[int], size: int) -> set[int]:
    """The union of every `size` consecutive masks, in linear time (blocks of `size`)."""
    n = len(masks)
    ahead, behind = masks[:], masks[:]  # union from a block's start / up to its end
    for i in range(1, n):
        if i % size:
            ahead[i] |= ahead[i - 1]
    for i in range(n - 2, -1, -1):
        if (i + 1) % size:
            behind[i] |= behind[i + 1]
    return {behind[i] | ahead[min(i + size, n) - 1] for i in range(n)}


def section_coverage(terms: list[Term], page: Postings, sizes: tuple[int, ...] = SECTIONS) -> float:
    """Mean over `sizes` of the largest share of the claim's weight so many passages state."""
    total = sum(t.weight for t in terms)
    if not total or not page.size:
        return 0.0
    masks = _masks(terms, page)
    best = [max(map(lambda m: _weight(terms, m), _stretches(masks, size))) for size in sizes]
    return sum(best) / len(sizes) / total


def _weight(terms: list[Term], mask: int) -> float:
    return sum(t.weight for b, t in enumerate(terms) if mask >> b & 1)

"""How much of a claim stretches of consecutive passages state: its page's sections.

A claim is often told across a paragraph or two of its source, with its words said in a
related form ("married", "marriage"), not only in the three sentences that share most of
its stems. The share of its weight the best stretch states, averaged over three lengths
(a few sentences, a paragraph or two, a section), tells a supported claim from a partly
supported one better than any single passage does, and depends on no one length.
"""

from __future__ import annotations

from app.verify.retrieval import Indexed
from app.verify.terms import Term

__all__ = ["SECTIONS", "section_coverage", "stem_prefixes"]

SECTIONS = (3, 10, 30)  # consecutive passages
_PREFIX = 4  # words whose stems share their first four letters are taken as related


def stem_prefixes(index: list[Indexed]) -> list[frozenset[str]]:
    """Each passage's stem prefixes, for matching related word forms."""
    return [frozenset(s[:_PREFIX] for s in p.counts if len(s) >= _PREFIX) for p in index]


def _mask(terms: list[Term], passage: Indexed, prefixes: frozenset[str]) -> int:
    """Bit i set when the passage states term i, itself or (not a number) a related form."""
    mask = 0
    for bit, t in enumerate(terms):
        related = t.kind != "number" and len(t.stem) >= _PREFIX and t.stem[:_PREFIX] in prefixes
        if related or t.stem in passage.counts:
            mask |= 1 << bit
    return mask


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


def section_coverage(
    terms: list[Term],
    index: list[Indexed],
    prefixes: list[frozenset[str]],
    sizes: tuple[int, ...] = SECTIONS,
) -> float:
    """Mean over `sizes` of the largest share of the claim's weight so many passages state."""
    total = sum(t.weight for t in terms)
    if not total or not index:
        return 0.0
    masks = [_mask(terms, p, pre) for p, pre in zip(index, prefixes, strict=True)]
    best = [max(map(lambda m: _weight(terms, m), _stretches(masks, size))) for size in sizes]
    return sum(best) / len(sizes) / total


def _weight(terms: list[Term], mask: int) -> float:
    return sum(t.weight for b, t in enumerate(terms) if mask >> b & 1)

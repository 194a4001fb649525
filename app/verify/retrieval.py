"""Passages indexed as stem sets; BM25 ranking and greedy coverage of a claim's terms."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from app.verify.claim_text import normalise_units
from app.verify.terms import Term, is_content, stem, tokens

__all__ = ["Indexed", "bm25", "cover", "coverage", "index_passages"]

_K1, _B = 1.2, 0.75


@dataclass(frozen=True, slots=True)
class Indexed:
    """A passage with its content stems, in order and counted."""

    text: str
    counts: Counter[str]
    sequence: tuple[str, ...]


def index_passages(passages: list[str]) -> list[Indexed]:
    """Every passage tokenised once."""
    out = []
    for text in passages:
        seq = tuple(stem(t) for t in tokens(normalise_units(text)) if is_content(t))
        out.append(Indexed(text, Counter(seq), seq))
    return out


def coverage(terms: list[Term], stems: set[str] | Counter[str]) -> float:
    """Share of the claim's term weight found in `stems`."""
    total = sum(t.weight for t in terms)
    return sum(t.weight for t in terms if t.stem in stems) / total if total else 0.0


def bm25(terms: list[Term], index: list[Indexed]) -> list[float]:
    """BM25 of each passage for the claim terms, each term scaled by its weight."""
    n = len(index)
    avg = sum(len(p.sequence) for p in index) / n if n else 1.0
    df = Counter(s for p in index for s in set(p.counts) if s)
    scores = []
    for p in index:
        norm = _K1 * (1 - _B + _B * len(p.sequence) / (avg or 1.0))
        score = 0.0
        for t in terms:
            tf = p.counts.get(t.stem, 0)
            if tf:
                idf = math.log(1 + (n - df[t.stem] + 0.5) / (df[t.stem] + 0.5))
                score += t.weight * idf * tf * (_K1 + 1) / (tf + norm)
        scores.append(score)
    return scores


def cover(terms: list[Term], index: list[Indexed], ranks: list[float], k: int) -> list[int]:
    """Up to `k` passages picked greedily for the claim weight each adds; BM25 breaks ties."""
    weights = {t.stem: t.weight for t in terms}
    covered: set[str] = set()
    chosen: list[int] = []
    for _ in range(k):
        best, best_key = -1, (0.0, 0.0)
        for i, p in enumerate(index):
            gain = sum(w for s, w in weights.items() if s not in covered and s in p.counts)
            if (gain, ranks[i]) > best_key and gain > 0:
                best, best_key = i, (gain, ranks[i])
        if best < 0:
            break
        chosen.append(best)
        covered.update(s for s in weights if s in index[best].counts)
    return chosen

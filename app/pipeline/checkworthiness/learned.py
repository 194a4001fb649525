"""The learned check-worthiness scorer: a linear model over named features and n-grams.

Its weights (`weights.json` beside this module) are fitted by `claimtrail train-checkworthy`
and read here with plain Python, once per process. Every term of the score is a named
feature or an n-gram's own text, so the largest terms explain the score.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Set
from dataclasses import dataclass, field
from functools import cache
from itertools import chain, compress, groupby, islice
from pathlib import Path
from typing import Any

from app.pipeline.checkworthiness.ngrams import char_grams, display_name, folded_words, word_grams

__all__ = ["WEIGHTS_PATH", "LearnedScorer", "load_scorer"]

WEIGHTS_PATH = Path(__file__).with_name("weights.json")
# an explanation lists the named features that fired, then this many n-grams
_NGRAMS_EXPLAINED = 4
_WORDS_REMEMBERED = 1 << 16


# an n-gram as an explanation ranks it: (-|weight|, tagged text, weight); sorted, the
# strongest come first, ties by text
_Term = tuple[float, str, float]
# a word's character n-grams: weight sum, count, the first key of its strongest few, those few
_WordChars = tuple[float, int, float, tuple[_Term, ...]]


@dataclass(frozen=True, slots=True)
class LearnedScorer:
    """Bias, named-feature and n-gram weights; `threshold` is the logit that maps to 0.5.

    `words` and `chars` hold the n-gram weights by their text (the file tags them "w:" and
    "c:"), so that a sentence's n-grams meet the weights in one set intersection.
    """

    bias: float
    threshold: float
    named: Mapping[str, float]
    words: Mapping[str, float]
    chars: Mapping[str, float]
    _by_word: dict[str, _WordChars] = field(default_factory=dict, repr=False, compare=False)
    _word_terms: dict[str, _Term] = field(default_factory=dict, repr=False, compare=False)
    _word_keys: set[str] = field(default_factory=set, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._word_terms.update((g, (-abs(w), f"w:{g}", w)) for g, w in self.words.items())
        self._word_keys.update(self.words)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> LearnedScorer:
        """The scorer a weights file describes."""
        ngrams: Mapping[str, float] = data["ngrams"]
        return cls(
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
            named=dict(data["named"]),
            words={k[2:]: v for k, v in ngrams.items() if k.startswith("w:")},
            chars={k[2:]: v for k, v in ngrams.items() if k.startswith("c:")},
        )

    def score(self, features: Mapping[str, float], text: str) -> tuple[float, list[str]]:
        """Score in 0..1 (0.5 at the tuned threshold) and the terms that pushed it, signed:
        every named feature that fired, then the strongest n-grams."""
        named = {n: self.named[n] * v for n, v in features.items() if self.named.get(n)}
        z = self.bias + sum(named.values()) - self.threshold
        grams: list[tuple[str, float]] = []
        if not features.get("heading"):  # see model_ngrams: fragments skip the n-grams
            z_grams, grams = self._ngrams(text)
            z += z_grams
        score = 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))
        strongest = sorted(named.items(), key=lambda item: (-abs(item[1]), item[0]))
        return score, [f"{name}:{value:+.2f}" for name, value in strongest + grams]

    def _ngrams(self, text: str) -> tuple[float, list[tuple[str, float]]]:
        """The n-grams' share of the logit, and the strongest n-grams by display name."""
        words = folded_words(text)
        if not words:
            return 0.0, []
        grams = word_grams(words)
        found = grams & self._word_keys
        distinct = set(words)
        # each word's character n-grams, remembered
        per_word = list(map(self._by_word.get, distinct))
        if None in per_word:  # a word seen for the first time
            per_word = list(map(self._word_chars, distinct))
        totals, counts, firsts, strongest = zip(*per_word, strict=True)
        # fsum: exact, so the same sentence scores the same bits whatever the set order
        # (which follows each process's hash seed)
        z = math.fsum((math.fsum(map(self.words.__getitem__, found)), *totals))
        # n-gram values are count/sqrt(total count): long sentences do not win on length alone
        scale = 1.0 / math.sqrt(len(grams) + sum(counts))
        # A character n-gram among the sentence's strongest is among its word's strongest,
        # and from a word whose strongest ranks among the first few distinct keys: any other
        # word is beaten by that many distinct n-grams. Sorting the few dozen candidates left
        # in C beats heapq.nsmallest's Python loop (same result: nsmallest(n, xs) ==
        # sorted(xs)[:n]).
        keys = sorted(set(firsts))
        cutoff = keys[min(len(keys), _NGRAMS_EXPLAINED) - 1]
        chars = compress(strongest, map(cutoff.__ge__, firsts))
        # word n-grams are distinct; a character n-gram may come from several words, and
        # sorted, its copies sit side by side
        words_top = sorted(map(self._word_terms.__getitem__, found))[:_NGRAMS_EXPLAINED]
        ranked = groupby(sorted(chain(words_top, *chars)))
        top = [term for term, _ in islice(ranked, _NGRAMS_EXPLAINED)]
        return z * scale, [(display_name(g), w * scale) for _, g, w in top]

    def _word_chars(self, word: str) -> _WordChars:
        """A word's character n-grams: their weight sum, their number, the strongest few."""
        known = self._by_word.get(word)
        if known is None:
            if len(self._by_word) >= _WORDS_REMEMBERED:
                self._by_word.clear()
            grams = char_grams(word)
            found = grams & self.chars.keys()
            total = math.fsum(map(self.chars.__getitem__, found))
            strongest = tuple(_strongest(self.chars, found, "c:"))
            first = strongest[0][0] if strongest else math.inf
            known = self._by_word[word] = (total, len(grams), first, strongest)
        return known


def _strongest(
    weights: Mapping[str, float], found: Set[str], tag: str
) -> list[tuple[float, str, float]]:
    """The strongest few of `found` as (-|weight|, tagged text, weight): sorted, they rank
    by |weight|, ties by text."""
    keyed = [(-abs(weights[g]), f"{tag}{g}", weights[g]) for g in found]
    return sorted(keyed)[:_NGRAMS_EXPLAINED]


@cache
def load_scorer(path: Path = WEIGHTS_PATH) -> LearnedScorer:
    """The scorer of a weights file, read once per process."""
    return LearnedScorer.from_json(json.loads(path.read_text(encoding="utf-8")))

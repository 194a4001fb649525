"""The learned check-worthiness scorer: a linear model over named features and n-grams.

Its weights (`weights.json` beside this module) are fitted by `claimtrail train-checkworthy`
and read here with plain Python, once per process. Every term of the score is a named
feature or an n-gram's own text, so the largest terms explain the score.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from itertools import chain, compress
from pathlib import Path
from typing import Any, cast

from app.pipeline.checkworthiness.ngrams import folded_words, padded_char_grams

__all__ = ["WEIGHTS_PATH", "LearnedScorer", "load_scorer"]

WEIGHTS_PATH = Path(__file__).with_name("weights.json")
# an explanation lists the named features that fired, then this many n-grams
_NGRAMS_EXPLAINED = 4
# words (and tokens) whose n-gram figures (words) a scorer remembers; past this many it
# forgets them all
WORDS_REMEMBERED = 1 << 16

# A word's n-gram figures: the rank of its strongest n-gram (past the last rank if none has a
# weight), its unigram's rank (or None), its character n-grams' weight sum and number, and
# the ranks of its strongest few n-grams (unigram included).
_WordFigures = tuple[int, int | None, float, int, tuple[int, ...]]


@dataclass(frozen=True, slots=True)
class LearnedScorer:
    """Bias, named-feature and n-gram weights; `threshold` is the logit that maps to 0.5.

    `words` and `chars` hold the n-gram weights by their text (the file tags them "w:" and
    "c:"). Every n-gram also has a rank, its place when all are sorted as an explanation
    lists them (by |weight|, ties by tagged text), so a sentence's strongest n-grams are
    its smallest ranks.
    """

    bias: float
    threshold: float
    named: Mapping[str, float]
    words: Mapping[str, float]
    chars: Mapping[str, float]
    _tables: _Tables = field(init=False, repr=False, compare=False)
    _signed: dict[float, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_tables", _Tables.of(self.words, self.chars))
        # no zero key: 0.0 and -0.0 are one key but print differently
        signed = {w: f"{w:+.2f}" for w in self.named.values() if w}
        object.__setattr__(self, "_signed", signed)

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
        z, fired = self.named_terms(features)
        if not features.get("heading"):  # see model_ngrams: fragments skip the n-grams
            z_grams, grams = self._tables.ngrams(text)
            z += z_grams
            fired += grams
        score = 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))
        return score, fired

    def named_terms(self, features: Mapping[str, float]) -> tuple[float, list[str]]:
        """The logit without the n-grams and the named features that fired, signed and
        strongest first."""
        weight = self.named.get
        named = {n: w * v for n, v in features.items() if (w := weight(n))}
        z = self.bias + sum(named.values()) - self.threshold
        strongest = sorted(named.items(), key=lambda item: (-abs(item[1]), item[0]))
        # a feature's value is nearly always 1, its term then its weight, already formatted
        signed = self._signed.get
        return z, [f"{n}:{signed(v) or format(v, '+.2f')}" for n, v in strongest]


@dataclass(frozen=True, slots=True)
class _Tables:
    """The n-gram weights arranged for scoring: by rank, and word pairs as tuples."""

    weights: tuple[float, ...]  # by rank
    labels: tuple[str, ...]  # by rank, as an explanation names the n-gram: "ngram:'per cent'"
    char_ranks: Mapping[str, int]
    word_ranks: Mapping[str, int]
    pair_ranks: Mapping[tuple[str, str], int]
    by_word: dict[str, _WordFigures]
    by_token: dict[str, tuple[str, ...]]

    @classmethod
    def of(cls, words: Mapping[str, float], chars: Mapping[str, float]) -> _Tables:
        """Rank every n-gram: "c:x" sorts before "w:x", so the kind breaks ties before text."""
        ranked = sorted(
            chain(
                ((-abs(w), 0, g) for g, w in chars.items()),
                ((-abs(w), 1, g) for g, w in words.items()),
            )
        )
        char_ranks: dict[str, int] = {}
        word_ranks: dict[str, int] = {}
        pair_ranks: dict[tuple[str, str], int] = {}
        labels = []
        weights = []
        for rank, (_, kind, gram) in enumerate(ranked):
            if kind == 0:
                char_ranks[gram] = rank
                weights.append(chars[gram])
                labels.append(f"chars:'{gram}'")
                continue
            weights.append(words[gram])
            labels.append(f"ngram:'{gram}'")
            pair = gram.split(" ")
            if len(pair) == 1:
                word_ranks[gram] = rank
            elif len(pair) == 2:  # no other text is ever a sentence's word n-gram
                pair_ranks[pair[0], pair[1]] = rank
        return cls(tuple(weights), tuple(labels), char_ranks, word_ranks, pair_ranks, {}, {})

    def ngrams(self, text: str) -> tuple[float, list[str]]:
        """The n-grams' share of the logit and the strongest n-grams, named and signed.

        The word and character n-grams counted are those of `ngram_counts`: each distinct
        word n-gram once, each word's character n-grams once per distinct word.
        """
        words = self.words_of(text)
        if not words:
            return 0.0, []
        distinct = set(words)
        try:
            firsts, unigrams, totals, counts, strongest = zip(
                *map(self.by_word.get, distinct), strict=True
            )
        except TypeError:  # None: a word seen for the first time
            firsts, unigrams, totals, counts, strongest = zip(
                *map(self.word_figures, distinct), strict=True
            )
        # the sentence's word n-grams that have a weight, by rank (distinct as their texts are)
        found = set(map(self.pair_ranks.get, zip(words, words[1:], strict=False)))
        found.update(unigrams)
        found.discard(None)
        grams = cast("set[int]", found)
        # with no word repeated, no pair of words repeats either
        pairs = (
            len(words) - 1
            if len(distinct) == len(words)
            else len(set(zip(words, words[1:], strict=False)))
        )
        weights = self.weights
        # fsum: exact, so the same sentence scores the same bits whatever the set order
        # (which follows each process's hash seed)
        z = math.fsum((math.fsum(map(weights.__getitem__, grams)), *totals))
        # n-gram values are count/sqrt(total count): long sentences do not win on length alone
        scale = 1.0 / math.sqrt(len(distinct) + pairs + sum(counts))
        # An n-gram among the sentence's strongest is among the strongest few of each word
        # that holds it (fewer than that many distinct n-grams of the sentence outrank it),
        # and from a word whose strongest ranks among the first few of the words' strongest.
        keys = sorted(set(firsts))
        cutoff = keys[min(len(keys), _NGRAMS_EXPLAINED) - 1]
        top = sorted(grams.union(*compress(strongest, map(cutoff.__ge__, firsts))))
        top = top[:_NGRAMS_EXPLAINED]
        labels = self.labels
        return z * scale, [f"{labels[r]}:{weights[r] * scale:+.2f}" for r in top]

    def words_of(self, text: str) -> list[str]:
        """`folded_words(text)`, from the words of each whitespace-separated token, remembered
        (no word spans a space, and a token folds as it does within the text)."""
        tokens = text.split()
        try:
            return list(chain.from_iterable(map(self.by_token.get, tokens)))  # type: ignore[arg-type]
        except TypeError:  # None: a token seen for the first time
            return list(chain.from_iterable(map(self.token_words, tokens)))

    def token_words(self, token: str) -> tuple[str, ...]:
        """The folded words of one token, remembered; the same word is the same string."""
        known = self.by_token.get(token)
        if known is None:
            if len(self.by_token) >= WORDS_REMEMBERED:
                self.by_token.clear()
            known = self.by_token[token] = tuple(map(sys.intern, folded_words(token)))
        return known

    def word_figures(self, word: str) -> _WordFigures:
        """A word's n-gram figures (see `_WordFigures`), remembered."""
        known = self.by_word.get(word)
        if known is None:
            if len(self.by_word) >= WORDS_REMEMBERED:
                self.by_word.clear()
            grams = padded_char_grams(word)
            ranks = list(map(self.char_ranks.__getitem__, grams & self.char_ranks.keys()))
            total = math.fsum(map(self.weights.__getitem__, ranks))
            unigram = self.word_ranks.get(word)
            if unigram is not None:
                ranks.append(unigram)
            ranks.sort()
            known = self.by_word[word] = (
                ranks[0] if ranks else len(self.weights),
                unigram,
                total,
                len(grams),
                tuple(ranks[:_NGRAMS_EXPLAINED]),
            )
        return known


@cache
def load_scorer(path: Path = WEIGHTS_PATH) -> LearnedScorer:
    """The scorer of a weights file, read once per process."""
    return LearnedScorer.from_json(json.loads(path.read_text(encoding="utf-8")))

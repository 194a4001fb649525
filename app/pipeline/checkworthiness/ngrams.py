"""The word and character n-grams of a sentence, as the learned scorer reads them.

Training (app/evaluation) and the runtime scorer both read `folded_words`, `word_grams`
and `char_grams`, so a weight
learned for an n-gram is found again under the same text. Digits fold to "0" so that
"$4.5 billion" and "$7.2 billion" share their n-grams.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

__all__ = [
    "CHAR_SIZES",
    "char_grams",
    "display_name",
    "folded_words",
    "model_ngrams",
    "padded_char_grams",
    "ngram_counts",
    "sentence_ngrams",
    "word_grams",
]

# word 1-2 grams; character 3-5 grams inside each word padded with one space either side
CHAR_SIZES = (3, 4, 5)
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_DIGIT = re.compile(r"\d")


def folded_words(text: str) -> list[str]:
    """The sentence's words, lower-cased, digits folded to "0", curly apostrophes straight."""
    return _TOKEN.findall(_DIGIT.sub("0", text.lower().replace("’", "'")))


def padded_char_grams(word: str) -> frozenset[str]:
    """Character 3-5 grams of one word padded with a space either side."""
    padded = f" {word} "
    return frozenset(
        padded[i : i + size] for size in CHAR_SIZES for i in range(len(padded) - size + 1)
    )


# training reads the same words again and again, so their n-grams are worth remembering (the
# runtime scorer remembers its own per-word sums instead)
char_grams = lru_cache(maxsize=1 << 16)(padded_char_grams)


def word_grams(words: list[str]) -> set[str]:
    """Distinct word 1-2 grams ("per", "per cent")."""
    grams = set(words)
    grams.update(map(" ".join, zip(words, words[1:], strict=False)))
    return grams


def ngram_counts(text: str) -> dict[str, int]:
    """Tagged n-grams and how often each counts: "w:per cent" once, "c: per" once for each
    distinct word that holds it (so a word's character n-grams sum on their own)."""
    words = folded_words(text)
    counts = {f"w:{g}": 1 for g in word_grams(words)}
    for word in set(words):
        for gram in char_grams(word):
            key = f"c:{gram}"
            counts[key] = counts.get(key, 0) + 1
    return counts


def sentence_ngrams(text: str) -> set[str]:
    """The distinct tagged n-grams of a sentence."""
    return set(ngram_counts(text))


def model_ngrams(text: str, features: Mapping[str, float]) -> dict[str, int]:
    """The n-grams the learned scorer reads: none for a fragment without a closing stop.

    A date line, a label or a caption (`heading` fires) is scored by its named features
    alone: the n-gram weights were learned on full sentences, which such text is not.
    """
    return {} if features.get("heading") else ngram_counts(text)


def display_name(ngram: str) -> str:
    """How an explanation names a tagged n-gram: "ngram:'per cent'" or "chars:' per'"."""
    kind, text = ngram.split(":", 1)
    return f"{'ngram' if kind == 'w' else 'chars'}:'{text}'"

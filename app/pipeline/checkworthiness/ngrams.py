"""The word and character n-grams of a sentence, as the learned scorer reads them.

Training (app/evaluation) and the runtime scorer both start from `ngram_sets`, so a weight
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
    "ngram_sets",
    "sentence_ngrams",
]

# word 1-2 grams; character 3-5 grams inside each word padded with one space either side
CHAR_SIZES = (3, 4, 5)
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_DIGIT = re.compile(r"\d")


def folded_words(text: str) -> list[str]:
    """The sentence's words, lower-cased, digits folded to "0", curly apostrophes straight."""
    return _TOKEN.findall(_DIGIT.sub("0", text.lower().replace("’", "'")))


@lru_cache(maxsize=1 << 16)
def char_grams(word: str) -> frozenset[str]:
    """Character 3-5 grams of one word padded with a space either side."""
    # words repeat from sentence to sentence, so their n-grams are worth remembering
    padded = f" {word} "
    return frozenset(
        padded[i : i + size] for size in CHAR_SIZES for i in range(len(padded) - size + 1)
    )


def ngram_sets(text: str) -> tuple[set[str], set[str]]:
    """Distinct word 1-2 grams ("per cent") and in-word character grams (" per")."""
    words = folded_words(text)
    grams = set(words)
    grams.update(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))
    chars: set[str] = set().union(*map(char_grams, set(words)))
    return grams, chars


def sentence_ngrams(text: str) -> set[str]:
    """Both sets as one, each n-gram tagged with its kind: "w:per cent", "c: per"."""
    words, chars = ngram_sets(text)
    return {f"w:{g}" for g in words} | {f"c:{g}" for g in chars}


def model_ngrams(text: str, features: Mapping[str, float]) -> set[str]:
    """The n-grams the learned scorer reads: none for a fragment without a closing stop.

    A date line, a label or a caption (`heading` fires) is scored by its named features
    alone: the n-gram weights were learned on full sentences, which such text is not.
    """
    return set() if features.get("heading") else sentence_ngrams(text)


def display_name(ngram: str) -> str:
    """How an explanation names a tagged n-gram: "ngram:'per cent'" or "chars:' per'"."""
    kind, text = ngram.split(":", 1)
    return f"{'ngram' if kind == 'w' else 'chars'}:'{text}'"

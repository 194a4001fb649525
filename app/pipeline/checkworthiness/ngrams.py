"""The word and character n-grams of a sentence, as the learned scorer reads them.

Training (app/evaluation) and the runtime scorer both call `sentence_ngrams`, so a weight
learned for an n-gram is found again under the same text. Digits fold to "0" so that
"$4.5 billion" and "$7.2 billion" share their n-grams.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

__all__ = ["CHAR_SIZES", "display_name", "model_ngrams", "sentence_ngrams"]

# word 1-2 grams; character 3-5 grams inside each word padded with one space either side
CHAR_SIZES = (3, 4, 5)
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_DIGIT = re.compile(r"\d")


def sentence_ngrams(text: str) -> set[str]:
    """Distinct n-grams: "w:per cent" for words, "c: per" for characters within a word."""
    words = _TOKEN.findall(_DIGIT.sub("0", text.lower().replace("’", "'")))
    found = {f"w:{word}" for word in words}
    found.update(f"w:{a} {b}" for a, b in zip(words, words[1:], strict=False))
    for word in set(words):
        padded = f" {word} "
        for size in CHAR_SIZES:
            found.update(f"c:{padded[i : i + size]}" for i in range(len(padded) - size + 1))
    return found


def model_ngrams(text: str, features: Mapping[str, float]) -> set[str]:
    """The n-grams the learned scorer reads: none for a fragment without a closing stop.

    A date line, a label or a caption (`heading` fires) is scored by its named features
    alone: the n-gram weights were learned on full sentences, which such text is not.
    """
    return set() if features.get("heading") else sentence_ngrams(text)


def display_name(ngram: str) -> str:
    """How an explanation names an n-gram: "ngram:'per cent'" or "chars:' per'"."""
    kind, text = ngram.split(":", 1)
    return f"{'ngram' if kind == 'w' else 'chars'}:'{text}'"

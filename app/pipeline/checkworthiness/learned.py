"""The learned check-worthiness scorer: a linear model over named features and n-grams.

Its weights (`weights.json` beside this module) are fitted by `claimtrail train-checkworthy`
and read here with plain Python, once per process. Every term of the score is a named
feature or an n-gram's own text, so the largest terms explain the score.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from app.pipeline.checkworthiness.ngrams import display_name, model_ngrams

__all__ = ["WEIGHTS_PATH", "LearnedScorer", "load_scorer"]

WEIGHTS_PATH = Path(__file__).with_name("weights.json")
# an explanation lists the named features that fired, then this many n-grams
_NGRAMS_EXPLAINED = 4


@dataclass(frozen=True, slots=True)
class LearnedScorer:
    """Bias, named-feature and n-gram weights; `threshold` is the logit that maps to 0.5."""

    bias: float
    threshold: float
    named: Mapping[str, float]
    ngrams: Mapping[str, float]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> LearnedScorer:
        """The scorer a weights file describes."""
        return cls(
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
            named=dict(data["named"]),
            ngrams=dict(data["ngrams"]),
        )

    def terms(
        self, features: Mapping[str, float], text: str
    ) -> tuple[dict[str, float], dict[str, float]]:
        """The non-zero terms of the logit: named features, and n-grams by display name."""
        named = {n: self.named[n] * v for n, v in features.items() if self.named.get(n)}
        grams = model_ngrams(text, features)
        found = {}
        if grams:
            # n-gram values are 1/sqrt(count), so long sentences do not win on length alone
            scale = 1.0 / math.sqrt(len(grams))
            for gram in grams:
                weight = self.ngrams.get(gram)
                if weight:
                    found[display_name(gram)] = weight * scale
        return named, found

    def score(self, features: Mapping[str, float], text: str) -> tuple[float, list[str]]:
        """Score in 0..1 (0.5 at the tuned threshold) and the terms that pushed it, signed."""
        named, grams = self.terms(features, text)
        z = self.bias + sum(named.values()) + sum(grams.values()) - self.threshold
        score = 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))
        strongest = _strongest(named) + _strongest(grams)[:_NGRAMS_EXPLAINED]
        return score, [f"{name}:{value:+.2f}" for name, value in strongest]


def _strongest(terms: Mapping[str, float]) -> list[tuple[str, float]]:
    return sorted(terms.items(), key=lambda item: (-abs(item[1]), item[0]))


@cache
def load_scorer(path: Path = WEIGHTS_PATH) -> LearnedScorer:
    """The scorer of a weights file, read once per process."""
    return LearnedScorer.from_json(json.loads(path.read_text(encoding="utf-8")))

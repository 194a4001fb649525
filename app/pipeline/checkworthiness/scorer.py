"""Check-worthiness as a logistic score over named features, so every score can be explained."""

from __future__ import annotations

import math
from collections.abc import Mapping

__all__ = ["BIAS", "WEIGHTS", "score_features"]

# Hand-set, then checked against the dev gold. Positive weights are evidence of a checkable
# fact; negative weights mark the asides, questions and opinions that frame the facts.
BIAS = -0.6
WEIGHTS: Mapping[str, float] = {
    "cited": 3.0,
    "attributed": 1.5,
    "number": 1.2,
    "date": 0.8,
    "entity": 1.3,
    "entities": 0.4,
    "reporting": 0.9,
    "quote": 0.3,
    "past_event": 0.7,
    "event_opening": 0.5,
    "generic_subject": 0.4,
    "fact_verb": 0.9,
    "causal": 0.7,
    "quantifier": 0.4,
    "comparative": 0.3,
    "comparison": 0.5,
    "ranking": 0.6,
    "count_word": 0.6,
    "dense": 0.5,
    "sparse": -0.6,
    "question": -3.0,
    "imperative": -2.5,
    "call_to_action": -2.5,
    "second_person": -2.0,
    "first_person": -1.5,
    "rhetorical": -1.5,
    "opinion": -2.0,
    "speculation": -1.0,
    "hedge": -0.8,
    "deictic_start": -1.2,
    "wh_start": -1.2,
    "meta_text": -3.5,
    "heading": -0.6,
    "title_case": -1.0,
}


def score_features(features: Mapping[str, float]) -> tuple[float, list[str]]:
    """Logistic score in 0..1 and the fired features as "name:+weight", strongest first."""
    fired = {name: WEIGHTS[name] * value for name, value in features.items() if name in WEIGHTS}
    z = BIAS + sum(fired.values())
    score = 1.0 / (1.0 + math.exp(-z))
    ordered = sorted(fired.items(), key=lambda item: -abs(item[1]))
    return score, [f"{name}:{weight:+.2f}" for name, weight in ordered if weight]

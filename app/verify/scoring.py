"""The support score: a logistic model over a few named features, fitted on WiCE dev.

The weights and the two status thresholds live in `params.json`, written by
`python -m app.evaluation.verify_fit` (5-fold cross-validation; see that module).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

__all__ = ["FEATURES", "Params", "load_params", "support_score"]

FEATURES = (
    "words",  # share of the claim's plain words stated in its best passages
    "names",  # share of its names
    "numbers",  # share of its numbers (1 when it has none)
    "best_passage",  # share of all its terms in the single passage that states most
    "figures_stated",  # share of its typed figures the page states (1 when it has none)
    "figures_unstated",  # 1 when a figure written in digits is nowhere on the page
    "length",  # log of the number of content terms
    "bigrams",  # share of its adjacent word pairs found adjacent in a passage
)
_PARAMS = Path(__file__).with_name("params.json")


@dataclass(frozen=True, slots=True)
class Params:
    """Weights per feature, intercept, and the score cut-offs of the statuses."""

    weights: dict[str, float]
    intercept: float
    supported: float
    partially_supported: float


def load_params(path: Path = _PARAMS) -> Params:
    """The fitted parameters; neutral ones if the file is missing."""
    if not path.is_file():
        return Params({f: 1.0 for f in FEATURES}, -3.0, 0.7, 0.4)
    raw = json.loads(path.read_text(encoding="utf-8"))
    return Params(
        {f: float(raw["weights"].get(f, 0.0)) for f in FEATURES},
        float(raw["intercept"]),
        float(raw["thresholds"]["supported"]),
        float(raw["thresholds"]["partially_supported"]),
    )


def support_score(features: dict[str, float], params: Params) -> float:
    """Logistic score in [0, 1]."""
    z = params.intercept + sum(params.weights[f] * features[f] for f in FEATURES)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

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

# The features the score weighs. The analysis reports more (the share of plain words, of the
# single best passage, of word pairs, a figure nowhere on the page, the claim's length), but
# with these four in the model they only added noise: out-of-fold ROC AUC on WiCE dev 0.825
# with all eight of the earlier model, 0.840 with the section added to them, 0.850 with these.
FEATURES = (
    "names",  # share of the claim's names stated in its best passages
    "numbers",  # share of its numbers (1 when it has none)
    "figures_stated",  # share of its typed figures the page states (1 when it has none)
    "section",  # share of its weight the best ten consecutive passages state (related forms)
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

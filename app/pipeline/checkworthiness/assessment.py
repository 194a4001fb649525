"""Check-worthiness, kinds and quantities of one body sentence (citation markers removed)."""

from __future__ import annotations

from collections.abc import Sequence

from app.pipeline.checkworthiness.features import extract_features
from app.pipeline.checkworthiness.kinds import detect_kinds, quoted_words
from app.pipeline.checkworthiness.learned import LearnedScorer, load_scorer
from app.pipeline.checkworthiness.quantities import parse_quantities
from app.pipeline.checkworthiness.scripts import UNREAD_FEATURE, unread_score
from app.pipeline.types import Assessment, Quantity

__all__ = ["CLAIM_THRESHOLD", "assess", "named_features"]

# A sentence is a claim when it is cited or scores at least this much; the learned scorer
# places its tuned threshold at 0.5.
CLAIM_THRESHOLD = 0.5


def named_features(
    text: str, quantities: Sequence[Quantity], kinds: Sequence[str], *, cited: bool,
    attributed_to: Sequence[str],
) -> dict[str, float]:  # fmt: skip
    """The named features the scorers read: `extract_features` plus two of the kinds."""
    features = extract_features(text, quantities, cited=cited, attributed_to=attributed_to)
    features.update({kind: 1.0 for kind in ("comparison", "speculation") if kind in kinds})
    return features


def assess(
    text: str, *, cited: bool, attributed_to: Sequence[str] = (),
    scorer: LearnedScorer | None = None,
) -> Assessment:  # fmt: skip
    """Score one sentence (markers already removed) for check-worthiness, 0..1, with the
    shipped weights unless `scorer` is given."""
    quantities = parse_quantities(text)
    kinds = detect_kinds(text, quantities, attributed_to)
    if (unread := unread_score(text)) is not None:
        return Assessment(unread, [UNREAD_FEATURE], kinds, quantities)
    inner = quoted_words(text)
    if inner is not None and not cited:
        # a direct quotation is as check-worthy as the words quoted, whoever says them
        inner_q = parse_quantities(inner)
        inner_kinds = detect_kinds(inner, inner_q)
        # the quoted words end where the quotation closes, never like a heading
        spoken = inner if inner.endswith((".", "!", "?", "…")) else inner + "."
        features = named_features(spoken, inner_q, inner_kinds, cited=False, attributed_to=())
        score, fired = (scorer or load_scorer()).score(features, inner + ".")
    else:
        features = named_features(text, quantities, kinds, cited=cited, attributed_to=attributed_to)
        score, fired = (scorer or load_scorer()).score(features, text)
    return Assessment(checkworthiness=score, features=fired, kinds=kinds, quantities=quantities)

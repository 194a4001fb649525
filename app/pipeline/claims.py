"""Check-worthiness, kinds and quantities of one sentence (placeholder until issue 4 lands)."""

from __future__ import annotations

from collections.abc import Sequence

from app.pipeline.types import Assessment

__all__ = ["assess"]


def assess(text: str, *, cited: bool, attributed_to: Sequence[str] = ()) -> Assessment:
    """Score one sentence (markers already removed) for check-worthiness, 0..1."""
    score = 0.9 if cited or attributed_to else 0.3
    return Assessment(checkworthiness=score, features=["cited"] if cited else [])

"""Figures of a claim checked against the page: present, or contradicted by another value."""

from __future__ import annotations

import math
from collections.abc import Iterable

from app.pipeline.checkworthiness.quantities import parse_quantities
from app.pipeline.types import Quantity
from app.verify.claim_text import normalise_units
from app.verify.terms import stem, tokens

__all__ = ["conflicting_passage"]


def _numbers(text: str) -> list[str]:
    """Normalised numeric tokens of a quantity's text."""
    return [stem(t) for t in tokens(text) if t[:1].isdigit()]


def _same(a: float | None, b: float | None) -> bool:
    """Equal up to printing precision; an unknown value equals nothing."""
    return a is not None and b is not None and math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _unconfirmed(claim: str, page: set[str], found: list[Quantity]) -> list[Quantity]:
    """Claim quantities with a unit whose value the page never states."""
    out = []
    for q in parse_quantities(normalise_units(claim)):
        if not q.unit or all(n in page for n in _numbers(q.text)):
            continue
        if not any(f.unit == q.unit and _same(f.value, q.value) for f in found):
            out.append(q)
    return out


def conflicting_passage(
    claim: str, page: set[str], candidates: Iterable[tuple[int, str]]
) -> int | None:
    """Index of a candidate stating another value in the same unit for a figure of the claim."""
    parsed = [(i, parse_quantities(normalise_units(text))) for i, text in candidates]
    found = [q for _, qs in parsed for q in qs]
    missing = _unconfirmed(claim, page, found)
    for i, qs in parsed:
        for q in qs:
            if q.value is not None and any(
                q.unit == m.unit and not _same(q.value, m.value) for m in missing
            ):
                return i
    return None

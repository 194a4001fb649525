"""Claim and passage text made comparable: markers, attribution clauses, unit abbreviations."""

from __future__ import annotations

import re

__all__ = ["normalise_units", "strip_attribution"]

_MARKERS = re.compile(r"\[(?:\d+(?:[,–-]\s*\d+)*|citation needed|by whom\?)\]")
_ACCORDING = re.compile(r",?\s*\baccording to\b[^,;]*?(?=[,;]|\.?\s*$)", re.IGNORECASE)
_LEADING = re.compile(r"^(?:according to|as reported by)\b[^,]*,\s*", re.IGNORECASE)
_TRAILING = re.compile(
    r",\s*(?:the\s+)?[\w’' .-]{1,60}?\s+"
    r"(?:said|says|shows|showed|reported|reports|stated|states|announced|added|noted)\.?\s*$",
    re.IGNORECASE,
)
_UNITS = {
    "TWh": "terawatt-hours", "GWh": "gigawatt-hours", "MWh": "megawatt-hours",
    "kWh": "kilowatt-hours", "TW": "terawatts", "GW": "gigawatts", "MW": "megawatts",
    "kW": "kilowatts", "km": "kilometres", "kg": "kilograms", "mph": "miles per hour",
    "sq mi": "square miles", "bn": "billion", "mn": "million",
}  # fmt: skip
_UNIT = re.compile(r"(?<=\d)(\s?)(" + "|".join(map(re.escape, _UNITS)) + r")\b")


def strip_attribution(claim: str) -> str:
    """The claim without citation markers and "according to …" / "…, X said" clauses."""
    text = _MARKERS.sub("", claim).strip()
    text = _LEADING.sub("", text)
    text = _ACCORDING.sub("", text)
    stripped = _TRAILING.sub("", text)
    # A clause that is the whole claim ("The agency said so.") is kept.
    return stripped if len(stripped.split()) >= 4 else text


def normalise_units(text: str) -> str:
    """Unit abbreviations after a number spelled out, so "3.9 GW" matches "3.9 gigawatts"."""
    return _UNIT.sub(lambda m: " " + _UNITS[m.group(2)], text)

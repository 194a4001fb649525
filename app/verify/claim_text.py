"""Claim and passage text made comparable: markers, attribution clauses, units, dates."""

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
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip
_ISO_DATE = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")
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
    """Unit abbreviations and ISO dates spelled out: "3.9 GW" -> "3.9 gigawatts"."""
    text = _ISO_DATE.sub(_spelled_date, text)
    return _UNIT.sub(lambda m: " " + _UNITS[m.group(2)], text)


def _spelled_date(m: re.Match[str]) -> str:
    """An ISO date as "2018 November 10"; left alone if the month is not one."""
    month = int(m["m"])
    return f"{m['y']} {_MONTHS[month - 1]} {int(m['d'])}" if 1 <= month <= 12 else m.group()

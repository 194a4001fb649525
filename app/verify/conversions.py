"""A claim's figure and its conversion in brackets that disagree: "355 feet (43 m)".

Wikipedia states a measure in two units ("355 feet (108 m)"); the two always agree. When they
do not, one of them is misstated, and the page tells which: it states the other one's value.
"""

from __future__ import annotations

import re

from app.verify.clashes import Clash, PageValues

__all__ = ["conversion_clash"]

# unit word -> (dimension, size in that dimension's base unit)
_UNITS = {
    "ft": ("length", 0.3048), "feet": ("length", 0.3048), "foot": ("length", 0.3048),
    "yd": ("length", 0.9144), "yards": ("length", 0.9144), "yard": ("length", 0.9144),
    "mi": ("length", 1609.344), "miles": ("length", 1609.344), "mile": ("length", 1609.344),
    "inches": ("length", 0.0254), "inch": ("length", 0.0254),
    "m": ("length", 1.0), "metres": ("length", 1.0), "meters": ("length", 1.0),
    "metre": ("length", 1.0), "meter": ("length", 1.0), "km": ("length", 1000.0),
    "kilometres": ("length", 1000.0), "kilometers": ("length", 1000.0), "cm": ("length", 0.01),
    "lb": ("mass", 0.45359), "lbs": ("mass", 0.45359), "pounds": ("mass", 0.45359),
    "kg": ("mass", 1.0), "kilograms": ("mass", 1.0),
    "tonnes": ("mass", 1000.0), "sq ft": ("area", 0.092903), "square feet": ("area", 0.092903),
    "m2": ("area", 1.0), "m²": ("area", 1.0), "acres": ("area", 4046.86), "ha": ("area", 1e4),
    "hectares": ("area", 1e4), "sq mi": ("area", 2.59e6), "km2": ("area", 1e6),
    "km²": ("area", 1e6),
}  # fmt: skip
_UNIT = "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True))
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_PAIR = re.compile(
    rf"(?P<a>{_NUMBER})[\s\u00a0-]?(?P<ua>{_UNIT})\s*\(\s*(?P<b>{_NUMBER})[\s\u00a0]?"
    rf"(?P<ub>{_UNIT})(?![\w²])"
)
_PAGE = re.compile(rf"(?P<n>{_NUMBER})[\s\u00a0-]?(?P<u>{_UNIT})(?![\w²])")
_AGREE = 0.15  # a conversion rounds; a misstatement is further off than this
_STATES = 0.05  # how near a page's figure must be to a converted one to state it


def _size(number: str, unit: str) -> tuple[str, float]:
    dimension, factor = _UNITS[unit.lower() if unit.lower() in _UNITS else unit]
    return dimension, float(number.replace(",", "")) * factor


def _near(a: float, b: float, share: float) -> bool:
    return b > 0 and abs(a / b - 1) <= share


def conversion_clash(claim: str, page: PageValues) -> Clash | None:
    """The bracketed pair of the claim that disagrees, against the page's figure that states
    one side of it: the other side is the misstated one."""
    for m in _PAIR.finditer(claim):
        (dim_a, a), (dim_b, b) = _size(m["a"], m["ua"]), _size(m["b"], m["ub"])
        if dim_a != dim_b or _near(a, b, _AGREE):
            continue
        for i, text in enumerate(page.passages):
            for p in _PAGE.finditer(text):
                dim_p, size = _size(p["n"], p["u"])
                if dim_p != dim_a:
                    continue
                for stated, wrong in ((a, "b"), (b, "a")):
                    if _near(size, stated, _STATES):
                        said = claim[m.start(wrong) : m.end("u" + wrong)]
                        reason = (
                            f"the claim says {said!r}, which its own conversion contradicts; "
                            f"the page says {p.group()!r}"
                        )
                        return Clash(i, said, p.group(), reason)
    return None

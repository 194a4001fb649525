"""Money, percentages, measures and counts in one sentence, with magnitudes and ranges."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from app.pipeline.checkworthiness import quantity_patterns as qp
from app.pipeline.regex_case import lower_as_regex
from app.pipeline.types import Quantity

__all__ = ["parse_quantities"]


@dataclass(slots=True)
class _Atom:
    """One number as found, before ranges are joined."""

    start: int
    end: int
    value: float
    cur: str | None
    mag: int
    unit: str | None
    per: str | None
    bare: bool

    @property
    def label(self) -> str | None:
        """The unit as reported: currency code or unit, then "/per" if any."""
        base = self.cur or self.unit
        return f"{base}/{self.per}" if base and self.per else base


def _value(num: str, exp: int) -> float | None:
    """Exact decimal value of a printed number times 10**exp; None if it does not fit a float."""
    if num.startswith("10^") or num.startswith("10**"):
        num = "1e" + num.replace("*", "^").split("^")[-1]
    try:
        value = float(Decimal(num.replace(",", "")).scaleb(exp))
    except (InvalidOperation, ValueError, OverflowError):
        return None
    return value if math.isfinite(value) else None


def _singular(word: str) -> str:
    """Naive singular of a lowercase unit or count noun."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def _is_plural(word: str) -> bool:
    """True for a lowercase word that looks like a plural noun."""
    return word not in qp.NOT_NOUN and word.endswith("s") and _singular(word) != word


def _unit_after(text: str, pos: int, compound: bool, nouns: bool = True) -> tuple[str | None, int]:
    """Unit or counted noun right after `pos`, and where it ends."""
    if m := qp.UNIT.match(text, pos):
        unit = m["u"]
        return (_singular(unit) if unit.islower() and len(unit) > 3 else unit), m.end()
    if not nouns:
        return None, pos
    m = qp.NOUN.match(text, pos)
    if m and m["n"] in qp.PLURALS:
        return m["n"], m.end()
    if m and m["n"] not in qp.NOT_NOUN and (_is_plural(m["n"]) or compound):
        return _singular(m["n"]), m.end()
    if (m := qp.ADJ_NOUN.match(text, pos)) and m["adj"] not in qp.NOT_NOUN and _is_plural(m["n"]):
        return _singular(m["n"]), m.end()
    return None, pos


def _atom(text: str, m: re.Match[str]) -> _Atom | None:
    """Read one number match with its magnitude, currency and unit; None if it is no amount."""
    mag_raw = (m["mag"] or "").strip(" \u00a0-")
    cur = qp.CURRENCY.get((m["cur"] or "").strip())
    end = m.end()
    if mag_raw in ("m", "b") and not cur:
        mag_raw, end = "", m.end("num")
    if text[end : end + 1].isalpha() and not qp.UNIT.match(text, end):
        return None  # "8x22B", "1st": a name or an ordinal, not an amount
    exp = qp.MAGS.get(mag_raw.lower(), 0)
    value = _value(m["num"], exp)
    if value is None:
        return None
    unit: str | None = "percent" if m["pct"] else None
    if unit is None:
        compound = bool(m["mag"]) and "-" in m["mag"]
        # After money the currency is the unit: "$6.4 billion buys" counts no "buys".
        unit, end = _unit_after(text, end, compound, nouns=not cur)
        if unit in ("dollar", "euro", "yen") and not cur:
            cur, unit = qp.CURRENCY[unit], None
        elif unit in ("dollar", "euro", "yen"):
            unit = None
    per = qp.PER.match(text, end)
    per_word = _singular(per["p"]) if per and per["p"] not in qp.NOT_NOUN else None
    if per is not None and per_word is not None:
        end = per.end()
    known = bool(unit and qp.UNIT.fullmatch(" " + unit))
    bare = not (cur or exp or m["pct"] or known)
    return _Atom(m.start(), end, value, cur, exp, unit, per_word, bare)


def _is_noise(text: str, a: _Atom) -> bool:
    """True for years, identifiers ("Section 36", "Top 10", "Llama 3") and other non-amounts."""
    if not a.bare:
        return False
    if qp.YEAR.fullmatch(text[a.start : a.end].split()[0]):
        return True
    begin = max(0, a.start - 40)
    if qp.ID_WORD.search(text, begin, a.start):
        return True
    return a.unit is None and qp.ID_NAME.search(text, begin, a.start) is not None


def _join(text: str, a: _Atom, b: _Atom) -> Quantity | None:
    """One range quantity from two atoms linked by "to", "-" or "between … and"."""
    link = text[a.end : b.start]
    if not qp.LINK.fullmatch(link) or qp.FROM.search(text, 0, a.start):
        return None
    if link.strip() == "and" and not qp.BETWEEN.search(text, 0, a.start):
        return None
    if a.unit and b.unit and a.unit != b.unit:
        return None
    lo = a.value * 10.0 ** (b.mag if not a.mag else 0)
    cur, unit, per = a.cur or b.cur, b.unit or a.unit, b.per or a.per
    label = _Atom(0, 0, lo, cur, 0, unit, per, False).label
    return Quantity(text=text[a.start : b.end], value=lo, unit=label, low=lo, high=b.value)


def _is_score(text: str, a: _Atom, b: _Atom) -> bool:
    """True for a tally such as "a 7-2 vote" or "won 3–1": bare numbers, hyphen, falling."""
    return a.bare and b.bare and a.end + 1 == b.start and text[a.end] in "-–" and b.value < a.value


def _ratios(text: str) -> list[tuple[int, Quantity]]:
    """Proportions such as "1 in 5" or "three out of 4" as a fraction with unit "ratio"."""
    out = []
    for m in qp.RATIO.finditer(text):
        part, whole = int(m["part"]), int(m["whole"])
        if 0 < part <= whole <= 1000:
            out.append((m.start(), Quantity(text=m.group(), value=part / whole, unit="ratio")))
    return out


def _words(text: str) -> list[tuple[int, Quantity]]:
    """Amounts spelled with words: "half-trillion", "a billion", "hundreds of millions"."""
    out: list[tuple[int, Quantity]] = []
    if not qp.may_hold_word_amount(text):
        return out
    for m in qp.WORD_AMOUNT.finditer(text):
        if m["vague"]:
            exp = qp.MAGS[lower_as_regex(m["vmag"])[:-1]] + (
                1 if lower_as_regex(m["vague"]) == "tens" else 2
            )
            lo, hi = 10.0**exp, 10.0 ** (exp + 1)
            out.append((m.start(), Quantity(text=m.group(), value=lo, low=lo, high=hi)))
            continue
        word = lower_as_regex(m["w"])
        base = 0.5 if word.startswith(("half", "a half")) else qp.SMALL_NUMBERS.get(word, 1)
        value = base * 10.0 ** qp.MAGS[lower_as_regex(m["mag"])]
        unit, end = _unit_after(text, m.end(), compound="-" in m.group())
        unit = qp.CURRENCY.get(unit or "", unit)
        out.append((m.start(), Quantity(text=text[m.start() : end], value=value, unit=unit)))
    return out


def _atoms(text: str, masks: list[tuple[int, int]]) -> list[_Atom]:
    """Number atoms outside `masks`, phone numbers, dates, times and list numbering."""
    masks = masks + [m.span() for m in qp.NOT_AMOUNT.finditer(text)]
    atoms = []
    for m in qp.ATOM.finditer(text):
        if any(s < m.end("num") and m.start("num") < e for s, e in masks):
            continue
        if (atom := _atom(text, m)) is not None:
            atoms.append(atom)
    return atoms


def parse_quantities(text: str) -> list[Quantity]:
    """Every amount in `text`, in order; `Quantity.text` is always a substring of `text`."""
    if not qp.DIGIT.search(text):
        return [q for _, q in _words(text)]
    found = _ratios(text)
    atoms = _atoms(text, [(q[0], q[0] + len(q[1].text)) for q in found])
    i = 0
    while i < len(atoms):
        a, b = atoms[i], atoms[i + 1] if i + 1 < len(atoms) else None
        if b and _is_score(text, a, b):
            i += 2
            continue
        if b and not (_is_noise(text, a) or _is_noise(text, b)) and (q := _join(text, a, b)):
            found.append((a.start, q))
            i += 2
            continue
        if not _is_noise(text, a):
            found.append(
                (a.start, Quantity(text=text[a.start : a.end], value=a.value, unit=a.label))
            )
        i += 1
    found += _words(text)
    return [q for _, q in sorted(found, key=lambda pair: pair[0])]

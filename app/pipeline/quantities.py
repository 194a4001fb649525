"""Money, percentages, measures and counts in one sentence, with magnitudes and ranges."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from app.pipeline.types import Quantity

__all__ = ["parse_quantities"]

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t|tember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# Spans that hold digits but no amount: phone numbers, dates, times, decades, list numbering.
_NOT_AMOUNT = re.compile(
    r"(?=[0-9+('JFMASOND]|^)(?:\+\d[\d\s().-]{7,}\d|(?:\(\d{3}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b|\b\d{3}-\d{4}\b"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\b\d{1,2}:\d{2}(?::\d{2})?"
    r"|\b\d{1,2}\s?(?:a\.m\.|p\.m\.|am\b|pm\b)|\b\d{4}s\b|'\d{2}s\b|\b\d+\.\d+\.\d+\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?!\w)|\b{_MONTH}\s+\d{{1,2}}\b(?!,\d)"
    r"|^\s*\d{1,2}[.)]\s|\b\d{4}[-–]\d{2}\b(?![\d,]))"
)
_DIGIT = re.compile(r"[0-9]")
_NUM = (
    r"10\^[0-9]{1,3}|10\*\*[0-9]{1,3}|[0-9]+(?:\.[0-9]+)?[eE][+-]?[0-9]{1,3}"
    r"|[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]*\.?[0-9]+"
)
_ATOM = re.compile(
    r"(?<![\w.,^])(?<![A-Za-z]-)(?P<cur>US\$|C\$|A\$|[$€£¥₹]|(?:USD|EUR|GBP|JPY|CAD|AUD|CHF|CNY)\s?)?(?P<num>"
    + _NUM
    + r")"
    r"(?P<mag>[\s\u00a0-](?:thousand|million|billion|trillion)\b|\s?(?:bn|tn)\b"
    r"|(?:mn|mln|[kKMBTmb])(?![\w]))?"
    r"(?P<pct>\s?%|[\s\u00a0]?(?:percent|per\s?cent)\b)?"
)
_RATIO = re.compile(
    r"(?<![\w.,])(?P<part>[0-9]{1,3}) (?:in|out of) (?P<whole>[0-9]{1,4})\b(?![.,][0-9])"
)
_WORD_AMOUNT = re.compile(
    r"\b(?P<w>a|an|one|two|three|four|five|six|seven|eight|nine|ten|half(?: an?)?"
    r"|a quarter|quarter)[\s-](?P<mag>thousand|million|billion|trillion)\b"
    r"|\b(?P<vague>tens|hundreds) of (?P<vmag>thousands|millions|billions|trillions)\b",
    re.IGNORECASE,
)
_SMALL = "zero one two three four five six seven eight nine ten"
_WORDS = {w: float(i) for i, w in enumerate(_SMALL.split())}
_WORDS |= {"a": 1.0, "an": 1.0, "quarter": 0.25, "a quarter": 0.25}
_MAGS = {"thousand": 3, "million": 6, "billion": 9, "trillion": 12, "k": 3, "m": 6, "mn": 6}
_MAGS |= {"mln": 6, "b": 9, "bn": 9, "t": 12, "tn": 12}
_CURRENCY = {"$": "USD", "US$": "USD", "C$": "CAD", "A$": "AUD", "€": "EUR", "£": "GBP"}
_CURRENCY |= {"¥": "JPY", "₹": "INR", "dollar": "USD", "euro": "EUR", "yen": "JPY"}
_CURRENCY |= {code: code for code in ("USD", "EUR", "GBP", "JPY", "CAD", "AUD", "CHF", "CNY")}
_UNIT = re.compile(
    r"[\s\u00a0-]?(?P<u>percentage points?|(?:[kMGT]W|W)h?|[kMGT]Hz|[kMGTP]B|FLOPS?|FLOPs|flops"
    r"|TEU|ppm|mph|km/h|m/s|°[CF]|mm|cm|km|kg|mg|lbs?|[mgtx](?![\w/])"
    r"|(?:square |cubic )?(?:kilo|centi|milli)?(?:metre|meter)s?|miles?|feet|foot|inch(?:es)?"
    r"|gallons?|lit(?:re|er)s?|tonnes?|tons?|pounds?|(?:kilo)?grams?|degrees?|acres?|hectares?"
    r"|barrels?|(?:kilo|mega|giga|tera)?watt(?:-hour)?s?|seconds?|minutes?|hours?|days?"
    r"|weeks?|months?|years?|decades?|dollars?|euros?|yen)(?![\w])"
)
_NOUN = re.compile(r"[\s\u00a0]+(?P<n>[a-z][a-z-]*[a-z])\b")
# "40,000 pinned bumblebees", "18 high-caliber runners": one adjective-like word, then a plural.
_ADJ_NOUN = re.compile(
    r"[\s\u00a0]+(?P<adj>[a-z]+-[a-z-]+|[a-z]+(?:al|ic|ive|ous|ed|ing|er|est|ful|less|able|ible"
    r"|ary|ian|ese|ish)|new|major|old|big|small|large|key|full|other|few|young|local|public"
    r"|private|extra|high|low|main|rural|urban|adult|former|current|recent|daily|annual)"
    r"\s+(?P<n>[a-z][a-z-]*[a-z]s)\b"
)
_PER = re.compile(r"(?:\s+(?:per|an?)\s+|\s?/\s?)(?P<p>[a-z][a-z-]*[a-z])\b")
_NOT_NOUN_WORDS = (
    "is was has this us its as plus less series news across thus always perhaps whereas yes"
    " since does goes bus gas lens chaos basis crisis analysis thesis status campus bonus"
    " census virus focus means process access business progress and or of in on at by to for"
    " with from the than then that which who while when where after before into over under"
    " each per are were be been have had will would can could may might sits says shows remains"
    " seems makes takes gets goes comes stands looks gives keeps lets puts brings appears becomes"
    " includes contains requires suggests indicates represents reaches marks sees ranks"
)
_NOT_NOUN = frozenset(_NOT_NOUN_WORDS.split())
_PLURALS = frozenset(["people", "children", "men", "women", "staff", "police", "cattle", "sheep"])
_ID_WORD = re.compile(
    r"\b(?:top|no\.|number|section|chapter|page|version|route|flight|room|article|phase"
    r"|stage|level|tier|step|part|item|volume|issue|episode|season|act|model)\s$|#$",
    re.IGNORECASE,
)
# A capitalised word right before a bare number names a version or model ("Llama 3.1").
_ID_NAME = re.compile(
    r"(?:^|(?<=[\w,;:’'] ))(?!(?:About|Around|Nearly|Roughly|Some|Over|Under|Only|Just|Almost"
    r"|Approximately|Fewer|More|Less|At|In|By|On|Of|All|The|Those|These|Another|Exactly)\s)"
    r"[A-Z][\w-]*\s$"
)
_YEAR = re.compile(r"1[89][0-9][0-9]|20[0-9][0-9]|2100")
_BETWEEN = re.compile(r"\bbetween\s+(?:about |roughly |around )?$", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_LINK = re.compile(r"\s*(?:-|–|—|to|and)\s*")


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
    return word not in _NOT_NOUN and word.endswith("s") and _singular(word) != word


def _unit_after(text: str, pos: int, compound: bool, nouns: bool = True) -> tuple[str | None, int]:
    """Unit or counted noun right after `pos`, and where it ends."""
    if m := _UNIT.match(text, pos):
        unit = m["u"]
        return (_singular(unit) if unit.islower() and len(unit) > 3 else unit), m.end()
    if not nouns:
        return None, pos
    m = _NOUN.match(text, pos)
    if m and m["n"] in _PLURALS:
        return m["n"], m.end()
    if m and m["n"] not in _NOT_NOUN and (_is_plural(m["n"]) or compound):
        return _singular(m["n"]), m.end()
    if (m := _ADJ_NOUN.match(text, pos)) and m["adj"] not in _NOT_NOUN and _is_plural(m["n"]):
        return _singular(m["n"]), m.end()
    return None, pos


def _atom(text: str, m: re.Match[str]) -> _Atom | None:
    """Read one number match with its magnitude, currency and unit; None if it is no amount."""
    mag_raw = (m["mag"] or "").strip(" \u00a0-")
    cur = _CURRENCY.get((m["cur"] or "").strip())
    end = m.end()
    if mag_raw in ("m", "b") and not cur:
        mag_raw, end = "", m.end("num")
    if text[end : end + 1].isalpha() and not _UNIT.match(text, end):
        return None  # "8x22B", "1st": a name or an ordinal, not an amount
    exp = _MAGS.get(mag_raw.lower(), 0)
    value = _value(m["num"], exp)
    if value is None:
        return None
    unit: str | None = "percent" if m["pct"] else None
    if unit is None:
        compound = bool(m["mag"]) and "-" in m["mag"]
        # After money the currency is the unit: "$6.4 billion buys" counts no "buys".
        unit, end = _unit_after(text, end, compound, nouns=not cur)
        if unit in ("dollar", "euro", "yen") and not cur:
            cur, unit = _CURRENCY[unit], None
        elif unit in ("dollar", "euro", "yen"):
            unit = None
    per = _PER.match(text, end)
    per_word = _singular(per["p"]) if per and per["p"] not in _NOT_NOUN else None
    if per is not None and per_word is not None:
        end = per.end()
    known = bool(unit and _UNIT.fullmatch(" " + unit))
    bare = not (cur or exp or m["pct"] or known)
    return _Atom(m.start(), end, value, cur, exp, unit, per_word, bare)


def _is_noise(text: str, a: _Atom) -> bool:
    """True for years, identifiers ("Section 36", "Top 10", "Llama 3") and other non-amounts."""
    if not a.bare:
        return False
    if _YEAR.fullmatch(text[a.start : a.end].split()[0]):
        return True
    begin = max(0, a.start - 40)
    if _ID_WORD.search(text, begin, a.start):
        return True
    return a.unit is None and _ID_NAME.search(text, begin, a.start) is not None


def _join(text: str, a: _Atom, b: _Atom) -> Quantity | None:
    """One range quantity from two atoms linked by "to", "-" or "between … and"."""
    link = text[a.end : b.start]
    if not _LINK.fullmatch(link) or _FROM.search(text, 0, a.start):
        return None
    if link.strip() == "and" and not _BETWEEN.search(text, 0, a.start):
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
    for m in _RATIO.finditer(text):
        part, whole = int(m["part"]), int(m["whole"])
        if 0 < part <= whole <= 1000:
            out.append((m.start(), Quantity(text=m.group(), value=part / whole, unit="ratio")))
    return out


def _words(text: str) -> list[tuple[int, Quantity]]:
    """Amounts spelled with words: "half-trillion", "a billion", "hundreds of millions"."""
    out = []
    for m in _WORD_AMOUNT.finditer(text):
        if m["vague"]:
            exp = _MAGS[m["vmag"].lower()[:-1]] + (1 if m["vague"].lower() == "tens" else 2)
            lo, hi = 10.0**exp, 10.0 ** (exp + 1)
            out.append((m.start(), Quantity(text=m.group(), value=lo, low=lo, high=hi)))
            continue
        word = m["w"].lower()
        base = 0.5 if word.startswith(("half", "a half")) else _WORDS.get(word, 1)
        value = base * 10.0 ** _MAGS[m["mag"].lower()]
        unit, end = _unit_after(text, m.end(), compound="-" in m.group())
        unit = _CURRENCY.get(unit or "", unit)
        out.append((m.start(), Quantity(text=text[m.start() : end], value=value, unit=unit)))
    return out


def _atoms(text: str, masks: list[tuple[int, int]]) -> list[_Atom]:
    """Number atoms outside `masks`, phone numbers, dates, times and list numbering."""
    masks = masks + [m.span() for m in _NOT_AMOUNT.finditer(text)]
    atoms = []
    for m in _ATOM.finditer(text):
        if any(s < m.end("num") and m.start("num") < e for s, e in masks):
            continue
        if (atom := _atom(text, m)) is not None:
            atoms.append(atom)
    return atoms


def parse_quantities(text: str) -> list[Quantity]:
    """Every amount in `text`, in order; `Quantity.text` is always a substring of `text`."""
    if not _DIGIT.search(text):
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

"""Figures of a sentence as typed values with intervals: years, dates, money, counts, ages…"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.pipeline.checkworthiness import quantity_patterns as qp
from app.pipeline.checkworthiness.quantities import parse_quantities
from app.pipeline.regex_case import lower_as_regex

__all__ = ["LIGHT_KINDS", "Value", "parse_values"]

_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_MONTHS = {m: i + 1 for i, m in enumerate(_MONTH_NAMES)}
_MONTHS |= {m[:3]: i for m, i in list(_MONTHS.items())} | {"sept": 9}
_MON = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?|January|February|March|April|May"
_MON += r"|June|July|August|September|October|November|December"
_DMY = re.compile(
    rf"\b(?:(?P<d0>[0-3]?\d)\s?[-–]\s?)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MON})(?!\w)(?:,?\s+(?P<y>\d{{4}})\b)?"
)
_MDY = re.compile(
    rf"\b(?P<m>{_MON})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?:\s?[-–]\s?(?P<d1>[0-3]?\d)\b)?"
    r"(?![\d:,]\d)(?:,?\s+(?P<y>\d{4})\b)?"
)
_ISO = re.compile(r"\b(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:\b|(?=T\d\d:\d\d))")
_MONTH_YEAR = re.compile(rf"\b(?P<m>{_MON})(?:\s+of)?,?\s+(?P<y>\d{{4}})\b")
# A year, or the second of a hyphenated span of years ("1491-1510"), but no other "-NNNN".
_YEAR = re.compile(
    r"(?:(?<![\w.,$£€#/-])|(?<=(?<![\d-])(?:1[0-9]|20)\d\d-))"
    r"(?P<y>1[0-9]\d\d|20\d\d)(?P<s>s|’s|'s)?(?![\w%]|[.,]\d)"
)
_AGE = re.compile(
    r"\b(?:aged?\s+(?:of\s+)?|at\s+the\s+age\s+of\s+|at\s+age\s+)(?P<a>\d{1,3})\b"
    r"|\b(?P<b>\d{1,3})[\s-]years?[\s-]old\b|\((?:aged\s+)?(?P<c>\d{1,3})\)"
    r"|\b(?:died|retired|married|dies)\b[^.;]{0,40}?\bat\s+(?P<d>\d{2})\b(?![\s-]*(?:%|percent))"
    r"|(?-i:[A-Z])[\w'’-]+,\s+at\s+(?P<e>[1-9]\d),",  # "Winslet, at 31, became": in apposition
    re.IGNORECASE,
)
_ORDINAL = re.compile(
    r"\b(?P<n>\d{1,4})(?:st|nd|rd|th)\b|\b(?P<w>second|third|fourth|fifth|sixth|seventh|eighth"
    r"|ninth|tenth|eleventh|twelfth)\b",
    re.IGNORECASE,
)
_ORDINAL_WORDS = {w: i + 2 for i, w in enumerate((
    "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth",
))}  # fmt: skip
_WORD_NUMBER = re.compile(
    r"\b(?P<w>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|dozen)"
    r"(?:\s+(?:or|and)\s+(?:more|fewer|less))?(?P<noun>\s+[a-z][a-z-]+)?",
    re.IGNORECASE,
)
# "5 or more children": what a bare number counts, past its "or more"
_OR_MORE = re.compile(r"\s+(?:or|and)\s+(?:more|fewer|less)\s+([a-z][a-z-]+)")
# "93 different shapes": a plural noun past one word that describes it
_DESCRIBED = re.compile(
    r"[\s\u00a0]+(?P<adj>[a-z][a-z-]*|\d+(?:st|nd|rd|th)-[a-z]+)\s+(?P<n>[a-z]+)\b"
)
_PLURALS = frozenset({"people", "children", "men", "women", "feet", "staff"})
_WORD_VALUES = {w: i + 2 for i, w in enumerate((
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
))} | {"thirty": 30, "forty": 40, "fifty": 50, "dozen": 12}  # fmt: skip
# A match score: "a 10–3 lead", "won 3-1", "a 2–2 draw" (either order states the same score).
_SCORE = re.compile(
    r"(?<![\d.,/:–-])(?P<a>\d{1,3})\s?[–-]\s?(?P<b>\d{1,3})(?![\d/:–-]|[.,]\d)"
    r"(?P<noun>\s+(?:lead|win|victory|defeat|loss|draw|tie|up|down|scoreline|aggregate)\b)?",
    re.IGNORECASE,
)
# An identifier: letters glued to a number ("Twenty20", "A380", "COVID-19") or a number a
# label word names ("Position 8", "Route 66", "Season 3"); kept apart from amounts.
_IDENT = re.compile(
    r"\b(?P<g>[A-Za-z]{2,})(?P<h>-?)(?P<n>\d{1,4})\b(?![.,]\d)"
    r"|\b(?P<w>position|route|flight|section|chapter|episode|season|highway|interstate|channel"
    r"|platform|gate|room|volume|issue|track|pier|bus|top)\s+(?P<m>\d{1,4})\b(?![.,:/]\d|\s*(?:%|per\s?cent))",
    re.IGNORECASE,
)
_SCORE_VERB = re.compile(r"\b(?:won|lost|beat|drew|led|leads|trailed|trails)\s+(?:by\s+)?$", re.I)
_DURATION = {"second": 1 / 31557600, "minute": 1 / 525960, "hour": 1 / 8766, "day": 1 / 365.25,
             "week": 7 / 365.25, "month": 1 / 12, "year": 1.0, "decade": 10.0}  # fmt: skip
_ABOUT = re.compile(
    r"\b(?:about|around|approximately|approx\.|roughly|some|circa|c\.|estimated|an estimated"
    r"|almost|nearly|close to|just under|over|more than|above|exceeding|at least|upwards of"
    r"|up to|less than|under|fewer than|below|at most)\s+(?:[$£€]|US\$)?$",
    re.IGNORECASE,
)
_CEILING = re.compile(
    r"\b(?:maximum|max\.|as (?:much|many|long) as|no more than|capped at|a limit of)"
    r"(?:\s+[a-z]+){0,2}?\s+(?:of\s+)?(?:[$£€]|US\$)?$",
    re.IGNORECASE,
)
_CURRENCIES = frozenset(qp.CURRENCY.values())
_UNIT_NAMES = {
    "TWh": "terawatt-hour", "GWh": "gigawatt-hour", "MWh": "megawatt-hour",
    "kWh": "kilowatt-hour", "TW": "terawatt", "GW": "gigawatt", "MW": "megawatt",
    "kW": "kilowatt", "km": "kilometre", "kilometer": "kilometre", "meter": "metre", "m": "metre",
    "kg": "kilogram", "lb": "pound", "lbs": "pound", "mph": "miles per hour", "foot": "feet",
    "ton": "tonne",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Value:
    """One figure: its type, the interval it allows, its unit and where it is in the text."""

    kind: str  # year day month money percent age duration ordinal count score measure ident number
    low: float
    high: float
    unit: str  # what it counts; for a year of a full date, its month and day ("0201")
    start: int
    end: int
    digits: bool  # written with digits, not words

    def agrees(self, other: Value) -> bool:
        """True when the two intervals overlap (a hair of tolerance for float printing)."""
        pad = 1e-9 * max(abs(self.high), abs(other.high), 1.0)
        return self.low <= other.high + pad and other.low <= self.high + pad


def _precision(raw: str, scale: float) -> float:
    """Half a unit of the last significant digit: "7,000" -> 500, "6.4" (×1e9) -> 0.05e9."""
    digits = raw.replace(",", "")
    if "." in digits:
        return 0.5 * 10.0 ** -len(digits.split(".")[1]) * scale
    stripped = digits.rstrip("0")
    zeros = len(digits) - len(stripped) if stripped else 0
    return 0.5 * 10.0**zeros * scale if zeros else 0.0


def _interval(text: str, start: int, value: float, slack: float) -> tuple[float, float]:
    """The interval a printed value allows, widened by its precision and qualifier."""
    low, high = value - slack, value + slack
    m = _ABOUT.search(text, max(0, start - 24), start)
    word = m.group().split()[0].lower() if m else ""
    if word in ("about", "around", "approximately", "approx.", "roughly", "some", "circa",
                "c.", "estimated", "an"):  # fmt: skip
        low, high = min(low, value * 0.9), max(high, value * 1.1)
    elif word in ("almost", "nearly", "close", "just"):
        low = min(low, value * 0.85)
    elif word in ("over", "more", "above", "exceeding", "at", "upwards"):
        high = max(high, value * 1.5)
    elif word in ("up", "less", "under", "fewer", "below"):
        low = min(low, value * 0.5)
    if _CEILING.search(text, max(0, start - 40), start):  # a bound allows anything below it
        low = min(low, 0.0)
    return low, high


def _dates(text: str) -> tuple[list[Value], list[tuple[int, int]]]:
    """Days, months and years of dates, and the spans the dates take."""
    out: list[Value] = []
    spans: list[tuple[int, int]] = []
    for pattern in (_ISO, _DMY, _MDY, _MONTH_YEAR):
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in spans):
                continue
            month = _month(m["m"])
            if month is None:
                continue
            day = int(m["d"]) if "d" in m.groupdict() and m["d"] else None
            if day is not None and not 1 <= day <= 31:
                continue
            spans.append(m.span())
            if day is not None:
                # A range of days ("May 11-22", "11–22 May") allows each day in it.
                ends = [int(e) for e in (m.groupdict().get(g) for g in ("d0", "d1")) if e]
                low, high = month * 100 + min([day, *ends]), month * 100 + max([day, *ends])
                out.append(Value("day", low, high, m["y"] or "", *m.span(), True))
            out.append(Value("month", month, month, "", *m.span(), False))
            if m["y"]:
                # A year of a full date keeps its day ("0201" for 1 February): the date's mark.
                y, mark = float(m["y"]), f"{month:02d}{day:02d}" if day is not None else ""
                out.append(Value("year", y, y, mark, *m.span("y"), True))
    return out, spans


def _month(raw: str) -> int | None:
    """Month number of a name or two-digit string."""
    if raw.isdigit():
        return int(raw) if 1 <= int(raw) <= 12 else None
    return _MONTHS.get(raw.lower().rstrip(".")[:4] if raw.lower().startswith("sept") else
                       raw.lower().rstrip(".")[:3] if len(raw) <= 4 else raw.lower())  # fmt: skip


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


_MAGNITUDE_WORD = re.compile(r"\b(?:thousand|million|billion|trillion)\b", re.IGNORECASE)


def _quantities(text: str, taken: list[tuple[int, int]]) -> list[Value]:
    """Money, percentages, durations, measures and counts via the pipeline's parser."""
    # "$25 Million" in a title is $25 million: magnitude words folded, the length kept.
    text = _MAGNITUDE_WORD.sub(lambda m: m.group().lower(), text)
    out = []
    cursor = 0
    for q in parse_quantities(text):
        start = text.find(q.text, cursor)
        if start < 0 or q.value is None:
            continue
        end = cursor = start + len(q.text)
        if _overlaps(taken, start, end):
            continue
        unit = (q.unit or "").split("/")[0]
        unit = _UNIT_NAMES.get(unit, unit)
        kind = ("percent" if unit == "percent" else "money" if unit in _CURRENCIES else
                "duration" if unit in _DURATION or unit == "decade" else
                "count" if unit else "number")  # fmt: skip
        raw = re.search(qp.NUM, q.text)
        number = raw.group() if raw else "1"
        try:
            scale = (
                q.value / float(number.replace(",", "")) if float(number.replace(",", "")) else 1.0
            )
        except ValueError:
            scale = 1.0
        slack = _precision(number, scale) if kind != "number" or q.value >= 1000 else 0.0
        low, high = _interval(text, start, q.value, slack)
        if q.low is not None and q.high is not None:
            low, high = min(low, q.low), max(high, q.high * (q.value / q.low if q.low else 1.0))
        kind = "measure" if kind == "count" and qp.UNIT.fullmatch(" " + (q.unit or "")) else kind
        if kind == "duration":
            factor = _DURATION.get(unit, 1.0)
            low, high, unit = low * factor, high * factor, "year"
        out.append(Value(kind, low, high, unit, start, end, True))
    return out


LIGHT_KINDS = frozenset({"day", "month", "year", "age"})


def parse_values(text: str, light: bool = False) -> list[Value]:
    """Every typed figure of `text`, in order of position; only LIGHT_KINDS if `light`."""
    out, taken = _dates(text)
    for m in _AGE.finditer(text):
        group = next(g for g in "abcde" if m[g])
        age = float(m[group])
        out.append(Value("age", age, age, "", *m.span(group), True))
        taken.append(m.span())
    for m in _YEAR.finditer(text):
        if _overlaps(taken, *m.span()):
            continue
        y = float(m["y"])
        high = y + 9 if m["s"] and m["y"].endswith("0") else y
        out.append(Value("year", y, high, "", *m.span(), True))
        taken.append(m.span())
    if light:
        return sorted(out, key=lambda v: v.start)
    for m in _SCORE.finditer(text):
        if (m["noun"] or _SCORE_VERB.search(text, 0, m.start())) and not _overlaps(
            taken, *m.span()
        ):
            high, low = sorted((int(m["a"]), int(m["b"])), reverse=True)
            score = high * 1000.0 + low  # "10–3" and "3–10" alike: 10003
            out.append(Value("score", score, score, "", m.start("a"), m.end("b"), True))
            taken.append(m.span())
    out += _identifiers(text, taken)
    for m in _ORDINAL.finditer(text):
        if not _overlaps(taken, *m.span()):
            n = float(m["n"]) if m["n"] else float(_ORDINAL_WORDS[lower_as_regex(m["w"])])
            out.append(Value("ordinal", n, n, _next_word(text, m.end()), *m.span(), bool(m["n"])))
            taken.append(m.span())
    if any(c.isdigit() for c in text):
        out += [_counted(text, v) for v in _quantities(text, taken)]
    for m in _WORD_NUMBER.finditer(text):
        if m["noun"] and not _overlaps(taken, *m.span()):
            noun = _singular(m["noun"].strip().lower())
            n = float(_WORD_VALUES[lower_as_regex(m["w"])])
            kind = "duration" if noun in _DURATION else "count"
            factor = _DURATION.get(noun, 1.0)
            out.append(Value(kind, n * factor, n * factor, "year" if kind == "duration" else noun,
                             *m.span(), False))  # fmt: skip
    return sorted(out, key=lambda v: v.start)


def _identifiers(text: str, taken: list[tuple[int, int]]) -> list[Value]:
    """Identifiers of `text` with their label as unit (not a year after "mid-", "pre-"…)."""
    out = []
    for m in _IDENT.finditer(text):
        if _overlaps(taken, *m.span()) or (m["h"] and len(m["n"]) == 4):
            continue
        label, group = (m["g"], "n") if m["g"] else (m["w"], "m")
        n = float(m[group])
        out.append(Value("ident", n, n, label.lower(), *m.span(group), True))
        taken.append(m.span())
    return out


def _counted(text: str, v: Value) -> Value:
    """A bare number before a plural noun, past one word that describes it, counts that noun
    ("93 different shapes", "72,000 square feet", "400 9th-grade students", "5 or more
    children")."""
    if v.kind != "number":
        return v
    m = _OR_MORE.match(text, v.end) or _DESCRIBED.match(text, v.end)
    noun = m.group(m.lastindex or 1) if m else ""
    if not noun or noun in qp.NOT_NOUN or (m and m.re is _DESCRIBED and m["adj"] in qp.NOT_NOUN):
        return v
    if m and m.re is _DESCRIBED and not (noun in _PLURALS or _singular(noun) != noun):
        return v
    return Value("count", v.low, v.high, _singular(noun), v.start, v.end, v.digits)


def _next_word(text: str, pos: int) -> str:
    """The lowercase word after `pos`, singular, hyphens dropped ("Ibero-American" is
    "iberoamerican"): the thing an ordinal ranks."""
    m = re.match(r"[\s-]+([A-Za-z]+(?:-[A-Za-z]+)*)", text[pos : pos + 40])
    return _singular(m.group(1).replace("-", "").lower()) if m else ""


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word

"""Figures of a claim checked against a page's: stated, never stated, or stated differently."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from app.verify.clauses import MONTH_WORDS, clause_stems
from app.verify.datelines import dateline_values, stamp_values
from app.verify.spans import extent, joined
from app.verify.terms import is_content, stem
from app.verify.values import LIGHT_KINDS, Value, parse_values

__all__ = [
    "Clash",
    "FigureCheck",
    "PageValues",
    "check_figures",
    "comparable",
    "context_of",
]

_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)*")
_WINDOW = 6  # content words on each side of a figure that say what it counts
MIN_STRENGTH = 0.8  # shared context + passage coverage for a figure the page never states
STATED_GAP = 0.6  # how much closer a differing figure's context must be than an agreeing one's
_YEAR_SPAN = 8
_ADJACENT = 4  # words compared on each side of two figures
_ADJACENT_NEED = 2  # matching words next to them that make them the same slot
_CLASHING = frozenset(
    {
        "year",
        "day",
        "money",
        "percent",
        "age",
        "duration",
        "count",
        "measure",
        "ordinal",
        "score",
        "ident",
    }
)
_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_NO_UNSTATED = frozenset({"month", "ordinal", "number"})  # too often restated in other words


@dataclass(frozen=True, slots=True)
class Clash:
    """A figure or name of the claim that the page states differently, and where."""

    passage: int
    claim_span: str
    page_span: str
    reason: str


@dataclass(frozen=True, slots=True)
class FigureCheck:
    """How many of the claim's figures the page states, which it never does, and any clash."""

    figures: int
    stated: int
    unstated: tuple[str, ...]
    clash: Clash | None
    suspect: Clash | None = None  # the closest differing figure for one the page never states
    dated: Clash | None = None  # a date the page never states, off its dateline or same day
    sure: bool = False  # `dated` is after every dateline, or the same day and month
    local: Clash | None = None  # the surest clash of a figure the page never states, in the
    # same words (or on the same day, or the same amount a thousandfold off)
    tied: bool = False  # `local` has the same words right next to both figures
    anchored: bool = False  # `suspect` is in a passage that states the claim best, another of
    # its dates and a word of the clause around the suspect figure


def context_of(text: str, start: int, end: int) -> dict[str, float]:
    """Content stems near [start, end) of `text`, names weighing double."""
    before, after = [], []
    for m in _WORD.finditer(text):
        word = m.group()
        if word[:1].isdigit() or not is_content(word) or word.lower() in MONTH_WORDS:
            continue
        if m.end() <= start:
            before.append(word)
        elif m.start() >= end:
            after.append(word)
    near = before[-_WINDOW:] + after[:_WINDOW]
    return {stem(w): (2.0 if w[:1].isupper() else 1.0) for w in near}


_MAY_HOLD = re.compile(
    r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty"
    r"|fifty|dozen|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b",
    re.IGNORECASE,
)


class PageValues:
    """Typed figures of a page's passages, parsed on first use and kept."""

    def __init__(self, passages: list[str]) -> None:
        self.passages = passages
        self._values: dict[tuple[int, bool], list[Value]] = {}
        self._contexts: dict[tuple[int, int], dict[str, float]] = {}
        self._datelines: list[tuple[int, Value]] | None = None
        self._stamps: list[tuple[int, Value]] | None = None

    def datelines(self) -> list[tuple[int, Value]]:
        """(passage, year or day) of the page's datelines, found once."""
        if self._datelines is None:
            self._datelines = dateline_values(self.passages)
        return self._datelines

    def stamps(self) -> list[tuple[int, Value]]:
        """(passage, year or day) of the page's metadata publication time, found once."""
        if self._stamps is None:
            self._stamps = stamp_values(self.passages)
        return self._stamps

    def of(self, i: int, light: bool = False) -> list[Value]:
        """Values of passage `i` (none without a digit or a number word); dates, years and
        ages only if `light`, unless every kind was parsed already."""
        if (i, False) in self._values:
            return self._values[(i, False)]
        if (i, light) not in self._values:
            text = self.passages[i]
            found = parse_values(text, light) if _MAY_HOLD.search(text) else []
            self._values[(i, light)] = found
        return self._values[(i, light)]

    def context(self, i: int, v: Value) -> dict[str, float]:
        """Context of value `v` of passage `i`, computed once."""
        key = (i, v.start)
        if key not in self._contexts:
            self._contexts[key] = context_of(self.passages[i], v.start, v.end)
        return self._contexts[key]


def comparable(c: Value, p: Value) -> bool:
    """Same type of figure, and the same unit where a unit says what is counted."""
    if c.kind != p.kind:
        return c.kind == "number" and p.kind == "count"
    if c.kind in ("money", "count", "duration", "measure"):
        return c.unit == p.unit
    if c.kind == "day":  # "26 December 1947" is not stated by "26 December 1944"
        return not c.unit or not p.unit or c.unit == p.unit
    if c.kind == "ordinal":
        return not c.unit or not p.unit or c.unit == p.unit
    if c.kind == "ident":  # "Twenty20" and "Twenty60", "Position 8" and "position 3"
        return c.unit == p.unit
    return True


def _similarity(claim_ctx: dict[str, float], page_ctx: dict[str, float]) -> float:
    total = sum(claim_ctx.values())
    return sum(w for s, w in claim_ctx.items() if s in page_ctx) / total if total else 0.0


def _close(c: Value, p: Value) -> bool:
    """Near enough to be the same figure misstated: 2–8 years, the same month, ×¼ to ×4."""
    if c.kind == "year":  # a year off by one is often a season or fiscal year: not a clash
        return 2 <= abs(c.low - p.low) <= _YEAR_SPAN
    if c.kind == "day":  # the same month, and the same year where both say one
        return int(c.low) // 100 == int(p.low) // 100 and (
            not c.unit or not p.unit or c.unit == p.unit
        )
    if c.kind in ("score", "ident"):  # any other score or number under the same label
        return True
    if c.low <= 0 or p.low <= 0:
        return False
    ratio = c.low / p.low
    return 0.25 <= ratio <= 4 or _thousandfold(c, p)


def _same_date(c: Value, p: Value) -> bool:
    """Two years of full dates on the same day and month: one date, its year misstated."""
    return c.kind == p.kind == "year" and bool(c.unit) and c.unit == p.unit


def _thousandfold(c: Value, p: Value) -> bool:
    """The same digits a thousandfold off ("6.4 billion", "c. 6.4 million"), at the middle of
    each interval."""
    if c.low <= 0 or p.low <= 0:
        return False
    thousands = math.log10(((c.low + c.high) / 2) / ((p.low + p.high) / 2)) / 3
    return round(thousands) != 0 and abs(thousands - round(thousands)) < 0.01


def _other_magnitude(c: Value, p: Value) -> bool:
    """The same amount of the same currency a thousandfold off ("$25 billion", "$25 million")."""
    return c.kind == "money" and p.kind == "money" and _thousandfold(c, p)


_FIELD = re.compile(r"\s*([A-Z][a-z]+)\s*:\s*(?:(?:on|in)\s+)?$")  # "Released: " before a date


def _field(text: str, p: Value, found: list[Value], ctx: dict[str, float]) -> bool:
    """True when `p`'s date is the value of a field ("Released: June 6, 2017") whose label the
    claim's figure has around it ("In 2020 ... released"): the page dates that very event."""
    m = _FIELD.fullmatch(text, 0, extent(found, p)[0])
    return m is not None and stem(m.group(1)) in ctx


def _event_date(c: Value, page: PageValues, i: int, best: int) -> bool:
    """True when passage `i` states the claim best and gives one year (or one day) only."""
    return (
        c.kind in ("year", "day") and i == best and [v.kind for v in page.of(i)].count(c.kind) == 1
    )


_HYPHENATED = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’-][^\W\d_]+)*")


def _side_words(text: str) -> list[str]:
    """Lowercase words, a hyphenated one as one ("Ibero-American" is "iberoamerican")."""
    return [w.lower().replace("-", "") for w in _HYPHENATED.findall(text)]


def _adjacent(a_text: str, a: Value, b_text: str, b: Value) -> tuple[int, int]:
    """Words matching right next to both figures, outward: (all of them, content words)."""
    spans = ((a_text[: a.start], b_text[: b.start], -1), (a_text[a.end :], b_text[b.end :], 1))
    same = content = 0
    for a_side, b_side, step in spans:
        a_words = _side_words(a_side)[::step][:_ADJACENT]
        b_words = _side_words(b_side)[::step][:_ADJACENT]
        for x, y in zip(a_words, b_words, strict=False):
            if x != y:
                break
            same, content = same + 1, content + is_content(x)
    return same, content


def _same_nouns(a_text: str, a: Value, b_text: str, b: Value) -> bool:
    """True when the first two content words on one side of both figures, among the nearest
    few words, are the same ("1997 U.S. Census data", "U.S. 2000 Census data")."""
    spans = ((a_text[: a.start], b_text[: b.start], -1), (a_text[a.end :], b_text[b.end :], 1))
    for a_side, b_side, step in spans:
        a_words = [w for w in _side_words(a_side)[::step][:_ADJACENT] if _is_noun_like(w)]
        b_words = [w for w in _side_words(b_side)[::step][:_ADJACENT] if _is_noun_like(w)]
        if len(a_words) >= _ADJACENT_NEED and a_words[:_ADJACENT_NEED] == b_words[:_ADJACENT_NEED]:
            return True
    return False


def _is_noun_like(word: str) -> bool:
    """A content word of letters that is no month name."""
    return word.isalpha() and len(word) > 2 and is_content(word) and word not in MONTH_WORDS


def _clash(claim: str, c: Value, page: PageValues, i: int, p: Value) -> Clash:
    said = page.passages[i][p.start : p.end]
    return Clash(
        i, claim[c.start : c.end], said,
        f"the claim says {claim[c.start : c.end]!r} ({c.kind}); the page says {said!r}",
    )  # fmt: skip


def _needle(c: Value, claim: str) -> str:
    """Digits any passage stating a year or a day like `c` must hold ("" when none must)."""
    if c.kind == "year":
        return str(int(c.low))[:3] if c.high > c.low else str(int(c.low))
    return ""


def _within(c: Value, days: list[Value]) -> bool:
    """True for the year of a date among `days` (the page never states): one figure, not two."""
    return c.kind == "year" and any(d.start <= c.start and c.end <= d.end for d in days)


def _restates(values: list[Value], c: Value, text: str, found: list[Value], p: Value) -> bool:
    """True when another claim figure states `p`, or the other end of a span `p` ends
    ("2018 – 2022"): then `p` is that statement's, not `c` misstated."""
    ends = [p] + [q for q in found if q.kind == p.kind and q is not p and joined(text, found, q, p)]
    return any(v is not c and comparable(v, q) and v.agrees(q) for v in values for q in ends)


def _dateline_clash(claim: str, c: Value, page: PageValues) -> tuple[Clash, bool] | None:
    """The page's dateline, when the claim dates what the page reports a little off it.

    A report tells of what happened by its own date: a claim year the page never states, 2–8
    years from the one year its datelines give, or a day later in the dateline's month, puts
    the reported event at another time. The flag is True when every dateline (or metadata
    stamp) precedes the claim's year or day: the page was written before the event it would
    report.
    """
    for i, p in page.datelines() + page.stamps():
        if c.kind == p.kind == "year" and _days_apart(c, p) <= _NEAR_DAYS and _close(c, p):
            return _clash(claim, c, page, i, p), True
    shown = [(i, p) for i, p in page.datelines() if p.kind == c.kind and _near_date(c, p)]
    stamped = [(i, p) for i, p in page.stamps() if p.kind == c.kind and _near_date(c, p)]
    dated = shown + stamped
    if not dated or any(c.agrees(p) for _, p in dated):
        return None
    i, p = max(dated, key=lambda d: d[1].high)
    if p.high < c.low:  # every dateline earlier: the page was written before the claim's date
        return _clash(claim, c, page, i, p), True
    dated = shown  # a metadata stamp bounds the story from above only
    if not dated:
        return None
    if c.kind == "day" or len({p.low for _, p in dated}) > 1:
        return None
    i, p = dated[0]
    return _clash(claim, c, page, i, p), False


_NEAR_DAYS = 3  # a report dated a few days after (or before) the event it tells of


def _days_apart(c: Value, p: Value) -> int:
    """Days between the month and day of two years of full dates (a large number if either
    has none): "March 1, 2011" is a day before a dateline "March 2, 2017"."""
    if len(c.unit) != 4 or len(p.unit) != 4 or not (c.unit + p.unit).isdigit():
        return 999
    (cm, cd), (pm, pd) = divmod(int(c.unit), 100), divmod(int(p.unit), 100)
    return abs((cm * 31 + cd) - (pm * 31 + pd))


def _dated_day_clash(claim: str, c: Value, values: list[Value], page: PageValues) -> Clash | None:
    """The year the page gives a day the claim names without one ("killed on 10 October" in a
    claim of 1992, "on 10 October 1990" on the page), a little off the claim's year."""
    days = [d for d in values if d.kind == "day" and not d.unit]
    for i in range(len(page.passages)) if days else ():
        found = page.of(i, True)
        for p in found:
            if p.kind != "day" or not p.unit or not any(d.agrees(p) for d in days):
                continue
            mark = f"{int(p.low) // 100:02d}{int(p.low) % 100:02d}"
            years = [
                y for y in found if y.kind == "year" and y.unit == mark and y.low == float(p.unit)
            ]
            if years and _close(c, years[0]):
                return _clash(claim, c, page, i, years[0])
    return None


def _yearless_day_clash(claim: str, c: Value, page: PageValues,
                        near: dict[int, float]) -> Clash | None:  # fmt: skip
    """The page's one dateline year, when a passage that states the claim best gives the day
    of the claim's date without a year ("opens February 25" on a page of 02/25/15, for
    "February 25, 2012"): the page dates that day, a little off the claim's year."""
    if c.kind != "year" or not c.unit.isdigit():
        return None
    day = float(int(c.unit))
    said = any(
        p.kind == "day" and not p.unit and p.low <= day <= p.high
        for i in near for p in page.of(i, True)
    )  # fmt: skip
    years = [(i, p) for i, p in page.datelines() if p.kind == "year"]
    if not said or len({p.low for _, p in years}) != 1 or not _close(c, years[0][1]):
        return None
    return _clash(claim, c, page, *years[0])


def _inside_span(claim: str, values: list[Value], c: Value, text: str, found: list[Value],
                 p: Value) -> bool:  # fmt: skip
    """True when `c` ends a span of the claim ("from 1996 to 2013") that holds `p`, a figure
    of passage `text` that ends no span there ("the Cup run in 2004"): a year of the claim's
    period, not one of its ends misstated."""
    inside = any(
        v.kind == c.kind and v is not c and min(c.low, v.low) < p.low < max(c.high, v.high)
        and joined(claim, values, c, v)
        for v in values
    )  # fmt: skip
    return inside and not any(q is not p and joined(text, found, p, q) for q in found)


def _anchors(c: Value, values: list[Value], page: PageValues, near: dict[int, float]) -> set[int]:
    """Passages of `near` that date the claim's story besides `c`: they state another of its
    years or days ("from 1997 to 2003" beside the claim's "retirement in 1996"), or name the
    month of `c`'s date and no year ("followed in October" for "in October 2018")."""
    if c.kind not in ("year", "day"):
        return set()
    others = [
        v for v in values if v.kind in ("year", "day") and (v.end <= c.start or v.start >= c.end)
    ]
    months = {
        _MONTH_NAMES[int(v.low) - 1]
        for v in values
        if v.kind == "month" and v.start <= c.start < v.end
    }
    out = set()
    for i in near:
        found = page.of(i, True)
        if any(comparable(v, p) and v.agrees(p) for v in others for p in found):
            out.add(i)
        elif months and not any(p.kind == "year" for p in found):
            named = {w.lower() for w in _WORD.findall(page.passages[i])}
            out |= {i} if months & named else set()
    return out


def _tells_clause(claim: str, c: Value, page: PageValues, i: int) -> bool:
    """True when passage `i` holds a content word of the claim's clause around `c`."""
    words = {stem(w) for w in _WORD.findall(page.passages[i]) if is_content(w)}
    return bool(clause_stems(claim, c.start, c.end) & words)


def _near_date(c: Value, p: Value) -> bool:
    return _close(c, p) or c.agrees(p)


def check_figures(claim: str, page: PageValues, near: dict[int, float],
                  covers: Callable[[int], float]) -> FigureCheck:  # fmt: skip
    """Every figure of `claim` looked up among the page's figures.

    `near` maps the passages that state the claim best to the share of its words each states;
    `covers(i)` gives that share for any passage. A figure the page never states clashes with
    a differing figure of the same type, close in value, that sits between the same words, or
    in a passage of `near` whose words and the figure's context agree with the claim enough;
    the closest such figure elsewhere is kept as a suspect (for a year or a day, only from a
    near passage stating another of the claim's dates, or a dateline, when one does). A figure
    the page states too clashes only with one in a much closer context.
    """
    values = parse_values(claim)
    light = all(v.kind in LIGHT_KINDS for v in values)
    stated, unstated, clash, worst = 0, [], None, 0.0
    local_clash, local_worst, clash_tied = None, 0.0, False
    suspect, suspect_strength, anchored = None, -1.0, False
    everywhere = range(len(page.passages))
    dated: Clash | None = None
    sure = False
    missing_days: list[Value] = []
    for c in values:
        ctx = context_of(claim, c.start, c.end)
        needle = _needle(c, claim)
        ok = [_similarity(ctx, page.context(i, p)) for i in everywhere
              if needle in page.passages[i] for p in page.of(i, light)
              if comparable(c, p) and c.agrees(p)]  # fmt: skip
        if ok:
            stated += 1
        elif c.digits and c.kind not in _NO_UNSTATED and not _within(c, missing_days):
            unstated.append(claim[c.start : c.end])
            missing_days += [c] if c.kind == "day" else []
        if c.kind not in _CLASHING:
            continue
        if not ok and c.kind in ("year", "day") and not sure:
            # the surest dated clash of the claim's dates: a year after every dateline beats a
            # day a little off one
            found_date, found_sure = _dateline_clash(claim, c, page) or (None, False)
            if found_date is not None and (dated is None or found_sure):
                dated, sure = found_date, found_sure
        if not ok and c.kind == "year" and not c.unit and not sure:
            found_date = _dated_day_clash(claim, c, values, page)
            if found_date is not None:
                dated, sure = found_date, True
        if not ok and not sure and (found_date := _yearless_day_clash(claim, c, page, near)):
            dated, sure = found_date, True
        best = max(near, key=near.__getitem__) if near else -1
        anchors = set() if ok else _anchors(c, values, page, near)
        anchors |= {i for i, _ in page.datelines() + page.stamps()} if anchors else set()
        for i in near if ok else everywhere:
            for p in page.of(i, light):
                if not comparable(c, p) or c.agrees(p) or not _close(c, p):
                    continue
                if _inside_span(claim, values, c, page.passages[i], page.of(i, light), p):
                    continue
                local = tied = False
                sim = _similarity(ctx, page.context(i, p))
                if ok:
                    strength = sim - max(ok) if sim - max(ok) >= STATED_GAP else -1.0
                else:
                    strength = sim + (near[i] if i in near else covers(i))
                    found = page.of(i, light)
                    if (
                        (not anchors or i in anchors)
                        and strength > suspect_strength
                        and not _restates(values, c, page.passages[i], found, p)
                    ):
                        suspect, suspect_strength = _clash(claim, c, page, i, p), strength
                        anchored = i in anchors and i in near and _tells_clause(claim, c, page, i)
                    same, content = _adjacent(claim, c, page.passages[i], p)
                    if dated is None and (_same_date(c, p) or _event_date(c, page, i, best)):
                        dated, sure = _clash(claim, c, page, i, p), _same_date(c, p)
                    tied = (
                        same >= _ADJACENT_NEED
                        and content >= 1
                        or _same_nouns(claim, c, page.passages[i], p)
                    )
                    local = (
                        tied
                        or c.kind == "ident"  # its label is the word next to it
                        or _same_date(c, p)
                        or _other_magnitude(c, p)
                        or (c.kind == "year" and _field(page.passages[i], p, found, ctx))
                    )
                    strength = strength if local or (i in near and strength >= MIN_STRENGTH) else -1
                if strength > worst:
                    worst, clash = strength, _clash(claim, c, page, i, p)
                if not ok and local and strength > local_worst:
                    local_worst, local_clash = strength, _clash(claim, c, page, i, p)
                    clash_tied = tied
    return FigureCheck(
        len(values), stated, tuple(unstated), clash, suspect, dated, sure, local_clash, clash_tied,
        anchored,
    )  # fmt: skip

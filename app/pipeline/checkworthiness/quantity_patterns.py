"""Regexes and word tables that find amounts, units, magnitudes and non-amounts in text."""

from __future__ import annotations

import re

__all__ = [
    "ADJ_NOUN",
    "ATOM",
    "BETWEEN",
    "CURRENCY",
    "DIGIT",
    "FROM",
    "ID_NAME",
    "ID_WORD",
    "LINK",
    "MAGS",
    "MONTH",
    "NOT_AMOUNT",
    "NOT_NOUN",
    "NOUN",
    "NUM",
    "PER",
    "PLURALS",
    "RATIO",
    "SMALL_NUMBERS",
    "UNIT",
    "WORD_AMOUNT",
    "YEAR",
    "may_hold_word_amount",
]

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t|tember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# Spans that hold digits but no amount: phone numbers, dates, times, decades, list numbering.
NOT_AMOUNT = re.compile(
    r"(?=[0-9+('JFMASOND]|^)(?:\+\d[\d\s().-]{7,}\d|(?:\(\d{3}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b|\b\d{3}-\d{4}\b"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\b\d{1,2}:\d{2}(?::\d{2})?"
    r"|\b\d{1,2}\s?(?:a\.m\.|p\.m\.|am\b|pm\b)|\b\d{4}s\b|'\d{2}s\b|\b\d+\.\d+\.\d+\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}(?!\w)|\b{MONTH}\s+\d{{1,2}}\b(?!,\d)"
    r"|^\s*\d{1,2}[.)]\s|\b\d{4}[-–]\d{2}\b(?![\d,]))"
)
DIGIT = re.compile(r"[0-9]")
NUM = (
    r"10\^[0-9]{1,3}|10\*\*[0-9]{1,3}|[0-9]+(?:\.[0-9]+)?[eE][+-]?[0-9]{1,3}"
    r"|[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]*\.?[0-9]+"
)
ATOM = re.compile(
    r"(?<![\w.,^])(?<![A-Za-z]-)(?P<cur>US\$|C\$|A\$|[$€£¥₹]|(?:USD|EUR|GBP|JPY|CAD|AUD|CHF|CNY)\s?)?(?P<num>"
    + NUM
    + r")"
    r"(?P<mag>[\s\u00a0-](?:thousand|million|billion|trillion)\b|\s?(?:bn|tn)\b"
    r"|(?:mn|mln|[kKMBTmb])(?![\w]))?"
    r"(?P<pct>\s?%|[\s\u00a0]?(?:percent|per\s?cent)\b)?"
)
RATIO = re.compile(
    r"(?<![\w.,])(?P<part>[0-9]{1,3}) (?:in|out of) (?P<whole>[0-9]{1,4})\b(?![.,][0-9])"
)
WORD_AMOUNT = re.compile(
    r"\b(?P<w>a|an|one|two|three|four|five|six|seven|eight|nine|ten|half(?: an?)?"
    r"|a quarter|quarter)[\s-](?P<mag>thousand|million|billion|trillion)\b"
    r"|\b(?P<vague>tens|hundreds) of (?P<vmag>thousands|millions|billions|trillions)\b",
    re.IGNORECASE,
)
# Every WORD_AMOUNT match holds "thousand" or "…illion" in some case. Case-insensitive
# matching also equates "i" with "ı"/"İ" and "s" with "ſ", which lower() does not.
_MAGNITUDE_HINTS = ("thousand", "illion")
_FOLDS_APART = re.compile("[\u0130\u0131\u017f]")


def may_hold_word_amount(text: str) -> bool:
    """False when WORD_AMOUNT cannot match `text` (a cheap test before the regex)."""
    lower = text.lower()
    return any(h in lower for h in _MAGNITUDE_HINTS) or (
        not text.isascii() and _FOLDS_APART.search(text) is not None
    )


SMALL_WORDS = "zero one two three four five six seven eight nine ten"
SMALL_NUMBERS = {w: float(i) for i, w in enumerate(SMALL_WORDS.split())}
SMALL_NUMBERS |= {"a": 1.0, "an": 1.0, "quarter": 0.25, "a quarter": 0.25}
MAGS = {"thousand": 3, "million": 6, "billion": 9, "trillion": 12, "k": 3, "m": 6, "mn": 6}
MAGS |= {"mln": 6, "b": 9, "bn": 9, "t": 12, "tn": 12}
CURRENCY = {"$": "USD", "US$": "USD", "C$": "CAD", "A$": "AUD", "€": "EUR", "£": "GBP"}
CURRENCY |= {"¥": "JPY", "₹": "INR", "dollar": "USD", "euro": "EUR", "yen": "JPY"}
CURRENCY |= {code: code for code in ("USD", "EUR", "GBP", "JPY", "CAD", "AUD", "CHF", "CNY")}
UNIT = re.compile(
    r"[\s\u00a0-]?(?P<u>percentage points?|(?:[kMGT]W|W)h?|[kMGT]Hz|[kMGTP]B|FLOPS?|FLOPs|flops"
    r"|TEU|ppm|mph|km/h|m/s|°[CF]|mm|cm|km|kg|mg|lbs?|[mgtx](?![\w/])"
    r"|(?:square |cubic )?(?:kilo|centi|milli)?(?:metre|meter)s?|miles?|feet|foot|inch(?:es)?"
    r"|gallons?|lit(?:re|er)s?|tonnes?|tons?|pounds?|(?:kilo)?grams?|degrees?|acres?|hectares?"
    r"|barrels?|(?:kilo|mega|giga|tera)?watt(?:-hour)?s?|seconds?|minutes?|hours?|days?"
    r"|weeks?|months?|years?|decades?|dollars?|euros?|yen)(?![\w])"
)
NOUN = re.compile(r"[\s\u00a0]+(?P<n>[a-z][a-z-]*[a-z])\b")
# "40,000 pinned bumblebees", "18 high-caliber runners": one adjective-like word, then a plural.
ADJ_NOUN = re.compile(
    r"[\s\u00a0]+(?P<adj>[a-z]+-[a-z-]+|[a-z]+(?:al|ic|ive|ous|ed|ing|er|est|ful|less|able|ible"
    r"|ary|ian|ese|ish)|new|major|old|big|small|large|key|full|other|few|young|local|public"
    r"|private|extra|high|low|main|rural|urban|adult|former|current|recent|daily|annual)"
    r"\s+(?P<n>[a-z][a-z-]*[a-z]s)\b"
)
PER = re.compile(r"(?:\s+(?:per|an?)\s+|\s?/\s?)(?P<p>[a-z][a-z-]*[a-z])\b")
NOT_NOUN_WORDS = (
    "is was has this us its as plus less series news across thus always perhaps whereas yes"
    " since does goes bus gas lens chaos basis crisis analysis thesis status campus bonus"
    " census virus focus means process access business progress and or of in on at by to for"
    " with from the than then that which who while when where after before into over under"
    " each per are were be been have had will would can could may might sits says shows remains"
    " seems makes takes gets goes comes stands looks gives keeps lets puts brings appears becomes"
    " includes contains requires suggests indicates represents reaches marks sees ranks"
)
NOT_NOUN = frozenset(NOT_NOUN_WORDS.split())
PLURALS = frozenset(["people", "children", "men", "women", "staff", "police", "cattle", "sheep"])
ID_WORD = re.compile(
    r"\b(?:top|no\.|number|section|chapter|page|version|route|flight|room|article|phase"
    r"|stage|level|tier|step|part|item|volume|issue|episode|season|act|model)\s$|#$",
    re.IGNORECASE,
)
# A capitalised word right before a bare number names a version or model ("Llama 3.1").
ID_NAME = re.compile(
    r"(?:^|(?<=[\w,;:’'] ))(?!(?:About|Around|Nearly|Roughly|Some|Over|Under|Only|Just|Almost"
    r"|Approximately|Fewer|More|Less|At|In|By|On|Of|All|The|Those|These|Another|Exactly)\s)"
    r"[A-Z][\w-]*\s$"
)
YEAR = re.compile(r"1[89][0-9][0-9]|20[0-9][0-9]|2100")
BETWEEN = re.compile(r"\bbetween\s+(?:about |roughly |around )?$", re.IGNORECASE)
FROM = re.compile(r"\bfrom\s+$", re.IGNORECASE)
LINK = re.compile(r"\s*(?:-|–|—|to|and)\s*")

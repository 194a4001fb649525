"""Regexes and token sets for the check-worthiness features that word lists cannot express."""

from __future__ import annotations

import re

from app.pipeline.checkworthiness.lexicon import FUNCTION_WORDS, Words

__all__ = [
    "ACRONYM",
    "DATE",
    "DEICTIC_START",
    "EVENT_OPENING",
    "IMPERATIVE_START",
    "RANKING",
    "WEB_ADDRESS",
    "WH_START",
    "has_approximation",
    "has_quantified_subject",
    "has_generic_subject",
    "has_first_person",
    "has_past_event",
    "has_second_person",
    "has_may",
    "has_meta_text",
    "has_web_address",
]

_A = "['’]"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATE = re.compile(
    rf"\b(?:{_YEAR}s?|(?:{_MONTHS})(?: \d{{1,2}})?,? {_YEAR}|\d{{1,2}} (?:{_MONTHS})"
    rf"|(?:{_MONTHS}) \d"
    r"|(?:last|this|next|previous) (?:year|month|week|quarter|decade)"
    r"|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    rf"|(?:in|since|by|until|last|early|late|mid-?)\s?(?:{_MONTHS}))\b"
)
ACRONYM = re.compile(r"(?:[A-Z]{2,}[a-z]?s?|[a-z]+[A-Z]\w*|[A-Z][a-z]+[A-Z]\w*|[A-Z]+-\d\w*)")
_PAST_WORDS = (
    "was were had been began became bought built came cut fell found gave grew held hit kept led"
    " left lost made met paid put ran rose sank saw sent set shut sold spent spoke stood took told"
    " won went wrote"
)
_PAST = frozenset(_PAST_WORDS.split())
_NOT_PAST_WORDS = (
    "speed indeed breed greed proceed exceed succeed hundred sacred naked wicked hatred kindred"
    " embed shred steed tweed need feed seed deed heed weed reed"
)
_NOT_PAST = frozenset(_NOT_PAST_WORDS.split())
EVENT_OPENING = re.compile(
    r"^(?!(?:I|We|You)\s)(?:[A-Z][\w&.-]*['’]?s?\s+){1,3}(?:\w+ly\s+)?(?:[a-z]{3,}ed|began|became|bought"
    r"|built|cut|fell|found|grew|held|hit|kept|led|left|lost|made|paid|ran|rose|sank|sold|spent"
    r"|took|won|wrote)\b"
)
_APPROX = frozenset(
    [
        "about",
        "around",
        "roughly",
        "approximately",
        "nearly",
        "almost",
        "some",
        "over",
        "under",
        "just",
    ]
)
_APPROX_AMOUNT = re.compile(
    r"\b(?:about|around|roughly|approximately|nearly|almost|some|over|under|just)\s+"
    r"(?:[$€£]?\d|a (?:third|quarter|half|dozen)|half|one|two|three|four|five|six|seven|eight"
    r"|nine|ten|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?)",
    re.IGNORECASE,
)
_FIRST_WORDS = "I me my mine myself we us our ours ourselves We Our My Us"
_FIRST = frozenset(_FIRST_WORDS.split())
_FIRST_CONTRACTED = re.compile(rf"\b(?:I{_A}(?:m|ve|ll|d)|[Ww]e{_A}(?:re|ve|ll|d)|[Ll]et{_A}s)\b")
_SECOND_WORDS = "you your yours yourself yourselves you're you've you'll you'd"
_SECOND = frozenset(_SECOND_WORDS.split())
# A capitalised word that does not open the sentence, then "I": "Henry I", "Charles I".
_REGNAL_I = re.compile(
    r"(?<=[a-z,;’'] )([A-Z][a-z]+) I\b(?![’']|\s+(?:am|was|have|had|will|would|think|said)\b)"
)
_MAY = re.compile(r"\bmay\b|\bMay (?:be|have|not|also|well)\b")
_RAW_TOKEN = re.compile(r"[A-Za-z]+")
# "Honeybees communicate…", "Smaller workers tend…", "Most teenagers do…", "School start times
# do…": a bare or quantified plural subject (up to two modifiers) states a general fact.
_GENERIC_SUBJECT = re.compile(
    r"^(?:(?:Most|Many|Few|Several|All|No|Nearly all|Almost all)\s+(?=[a-z]))?"
    r"(?:(?P<adj>[A-Za-z][a-z-]+)\s+)?(?:(?P<mod>[a-z][a-z-]+)\s+)?"
    r"(?P<noun>[A-Za-z][a-z-]*[a-z]s)\s+(?P<verb>[a-z]+)"
)
_QUANTIFIED_SUBJECT = re.compile(
    r"^(?:Most|Many|Few|Several|Nearly all|Almost all|Half of|A majority of)\s+[a-z][a-z-]*s\b"
)
# A rank or a record: "the third bailout", "the largest penalty", "the first time", "a record".
RANKING = re.compile(
    r"\b(?:the|its|their|his|her)\s+(?:(?:first|second|third|fourth|fifth|sixth|seventh|eighth"
    r"|ninth|tenth|last|only)\b|(?:single\s+)?(?:largest|biggest|highest|lowest|smallest|oldest"
    r"|newest|longest|shortest|fastest|slowest|worst|best|most|least|earliest|latest|heaviest"
    r"|deadliest|busiest|richest|poorest|cheapest)\b)|\b(?:a|an|the) (?:new )?record\b|\bever\b"
)
# A web or mail address inside a sentence points the reader somewhere: an instruction.
WEB_ADDRESS = re.compile(
    r"\b(?:https?://|www\.)\S+|\b[\w.-]+@[\w-]+\.[\w.]+|\b[a-z0-9-]+\.(?:com|org|net|gov|co|uk"
    r"|io|example)(?:\.[a-z]{2})?/\S*"
    # a phone number, or an appeal to the reader: "anyone who saw the crash … to call"
    r"|\b(?:\(\d{3}\)\s*|\d{3}-)?\d{3}-\d{4}\b|\basking (?:anyone|people|residents|the public)\b"
)
IMPERATIVE_START = re.compile(
    r"^(?:(?:so|now|but|and|first|then|please|just),?\s+)?(?:let['’]s|sign up|subscribe|join"
    r"|click|read|try|start|consider|imagine|see|check|follow|share|download|register|learn"
    r"|get|find|take|don['’]t|do not|remember|note|keep|watch|listen|think|look|stay|thanks"
    r"|thank you|enjoy|tap|visit|email|contact|buy|order|shop|support|donate|tell us|go)\b",
    re.IGNORECASE,
)
# Sentences that lean on the previous one: "This is…", "It was…", and echoes like "So would…".
DEICTIC_START = re.compile(
    r"^(?:(?:so|nor|neither)\s+(?:would|does|do|did|is|are|was|were|will|can|could|has|have)\b"
    r"|(?:(?:but|and|so|yet)\s+)?(?:this|that|these|those|it|there|they|here)\s*"
    r"(?:is|are|was|were|['’]s|isn['’]t|aren['’]t|wasn['’]t|has been|will be|would be|does"
    r"|doesn['’]t|remains|means)\b)",
    re.IGNORECASE,
)
# The text speaking of itself: definitions of its terms and the road map of its parts.
META_TEXT = re.compile(
    r"\b(?:is|are) (?:here )?defined (?:here )?as\b|\bwe define\b|\b(?:hereafter|henceforth)\b"
    r"|\b(?:is|are) referred to (?:here )?as\b"
    r"|^(?:this|the present|our) (?:article|paper|essay|report|brief|chapter|section|piece|post)"
    r" (?:proceeds|is (?:organi[sz]ed|structured|divided)|begins|opens|closes|turns|falls)\b"
    r"|^(?:the|this) (?:next|following|final|first|second|third|last) (?:section|part|chapter)\b"
    r"|\b(?:left|leave) (?:\w+ )?(?:for|to) future (?:work|research)\b"
    r"|\bwe(?:['’]ll| will) update this\b|\bthis (?:story|article|analysis|page) (?:will be|has"
    r" been|was) (?:updated|corrected)\b"
    # what the story could not learn is no claim: "It was not immediately clear whether…"
    r"|^it (?:is|was|remains|remained) (?:not (?:immediately |yet )?clear|unclear)\b",
    re.IGNORECASE,
)
# Substring gates (the regex runs only when one occurs): every branch of META_TEXT holds one
# of these words or opens with one of these starts, and every branch of WEB_ADDRESS one of
# these characters. Case-insensitive matching also equates "i" with "ı"/"İ" and "s" with
# "ſ", which lower() does not, so text holding those skips the gate.
_META_HINTS = ("defin", "hereafter", "henceforth", "referred to", "future", "update", "correct")
_META_STARTS = ("this ", "the ", "our ", "it ")
_FOLDS_APART = re.compile("[\u0130\u0131\u017f]")
_WEB_HINTS = ("/", "@", "www.", "-", "asking ")


def has_meta_text(text: str, lower: str) -> bool:
    """META_TEXT occurs in `text` (`lower` is `text.lower()`, however folded after)."""
    if (
        not any(hint in lower for hint in _META_HINTS)
        and not lower.startswith(_META_STARTS)
        and not _FOLDS_APART.search(text)
    ):
        return False
    return META_TEXT.search(text) is not None


def has_web_address(text: str) -> bool:
    """WEB_ADDRESS occurs in `text`."""
    return any(hint in text for hint in _WEB_HINTS) and WEB_ADDRESS.search(text) is not None


WH_START = re.compile(
    r"^(?:(?:but|and|so)\s+)?(?:whether|what|how|why|who|which)\b(?!\s+(?:of|percent))",
    re.IGNORECASE,
)


def has_past_event(words: Words) -> bool:
    """True if the sentence has a past-tense or perfect verb ("rose", "was fined", "has been")."""
    if not _PAST.isdisjoint(words.tokens):
        return True
    return any(len(t) > 3 and t.endswith("ed") and t not in _NOT_PAST for t in words.tokens)


def has_first_person(text: str) -> bool:
    """True for "I", "we", "my", "let's"… (case-sensitive, so "US" is not "us").

    "I" right after a mid-sentence name is a regnal numeral ("King Henry I"), not the writer.
    """
    found = _FIRST.intersection(_RAW_TOKEN.findall(text))
    if found - {"I"}:  # the regnal rewrite below removes only an "I"
        return True
    if not found:  # nor can it make or break a contraction: none holds the "I" it removes
        return ("'" in text or "’" in text) and _FIRST_CONTRACTED.search(text) is not None
    if "I" in text:
        text = _REGNAL_I.sub(r"\1", text)
    if not _FIRST.isdisjoint(_RAW_TOKEN.findall(text)):
        return True
    return _FIRST_CONTRACTED.search(text) is not None


def has_second_person(words: Words) -> bool:
    """True for "you", "your"…, the mark of an aside to the reader."""
    return not _SECOND.isdisjoint(words.tokens)


def has_may(text: str) -> bool:
    """True for the modal "may" but not the month."""
    return _MAY.search(text) is not None


def has_quantified_subject(text: str) -> bool:
    """True for a subject that states a share of a group: "Most teenagers…", "Few firms…"."""
    return _QUANTIFIED_SUBJECT.match(text) is not None


def has_approximation(text: str, words: Words) -> bool:
    """True for "about 40", "nearly half", "roughly a third": an approximate amount."""
    if _APPROX.isdisjoint(words.tokens):
        return False
    return _APPROX_AMOUNT.search(text) is not None


# Words after the subject that show it was not a subject ("Thanks for…", "Details of…").
_NOT_VERB_WORDS = "of for to and or the a an in on at by with from"
_NOT_VERB = frozenset(_NOT_VERB_WORDS.split())
_NOT_GENERIC = FUNCTION_WORDS | {"thanks", "perhaps", "sometimes", "besides", "towards", "news"}


def has_generic_subject(text: str) -> bool:
    """True if the sentence opens with a bare plural noun phrase ("Antibiotics do not…")."""
    m = _GENERIC_SUBJECT.match(text)
    if m is None:
        return False
    noun, adj, mod = m["noun"].lower(), (m["adj"] or "").lower(), (m["mod"] or "").lower()
    if noun in _NOT_GENERIC or adj in FUNCTION_WORDS or noun.endswith(("ss", "us", "is")):
        return False
    if mod and (mod in FUNCTION_WORDS or mod.endswith("ly")):
        return False
    if m["verb"] in _NOT_VERB:
        return False
    return not (m["adj"] and noun == m["noun"].lower() and m["noun"][0].isupper())

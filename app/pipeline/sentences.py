"""Sentence segmentation that survives abbreviations, initials, decimals, quotes and lists."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

from app.pipeline.types import Block

__all__ = ["split_sentences"]

_END = re.compile(
    r"[.!?…]+[\"”’')\]*]*(?=\s)"  # "restored.* This": a footnote asterisk closes it too
    # a picture credit glued to the paragraph's last sentence: "…der Kartellbehörden.Foto: dpa"
    r"|\.(?=(?:Foto|Fotos|Photo|Photos|Bild|Bilder|Image|Credit|Crédit)\s*:)"
    r"|[。！？]+[」』”’）)\"']*"  # Chinese and Japanese full stops: no space after them
)
_FULL_WIDTH_STOP = frozenset("。！？")
_WORD_BEFORE = re.compile(r"([^\s\"“‘(\[]+)$")
_ENUMERATOR = re.compile(r"^\s*(\d{1,3}|[ivxIVX]{1,4}|[A-Za-z])$")
_DOTTED = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")
_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "mx", "dr", "prof", "sr", "jr", "st", "mt", "ft", "vs", "etc", "al",
     "inc", "ltd", "co", "corp", "llc", "plc", "no", "nos", "fig", "figs", "vol", "vols", "pp",
     "p", "approx", "est", "gen", "gov", "sen", "rep", "rev", "hon", "capt", "lt", "col", "sgt",
     "cmdr", "adm", "maj", "pres", "supt", "det", "insp", "jan", "feb", "mar", "apr", "jun",
     "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ca", "cf", "dept", "univ", "assn",
     "bros", "ave", "blvd", "rd", "hwy", "mph", "min", "max", "op", "ed", "eds", "trans", "ch",
     "sec", "art", "para", "ref", "refs", "govt", "intl", "natl", "mgmt", "misc", "esp", "viz",
     "pt",
     # German, French and Spanish: "§ 13 Abs. 6 TMG", "Nr. 5", "vgl.", "Mme Dupont", "núm. 3"
     "abs", "nr", "bzw", "vgl", "ggf", "inkl", "usw", "evtl", "sog", "mio", "mrd", "mme",
     "mlle", "núm", "pág", "sra", "srta", "dra",
     # a German court citation: "BGH, Urt. v. 27.3.2007", "Tz. 17", "Rdn. 29", "29. Aufl.";
     # "v" also for "Roe v. Wade"
     "v", "urt", "beschl", "tz", "rdn", "rn", "aufl", "hrsg", "ziff", "kap"}
)  # fmt: skip
_SPLIT_AFTER_DOTTED = frozenset({"a.m", "p.m"})
# a wire credit after a dateline: "PORTVALE, Ore. (AP) — …" is one sentence
_WIRE_CREDIT = re.compile(r"\([A-Z][A-Za-z&.]{1,15}\)\s*[—–-]")
# '“…the investigation?” Holmes testified.': a quoted question and its speech tag are one
_ASKED_IN_QUOTES = re.compile(r"[?!][\"”’']+$")
_SPEECH_TAG = re.compile(
    r"(?:[A-Z][\w’'.-]*\s+){1,4}(?:said|says|asked|asks|testified|wrote|writes|added|told|"
    r"replied|recalled|wondered|explained|noted|continued|tweeted)\b"
)


# words that open a sentence and never follow an initial inside a name: "… the Xbox One X. So,
# a little better…" ends at the "X."
_OPENS_SENTENCE = re.compile(
    r"(?:So|But|However|Still|Yet|Then|Instead|Meanwhile|Also|And|This|That|These|Those|It|"
    r"They|We|He|She|There|The|If|When|While)\b"
)


# what a German ordinal number counts: the months, and centuries, times, leagues and places
_ORDINAL_NOUN = re.compile(
    r"(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|"
    r"Dezember|Jahrhunderts?|Mal|Liga|Bundesliga|Platz|Klasse|Stock|Etage|Runde|Spieltag|"
    r"Lebensjahr|Geburtstag|Jahrestag|Auflage|Aufl|Ausgabe|Kapitel|Abschnitt|Senat|Zivilsenat|"
    r"Strafsenat|Kammer|Zivilkammer|Strafkammer)\b"
)


def _no_break_after(word: str, so_far: str, after: str = "") -> bool:
    """True when the period ending `word` (followed by `after`) does not end the sentence."""
    bare = word.rstrip(".").lstrip('"“‘([')
    if bare.lower() in _ABBREVIATIONS:
        return True
    if len(bare) == 1 and bare.isalpha() and bare.isupper():
        return not _OPENS_SENTENCE.match(after)  # an initial: "Lin J. Chen"
    if _DOTTED.match(bare) and bare.lower() not in _SPLIT_AFTER_DOTTED:
        # "U.S.", "e.g."; "…across the U.S. This year's…" ends at a capital abbreviation
        return not (bare.isupper() and _OPENS_SENTENCE.match(after))
    day = re.split(r"[/–-]", bare)[-1]  # "15./16. Juni", "3.–5. Mai": a range of days
    if day.isdigit() and len(day) <= 2 and _ORDINAL_NOUN.match(after):
        return True  # "am 13. Mai 2014", "im 19. Jahrhundert": a German ordinal, not an end
    return bool(_ENUMERATOR.match(so_far.rstrip(".")))  # "2. Tariffs ate the savings."


def _starts_sentence(rest: str) -> bool:
    """Whether the text after a full stop can open a new sentence."""
    first = rest[:1]
    if first == "[" and rest[1:2].islower():  # "… [saying] I better…": the editor's words
        return False
    if not first or first.isupper() or first.isdigit() or first in "“\"‘'([¿¡—–-":
        return True
    if first.isalpha() and not first.islower():  # Hangul, Arabic, Hebrew: letters without case
        return True
    if first == "…" or rest.startswith("..."):  # "… You get what's coming to you.": an
        return rest.lstrip(".…").lstrip()[:1].isupper()  # elided quotation runs on
    word = rest.split(" ", 1)[0]
    return any(c.isupper() for c in word[1:])  # "xAI", "iPhone", "eMarketer"


_NAME_WORDS = 4  # "E! News", "Yahoo! Finance": a short linked name is never two sentences


def _inside(position: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether `position` falls strictly inside one of the sorted, disjoint `spans`."""
    i = bisect.bisect_left(spans, (position, position)) - 1
    return i >= 0 and spans[i][0] < position < spans[i][1]


def _in_title_quote(text: str, begin: int, at: int) -> bool:
    """Whether `at` lies inside a short quotation opened after a possessive or "called"
    ("NPR’s “Wait, Wait …"): a quoted title, not speech."""
    opened = text.rfind("“", begin, at)
    if opened < 0 or text.find("”", opened, at) >= 0 or at - opened > _TITLE_CHARS:
        return False
    return bool(_BEFORE_TITLE.search(text, max(begin, opened - 20), opened))


_TITLE_CHARS = 40
_BEFORE_TITLE = re.compile(r"(?:[’']s|\bcalled|\btitled|\bentitled)\s*$")


def _split_segment(
    text: str, start: int, end: int, whole: Sequence[tuple[int, int]] = (),
    marked: frozenset[int] = frozenset(),
) -> Iterable[tuple[int, int]]:  # fmt: skip
    """Sentences of one line of a block; no sentence ends inside a span of `whole`, and a full
    stop with a citation marker right after it (at an offset in `marked`) is no abbreviation."""
    begin = start
    for m in _END.finditer(text, start, end):
        stop = m.end()
        if _inside(stop, whole):
            continue
        nxt = stop
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if nxt >= end:
            break
        if m.group(0)[0] in _FULL_WIDTH_STOP:
            yield begin, stop
            begin = nxt
            continue
        if not _starts_sentence(text[nxt:end]) or _WIRE_CREDIT.match(text, nxt, end):
            continue
        if not text[begin:stop].strip(" .…"):
            begin = nxt  # an elision opening the sentence ("… You get…") is no sentence itself
            continue
        if _ASKED_IN_QUOTES.search(m.group(0)) and _SPEECH_TAG.match(text, nxt, end):
            continue
        if m.group(0) == "…" and _in_title_quote(text, begin, m.start()):
            continue  # 'on NPR’s “Wait, Wait … Don’t Tell Me!”': a title's ellipsis
        # "No.”" closes a quote; a bare "No." may be an abbreviation, unless a note marker
        # follows it ("… of about 315 K.[1] Its orbital period…")
        if m.group(0) == "." and stop not in marked:
            word = _WORD_BEFORE.search(text, begin, m.start())
            if word and _no_break_after(word.group(1), text[begin : m.start()], text[nxt:end]):
                continue
        yield begin, stop
        begin = nxt
    if begin < end:
        yield begin, end


# "2. Vous rappellerez que…", "3) The agency…": a number labelling a line's first sentence is
# the list's, not the sentence's; so is an outline's "II.", "a)", "bb)" or "(1)" (a court's
# reasons); a German date or ordinal ("5. Mai", "1. FC Köln") is text
_LIST_LABEL = re.compile(
    r"(?:\d{1,2}[.)]|[IVX]{1,4}\.|\(?[a-z]{1,2}\)|\(\d{1,2}\))"
    r"\s+(?=[«“\"]?[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’]+\s+\S+\s+\S+\s+\S)"
    r"(?!(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|"
    r"Dezember|Liga|Bundesliga|Klasse|Mannschaft|Runde|Spieltag|Platz)\b)"
)


def _trimmed(
    text: str, start: int, end: int, *, line_start: bool = False
) -> tuple[int, int] | None:
    """The span without surrounding white space (and, at a line's start, without a list
    label), or None if nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    if line_start and (label := _LIST_LABEL.match(text, start, end)):
        start = label.end()
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def split_sentences(
    text: str, blocks: Iterable[Block], names: Iterable[tuple[int, int]] = (),
    markers: Iterable[int] = (),
) -> list[tuple[int, int]]:  # fmt: skip
    """(start, end) of every sentence; sentences never cross a block or a line break, nor end
    inside a short linked name of `names` (link anchors: "according to <a>E! News</a>");
    `markers` are the offsets where citation markers were taken out of `text`."""
    marked = frozenset(markers)
    whole = sorted(
        (s, e) for s, e in names if len(text[s:e].split()) <= _NAME_WORDS and "\n" not in text[s:e]
    )
    spans: list[tuple[int, int]] = []
    for block in blocks:
        line_start = block.start
        for line in text[block.start : block.end].split("\n"):
            line_end = line_start + len(line)
            for s, e in _split_segment(text, line_start, line_end, whole, marked):
                span = _trimmed(text, s, e, line_start=s == line_start)
                if span:
                    spans.append(span)
            line_start = line_end + 1
    return spans

"""Named attribution in one sentence: "according to X", "X said", "X’s report", "it added"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.pipeline.attribution.document_refs import (
    authors_speaking,
    document_noun,
    document_subject,
)
from app.pipeline.attribution.lexicon import (
    GENERIC_SUBJECTS,
    ORG_NOUNS,
    REPORT_NOUNS,
    ROLE_NOUNS,
    VERBS,
)
from app.pipeline.attribution.names import NameSpan, find_names, with_article
from app.pipeline.word_alternation import shared_prefixes

__all__ = ["Attribution", "find_attributions"]

# The literal verbs as one prefix tree, the others ("puts?(?=…)") as written: the same
# matches in a third of the time per sentence
_VERB_PARTS = VERBS.split("|")
_VERB_ALTERNATIVES = [shared_prefixes(v for v in _VERB_PARTS if v.isalpha())]
_VERB = re.compile(
    rf"\b((?:{'|'.join(_VERB_ALTERNATIVES + [v for v in _VERB_PARTS if not v.isalpha()])}))\b"
)
_AUX = re.compile(
    r"(?:\s+(?:has|have|had|also|publicly|previously|later|separately|again|"
    r"first|recently|on \w+day|a|ont|aussi))+$"
)  # fmt: skip  ("X a déclaré")
# "3,000" inside the clause is a number, not the comma that closes it
_APPOSITIVE = re.compile(r",(?:[^,]|(?<=\d),(?=\d{3})){2,120},\s*$")
# "Mayor Alicia Brandt’s office said": the office speaks for its owner
_OWNER_OFFICE = re.compile(rf"(?:’s|'s)\s+(?:[a-z-]+\s+)?(?:{ORG_NOUNS})$")
_ACCORDING = re.compile(r"\b(?:[Aa]ccording to|[Ss]egún|[Ss]elon|[Ll]aut)\s+")
_NP_END = re.compile(
    r"[,;:()“”\"—–]|\s(?:who|that|which|even|as|while|but|and said|to)\s|\.(?:\s|$)"
)
_NP_LEAD = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?:(?:new|recent|latest|\d{4}|preliminary|official|annual)\s+)*"
    r"(?:(?:report|data|figures|estimates|numbers|statement|survey|study|analysis|filing|"
    r"records|notice|minutes|documents?|poll)\s+(?:from|by|of|published by|released by)\s+)?"
    r"(?:the\s+)?",
)
_DESCRIPTOR = re.compile(
    rf"\b(?i:the|its)\s+((?:[a-z-]+\s+)?(?:{ORG_NOUNS}|{ROLE_NOUNS}))(’s|'s)?\s*$"
)
# "Wendledale council said", "Deepford police said": a place's body, named by the place
_PLACE_BODY = re.compile(
    rf"(?:^|(?<=\s))((?!(?:The|A|An|This|That|These|Those|Its|Their|His|Her|Our|Some|Every)\s)"
    rf"(?:[A-Z][\w’'-]+\s+){{1,3}}(?:{ORG_NOUNS}))$"
)
# "A spokesperson for the Ohio Department of Health", "Researchers at Fenwick University":
# people speaking for the named body
_MEMBER_OF = re.compile(
    r"\b(?i:spokesperson|spokesman|spokeswoman|representatives?|officials?|lawyers?|attorneys?|"
    r"researchers?|economists?|analysts?|scientists?|experts?|engineers?|staff|director|head)"
    r"\s+(?:for|at|of|from|with)\s+(?:the\s+)?$"
)
# People the story cannot name: "A person familiar with the company's plans"
_UNNAMED = re.compile(
    r"^(?:an?|two|three|several|some)\s+(?:person|people|sources?|officials?|employees?)\s+"
    r"(?:familiar with|close to|briefed on|with (?:direct )?knowledge of)\b[^,;]{3,100}$",
    re.IGNORECASE,
)
_POLICE = re.compile(r"(?:^|,\s*|\b(?i:the)\s+)[Pp]olice$")  # not "Deepford police"
# "an ornithologist", "the company's lawyer", "Carlineo's attorney": a role, not a name
_ROLE_LEAD = re.compile(r"^(?:(?i:an?|the|his|her|their|its)|[A-Z][\w-]+[’']s)\s+[a-z]")
_DESCRIPTOR_AHEAD = re.compile(rf"^(?:the\s+)({ORG_NOUNS})(’s|'s)?\b")
_PRONOUN = re.compile(r"(?:^|\s)(he|she|it|they|He|She|It|They)$")
_PREPOSITIONS = re.compile(r"\b(in|at|from|of|for|near|with|on|to|into|than)\s+(the\s+)?$")
_BY_IN = re.compile(
    r"\b(?:published|conducted|released|compiled|issued|cited|commissioned|prepared|produced"
    r"|tracked|collected|gathered|maintained|counted)"
    r"(?:\s+[\w,]+){0,4}?\s+(?:by|in)\s+(?:the\s+)?$"
    rf"|\b(?:{REPORT_NOUNS})(?:\s+of\s+[\w,.-]+(?:\s+[\w-]+){{0,3}})?\s+(?:from|by)\s+(?:the\s+)?$"
)
# "an analysis in The Guardian" names a source, "a study in Colorado" a place: kept only
# when the name matches a source of the article.
_NOUN_IN = re.compile(rf"\b(?:{REPORT_NOUNS}|editorial|interview|op-ed)\s+in\s+(?:the\s+)?$")
_CITING = re.compile(r"\bciting\s+(?:a|an|the)?\s*$")
_OWNED_REPORT = re.compile(rf"^(?:\s+[\w-]+){{0,4}}?\s+(?i:{REPORT_NOUNS})\b")
_NAMED_REPORT = re.compile(rf"^(?:\s+[\w-]+)?\s+(?:{REPORT_NOUNS})\b")
_DESCRIPTOR_REPORT = re.compile(
    rf"\b(?i:the)\s+({ORG_NOUNS})(?:’s|'s)\s+(?:[\w-]+\s+){{0,3}}?(?:{REPORT_NOUNS})\b"
)


@dataclass(slots=True)
class Attribution:
    """A source named by the sentence: its name, where the phrase sits, and how it was named."""

    name: str
    start: int
    end: int
    # name | descriptor | pronoun | phrase | document | weak (kept if it names a source) |
    # member (someone speaking for the named body: its statements, not its reports)
    kind: str


def _name_ending_at(names: list[NameSpan], text: str, end: int) -> NameSpan | None:
    """The name span that ends right at `end`."""
    for span in names:
        if span.end == end or (span.possessive and span.end + 2 == end):
            return span
    return None


def _appositive_name(left: str, names: list[NameSpan]) -> NameSpan | None:
    """ "An ornithologist at the Trust, Dr Amira Haddad," -> the name set off by commas.

    Only when the clause before the commas is a common-noun description ("an ornithologist"),
    so "The Alliance, an industry group," still credits the Alliance.
    """
    m = _APPOSITIVE.search(left)
    if m is None or not _ROLE_LEAD.match(left[: m.start()].split(",")[-1].strip()):
        return None
    inner = left[m.start() + 1 : m.end()].strip(" ,")
    # "…, Amalgamated Transit Workers Local 409," : the name may stop before a number
    return next((n for n in names if inner.startswith(n.text) and n.start > m.start()), None)


def _owned_body(owner: NameSpan, names: list[NameSpan]) -> NameSpan:
    """ "Chile’s National Geology and Mining Service" is the service; "Drewry’s World Container
    Index" stays Drewry's."""
    body = next((n for n in names if n.start == owner.end + 3), None)
    last = body.text.split()[-1].lower() if body else ""
    return body if body is not None and re.fullmatch(ORG_NOUNS, last) else owner


def _owner_of_office(left: str, names: list[NameSpan]) -> NameSpan | None:
    """The named owner of "X’s office" / "X’s spokesperson" right before the verb."""
    m = _OWNER_OFFICE.search(left)
    if m is None:
        return None
    span = _name_ending_at(names, left, m.start() + 2)
    return span if span is not None and span.possessive else None


def _subject_before(text: str, pos: int, names: list[NameSpan]) -> Attribution | None:
    """The speaker written right before a verb at `pos`: a name, "the department", or "it"."""
    left = _AUX.sub("", text[:pos].rstrip())
    person = _appositive_name(left, names)
    if person is not None:
        return Attribution(person.text, person.start, pos, "name")
    left = _APPOSITIVE.sub("", left) if _APPOSITIVE.search(left) else left
    unnamed = _UNNAMED.match(left)
    if unnamed:  # "A person familiar with the talks said": kept as the phrase itself
        return Attribution(left[0].lower() + left[1:], 0, pos, "phrase")
    if _POLICE.search(left):  # "police said": the police force named earlier, if any
        return Attribution("police", len(left) - len("police"), pos, "descriptor")
    span = _name_ending_at(names, text, len(left))
    if span is not None and not span.possessive:
        if _MEMBER_OF.search(text[: span.start]):
            return Attribution(with_article(text, span), span.start, pos, "member")
        if _PREPOSITIONS.search(text[: span.start]):
            return None
        if span.start == 0 and span.text.lower() in GENERIC_SUBJECTS:
            return None
        return Attribution(with_article(text, span), span.start, pos, "name")
    owner = _owner_of_office(left, names)
    if owner is not None:
        return Attribution(owner.text, owner.start, pos, "name")
    body = _PLACE_BODY.search(left)
    if body and not _PREPOSITIONS.search(left[: body.start()]):
        return Attribution(body.group(1), body.start(), pos, "name")
    descriptor = _DESCRIPTOR.search(left)
    if descriptor and not descriptor.group(2):
        return Attribution(descriptor.group(1), descriptor.start(), pos, "descriptor")
    document = document_subject(left)
    if document is not None:
        return Attribution(document[0], document[1], pos, "document")
    pronoun = _PRONOUN.search(left)
    if pronoun:
        return Attribution(pronoun.group(1).lower(), pronoun.start(1), pos, "pronoun")
    return None


def _verb_attributions(text: str, names: list[NameSpan]) -> list[Attribution]:
    """ "X said", "X, an industry group, said", "…, said Denise Harlan, the chief executive"."""
    found = []
    for m in _VERB.finditer(text):
        subject = _subject_before(text, m.start(), names)
        if subject is not None:
            subject.end = m.end()
            found.append(subject)
            continue
        if re.search(r"[,”\"]\s*$", text[: m.start()]):
            the = re.match(r"\s(?:the\s)?", text[m.end() :])  # "…,” writes the Associated Press"
            after = [s for s in names if the and s.start == m.end() + the.end()]
            if after and re.match(r"^\s*([,.;]|$)", text[after[0].end :]):
                found.append(Attribution(after[0].text, m.start(), after[0].end, "name"))
    return found


def _according_to(text: str, names: list[NameSpan]) -> list[Attribution]:
    """ "according to a report from Reuters", "according to the co-op’s forecast"."""
    found = []
    for m in _ACCORDING.finditer(text):
        stop = _NP_END.search(text, m.end())
        end = stop.start() if stop else len(text)
        inside = [s for s in names if m.end() <= s.start and s.end <= end]
        owners = [s for s in inside if s.possessive]
        if owners or inside:
            # German puts the verb right after "laut X" ("Laut dem RKI stieg die Zahl der
            # Fälle…"), and capitalises every noun after it: the first name is the source
            german = m.group().lower().startswith("laut")
            span = inside[0] if german else _owned_body(owners[0], inside) if owners else inside[-1]
            found.append(Attribution(with_article(text, span), m.start(), end, "name"))
            continue
        phrase = text[m.end() : end].strip()
        descriptor = _DESCRIPTOR_AHEAD.match(phrase)
        if descriptor and descriptor.group(2):
            found.append(Attribution(descriptor.group(1), m.start(), end, "descriptor"))
        elif document_noun(phrase):
            found.append(Attribution(document_noun(phrase) or "", m.start(), end, "document"))
        elif phrase:
            name = (
                _NP_LEAD.sub("", phrase, count=1) if not phrase.startswith("a person") else phrase
            )
            found.append(Attribution(name, m.start(), end, "phrase"))
    return found


# The last words before white space that each end-anchored regex can end on: searching the
# whole text before every name for them is the dear part, so it waits for this cheap test.
_LAST_WORDS = {
    _PREPOSITIONS: ("in", "at", "from", "of", "for", "near", "with", "on", "to", "into", "than"),
    _BY_IN: ("by", "in", "from"),
    _NOUN_IN: ("in",),
}


def _ends(pattern: re.Pattern[str], before: str) -> bool:
    """`pattern` (one of `_LAST_WORDS`, ending in "\\s+(?:the\\s+)?$") matches `before`."""
    if not before or not before[-1].isspace():
        return False
    if not before.rstrip().endswith((*_LAST_WORDS[pattern], "the")):
        return False
    return pattern.search(before) is not None


def _name_patterns(text: str, names: list[NameSpan]) -> list[Attribution]:
    """ "X’s report", "the X report", "published in X", "citing a X report", "note from X"."""
    found = []
    for span in names:
        before = text[: span.start]
        after = " " + text[span.end + (2 if span.possessive else 0) :].lstrip()
        if span.possessive:
            report = bool(_OWNED_REPORT.match(after))
        else:
            report = bool(_NAMED_REPORT.match(after)) and not _ends(_PREPOSITIONS, before)
        name = with_article(text, span)
        if _ends(_BY_IN, before) or ("citing" in before and _CITING.search(before)) or report:
            found.append(Attribution(name, span.start, span.end, "name"))
        elif _ends(_NOUN_IN, before):
            found.append(Attribution(name, span.start, span.end, "weak"))
    for m in _DESCRIPTOR_REPORT.finditer(text):
        found.append(Attribution(m.group(1), m.start(), m.end(), "descriptor"))
    return found


_ZUFOLGE = re.compile(r"\s+zufolge\b")


def _zufolge(text: str, names: list[NameSpan]) -> list[Attribution]:
    """ "Der Studie des Imperial College zufolge …": German's "according to" after its name."""
    found = []
    for m in _ZUFOLGE.finditer(text):
        before = [s for s in names if s.end == m.start()]
        if before:
            found.append(
                Attribution(with_article(text, before[0]), before[0].start, m.end(), "name")
            )
    return found


def find_attributions(text: str, names: list[NameSpan] | None = None) -> list[Attribution]:
    """Every attribution phrase in one sentence, in order of position, one per name.

    `names` are the sentence's name spans when the caller already has them.
    """
    names = find_names(text) if names is None else names
    found = (
        _according_to(text, names) + _verb_attributions(text, names) + _name_patterns(text, names)
    )
    if "zufolge" in text:
        found += _zufolge(text, names)
    found += [Attribution("study", a, b, "document") for a, b in authors_speaking(text)]
    found.sort(key=lambda a: a.start)
    unique: dict[str, Attribution] = {}
    for item in found:
        unique.setdefault(item.name.lower(), item)
    return list(unique.values())

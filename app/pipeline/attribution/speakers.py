"""Who each sentence credits: attribution phrases resolved to names, pronouns and documents."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from app.pipeline.attribution.names import (
    NameSpan,
    find_names,
    resolve_descriptor,
    resolve_short_name,
)
from app.pipeline.attribution.phrases import Attribution, find_attributions
from app.pipeline.types import Document

__all__ = ["Named", "SpeakerResolver"]

_PRONOUN_REACH = 2  # sentences back, within the paragraph, that "it"/"she" may point to
# Modifiers that do not make "the company" a definite description of its own.
_VAGUE = frozenset({"same", "new", "former", "other", "whole", "entire", "local", "main"})
# Nouns that stand for a business named earlier in the sentence ("…, the company said").
_BUSINESS = frozenset(
    {"company", "firm", "group", "carrier", "airline", "retailer", "startup", "insurer",
     "manufacturer", "operator", "bank", "miner", "producer", "chain", "lender", "developer"}
)  # fmt: skip
# A dateline before the subject: "SANTIAGO, June 3 (Northwire) - ", "PORTVALE, Ore. (AP) — "
_OPENING = re.compile(r"^[A-Z][A-Z .,'-]+,[^()]{0,40}\([^)]{1,40}\)\s*[-—–]+\s*")
_VERB_NEXT = re.compile(r"^\s(?!(?:of|in|at|on|for|and|to|from|by|with)\b)[a-z]+(?:ed|s)?\b")


@dataclass(slots=True)
class Named:
    """A resolved attribution: name (or document noun), absolute span, and how to use it.

    `needs_source`: kept only when it names a source of the article; `document`: the phrase
    points at a document ("the same review") and `name` is its noun, never shown as a name.
    """

    name: str
    start: int
    end: int
    needs_source: bool = False
    document: bool = False
    spoken: bool = False  # a spokesperson's words: only the body's statements can hold them
    reported: bool = False  # "according to X": X reports the sentence, in whatever medium

    @property
    def shown(self) -> bool:
        """Whether the name belongs in the sentence's `attributed_to`."""
        return not self.document


def _opener(text: str, names: list[NameSpan]) -> NameSpan | None:
    """A name that opens the sentence ("(D-Wave Systems, a Canadian company…"), not as an
    owner ("Smith's office…"): what a later "it" of the sentence stands for."""
    m = _OPENING.match(text)
    at = m.end() if m else len(text) - len(text.lstrip("(“\"'‘"))
    head = next((n for n in names if n.start == at), None)
    return head if head is not None and not head.possessive and " " in head.text else None


def _subject(text: str, names: list[NameSpan]) -> str | None:
    """The name that opens the sentence as its subject: "Kestrel Resources cut its forecast"."""
    m = _OPENING.match(text)
    head = next((n for n in names if n.start == (m.end() if m else 0)), None)
    if head is None or head.possessive or not _VERB_NEXT.match(text[head.end :]):
        return None
    # One capitalised word opening a sentence may be any word ("Output fell"); "Kestrel
    # Resources", "NimbusHost" and "IBM" are names.
    word = head.text
    return word if " " in word or any(c.isupper() for c in word[1:]) else None


def _descriptor(phrase: str, earlier: list[str], subject: str | None) -> str | None:
    """ "department" -> "U.S. Transportation Department"; "city auditor" stays itself.

    A bare noun ("the company") is an anaphor: without an earlier name it credits nobody,
    but "X cut its forecast, the company said" credits the sentence's own subject X.
    """
    head = phrase.split()[-1]
    found = resolve_descriptor(phrase, earlier) or resolve_descriptor(head, earlier)
    if found:
        return found
    if subject is not None and phrase in _BUSINESS:
        return subject
    modifier = phrase.split()[0] if " " in phrase else None
    return f"the {phrase}" if modifier and modifier not in _VAGUE else None


def _resolve(
    item: Attribution, offset: int, earlier: list[str], recent: list[str], padded: str,
    subject: str | None, opener: NameSpan | None = None,
) -> Named | None:  # fmt: skip
    """Turn an attribution phrase into the name it stands for, or None when it cannot."""
    name: str | None = item.name
    if item.kind == "pronoun":
        name = recent[-1] if recent else None
        if item.name.lower() == "it" and opener is not None and opener.end <= item.start:
            name = opener.text  # "(D-Wave, a company that… when it announced": the sentence's own
        if name is None and item.name == "it":  # "It recommended…": the document just cited
            return Named("it", item.start + offset, item.end + offset, document=True)
    elif item.kind == "descriptor":
        name = _descriptor(item.name, earlier, subject)
    elif item.kind in ("name", "weak", "member"):
        if item.start == 0 and " " not in item.name and f" {item.name.lower()} " in padded:
            return None  # "Airlines have said": a word the text also writes in lower case
        name = resolve_short_name(item.name, earlier)
    if name is None:
        return None
    start, end = item.start + offset, item.end + offset
    return Named(
        name, start, end, item.kind == "weak", item.kind == "document", item.kind == "member"
    )


class SpeakerResolver:
    """Resolves attributions sentence by sentence, remembering recent speakers per block."""

    def __init__(self, doc: Document) -> None:
        self.names: list[NameSpan] = find_names(doc.text)
        self.starts = [n.start for n in self.names]
        self.texts = [n.text for n in self.names]
        self.padded = f" {doc.text} "
        # (block, sentence, name, named there rather than by a pronoun)
        self.recent: list[tuple[int, int, str, bool]] = []

    def sentence(self, text: str, start: int, block: int, number: int) -> list[Named]:
        """Resolved attributions of the sentence `text` that starts at `start`."""
        end = start + len(text)
        lo, hi = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        earlier = self.texts[:hi]
        own = [
            NameSpan(n.start - start, n.end - start, n.text, n.possessive)
            for n in self.names[lo:hi]
            if n.end <= end
        ]
        recent = [n for b, s, n, _ in self.recent if b == block and number - s <= _PRONOUN_REACH]
        # a wire story's next paragraph: '"These programs are monitored," he said.' after
        # "…, Lewis Brown, said…" closed the paragraph before, naming him
        carried = [
            n for b, s, n, named in self.recent if b == block - 1 and number - s == 1 and named
        ]
        found: list[Named] = []
        subject = _subject(text, own)
        opener = _opener(text, own)
        for item in find_attributions(text, own):
            person = item.kind == "pronoun" and item.name.lower() in ("he", "she")
            speakers = (recent or (carried if person else [])) + [f.name for f in found if f.shown]
            named = _resolve(item, start, earlier, speakers, self.padded, subject, opener)
            if named is not None:
                named.reported = text[item.start :].lower().startswith("according to")
            if named is not None and named.name.lower() not in {f.name.lower() for f in found}:
                found.append(named)
        self.recent += [
            (block, number, f.name, f.name not in recent)
            for f in found
            if f.shown and not f.needs_source
        ]
        return found

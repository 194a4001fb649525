"""Quotations that run on past the sentence that credits them: '"…," Nelson said in a statement.
"In our simulation, we see…' rests, sentence by sentence, on the statement the first cites."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["QuotedSentence", "opened_quotation_sources", "quoted_run_sources"]

_OPENING = ("“", '"')
# where a quotation's words were written down, so a link to it holds every sentence of it
# (words at a rally or in a post are the speaker's rhetoric, reported, not a document)
_DOCUMENTS = frozenset(
    {"statement", "press release", "release", "email", "letter", "interview", "paper", "study",
     "case report", "case study"}
)  # fmt: skip

# "…," Askar wrote in a blog post: a post on the writer's own blog is a document
_IN_A_BLOG = re.compile(
    r"\b(?:in|on)\s+(?:a|an|his|her|their|its|the)\s+(?:[\w-]+\s+)?blog\b", re.I
)


@dataclass(frozen=True, slots=True)
class QuotedSentence:
    """What the rule needs of one sentence: its text, its block, its URLs, whether it credits
    anyone itself and what the sentence says the words were given in ("statement")."""

    text: str
    block: int
    urls: tuple[str, ...]
    credits: bool
    given_in: tuple[str, ...] | None = None


def _pure_quote(text: str) -> bool:
    """A sentence that is all quotation: it opens one and, if it closes it, says no more."""
    text = text.strip()
    if not text.startswith(_OPENING):
        return False
    closing = max(text.rfind("”"), text.rfind('"', 1))
    return closing <= 0 or not any(ch.isalnum() for ch in text[closing + 1 :])


def _credited_statement(sentence: QuotedSentence) -> bool:
    """A quotation credited after it to a written statement: '"…," she said in a statement.'"""
    text = sentence.text
    closing = max(text.rfind("”"), text.rfind('"'))
    credited = closing > 0 and any(ch.isalpha() for ch in text[closing + 1 :])
    written = sentence.given_in is not None and bool(_DOCUMENTS & set(sentence.given_in))
    written = written or bool(_IN_A_BLOG.search(text) or _WROTE.search(text[closing + 1 :]))
    return credited and sentence.credits and written


# '"…," the biography concludes.', '"…," she recalled in "I'm Feeling Lucky."': words the
# credit places in a book
_WROTE = re.compile(r"\b(?:concludes|concluded|(?:recalled|recalls|recounted|recounts) in)\b")
_QUOTE_MARK = re.compile('[“”"]')


def _open_after(sentences: Sequence[QuotedSentence]) -> list[bool]:
    """Whether a quotation is open where each sentence ends, read from its block's start
    (“ opens, ” closes, a straight quote toggles, so mixed styles still pair up)."""
    states, block, inside = [], None, False
    for s in sentences:
        if s.block != block:
            block, inside = s.block, False
        for ch in _QUOTE_MARK.findall(s.text):  # only the marks, not every character
            if ch == "“":
                inside = True
            elif ch == "”":
                inside = False
            elif ch == '"':
                inside = not inside
        states.append(inside)
    return states


def quoted_run_sources(sentences: Sequence[QuotedSentence]) -> list[tuple[str, ...]]:
    """For each sentence, the URLs it takes from the quotation it continues (or none).

    A sentence that credits no one and cites nothing continues a cited statement when it is
    all quotation and follows, in the same paragraph or the next, the statement's credited
    sentence ('"…," she said in a statement [link]. | "We are pleased."') or a continuation
    of it, or when the continuation before it, in its paragraph, left the quotation open
    ('"It works. | It is cheap."').
    """
    found: list[tuple[str, ...]] = [() for _ in sentences]
    open_after = _open_after(sentences)
    for i in range(1, len(sentences)):
        before, here = sentences[i - 1], sentences[i]
        if here.urls or here.credits or here.block - before.block > 1:
            continue
        runs_on = open_after[i - 1] and here.block == before.block
        if found[i - 1] and (runs_on or _pure_quote(here.text)):
            found[i] = found[i - 1]
        elif before.urls and _credited_statement(before) and _pure_quote(here.text):
            found[i] = before.urls
    return found


def opened_quotation_sources(
    sentences: Sequence[QuotedSentence], marked: Sequence[tuple[str, ...]]
) -> list[tuple[str, ...]]:
    """For each sentence that opens a quotation running past it ('…posted a statement: "We
    did not move fast enough.'), the sources of the footnote marker that closes the quotation
    in its paragraph (`marked`: each sentence's marker URLs)."""
    found: list[tuple[str, ...]] = [() for _ in sentences]
    open_after = _open_after(sentences)
    for i, here in enumerate(sentences):
        opened = open_after[i] and (
            i == 0 or not open_after[i - 1] or sentences[i - 1].block != here.block
        )
        if not opened:
            continue
        j = i + 1
        while j < len(sentences) and sentences[j].block == here.block and open_after[j]:
            j += 1
        if j >= len(sentences) or sentences[j].block - here.block > 1:
            continue
        if sentences[j].block == here.block and j > i + 1:
            found[i] = marked[j]
        closing = sentences[j]
        if closing.credits and closing.urls and _credited_statement(closing):
            for k in range(i, j):  # '"…. …," the statement continued.': all of it
                found[k] = tuple(dict.fromkeys(found[k] + closing.urls))
    return found

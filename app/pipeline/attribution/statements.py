"""An institution's linked statement and its other plain "…, prosecutors said." lines: when the
article links one statement the speaker gave ("the attorney's office said in a statement"),
the body's untagged "…, the office said." sentences report that statement too."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.pipeline.attribution.document_refs import medium

__all__ = ["statement_sources"]

_WRITTEN = frozenset({"statement", "press release", "release"})
# a closing tag naming an institution (not a person, not "officials"): "…, prosecutors said."
_INSTITUTION_SAID = re.compile(
    r",[\"”’]?\s*(?:the\s+)?(?:[\w.’'-]+\s+){0,4}?(prosecutors|police|investigators|authorities|"
    r"office|agency|department|ministry|commission|regulator)\s+(?:said|says|added|stated)"
    r"[.!]?[\"”’]?$",
    re.IGNORECASE,
)
# what the statement's speaker must be called for the tag to be the same body: prosecutors
# speak for an attorney's or prosecutor's office, not for a company
_SAME_BODY = {
    "prosecutors": ("attorney", "prosecut"),
    "police": ("police", "sheriff", "constabulary"),
    "investigators": ("investigat", "police", "bureau", "sheriff"),
    "authorities": ("authorit", "ministry", "department", "agency", "office", "police"),
}


def statement_sources(
    texts: Sequence[str], linked: Sequence[Sequence[str]], cited: Sequence[bool]
) -> list[tuple[str, ...]]:
    """For each sentence, the statement it reports through an institution's closing tag.

    `linked` holds each sentence's hyperlinked URLs and `cited` whether it cites anything.
    Only when the article links exactly one statement (a sentence saying "in a statement"
    with one link in it) do the uncited "…, the office said." sentences rest on it.
    """
    statements = {
        urls[0]: text
        for text, urls in zip(texts, linked, strict=True)
        if len(set(urls)) == 1 and _WRITTEN & set(medium(text) or ())
    }
    if len(statements) != 1:
        return [() for _ in texts]
    ((url, given),) = statements.items()
    found: list[tuple[str, ...]] = []
    for text, was_cited in zip(texts, cited, strict=True):
        tag = _INSTITUTION_SAID.search(text.rstrip())
        same = tag is not None and _names_within(tag.group(0), given) and _same_body(tag, given)
        found.append((url,) if same and not was_cited else ())
    return found


def _same_body(tag: re.Match[str], statement: str) -> bool:
    """Whether the statement's sentence names the kind of body the tag does ("the office",
    "prosecutors" -> "the U.S. Attorney's Office said in a statement")."""
    head = tag.group(1).lower()
    low = statement.lower()
    return any(stem in low for stem in _SAME_BODY.get(head, (head,)))


def _names_within(tag: str, statement: str) -> bool:
    """Whether every name in the tag ("the U.S. attorney's office") is in the statement's
    sentence, so the tag does not name another body ("Mayor Brandt's office")."""
    words = {_bare(w) for w in statement.split()}
    return all(_bare(w) in words for w in tag.split() if w[:1].isupper())


def _bare(word: str) -> str:
    return re.sub(r"[’']s$", "", word.strip(',.;:!?"”’“')).lower()

"""Sentences that point at a document rather than name a source: "the same review", "in a
statement", "according to an independent evaluation".
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["authors_speaking", "document_noun", "document_subject", "medium", "mentions"]

_DOC_NOUNS = (
    "report|review|evaluation|survey|study|analysis|audit|assessment|inquiry|investigation|"
    "paper|poll|census|filing|dataset|briefing|forecast|statistics|release|statement|findings|"
    "change log|changelog|release notes"
)
# "an independent evaluation published today", "the same review", "the latest survey".
_DOC_PHRASE = re.compile(rf"^(?:a|an|the|this|that)\s+(?:[\w-]+\s+){{0,3}}?({_DOC_NOUNS})\b", re.I)
# "…, the evaluation found": the document as the subject of a reporting verb.
_DOC_SUBJECT = re.compile(rf"\b(?i:the|this|that)\s+(?:[\w-]+\s+){{0,2}}?({_DOC_NOUNS})\s*$")
# How a speaker said it, when the sentence says so: "in a statement", "told NWN News".
_MEDIUM = re.compile(
    r"\b(?:in|via|on)\s+(?:a|an|the|its|their|his|her)\s+(?:[\w-]+\s+)?"
    r"(statement|interview|email|letter|press release|news conference|press conference|"
    r"briefing|blog post|post|video|podcast|earnings call)\b"
    r"|\b(told)\s+(?:(?-i:[A-Z])\w*|reporters|journalists|us|me|the\s+(?:outlet|publication|"
    r"newspaper|paper|magazine|site|network|broadcaster|tabloid))\b",
    re.IGNORECASE,
)
_MEDIUM_WORDS = {"told": ("interview",), "press release": ("statement", "press release")}
# "X tweeted", "she wrote on Instagram": the speaker's words are a social post
_POSTED = re.compile(
    r"\b(?:tweet(?:ed|s)?|retweeted|posted|wrote on|replied on|"
    r"on (?:twitter|x|facebook|instagram|threads|bluesky|mastodon|tiktok|reddit))\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[a-z]+")
# "the authors said", "the researchers note", "say the researchers": a study's authors
# speaking of their work, so the sentence rests on the paper. ("The researchers found…" makes
# them actors, not speakers: that sentence reports what they did.)
_AUTHORS = (
    r"(?:the|its|their)\s+(?:(?:study|paper)(?:’s|'s)\s+)?(?:[\w-]+\s+)?(?:authors|researchers)"
)
_AUTHOR_AND_TEAM = (
    r"[A-Z][\w’'-]+\s+and\s+(?:his|her|their)\s+(?:colleagues|co-?authors|collaborators)"
)
_SPEAK = (
    r"say|says|said|note|notes|noted|explain|explains|explained|write|writes|wrote|argue|argues|"
    r"argued|conclude|concludes|concluded|suggest|suggests|suggested|caution|cautions|cautioned|"
    r"warn|warns|warned|point out|points out|pointed out|add|adds|added|stress|stresses|stressed|"
    # what they make of their results: "the researchers think the source is a plume"
    r"think|thinks|suspect|suspects|report|reports|reported|believe|believes|believed"
)
_AUTHORS_SPEAK = re.compile(
    rf"\b{_AUTHORS}\s+(?:also\s+)?(?:{_SPEAK})\b|\b(?:{_SPEAK}|according to)\s+{_AUTHORS}\b"
    # "according to Hansen and his collaborators": a paper's author and co-authors
    rf"|\b(?:{_SPEAK}|according to)\s+{_AUTHOR_AND_TEAM}\b|\b{_AUTHOR_AND_TEAM}\s+(?:{_SPEAK})\b"
    # "Existing research into hibernation shows…", "Previous studies have found…"
    r"|^(?:(?:and|but|yet|so)\s+)?(?:(?:existing|previous|prior|earlier|recent|new|other)\s+)?"
    r"(?:research|studies)(?:\s+(?:in|into|on|of)\s+[\w-]+(?:\s+[\w-]+){0,2})?"
    r"\s+(?:(?:has|have)\s+)?(?:shows?|shown|suggests?|suggested|indicates?|indicated|found)\b"
    # "…, a new study reports.": the study tagged as the teller of the whole sentence
    r"|,\s*(?:a|the)\s+(?:new\s+|recent\s+)?(?:study|paper)\s+"
    r"(?:reports|finds|found|shows|showed|suggests|says)[.!]?$"
    # "In a new case study out Monday, they detail how…": its authors telling of it
    r"|^in\s+(?:a|the|their|its)\s+(?:new\s+|recent\s+)?(?:case\s+)?(?:study|paper)\b[^,]{0,80},"
    r"\s+(?:they|the\s+(?:researchers|authors|scientists|doctors|group|team))\s+"
    r"(?:detail|describe|report|write|note|explain)s?\b",
    re.IGNORECASE,
)


def document_noun(phrase: str) -> str | None:
    """ "an independent evaluation published today" -> "evaluation"; None for other phrases."""
    m = _DOC_PHRASE.match(phrase.strip())
    return m.group(1).lower() if m else None


def authors_speaking(text: str) -> list[tuple[int, int]]:
    """Spans where the sentence credits a study's authors speaking of it ("the authors said")
    or research as such ("existing research shows")."""
    low = text.lower()
    if not any(
        w in low for w in ("author", "research", "studies", "study", "paper", "colleague", "collab")
    ):
        return []  # the regex is the pipeline's costliest per sentence; most sentences skip it
    return [m.span() for m in _AUTHORS_SPEAK.finditer(text)]


def document_subject(left: str) -> tuple[str, int] | None:
    """The document noun and its start when `left` ends in "the evaluation" (before a verb)."""
    m = _DOC_SUBJECT.search(left)
    return (m.group(1).lower(), m.start()) if m else None


@lru_cache(maxsize=1024)  # several passes over a page's sentences ask; bounded
def medium(text: str) -> tuple[str, ...] | None:
    """What the sentence says the speaker used ("statement", "interview"), if it says."""
    m = _MEDIUM.search(text)
    if m is None:
        return ("post",) if _POSTED.search(text) else None
    word = (m.group(1) or m.group(2)).lower()
    said_in = _MEDIUM_WORDS.get(word, (word,))
    # "in a letter posted on Twitter": the letter is the post
    return (*said_in, "post") if "post" not in said_in and _POSTED.search(text) else said_in


def mentions(description: str, nouns: tuple[str, ...]) -> bool:
    """Whether a source's label or title calls it one of `nouns` (plurals included)."""
    words = " ".join(w.rstrip("s") for w in _WORD.findall(description.lower()))
    # "the audit" is the auditor's report, "the inspection" the inspector's
    return any(re.search(rf"\b{noun.rstrip('s')}(?:or|er)?\b", words) for noun in nouns)

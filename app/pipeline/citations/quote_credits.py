"""Who a block quotation comes from: a credit line under it ("[Engadget]", "— The Verge") or a
lead-in above it that links the source ("As the New York Times explains:")."""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = [
    "credit_span",
    "is_credit_line",
    "is_lead_in",
    "last_sentence_start",
    "lead_in_start",
    "names_spoken_words",
]

# "Lire la suite sur <a>Désarmons-les !</a>", "Continue reading at <a>…</a>": the quotation
# above is an excerpt of the linked page, whose rest the reader is sent to
_CONTINUED_ON = (
    r"read more (?:at|on)|read the (?:rest|full (?:story|article|post))(?: (?:at|on))?|"
    r"continue reading(?: (?:at|on))?|keep reading(?: (?:at|on))?|"
    r"lire la suite(?: (?:sur|de|dans))?|(?:la )?suite (?:sur|de)|"
    r"weiterlesen(?: (?:auf|bei|im|in))?|(?:den )?(?:ganzen|vollständigen) (?:artikel|beitrag) "
    r"(?:lesen )?(?:auf|bei|im)|seguir leyendo en|leer más en"
)
_WRAPPING = re.compile(
    rf"^[\s\[(—–-]*(?:(?:via|source|from|{_CONTINUED_ON})\s*:?\s*)?|[\s\]).!…]*$", re.I
)
_LINKED_SHARE = 0.6  # of the line, so "— and that is the point" is prose, not a credit
_MAX_WORDS = 8
# a picture credit closing a caption: "… Portland, Oregon. (Boing Boing)", "(Jo Lee/Flickr)"
_TRAILING_CREDIT = re.compile(r"(?<=[.!?”\"])\s*(\([^()]{2,60}\))\s*$")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+")


# "Lesen Sie hier einen weiteren spannenden Beitrag …", "Read our review": the reader sent on
# to other reading, not a source named
_TO_READER = re.compile(r"\W*(?:lesen sie|lies|read|lisez|lire|lea|leer|click|klicken sie)\b", re.I)


def is_credit_line(text: str, link_texts: Sequence[str]) -> bool:
    """A short line that is only the linked name of a source, maybe bracketed or dashed."""
    inner = _WRAPPING.sub("", text)
    if not inner or not link_texts or len(inner.split()) > _MAX_WORDS or _TO_READER.match(inner):
        return False
    return sum(len(t.strip()) for t in link_texts) >= _LINKED_SHARE * len(inner)


# "Hilarious copy, below.", "Read the full statement below.": a pointer to what follows
_POINTS_BELOW = re.compile(r"\b(?:below|as follows)\W*$", re.IGNORECASE)


def is_lead_in(text: str) -> bool:
    """A paragraph that introduces what follows: it ends in a colon or points below."""
    return text.rstrip().endswith(":") or bool(_POINTS_BELOW.search(text))


def last_sentence_start(text: str) -> int:
    """Where the last sentence of a block starts (0 for a one-sentence block)."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text.rstrip())]
    return ends[-1] if ends else 0


def lead_in_start(text: str, link_starts: Sequence[int]) -> int:
    """Where the words that introduce a quotation start in a lead-in block: its last sentence,
    or the one before it when the last only points below and links nothing ("…this CNN
    <a>list</a> in 2006. Hilarious copy, below.")."""
    opens = last_sentence_start(text)
    if opens and _POINTS_BELOW.search(text) and not any(p >= opens for p in link_starts):
        return last_sentence_start(text[:opens])
    return opens


_CREDIT_WORDS = 6


def credit_span(text: str) -> tuple[int, int] | None:
    """The span of a parenthesised credit that closes the block, if it has one (a short name,
    not an aside that is a sentence of its own: "(Watergate, remember, took two years.)")."""
    m = _TRAILING_CREDIT.search(text)
    if m is None:
        return None
    inner = m.group(1)[1:-1].strip()
    sentence = inner.endswith((".", "!", "?")) and len(inner.split()) > 2
    return None if sentence or len(inner.split()) > _CREDIT_WORDS else m.span(1)


# the site's own page stands for a quotation's words only when its link names them as said or
# written somewhere ("as we <a>reported last week</a>:", "<a>the interview</a>"); "Schulte
# assesses the <a>ruling</a> as follows:" quotes Schulte, not the paper's story on the ruling
_SPOKEN_IN = re.compile(
    r"\b(?:report(?:ed|s)?|stor(?:y|ies)|article|post|interview|statement|speech|transcript|"
    r"letter|piece|column|essay|wrote|said|told|explained|noted|bericht\w*|artikel|beitrag|"
    r"gespräch|rapport|entretien|tribune|lettre|informe|entrevista|artículo)\b",
    re.IGNORECASE,
)


def names_spoken_words(anchor: str) -> bool:
    """Whether a link's words name something said or written (a report, an interview, "reported
    last week"): what a link to the site's own page must name to stand for a quotation."""
    return _SPOKEN_IN.search(anchor) is not None

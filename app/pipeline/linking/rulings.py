"""A court's ruling the article links once, and the sentences that report what the court said:
"laut Gericht", "so das Gericht", "the court wrote", and German reported speech after them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.pipeline.citations.sources import normalize_url
from app.pipeline.linking.sentence_links import SentenceLinks
from app.pipeline.types import Citation, Document

__all__ = ["court_rulings", "reported_speech"]

# a ruling by its address or its anchor: ".../Urteil-vom-24.05.2018.pdf", "<a>das Urteil</a>"
_RULING = re.compile(
    r"urteil|beschluss|gerichtsentscheid|ruling|judg(?:e)?ment|court[-_ ]opinion|arr[eê]t\b",
    re.IGNORECASE,
)
# the court as the teller of the sentence
_THE_COURT = re.compile(
    r"\b(?:laut|so)\s+(?:dem\s+|das\s+)?(?:land|amts|ober\w*|bundes|verwaltungs)?gericht\b"
    r"|\b(?:das|dem|die)\s+(?:land|amts|ober\w*|bundes|verwaltungs)?(?:gericht|richter)\b"
    r"[^.]{0,40}?\b(?:sagt|sagen|argumentiert|argumentieren|nennt|nennen|schreibt|schreiben|"
    r"führt|führen|stellt|stellen|hält|halten|sieht|sehen|betont|betonen|befand|befanden|"
    r"entschied|entschieden|urteilt|urteilten)\b"
    r"|\b(?:sagt|argumentiert|nennt|schreibt|betont|befand|entschied)\s+(?:das|die)\s+"
    r"(?:land|amts|ober\w*|bundes)?(?:gericht|richter)\b"
    r"|\b(?:im|aus dem|in dem)\s+urteil\b|\burteilsbegründung\b"
    r"|\bthe (?:court|judge|judges|ruling|judgment|opinion) (?:said|says|wrote|writes|found|"
    r"finds|held|holds|ruled|rules|argued|argues|noted|notes|concluded|concludes)\b"
    r"|\baccording to the (?:court|ruling|judgment|opinion)\b"
    r"|\bin (?:the|its) (?:ruling|judgment)\b",
    re.IGNORECASE,
)
# German indirect speech: a verb in the first subjunctive tells that the sentence goes on
# reporting the source the sentence before reports ("Das müsse den Nutzern transparent gemacht
# werden."), not the writer's own word
_SUBJUNCTIVE = re.compile(
    r"\b(?:sei|seien|habe|müsse|müssten|könne|werde|dürfe|solle|wolle|gebe|fehle|liege|gehe|"
    r"handele|handle|stehe|komme|bleibe|brauche|gelte|treffe|trage|verstoße)\b"
)
_FIRST_PERSON = re.compile(r"\b(?:ich|wir|mir|mich|uns)\b", re.IGNORECASE)


def _is_pdf(href: str) -> bool:
    return href.lower().split("?")[0].endswith(".pdf")


def court_rulings(
    doc: Document, spans: Sequence[tuple[int, int]], results: list[SentenceLinks]
) -> None:
    """Sentences that report what the court says rest on the one ruling the article links."""
    rulings = {
        url
        for link in doc.links
        if (link.citation or _is_pdf(link.href))
        # by its anchor, or a document named so (a story about a ruling has it in its slug)
        and (_RULING.search(link.text) or (_is_pdf(link.href) and _RULING.search(link.href)))
        and (url := normalize_url(link.href))
    }
    if len(rulings) != 1:
        return
    ruling = next(iter(rulings))
    for (start, end), found in zip(spans, results, strict=True):
        if not any(c.url for c in found.citations) and _THE_COURT.search(doc.text[start:end]):
            found.citations.append(Citation(ruling, "attribution"))


def reported_speech(
    doc: Document, spans: Sequence[tuple[int, int]], results: list[SentenceLinks]
) -> None:
    """A German sentence in indirect speech with no source of its own goes on reporting the
    linked source of the sentence right before it."""
    for i in range(1, len(spans)):
        start, end = spans[i]
        found, before = results[i], results[i - 1]
        text = doc.text[start:end]
        if any(c.url for c in found.citations) or not _SUBJUNCTIVE.search(text):
            continue
        if _FIRST_PERSON.search(text) or text.rstrip().endswith("?"):
            continue
        urls = [c.url for c in before.citations if c.url and c.via == "attribution"]
        found.citations += [Citation(u, "attribution") for u in dict.fromkeys(urls)]

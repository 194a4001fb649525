"""A linked transcript (of a hearing, an argument, an interview) and the quotes that follow it:
'“…,” Prelogar told the justices' rests on the transcript the sentence before linked."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.pipeline.linking.sentence_links import SentenceLinks
from app.pipeline.types import Citation, Document

__all__ = ["quoted_from_transcript"]

_TRANSCRIPT = re.compile(r"transcript", re.IGNORECASE)
# a participant's words told in the exchange: "told the justices", "responded", "interjected"
_SPOKE = re.compile(
    r"\b(?:said|says|told|tells|responded|responds|replied|replies|asked|asks|interjected|"
    r"countered|added|continued|argued|answered|pressed|testified)\b"
)
_REACH = 12  # sentences after the transcript's link that may still quote from it
_QUOTED_WORDS = 10  # '“No, Justice Alito,” Prelogar said.': a retort, no checkable words
# "… Prelogar said in a later case": words from another occasion than the transcript's
_ELSEWHERE = re.compile(
    r"\b(?:in|at|during) (?:a|an|another|the|her|his|their) (?:later|earlier|different|separate|"
    r"other|subsequent|previous|prior|\d{4}) (?:case|hearing|argument|interview|session|"
    r"appearance|debate|speech|statement|meeting)\b"
)
_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]+")
_POSSESSIVE = re.compile(r"[’']s?$")  # "Prelogar’s justifications" names Prelogar


def quoted_from_transcript(
    doc: Document, spans: Sequence[tuple[int, int]], results: list[SentenceLinks]
) -> None:
    """Carry a transcript the article links onto the later words of the participants its
    sentence (or the one before) names, until the article cites something else."""
    transcript: tuple[str, int] | None = None
    present: set[str] = set()  # the capitalised words around the transcript's link
    for i, (start, end) in enumerate(spans):
        urls = {c.url for c in results[i].citations if c.url}
        if urls and transcript and urls <= {transcript[0]}:
            continue  # quoting it already
        if urls:
            linked = [c.url for c in results[i].citations if c.url and c.via == "hyperlink"]
            text = doc.text[start:end]
            one = linked[0] if len(set(linked)) == 1 else None
            is_transcript = one is not None and (
                _TRANSCRIPT.search(one) or _TRANSCRIPT.search(text)
            )
            transcript = (one, i) if one and is_transcript else None
            around = doc.text[spans[i - 1][0] if i else start : end]
            present = {_POSSESSIVE.sub("", w) for w in _CAPITALISED.findall(around)}
            continue
        text = doc.text[start:end]
        if (
            transcript
            and i - transcript[1] <= _REACH
            and len(text.split()) >= _QUOTED_WORDS
            and _SPOKE.search(text)
            and not _ELSEWHERE.search(text)
            and any(name.split()[-1] in present for name in results[i].attributed_to)
        ):
            results[i].citations.append(Citation(transcript[0], "attribution"))

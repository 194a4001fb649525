"""A linked transcript (of a hearing, an argument, an interview) or speech and the quotes that
follow it: '“…,” Prelogar told the justices' rests on the transcript the sentence before linked,
"Next, Pompeo pledged a campaign…" on the speech."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.pipeline.linking.sentence_links import SentenceLinks
from app.pipeline.types import Citation, Document

__all__ = ["quoted_from_transcript"]

_TRANSCRIPT = re.compile(r"transcript", re.IGNORECASE)
# a speech linked where the story presents it: "Pompeo's first public speech as CIA Director,
# … was <a>…</a>", ".../speeches-testimony/…/pompeo-delivers-remarks-at-csis.html"
_SPEECH = re.compile(
    r"(?:’s|'s|\b(?:his|her|their|a|an|the|first|public|prepared|keynote))\s+(?:\w+\s+){0,2}?"
    r"(?:speech|remarks|testimony|address)\b",
    re.IGNORECASE,
)
# "In an interview with Oprah Winfrey, Michelle Obama said <a>…</a>" over the interview's video:
# the interview, when the link is a clip of it
_INTERVIEW = re.compile(r"\b(?:an|the|her|his|their)\s+(?:\w+\s+){0,2}?interview\b", re.I)
_CLIP_URL = re.compile(r"/videos?/|interview", re.IGNORECASE)
_SPEECH_URL = re.compile(r"/(?:speech|speeches|remarks|testimony)[-/_]|[-_/]remarks[-_.]", re.I)
# a participant's words told in the exchange: "told the justices", "responded", "interjected"
_SPOKE = re.compile(
    r"\b(?:said|says|told|tells|responded|responds|replied|replies|asked|asks|interjected|"
    r"countered|added|continued|argued|answered|pressed|testified|declared|pledged|vowed|"
    r"warned|ranted|branded|quoted|insisted|"
    r"opened (?:his|her|their) (?:speech|remarks|testimony))\b"
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


def _told_by_present(text: str, present: set[str]) -> bool:
    """Whether a name from around the link is the one speaking: "Pompeo ranted against…"."""
    return any(
        _POSSESSIVE.sub("", m.group(1)) in present and _SPOKE.match(m.group(2))
        for m in _NAME_THEN_VERB.finditer(text)
    )


_NAME_THEN_VERB = re.compile(r"\b([A-Z][\w’'-]+)\s+(?:also\s+|even\s+|then\s+)?([a-z]+ed)\b")


def quoted_from_transcript(
    doc: Document, spans: Sequence[tuple[int, int]], results: list[SentenceLinks]
) -> None:
    """Carry a transcript the article links onto the later words of the participants its
    sentence (or the one before) names, until the article cites something else."""
    transcript: tuple[str, int, bool] | None = None  # its URL, sentence, and whether a speech
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
                _TRANSCRIPT.search(one)
                or _TRANSCRIPT.search(text)
                or _SPEECH_URL.search(one)
                or _SPEECH.search(text)
                or (_INTERVIEW.search(text) and _CLIP_URL.search(one))
            )
            if one is not None and is_transcript:
                speech = not (_TRANSCRIPT.search(one) or _TRANSCRIPT.search(text))
                transcript = (one, i, speech)
            else:
                transcript = None
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
            and (
                any(name.split()[-1] in present for name in results[i].attributed_to)
                or (transcript[2] and _told_by_present(text, present))
                or (transcript[2] and _SPEECH.search(text) is not None)  # "opened his speech"
            )
        ):
            results[i].citations.append(Citation(transcript[0], "attribution"))

"""A speech, testimony or statement the article offers whole ("READ Hoenig's full remarks:")
and the story's retelling of it: the sentences "Hoenig said" reach by name get it through
attribution; this pass carries it on to "he said", the quotation that follows such a sentence,
and the block quotation it introduces with a colon."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from app.pipeline.citations.sources import normalize_url
from app.pipeline.linking.sentence_links import SentenceLinks
from app.pipeline.types import Citation, Document

__all__ = ["retold_remarks"]

# "he said", "she notes", ", he added."
_PRONOUN_SAID = re.compile(
    r"\b(?:he|she)\s+(?:said|says|notes|noted|added|adds|warned|warns|argued|argues|"
    r"explained|explains|told|continued|continues|stressed)\b",
    re.IGNORECASE,
)
_OPENS_QUOTE = re.compile(r"^[\"“‘]")
_SPEAKER_REACH = 6  # sentences after the speaker was last named that "he said" still means him


def _left_open(text: str) -> bool:
    """Whether a sentence opens a quotation it does not close ('"Moreover, the shocks…')."""
    straight = text.count('"') % 2 == 1
    return straight or text.count("“") > text.count("”")


def _surname(name: str) -> str:
    return name.split()[-1].lower().strip("’'s") if name.split() else ""


def retold_remarks(
    doc: Document, spans: Sequence[tuple[int, int]], results: list[SentenceLinks]
) -> None:
    """Carry each offered remarks document from the sentences naming its speaker to the
    pronoun-told and quoted sentences that go on telling them."""
    remarks = {
        url: _surname(r.speaker)
        for r in doc.references
        if r.speaker and not r.embedded and r.url and (url := normalize_url(r.url))
    }
    if not remarks:
        return
    kinds = [b.kind for b in doc.blocks]
    starts = [b.start for b in doc.blocks]
    speaking: tuple[str, int] | None = None  # the remarks whose speaker was named last, where
    introduced: tuple[str, int] | None = None  # remarks whose sentence opened a block quotation
    for i, (start, end) in enumerate(spans):
        found = results[i]
        text = doc.text[start:end]
        block = bisect.bisect_right(starts, start) - 1
        cited = {c.url for c in found.citations if c.url}
        own = cited & remarks.keys()
        if own:
            url = next(iter(own))
            speaking = (url, i)
            introduced = (url, block) if text.rstrip().endswith(":") else None
            continue
        others = {_surname(n) for n in found.attributed_to} - set(remarks.values())
        if speaking and speaking[1] == i - 1 and text.rstrip().endswith(":") and not cited:
            introduced = (speaking[0], block)  # "Some of the factors … include:" after his words
            continue
        if cited or others:
            speaking = None if others else speaking
            introduced = None
            continue
        url = None
        if introduced and kinds[block] == "quote" and block > introduced[1]:
            url = introduced[0]  # the passage quoted under "…, Hoenig said:"
        elif speaking and i - speaking[1] <= _SPEAKER_REACH and _PRONOUN_SAID.search(text):
            url = speaking[0]
        elif (
            speaking
            and speaking[1] == i - 1
            and (
                _OPENS_QUOTE.match(text) or _left_open(doc.text[spans[i - 1][0] : spans[i - 1][1]])
            )
        ):
            url = speaking[0]  # his next quotation, or the rest of the one still open
        if url is not None:
            found.citations.append(Citation(url, "attribution"))
            speaking = (url, i)
        elif introduced and kinds[block] != "quote" and block > introduced[1]:
            introduced = None

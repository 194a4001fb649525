"""Citations from notes: the "Source:" line under a paragraph and starred notes ("*The…")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.pipeline.attribution.speakers import Named
from app.pipeline.citations.sources import normalize_url
from app.pipeline.linking.sentence_links import SentenceLinks
from app.pipeline.types import Citation, Document, Link

__all__ = ["asterisk_notes", "cite_notes"]


def cite_notes(notes: list[Link], named: list[Named]) -> list[Citation]:
    """Citations from the "Source:" line under the sentence's paragraph."""
    who = next((n.name for n in named if n.shown and not n.needs_source), None)
    cites = []
    for link in notes:  # a quotation's credit names its source: "[Engadget]"
        if url := normalize_url(link.href):
            cites.append(
                Citation(url, "attribution", attributed_to=link.text if link.quote else who)
            )
    return cites


_STARRED = re.compile(r"[.!?”\")](\*{1,3})$")  # "…on almost all wikis.*"
_STAR_NOTE = re.compile(r"^(\*{1,3})(?=[^*\s])")  # "*The exceptions are nine wikis…"


def asterisk_notes(
    doc: Document, spans: Sequence[tuple[int, int]], results: list[SentenceLinks]
) -> None:
    """A sentence starred like "…all wikis.*" rests on the links of its note below ("*The
    exceptions are…"); the note is the source's place, not a claim of its own."""
    texts = [doc.text[start:end] for start, end in spans]
    notes = {}
    for i, text in enumerate(texts):
        m = _STAR_NOTE.match(text)
        if m and m.group(1) not in notes:
            notes[m.group(1)] = i
    for i, text in enumerate(texts):
        m = _STARRED.search(text)
        note = notes.get(m.group(1)) if m else None
        if note is None or note <= i:
            continue
        linked = [c for c in results[note].citations if c.url and c.via == "hyperlink"]
        results[i].citations += [Citation(c.url, "marker") for c in linked]
        results[note].citations = [c for c in results[note].citations if c not in linked]

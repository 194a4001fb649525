"""'Source: <a>…</a>' lines under a paragraph, and which of its sentences they cite."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.pipeline.types import Link

__all__ = ["is_source_line", "note_targets"]

_LEAD = re.compile(r"^(?:sources?|data sources?|source data|source and notes)\s*:\s*", re.I)
_LINKED_SHARE = 0.6  # of the text after "Source:", so "Source: officials said…" is prose


def is_source_line(text: str, link_texts: Sequence[str]) -> bool:
    """A block that is only "Source:" and the linked title(s) of what it rests on."""
    lead = _LEAD.match(text)
    if lead is None or not link_texts:
        return False
    rest = text[lead.end() :].strip()
    return bool(rest) and sum(len(t) for t in link_texts) >= _LINKED_SHARE * len(rest)


def note_targets(
    links: Sequence[Link], spans: Sequence[tuple[int, int]], attributed: Sequence[bool]
) -> list[list[Link]]:
    """For each sentence, the note links that cite it.

    A note cites the sentences of its paragraph that credit a source ("according to an
    evaluation"), or every sentence of the paragraph when none does; a quotation's credit
    cites every sentence of the quotation.
    """
    targets: list[list[Link]] = [[] for _ in spans]
    for link in links:
        if not link.note:
            continue
        inside = [i for i, (s, e) in enumerate(spans) if link.start <= s and e <= link.end]
        credited = [] if link.quote else [i for i in inside if attributed[i]]
        for i in credited or inside:
            targets[i].append(link)
    return targets

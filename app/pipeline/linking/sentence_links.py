"""What linking gives back for one sentence: its citations and the names it credits."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.pipeline.types import Citation

__all__ = ["SentenceLinks", "dedupe"]


@dataclass(slots=True)
class SentenceLinks:
    """The citations and attributed names of one sentence."""

    citations: list[Citation] = field(default_factory=list)
    attributed_to: list[str] = field(default_factory=list)


def dedupe(cites: list[Citation]) -> list[Citation]:
    """One citation per URL (the first, usually the marker), one per unlinked name."""
    seen: set[tuple[str | None, str | None]] = set()
    unique = []
    for cite in cites:
        key = (cite.url, None) if cite.url else (None, cite.attributed_to)
        if key not in seen:
            seen.add(key)
            unique.append(cite)
    return unique

"""Sources cited together, which "these sites" and "they" then point back to."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.pipeline.types import Citation

__all__ = ["SourceGroup"]

# "these sites offered no evidence", "the articles published on these websites": the sources
# the article just cited together; "They do not…" right after goes on about them
_THESE = re.compile(
    r"\b(?:these|those)\s+(?:[\w-]+\s+)?(?:sites|websites|articles|pages|posts|reports|"
    r"stories|tweets|studies|papers|outlets)\b",
    re.IGNORECASE,
)
_THEY = re.compile(r"^(?:(?:but|instead|yet|and|however),?\s+)?they\b", re.IGNORECASE)


@dataclass(slots=True)
class SourceGroup:
    """The last sources cited together (two or more), which "these sites" points back to."""

    urls: list[str] = field(default_factory=list)
    open: bool = False  # the sentence before pointed at them

    def cite(self, text: str, cites: list[Citation]) -> list[Citation]:
        """Citations of the group when the sentence points back at it; learn new groups."""
        linked = list(dict.fromkeys(c.url for c in cites if c.url))
        if len(linked) >= 2:
            self.urls, self.open = linked, False
            return []
        pointed = (
            not cites  # a named speaker's words are theirs: "Ferreira cautions that these…"
            and self.urls
            and not text.rstrip(' "”’)').endswith("?")
            and (_THESE.search(text) or (self.open and _THEY.match(text)))
        )
        self.open = bool(pointed)
        return [Citation(u, "attribution") for u in self.urls] if pointed else []

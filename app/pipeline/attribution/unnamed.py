"""Sources a story cannot name, and the outlet it credits: '"…," an insider told the outlet'
rests on the outlet's story cited just before; "the insider added" on the same story."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["UnnamedSources"]

_OUTLETS = r"outlet|publication|newspaper|paper|magazine|site|website|network|broadcaster|tabloid"
# "told the outlet", "told the magazine on Monday": the outlet whose story the article cites
_TOLD_OUTLET = re.compile(rf"\btold\s+(?:the|that)\s+(?:{_OUTLETS})\b", re.IGNORECASE)
_UNNAMED = r"insider|source|person|aide|friend|employee|executive|official|spokesperson"
# "an insider told…", "a source close to the singer said": a nameless speaker brought in
_INTRODUCED = re.compile(rf"\b(?:an?|one)\s+(?:[\w-]+\s+)?({_UNNAMED})\b", re.IGNORECASE)
# "the insider added", "the source continued": the same speaker again
_AGAIN = re.compile(
    rf"\bthe\s+(?:same\s+)?({_UNNAMED})\s+(?:also\s+|further\s+|later\s+)?"
    r"(?:said|says|added|adds|continued|explained|noted|told|claimed|insisted)\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class UnnamedSources:
    """What the article's unnamed speakers and "the outlet" stand for, sentence by sentence."""

    speakers: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def again(self, text: str) -> tuple[str, ...]:
        """The sources of the nameless speaker the sentence quotes again ("the insider
        added"), whatever else it links."""
        again = _AGAIN.search(text)
        if again and again.group(1).lower() in self.speakers:
            return self.speakers[again.group(1).lower()]
        if again and len(set(self.speakers.values())) == 1:  # "an insider…", "the source…"
            return next(iter(self.speakers.values()))
        return ()

    def cite(self, text: str, history: list[str]) -> tuple[str, ...]:
        """The sources an uncited sentence rests on through "the outlet"."""
        return (history[-1],) if _TOLD_OUTLET.search(text) and history else ()

    def learn(self, text: str, urls: list[str]) -> None:
        """Remember the sources of a nameless speaker the sentence brings in."""
        introduced = _INTRODUCED.search(text)
        if introduced and urls:
            self.speakers[introduced.group(1).lower()] = tuple(dict.fromkeys(urls))

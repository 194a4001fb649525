"""The body text as it is assembled: one block's inline run, and the joined blocks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.pipeline.types import Block, Link, Marker

__all__ = ["BodyText", "Run"]

_SPACES = re.compile(r"[ \t\r\n\f\v]+")
# a line that goes on in lower case after a <br> ("restricted", not "iTunes: …")
_WRAPPED = re.compile(r"\W*[a-z]+(?![A-Z\d])")
_ENDED = re.compile(r"[.!?:;…]\W*$")
_COMMA_END = re.compile(r",\s*$")  # a line that stops mid-sentence


@dataclass(slots=True)
class Run:
    """Inline text of one block being assembled, with offsets relative to the block."""

    parts: list[str] = field(default_factory=list)
    size: int = 0
    links: list[Link] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    # an outside source linked or named ("…, cited by <a>DigiTimes</a>"), or a marker: the
    # block is article text whatever trafilatura chose (the site's own stories do not count)
    sourced: bool = False

    def add(self, text: str) -> None:
        text = _SPACES.sub(" ", text)
        if text.startswith(" ") and (self.size == 0 or self.parts[-1].endswith((" ", "\n"))):
            text = text[1:]
        if text:
            before = self.parts[-2] if len(self.parts) > 1 else ""
            if self.parts[-1:] == ["\n"] and (
                (_WRAPPED.match(text) and not _ENDED.search(before)) or _COMMA_END.search(before)
            ):  # "…Severely<br>restricted", "…PyPy, NumPy,<br>SciPy and…": one sentence wrapped
                self.parts[-1] = " "
            self.parts.append(text)
            self.size += len(text)

    def newline(self) -> None:
        if self.size and not self.parts[-1].endswith("\n"):
            self.parts.append("\n")
            self.size += 1


@dataclass(slots=True)
class BodyText:
    """The body as joined blocks, with links and the markers taken from the HTML."""

    text: str = ""
    blocks: list[Block] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)

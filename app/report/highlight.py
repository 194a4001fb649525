"""The article text cut into paragraphs of pieces, each piece plain text or part of a claim."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from app.articles.schemas import ArticleSourceOut
from app.claims.schemas import ClaimOut, VerificationOut

__all__ = [
    "PALETTE",
    "ClaimView",
    "Piece",
    "SourceView",
    "claim_anchor",
    "claim_spans",
    "paragraphs",
]

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
PALETTE = 8  # source colours; the stylesheet defines .s0 … .s7
Span = tuple[int, int, ClaimOut]


@dataclass(frozen=True)
class SourceView:
    """A source of the article: its footnote number, colour and verdict counts."""

    number: int
    source: ArticleSourceOut
    verdicts: dict[str, int]
    colour: int = field(init=False)
    name: str = field(init=False)

    def __post_init__(self) -> None:
        s = self.source
        object.__setattr__(self, "colour", (self.number - 1) % PALETTE)
        object.__setattr__(self, "name", s.title or s.publisher or s.domain or "Untitled source")


@dataclass(frozen=True)
class ClaimView:
    """A claim with the sources it rests on, their verdicts, and whether the filter shows it.

    `state`, `anchor` and `contradicted` are worked out once: templates read them often.
    """

    claim: ClaimOut
    sources: list[SourceView]
    verdicts: list[tuple[SourceView, VerificationOut]]
    names: list[str] = field(default_factory=list)
    shown: bool = True
    colour: int | None = None
    state: str = field(init=False)
    anchor: str = field(init=False)
    contradicted: bool = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "state", self.claim.citation_state)
        object.__setattr__(self, "anchor", claim_anchor(self.claim))
        flagged = any(v.status == "contradicted" for _, v in self.verdicts)
        object.__setattr__(self, "contradicted", flagged)


@dataclass(frozen=True)
class Piece:
    """Plain text, or the part of a claim inside one paragraph (`first`/`last` of the claim)."""

    text: str
    claim: ClaimView | None = None
    first: bool = False
    last: bool = False


def claim_anchor(claim: ClaimOut) -> str:
    """The element id of a claim's highlight."""
    return f"claim-{claim.sentence_index}"


def claim_spans(text: str, claims: list[ClaimOut]) -> list[Span]:
    """Claim offsets clipped to the text, in order, never overlapping, never empty."""
    spans: list[Span] = []
    end_of_last = 0
    for claim in sorted(claims, key=lambda c: (c.char_start, c.char_end)):
        start = max(claim.char_start, end_of_last, 0)
        end = min(claim.char_end, len(text))
        if start < end:
            spans.append((start, end, claim))
            end_of_last = end
    return spans


def _bounds(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-blank paragraph; paragraphs are split by blank lines."""
    start = 0
    for gap in PARAGRAPH_BREAK.finditer(text):
        if text[start : gap.start()].strip():
            yield start, gap.start()
        start = gap.end()
    if text[start:].strip():
        yield start, len(text)


def _pieces(
    text: str, bounds: tuple[int, int], spans: list[Span], views: dict[int, ClaimView]
) -> list[Piece]:
    """One paragraph: plain pieces between the parts of the claims that fall inside it.

    `spans` are the claims not yet wholly before this paragraph, in order.
    """
    out: list[Piece] = []
    cursor = bounds[0]
    for start, end, claim in spans:
        if start >= bounds[1]:
            break
        piece = (max(start, bounds[0]), min(end, bounds[1]))
        if piece[0] >= piece[1]:
            continue
        if cursor < piece[0]:
            out.append(Piece(text[cursor : piece[0]]))
        view = views[claim.sentence_index]
        if view.shown:
            out.append(Piece(text[piece[0] : piece[1]], view, piece[0] == start, piece[1] == end))
        else:
            out.append(Piece(text[piece[0] : piece[1]]))
        cursor = piece[1]
    if cursor < bounds[1]:
        out.append(Piece(text[cursor : bounds[1]]))
    return out


def paragraphs(text: str, views: list[ClaimView]) -> list[list[Piece]]:
    """The whole text as paragraphs of pieces; a claim the filter hides is plain text."""
    spans = claim_spans(text, [v.claim for v in views])
    by_index = {v.claim.sentence_index: v for v in views}
    out, first = [], 0
    for bounds in _bounds(text):
        while first < len(spans) and spans[first][1] <= bounds[0]:
            first += 1  # spans ending before this paragraph are done
        out.append(_pieces(text, bounds, spans[first:], by_index))
    return out

"""The article text as paragraphs, each claim a highlighted span with its source footnotes."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator

from app.claims.schemas import ClaimOut
from app.report.markup import esc

__all__ = ["claim_anchor", "claim_spans", "claim_title", "highlighted_text", "source_anchor"]

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
Span = tuple[int, int, ClaimOut]


def claim_anchor(claim: ClaimOut) -> str:
    """The element id of a claim's highlight."""
    return f"claim-{claim.sentence_index}"


def source_anchor(number: int) -> str:
    """The element id of a source in the sources list."""
    return f"source-{number}"


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


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-blank paragraph; paragraphs are split by blank lines."""
    start = 0
    for gap in PARAGRAPH_BREAK.finditer(text):
        if text[start : gap.start()].strip():
            yield start, gap.start()
        start = gap.end()
    if text[start:].strip():
        yield start, len(text)


def _footnotes(claim: ClaimOut, numbers: dict[uuid.UUID, int]) -> str:
    """Superscript links to the sources a claim rests on, in citation order."""
    cited = [numbers[c.source_id] for c in claim.citations if c.source_id in numbers]
    links = "".join(
        f'<a href="#{source_anchor(n)}">{n}</a>' for n in sorted(set(cited), key=cited.index)
    )
    return f'<sup class="fn">{links}</sup>' if links else ""


def claim_title(claim: ClaimOut) -> str:
    """The hover text of a claim: check-worthiness, kinds, cited or not, attributions."""
    parts = [
        f"check-worthiness {claim.checkworthiness:.2f}",
        "kinds: " + (", ".join(claim.kinds) or "none"),
        "cited" if claim.cited else "uncited",
    ]
    if claim.attributed_to:
        parts.append("attributed to " + ", ".join(claim.attributed_to))
    return " · ".join(parts)


def _mark(text: str, span: Span, piece: tuple[int, int], numbers: dict[uuid.UUID, int]) -> str:
    """One highlighted piece of a claim; its first piece has the anchor, its last the notes."""
    start, end, claim = span
    anchor = f' id="{claim_anchor(claim)}"' if piece[0] == start else ""
    notes = _footnotes(claim, numbers) if piece[1] == end else ""
    kind = "cited" if claim.cited else "uncited"
    body = esc(text[piece[0] : piece[1]])
    title = esc(claim_title(claim))
    return f'<mark class="claim {kind}"{anchor} title="{title}">{body}</mark>{notes}'


def _paragraph(
    text: str, bounds: tuple[int, int], spans: list[Span], numbers: dict[uuid.UUID, int]
) -> str:
    """One paragraph with the pieces of the claims that fall inside it."""
    out: list[str] = []
    cursor = bounds[0]
    for span in spans:
        piece = (max(span[0], bounds[0]), min(span[1], bounds[1]))
        if piece[0] >= piece[1]:
            continue
        out.append(esc(text[cursor : piece[0]]))
        out.append(_mark(text, span, piece, numbers))
        cursor = piece[1]
    out.append(esc(text[cursor : bounds[1]]))
    return "<p>" + "".join(out) + "</p>"


def highlighted_text(text: str, claims: list[ClaimOut], numbers: dict[uuid.UUID, int]) -> str:
    """The whole text, escaped, with claims highlighted; `numbers` maps source id to footnote."""
    spans = claim_spans(text, claims)
    return "\n".join(_paragraph(text, bounds, spans, numbers) for bounds in _paragraphs(text))

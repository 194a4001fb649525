"""Citations that markers carry: "[4]", a footnote digit, "(Chen et al., 2025)", "Ruiz (2023)"."""

from __future__ import annotations

from collections.abc import Sequence

from app.pipeline.citations.author_year import narrative_author
from app.pipeline.citations.sources import normalize_url
from app.pipeline.types import Citation, Marker, Reference

__all__ = ["by_label", "cite_markers"]

_VIA = {"bracket": "marker", "footnote": "footnote", "author-year": "author-year"}


def cite_markers(markers: Sequence[Marker], labels: dict[str, Reference]) -> list[Citation]:
    """Citations for the markers of one sentence; "Ruiz (2023)" also credits Ruiz. A note
    without a URL that names a work is a source without one (never another note's URL)."""
    cites = []
    for marker in markers:
        for label in _split_digits(marker, labels):
            ref = labels.get(label)
            url = normalize_url(ref.url) if ref and ref.url else None
            if url:
                who = narrative_author(marker.raw) if marker.kind == "author-year" else None
                cites.append(Citation(url, _VIA.get(marker.kind, "marker"), marker.raw, who))
            elif ref and ref.url is None and (work := ref.title or ref.publisher):
                # the writer's aside ("A name of my own") names no work: no citation
                cites.append(Citation(None, _VIA.get(marker.kind, "marker"), marker.raw, work))
    return cites


def _split_digits(marker: Marker, labels: dict[str, Reference]) -> list[str]:
    """ "³⁴" is notes 3 and 4 when the page has no note 34 but has both of those."""
    found: list[str] = []
    for label in marker.labels:
        unknown = label not in labels and marker.kind == "footnote" and len(label) > 1
        if unknown and label.isdigit() and all(digit in labels for digit in label):
            found.extend(label)
        else:
            found.append(label)
    return found


def by_label(references: Sequence[Reference]) -> dict[str, Reference]:
    """Reference per label; when two lists reuse a label, the one with a URL wins, then the
    one that markers link to (footnotes with ids over a plain "Sources" list)."""
    labels: dict[str, Reference] = {}
    for ref in references:
        current = labels.get(ref.label)
        if current is None or _rank(ref) > _rank(current):
            labels[ref.label] = ref
    return labels


def _rank(ref: Reference) -> tuple[bool, bool]:
    return ref.url is not None, bool(ref.anchors)

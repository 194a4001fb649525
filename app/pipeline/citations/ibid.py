"""Notes that cite "the same work" as an earlier note: "Ibid.", "Ibid., p. 214", "Id. at 12"."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.pipeline.types import Reference

__all__ = ["resolve_ibid"]

_IBID = re.compile(r"^(?:ibid(?:em)?|id)\.?(?=[\s,;:]|$)", re.IGNORECASE)
_PAGE = re.compile(r"\b(?:pp?\.|pages?|at)\s*\d", re.IGNORECASE)


def _is_ibid(ref: Reference) -> bool:
    """A note that only points back: no URL of its own, text opening with "Ibid."."""
    return ref.url is None and bool(_IBID.match(ref.text.strip()))


def _antecedent(earlier: Sequence[Reference], paged: bool) -> Reference | None:
    """The nearest earlier note with a source; a page locator needs a paginated work."""
    for ref in reversed(earlier):
        if ref.url and (not paged or _PAGE.search(ref.text)):
            return ref
    return None


def resolve_ibid(references: list[Reference]) -> None:
    """Give each "Ibid." note the source of the work it repeats (in place)."""
    for i, ref in enumerate(references):
        if not _is_ibid(ref):
            continue
        found = _antecedent(references[:i], paged=bool(_PAGE.search(ref.text)))
        if found is not None:
            ref.url, ref.publisher, ref.title = found.url, found.publisher, found.title

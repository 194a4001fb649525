"""For claims that cite nothing: which of the article's other sources supports each best."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import TypeVar

from app.verify.verdict import Page, Verdict, verify_on_page

__all__ = ["nearest_sources"]

K = TypeVar("K", bound=Hashable)


def nearest_sources(
    claims: list[str], sources: Mapping[K, list[str]]
) -> dict[int, tuple[K, Verdict]]:
    """Claim index -> (source key, verdict) of the source that supports it with the highest
    score; claims no source supports are left out. Each source is indexed once."""
    best: dict[int, tuple[K, Verdict]] = {}
    for key, passages in sources.items():
        if not passages:
            continue
        page = Page(passages)
        for i, claim in enumerate(claims):
            verdict = verify_on_page(claim, page)
            better = i not in best or verdict.score > best[i][1].score
            if verdict.status == "supported" and better:
                best[i] = (key, verdict)
    return best

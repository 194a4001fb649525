"""The pure extraction pipeline: `run_pipeline(html, url) -> Extraction`, no database, no network."""

from __future__ import annotations

import trafilatura

from app.pipeline.types import Extraction, Sentence

__all__ = ["run_pipeline"]


def run_pipeline(html: str, url: str, *, claim_threshold: float = 0.5) -> Extraction:
    """Extract the article, its sources and its claims from one page (placeholder)."""
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, as_dict=True) or {}
    text = doc.get("text") or ""
    sentences = []
    pos = 0
    for i, part in enumerate(p for p in text.split(". ") if p):
        start = text.find(part, pos)
        sentences.append(Sentence(index=i, start=start, end=start + len(part), text=part))
        pos = start + len(part)
    return Extraction(
        url=url,
        text=text,
        word_count=len(text.split()),
        title=doc.get("title"),
        byline=doc.get("author"),
        published=doc.get("date"),
        site_name=doc.get("sitename"),
        language=doc.get("language"),
        canonical_url=doc.get("url"),
        sentences=sentences,
    )

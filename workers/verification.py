"""Job function: check the claims an article rests on each source against the source's text.

A source's text comes from a stored snapshot younger than `snapshot_max_age_seconds`, or
from a fresh fetch that is stored as a new snapshot, so every verdict can point at the text
it was reached on (`snapshot_id`, evidence offsets) and a source is fetched once a day at
most however many articles cite it.
"""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter
from dataclasses import dataclass
from typing import Any

import structlog

from app.articles.repository import mark_verified
from app.claims.repository import (
    claims_by_source,
    replace_nearest_sources,
    replace_verifications,
    uncited_claims,
)
from app.fetch import FetchedPage, FetchError
from app.sources.snapshots import latest_snapshot, store_snapshot
from app.verify import (
    PdfUnreadable,
    Verdict,
    nearest_sources,
    source_text_from_html,
    source_text_from_pdf,
    verify_claims,
)
from workers.fetching import fetch_politely

__all__ = ["verify_article"]

log = structlog.get_logger()
SOURCES_AT_ONCE = 4
NEAREST_CLAIMS = 50  # uncited claims searched in the article's sources, most check-worthy first


@dataclass(frozen=True, slots=True)
class _Text:
    """A source's passages and the snapshot they were stored as (None: nothing to check)."""

    snapshot_id: int | None
    passages: list[str]
    failure: tuple[str, str] | None = None  # (status, error code) when it could not be read


async def _source_text(ctx: dict[str, Any], source_id: uuid.UUID, url: str, refresh: bool) -> _Text:
    """A fresh-enough stored snapshot, or the page fetched now and stored."""
    max_age = 0 if refresh else ctx["settings"].snapshot_max_age_seconds
    if max_age > 0:
        async with ctx["sessions"]() as session:
            kept = await latest_snapshot(session, source_id, max_age=max_age)
        if kept is not None:
            return _Text(kept.id, kept.text.split("\n") if kept.text else [])
    try:
        page = await fetch_politely(ctx, url, pdf_ok=True)
        passages = await asyncio.to_thread(_passages, page)
    except FetchError as exc:
        status = "unchecked" if exc.code in ("not_html", "not_text") else "unreachable"
        return _Text(None, [], (status, exc.code))
    except PdfUnreadable:
        return _Text(None, [], ("unchecked", "pdf_unreadable"))
    async with ctx["sessions"].begin() as session:
        snapshot = await store_snapshot(
            session,
            source_id,
            final_url=page.final_url,
            http_status=page.status,
            content_type=page.content_type,
            passages=passages,
        )
    return _Text(snapshot.id, passages)


def _passages(page: FetchedPage) -> list[str]:
    """The page's main text, or a PDF's, as passages (CPU: run in a thread)."""
    if page.pdf is not None:
        return source_text_from_pdf(page.pdf)
    return source_text_from_html(page.html, page.final_url)


def _row(verdict: Verdict, snapshot_id: int | None) -> dict[str, Any]:
    start, end = verdict.offsets[0] if verdict.offsets else (None, None)
    return {
        "status": verdict.status,
        "evidence": verdict.evidence[:2000],
        "score": round(verdict.score, 4),
        "snapshot_id": snapshot_id,
        "evidence_start": start,
        "evidence_end": end,
        "reasons": list(verdict.reasons)[:10],
    }


async def _verify_source(
    ctx: dict[str, Any], source_id: uuid.UUID, url: str, claims: list[str], refresh: bool
) -> tuple[_Text, list[dict[str, Any]]]:
    text = await _source_text(ctx, source_id, url, refresh)
    if text.failure is not None:
        status, code = text.failure
        failed = {"status": status, "evidence": code, "score": 0.0, "reasons": [code]}
        unread = {"snapshot_id": None, "evidence_start": None, "evidence_end": None}
        return text, [failed | unread for _ in claims]
    verdicts = await asyncio.to_thread(verify_claims, claims, text.passages)
    return text, [_row(v, text.snapshot_id) for v in verdicts]


async def _nearest_rows(
    article_id: uuid.UUID, uncited: list[tuple[uuid.UUID, str]], read: dict[uuid.UUID, _Text]
) -> list[dict[str, Any]]:
    """Rows for the uncited claims some source the article cites supports (CPU in a thread)."""
    pages = {source_id: text.passages for source_id, text in read.items()}
    found = await asyncio.to_thread(nearest_sources, [t for _, t in uncited], pages)
    rows = []
    for i, (source_id, verdict) in found.items():
        start, end = verdict.offsets[0] if verdict.offsets else (None, None)
        rows.append({
            "sentence_id": uncited[i][0], "article_id": article_id, "source_id": source_id,
            "snapshot_id": read[source_id].snapshot_id, "score": round(verdict.score, 4),
            "evidence": verdict.evidence[:2000], "evidence_start": start, "evidence_end": end,
        })  # fmt: skip
    return rows


async def verify_article(ctx: dict[str, Any], article_id: str, refresh: bool = False) -> int:
    """Replace the article's verdicts with fresh ones; returns how many were stored.
    `refresh` fetches every source again instead of reading a stored snapshot."""
    article_uuid = uuid.UUID(article_id)
    async with ctx["sessions"]() as session:
        grouped = await claims_by_source(session, article_uuid)
        uncited = await uncited_claims(session, article_uuid, limit=NEAREST_CLAIMS)
    gate = asyncio.Semaphore(SOURCES_AT_ONCE)
    read: dict[uuid.UUID, _Text] = {}

    async def one(key: tuple[uuid.UUID, str]) -> list[dict[str, Any]]:
        async with gate:
            claims = grouped[key]
            texts = [text for _, text in claims]
            read[key[0]], verdicts = await _verify_source(ctx, key[0], key[1], texts, refresh)
        return [
            {"article_id": article_uuid, "sentence_id": sentence_id, "source_id": key[0], **v}
            for (sentence_id, _), v in zip(claims, verdicts, strict=True)
        ]

    rows = [row for batch in await asyncio.gather(*(one(k) for k in grouped)) for row in batch]
    nearest = await _nearest_rows(article_uuid, uncited, read) if uncited else []
    async with ctx["sessions"].begin() as session:
        await replace_verifications(session, article_uuid, rows)
        await replace_nearest_sources(session, article_uuid, nearest)
        await mark_verified(session, article_uuid, dict(Counter(r["status"] for r in rows)))
    log.info("article_verified", article_id=article_id, verdicts=len(rows), sources=len(grouped))
    return len(rows)

"""Job function: fetch each source an article cites and check the claims that rest on it."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import structlog

from app.claims.repository import claims_by_source, replace_verifications
from app.fetch import FetchError
from app.verify import source_text_from_html, verify_claims
from workers.fetching import fetch_politely

__all__ = ["verify_article"]

log = structlog.get_logger()
SOURCES_AT_ONCE = 4


def _check(html: str, url: str, claims: list[str]) -> list[tuple[str, str, float]]:
    """CPU part, run in a thread: page passages, then one verdict per claim."""
    verdicts = verify_claims(claims, source_text_from_html(html, url))
    return [(v.status, v.evidence, v.score) for v in verdicts]


async def _verify_source(ctx: dict[str, Any], url: str, claims: list[str]) -> list[tuple]:  # type: ignore[type-arg]
    try:
        page = await fetch_politely(ctx, url)
    except FetchError as exc:
        status = "unchecked" if exc.code in ("not_html", "not_text") else "unreachable"
        return [(status, exc.code, 0.0)] * len(claims)
    return await asyncio.to_thread(_check, page.html, page.final_url, claims)


async def verify_article(ctx: dict[str, Any], article_id: str) -> int:
    """Replace the article's verdicts with fresh ones; returns how many were stored."""
    article_uuid = uuid.UUID(article_id)
    async with ctx["sessions"]() as session:
        grouped = await claims_by_source(session, article_uuid)
    gate = asyncio.Semaphore(SOURCES_AT_ONCE)

    async def one(key: tuple[uuid.UUID, str]) -> list[dict[str, Any]]:
        async with gate:
            claims = grouped[key]
            verdicts = await _verify_source(ctx, key[1], [text for _, text in claims])
        return [
            {
                "article_id": article_uuid,
                "sentence_id": sentence_id,
                "source_id": key[0],
                "status": status,
                "evidence": evidence[:2000],
                "score": round(score, 4),
            }
            for (sentence_id, _), (status, evidence, score) in zip(claims, verdicts, strict=True)
        ]

    rows = [row for batch in await asyncio.gather(*(one(k) for k in grouped)) for row in batch]
    async with ctx["sessions"].begin() as session:
        await replace_verifications(session, article_uuid, rows)
    log.info("article_verified", article_id=article_id, verdicts=len(rows), sources=len(grouped))
    return len(rows)

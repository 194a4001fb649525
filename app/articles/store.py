"""Writing one extraction: replaces the article's rows in one transaction (idempotent reruns)."""

from __future__ import annotations

import json
import uuid
from collections import Counter
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

import asyncpg

from app.models import ArticleSource, Citation, Sentence
from app.pipeline.types import Extraction
from app.urls import registrable_domain

__all__ = ["MARK_VERIFICATION_REQUESTED", "article_stats", "store_extraction"]


def _published(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def article_stats(extraction: Extraction) -> dict[str, Any]:
    """The summary counts of `shared/API.md`."""
    claims = [s for s in extraction.sentences if s.is_claim]
    cited = sum(1 for s in claims if any(c.url for c in s.citations))
    attributed = sum(1 for s in claims if s.citations and not any(c.url for c in s.citations))
    return {
        "sentences": len(extraction.sentences),
        "claims": len(claims),
        "cited_claims": cited,
        "uncited_claims": len(claims) - cited,
        "attributed_claims": attributed,
        "citation_coverage": round(cited / len(claims), 4) if claims else 0.0,
        "sources": len(extraction.sources),
    }


_UPSERT_ARTICLE = """
INSERT INTO articles (id, url, final_url, canonical_url, domain, title, byline, published_at,
    site_name, language, fetched_at, content_sha256, word_count, text, stats, pipeline_version,
    verification_requested_at, verified_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::jsonb, $16, NULL, NULL)
ON CONFLICT (url) DO UPDATE SET final_url = excluded.final_url,
    canonical_url = excluded.canonical_url, domain = excluded.domain, title = excluded.title,
    byline = excluded.byline, published_at = excluded.published_at,
    site_name = excluded.site_name, language = excluded.language,
    fetched_at = excluded.fetched_at, content_sha256 = excluded.content_sha256,
    word_count = excluded.word_count, text = excluded.text, stats = excluded.stats,
    pipeline_version = excluded.pipeline_version,
    verification_requested_at = excluded.verification_requested_at,
    verified_at = excluded.verified_at, updated_at = now()
RETURNING id
"""
# One round trip for both: the article's sentences (their citations, verdicts and nearest
# sources go with them by cascade) and the sources it cited last time.
_DELETE_ROWS = """
WITH gone AS (DELETE FROM sentences WHERE article_id = $1)
DELETE FROM article_sources WHERE article_id = $1
"""
_UPSERT_SOURCES = """
INSERT INTO sources (id, url, domain, publisher, title)
SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[])
ON CONFLICT (url) DO UPDATE SET publisher = coalesce(excluded.publisher, sources.publisher),
    title = coalesce(excluded.title, sources.title)
RETURNING url, id
"""
MARK_VERIFICATION_REQUESTED = (
    "UPDATE articles SET verification_requested_at = now(), updated_at = now() WHERE id = $1"
)


async def _upsert_sources(
    connection: asyncpg.Connection, extraction: Extraction
) -> dict[str, uuid.UUID]:
    if not extraction.sources:
        return {}
    sources = extraction.sources
    rows = await connection.fetch(
        _UPSERT_SOURCES,
        [uuid.uuid4() for _ in sources],
        [s.url for s in sources],
        [s.domain or registrable_domain(s.url) for s in sources],
        [s.publisher for s in sources],
        [s.title for s in sources],
    )
    return {row[0]: row[1] for row in rows}


async def store_extraction(
    connection: asyncpg.Connection,
    *,
    url: str,
    final_url: str,
    fetched_at: datetime,
    content_sha256: str,
    extraction: Extraction,
) -> uuid.UUID:
    """Upsert the article by normalized URL and replace its sentences, sources and citations;
    on a bare connection, inside the caller's transaction (plain SQL and COPY: building ORM
    statements cost more CPU than the rows they store)."""
    article_id: uuid.UUID = await connection.fetchval(
        _UPSERT_ARTICLE,
        uuid.uuid4(),
        url,
        final_url,
        extraction.canonical_url,
        registrable_domain(final_url),
        extraction.title,
        extraction.byline,
        _published(extraction.published),
        extraction.site_name,
        extraction.language,
        fetched_at,
        content_sha256,
        extraction.word_count,
        extraction.text,
        json.dumps(article_stats(extraction)),
        extraction.pipeline_version,
    )
    await connection.execute(_DELETE_ROWS, article_id)
    source_ids = await _upsert_sources(connection, extraction)
    claim_counts: Counter[str] = Counter()
    for sentence in extraction.sentences:
        if sentence.is_claim:
            claim_counts.update({c.url for c in sentence.citations if c.url})
    await _copy(
        connection,
        ArticleSource.__tablename__,
        _ARTICLE_SOURCE_COLUMNS,
        [
            (
                article_id,
                source_ids[s.url],
                i,
                s.label,
                s.raw_url,
                s.publisher,
                s.title,
                claim_counts[s.url],
            )
            for i, s in enumerate(extraction.sources)
        ],
    )
    await _insert_sentences(connection, article_id, extraction, source_ids)
    return article_id


async def _copy(
    connection: asyncpg.Connection, table: str, columns: list[str], rows: list[tuple[Any, ...]]
) -> None:
    """Bulk-load rows with one COPY inside the caller's transaction: the fastest way into
    PostgreSQL, and rolled back with the rest."""
    if rows:
        await connection.copy_records_to_table(table, records=rows, columns=columns)


_ARTICLE_SOURCE_COLUMNS = [
    "article_id", "source_id", "position", "label", "raw_url", "publisher", "title", "claim_count",
]  # fmt: skip
_SENTENCE_COLUMNS = [
    "id", "article_id", "sentence_index", "text", "char_start", "char_end", "is_claim",
    "is_cited", "checkworthiness", "features", "kinds", "quantities", "attributed_to",
]  # fmt: skip
_CITATION_COLUMNS = ["sentence_id", "article_id", "source_id", "via", "marker", "attributed_to"]


async def _insert_sentences(
    connection: asyncpg.Connection,
    article_id: uuid.UUID,
    extraction: Extraction,
    source_ids: dict[str, uuid.UUID],
) -> None:
    """The sentences and their citations, by COPY (JSONB values go as JSON text)."""
    sentence_rows: list[tuple[Any, ...]] = []
    citation_rows: list[tuple[Any, ...]] = []
    for s in extraction.sentences:
        sentence_id = uuid.uuid4()
        sentence_rows.append(
            (
                sentence_id,
                article_id,
                s.index,
                s.text,
                s.start,
                s.end,
                s.is_claim,
                any(c.url for c in s.citations),
                s.checkworthiness,
                json.dumps(list(s.features)),
                list(s.kinds),
                json.dumps([asdict(q) for q in s.quantities]),
                list(s.attributed_to),
            )
        )
        citation_rows += [
            (
                sentence_id,
                article_id,
                source_ids.get(c.url) if c.url else None,
                c.via,
                c.marker,
                c.attributed_to,
            )
            for c in s.citations
        ]
    await _copy(connection, Sentence.__tablename__, _SENTENCE_COLUMNS, sentence_rows)
    await _copy(connection, Citation.__tablename__, _CITATION_COLUMNS, citation_rows)

"""Writing one extraction: replaces the article's rows in one transaction (idempotent reruns)."""

from __future__ import annotations

import json
import uuid
from collections import Counter
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, insert
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Article, ArticleSource, Citation, Sentence, Source
from app.pipeline.types import Extraction
from app.urls import registrable_domain

__all__ = ["article_stats", "store_extraction"]


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


async def _upsert_article(session: AsyncSession, values: dict[str, Any]) -> uuid.UUID:
    statement = pg_insert(Article).values(**values)
    statement = statement.on_conflict_do_update(
        index_elements=[Article.url],
        set_={k: statement.excluded[k] for k in values if k != "url"} | {"updated_at": func.now()},
    )
    return (await session.execute(statement.returning(Article.id))).scalar_one()


async def _upsert_sources(session: AsyncSession, extraction: Extraction) -> dict[str, uuid.UUID]:
    if not extraction.sources:
        return {}
    rows = [
        {
            "url": s.url,
            "domain": s.domain or registrable_domain(s.url),
            "publisher": s.publisher,
            "title": s.title,
        }
        for s in extraction.sources
    ]
    statement = pg_insert(Source).values(rows)
    statement = statement.on_conflict_do_update(
        index_elements=[Source.url],
        set_={
            "publisher": func.coalesce(statement.excluded.publisher, Source.publisher),
            "title": func.coalesce(statement.excluded.title, Source.title),
        },
    )
    result = await session.execute(statement.returning(Source.url, Source.id))
    return dict(result.all())


async def store_extraction(
    session: AsyncSession,
    *,
    url: str,
    final_url: str,
    fetched_at: datetime,
    content_sha256: str,
    extraction: Extraction,
) -> uuid.UUID:
    """Upsert the article by normalized URL and replace its sentences, sources and citations."""
    article_id = await _upsert_article(
        session,
        {
            "url": url,
            "final_url": final_url,
            "canonical_url": extraction.canonical_url,
            "domain": registrable_domain(final_url),
            "title": extraction.title,
            "byline": extraction.byline,
            "published_at": _published(extraction.published),
            "site_name": extraction.site_name,
            "language": extraction.language,
            "fetched_at": fetched_at,
            "content_sha256": content_sha256,
            "word_count": extraction.word_count,
            "text": extraction.text,
            "stats": article_stats(extraction),
            "pipeline_version": extraction.pipeline_version,
            "verification_requested_at": None,
            "verified_at": None,
        },
    )
    await session.execute(delete(Sentence).where(Sentence.article_id == article_id))
    await session.execute(delete(ArticleSource).where(ArticleSource.article_id == article_id))
    source_ids = await _upsert_sources(session, extraction)
    claim_counts: Counter[str] = Counter()
    for sentence in extraction.sentences:
        if sentence.is_claim:
            claim_counts.update({c.url for c in sentence.citations if c.url})
    if extraction.sources:
        await session.execute(
            insert(ArticleSource),
            [
                {
                    "article_id": article_id,
                    "source_id": source_ids[s.url],
                    "position": i,
                    "label": s.label,
                    "raw_url": s.raw_url,
                    "publisher": s.publisher,
                    "title": s.title,
                    "claim_count": claim_counts[s.url],
                }
                for i, s in enumerate(extraction.sources)
            ],
        )
    await _insert_sentences(session, article_id, extraction, source_ids)
    return article_id


async def _copy(
    session: AsyncSession, table: str, columns: list[str], rows: list[tuple[Any, ...]]
) -> None:
    """Bulk-load rows with one COPY inside the session's transaction (which a statement
    has already begun): the fastest way into PostgreSQL, and rolled back with the rest."""
    if not rows:
        return
    connection = await (await session.connection()).get_raw_connection()
    driver = connection.driver_connection
    assert driver is not None
    await driver.copy_records_to_table(table, records=rows, columns=columns)


_SENTENCE_COLUMNS = [
    "id", "article_id", "sentence_index", "text", "char_start", "char_end", "is_claim",
    "is_cited", "checkworthiness", "features", "kinds", "quantities", "attributed_to",
]  # fmt: skip
_CITATION_COLUMNS = ["sentence_id", "article_id", "source_id", "via", "marker", "attributed_to"]


async def _insert_sentences(
    session: AsyncSession,
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
    await _copy(session, Sentence.__tablename__, _SENTENCE_COLUMNS, sentence_rows)
    await _copy(session, Citation.__tablename__, _CITATION_COLUMNS, citation_rows)

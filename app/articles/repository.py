"""Every query on articles and their sources."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

import asyncpg
from sqlalchemy import exists, func, or_, select, type_coerce, update
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Article, ArticleSource, Sentence, Source

__all__ = [
    "article_ids_by_url",
    "article_sources",
    "article_version",
    "get_article",
    "list_articles",
    "mark_verification_requested",
    "mark_verified",
]

# Every row an article's documents show, each by the transaction that last wrote it (xmin
# names a committed row version exactly): the article row (rewritten with its sentences,
# citations and links on every store), the shared source rows (another article may retitle
# one) and its verdicts (replaced by the verification job). Any write among them changes it.
_VERSION = """
    SELECT a.xmin::text
        || '/' || coalesce((SELECT md5(string_agg(s.id::text || ':' || s.xmin::text, ','
                                                  ORDER BY s.id))
                            FROM article_sources l JOIN sources s ON s.id = l.source_id
                            WHERE l.article_id = a.id), '-')
        || '/' || coalesce((SELECT md5(string_agg(v.id::text || ':' || v.xmin::text, ','
                                                  ORDER BY v.id))
                            FROM verifications v WHERE v.article_id = a.id), '-')
    FROM articles a WHERE a.id = $1
"""


async def get_article(session: AsyncSession, article_id: uuid.UUID) -> Article | None:
    """One article by id."""
    return await session.get(Article, article_id)


async def article_version(pool: asyncpg.Pool, article_id: uuid.UUID) -> str | None:
    """A token that changes whenever anything the article's documents show changes."""
    return await pool.fetchval(_VERSION, article_id)  # type: ignore[no-any-return]


async def article_ids_by_url(session: AsyncSession, urls: Sequence[str]) -> dict[str, uuid.UUID]:
    """Stored articles among these normalized URLs: url -> article id."""
    rows = await session.execute(select(Article.url, Article.id).where(Article.url.in_(set(urls))))
    return {url: article_id for url, article_id in rows.all()}


async def article_sources(
    session: AsyncSession,
    article_ids: list[uuid.UUID],
    *,
    after: int | None = None,
    limit: int | None = None,
) -> list[tuple[ArticleSource, Source]]:
    """The sources of these articles in reference order, after position `after`."""
    if not article_ids:
        return []
    query = (
        select(ArticleSource, Source)
        .join(Source, Source.id == ArticleSource.source_id)
        .where(ArticleSource.article_id.in_(article_ids))
        .order_by(ArticleSource.article_id, ArticleSource.position)
    )
    if after is not None:
        query = query.where(ArticleSource.position > after)
    if limit is not None:
        query = query.limit(limit)
    return list((await session.execute(query)).all())


async def list_articles(
    session: AsyncSession,
    *,
    domain: str | None,
    url: str | None,
    q: str | None,
    after: tuple[datetime, uuid.UUID] | None,
    limit: int,
) -> list[Article]:
    """Newest first, keyset-paginated on (created_at, id)."""
    query = select(Article)
    if domain:
        query = query.where(Article.domain == domain.lower().removeprefix("www."))
    if url:
        query = query.where(Article.url == url)
    if q:
        ts = func.websearch_to_tsquery("english", q)
        query = query.where(
            or_(
                Article.search.bool_op("@@")(ts),
                exists().where(
                    Sentence.article_id == Article.id, Sentence.search.bool_op("@@")(ts)
                ),
            )
        )
    if after is not None:
        query = query.where(
            or_(
                Article.created_at < after[0],
                (Article.created_at == after[0]) & (Article.id < after[1]),
            )
        )
    query = query.order_by(Article.created_at.desc(), Article.id.desc()).limit(limit)
    return list((await session.scalars(query)).all())


async def mark_verification_requested(
    session: AsyncSession, article_ids: Sequence[uuid.UUID]
) -> None:
    """Verification was asked for: the articles read `pending` until it is stored."""
    if article_ids:
        await session.execute(
            update(Article)
            .where(Article.id.in_(set(article_ids)))
            .values(verification_requested_at=func.now())
        )


async def mark_verified(
    session: AsyncSession, article_id: uuid.UUID, verdicts: dict[str, int]
) -> None:
    """Verdicts stored (the caller's transaction): `done`, with the counts per verdict."""
    counts = type_coerce({"verdicts": verdicts}, JSONB)
    await session.execute(
        update(Article)
        .where(Article.id == article_id)
        .values(verified_at=func.now(), stats=Article.stats.op("||")(counts))
    )

"""Every query on sources across articles."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Article, ArticleSource, Citation, Sentence, Source

__all__ = ["citing_articles", "citing_sentences", "find_sources"]


def _counted() -> tuple:  # type: ignore[type-arg]
    articles = (
        select(func.count())
        .where(ArticleSource.source_id == Source.id)
        .correlate(Source)
        .scalar_subquery()
    )
    claims = (
        select(func.count(func.distinct(Citation.sentence_id)))
        .where(Citation.source_id == Source.id)
        .correlate(Source)
        .scalar_subquery()
    )
    return articles, claims


async def find_sources(
    session: AsyncSession, *, url: str | None, domain: str | None, after: str | None, limit: int
) -> list[tuple[Source, int, int]]:
    """Sources by exact normalized URL or by domain, with article and claim counts."""
    articles, claims = _counted()
    query = select(Source, articles, claims)
    if url:
        query = query.where(Source.url == url)
    if domain:
        query = query.where(Source.domain == domain)
    if after:
        query = query.where(Source.url > after)
    rows = await session.execute(query.order_by(Source.url).limit(limit))
    return [(s, a, c) for s, a, c in rows]


async def get_source(session: AsyncSession, source_id: uuid.UUID) -> tuple[Source, int, int] | None:
    """One source with its counts."""
    articles, claims = _counted()
    row = (
        await session.execute(select(Source, articles, claims).where(Source.id == source_id))
    ).first()
    return None if row is None else (row[0], row[1], row[2])


async def citing_articles(
    session: AsyncSession, source_id: uuid.UUID
) -> list[tuple[Article, ArticleSource]]:
    """Articles that cite the source, newest first."""
    rows = await session.execute(
        select(Article, ArticleSource)
        .join(ArticleSource, ArticleSource.article_id == Article.id)
        .where(ArticleSource.source_id == source_id)
        .order_by(Article.created_at.desc())
        .limit(500)
    )
    return list(rows.all())


async def citing_sentences(session: AsyncSession, source_id: uuid.UUID) -> list[Sentence]:
    """Claims in any article that rest on the source."""
    query = (
        select(Sentence)
        .where(Sentence.id.in_(select(Citation.sentence_id).where(Citation.source_id == source_id)))
        .order_by(Sentence.article_id, Sentence.sentence_index)
        .limit(5000)
    )
    return list((await session.scalars(query)).all())

"""Article read models: summaries with their sources, claims, per-source provenance."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from app.articles.repository import article_sources, get_article
from app.articles.schemas import (
    ArticleSourceOut,
    ArticleStats,
    ArticleSummary,
    verification_state,
)
from app.errors import NotFound
from app.models import Article, ArticleSource, Source

__all__ = ["article_or_404", "source_out", "summaries"]


async def article_or_404(session: AsyncSession, article_id: uuid.UUID) -> Article:
    """The article, or a 404 problem."""
    article = await get_article(session, article_id)
    if article is None:
        raise NotFound(f"No article {article_id}")
    return article


def source_out(link: ArticleSource, source: Source) -> ArticleSourceOut:
    """A source as this article names it (its label, publisher and title win)."""
    return ArticleSourceOut(
        id=source.id,
        url=link.raw_url or source.url,
        normalized_url=source.url,
        domain=source.domain,
        publisher=link.publisher or source.publisher,
        title=link.title or source.title,
        label=link.label,
        claim_count=link.claim_count,
    )


async def summaries(session: AsyncSession, articles: list[Article]) -> list[ArticleSummary]:
    """Summaries for many articles with one query for all their sources."""
    by_article: dict[uuid.UUID, list[ArticleSourceOut]] = {a.id: [] for a in articles}
    for link, source in await article_sources(session, [a.id for a in articles]):
        by_article[link.article_id].append(source_out(link, source))
    return [
        ArticleSummary(
            id=a.id,
            url=a.url,
            final_url=a.final_url,
            canonical_url=a.canonical_url,
            title=a.title,
            byline=a.byline,
            published_at=a.published_at,
            site_name=a.site_name,
            language=a.language,
            fetched_at=a.fetched_at,
            content_sha256=a.content_sha256,
            word_count=a.word_count,
            pipeline_version=a.pipeline_version,
            stats=ArticleStats(**(a.stats or {})),
            verification=verification_state(a.verification_requested_at, a.verified_at),
            verified_at=a.verified_at,
            sources=by_article[a.id],
            claims_url=f"/v1/articles/{a.id}/claims",
            provenance_url=f"/v1/articles/{a.id}/provenance",
            report_url=f"/report/{a.id}",
        )
        for a in articles
    ]

"""What a report page shows, loaded through the article and claim repositories."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from app.articles.repository import article_sources, list_articles
from app.articles.schemas import ArticleSourceOut, ArticleStats
from app.articles.service import article_or_404, source_out
from app.claims.repository import ClaimFilters, list_claims, to_claims
from app.claims.schemas import ClaimOut
from app.models import Article

__all__ = ["LATEST", "Report", "latest_articles", "load_report"]

LATEST = 50


@dataclass(frozen=True)
class Report:
    """One article with its claims (sentence order) and sources (reference order)."""

    article: Article
    stats: ArticleStats
    claims: list[ClaimOut]
    sources: list[ArticleSourceOut]


async def load_report(session: AsyncSession, article_id: uuid.UUID) -> Report:
    """The report of one article, or a 404 problem."""
    article = await article_or_404(session, article_id)
    sentences = await list_claims(session, article_id, ClaimFilters(), after=None, limit=100_000)
    return Report(
        article=article,
        stats=ArticleStats(**(article.stats or {})),
        claims=await to_claims(session, sentences),
        sources=[source_out(link, s) for link, s in await article_sources(session, [article_id])],
    )


async def latest_articles(session: AsyncSession, *, q: str | None) -> list[Article]:
    """The newest articles, matching the full-text search `q` when given."""
    return await list_articles(session, domain=None, url=None, q=q, after=None, limit=LATEST)

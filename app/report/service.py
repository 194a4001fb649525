"""What the pages show, loaded through the article, claim and source repositories."""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import defer

from app.articles.repository import article_sources, list_articles
from app.articles.schemas import ArticleSourceOut, ArticleStats
from app.articles.service import article_or_404, source_out
from app.claims.repository import to_claims, verification_out
from app.claims.schemas import ClaimOut, VerificationOut
from app.models import Article, Sentence, Verification
from app.report.highlight import ClaimView, SourceView

__all__ = ["Report", "article_page", "load_report"]

UNCHECKED = VerificationOut(status="unchecked")
Verdicts = dict[tuple[uuid.UUID, uuid.UUID], VerificationOut]


@dataclass(frozen=True)
class Report:
    """One article with its claims (sentence order) and sources (reference order)."""

    article: Article
    stats: ArticleStats
    claims: list[ClaimView]
    sources: list[SourceView]
    selected: SourceView | None


async def _claim_sentences(session: AsyncSession, article_id: uuid.UUID) -> list[Sentence]:
    """Every claim of the article in order, without the search vector nobody shows."""
    query = (
        select(Sentence)
        .options(defer(Sentence.search))
        .where(Sentence.article_id == article_id, Sentence.is_claim)
        .order_by(Sentence.sentence_index)
    )
    return list((await session.scalars(query)).all())


async def _verdicts(session: AsyncSession, article_id: uuid.UUID) -> Verdicts:
    """Every stored verdict of the article, by (claim id, source id)."""
    rows = await session.scalars(select(Verification).where(Verification.article_id == article_id))
    return {(v.sentence_id, v.source_id): verification_out(v) for v in rows}


def _sources(
    sources: list[ArticleSourceOut], claims: list[ClaimOut], verdicts: Verdicts
) -> list[SourceView]:
    """The sources numbered in reference order, each with its claims' verdict counts."""
    counts: dict[uuid.UUID, Counter[str]] = defaultdict(Counter)
    for claim in claims:
        for source_id in {c.source_id for c in claim.citations if c.source_id}:
            counts[source_id][verdicts.get((claim.id, source_id), UNCHECKED).status] += 1
    return [
        SourceView(number=n, source=s, verdicts=dict(sorted(counts[s.id].items())))
        for n, s in enumerate(sources, start=1)
    ]


def _claim(
    claim: ClaimOut,
    numbered: dict[uuid.UUID, SourceView],
    verdicts: Verdicts,
    selected: SourceView | None,
) -> ClaimView:
    """A claim with its sources in citation order; shown when it rests on the selected source."""
    ids = list(dict.fromkeys(c.source_id for c in claim.citations if c.source_id in numbered))
    sources = [numbered[i] for i in ids if i is not None]
    names = list(
        dict.fromkeys(c.attributed_to for c in claim.citations if c.attributed_to and not c.url)
    )
    names += [n for n in claim.attributed_to if n not in names]
    shown = selected is None or selected in sources
    colour_of = selected if selected is not None else (sources[0] if sources else None)
    return ClaimView(
        claim=claim,
        sources=sources,
        verdicts=[(s, verdicts.get((claim.id, s.source.id), UNCHECKED)) for s in sources],
        names=names,
        shown=shown,
        colour=colour_of.colour if colour_of is not None and claim.cited else None,
    )


async def load_report(
    session: AsyncSession, article_id: uuid.UUID, *, source: uuid.UUID | None = None
) -> Report:
    """The report of one article (its highlights limited to `source` if given), or a 404."""
    article = await article_or_404(session, article_id)
    claims = await to_claims(session, await _claim_sentences(session, article_id))
    verdicts = await _verdicts(session, article_id)
    linked = [source_out(link, s) for link, s in await article_sources(session, [article_id])]
    sources = _sources(linked, claims, verdicts)
    numbered = {s.source.id: s for s in sources}
    selected = numbered.get(source) if source else None
    return Report(
        article=article,
        stats=ArticleStats(**(article.stats or {})),
        claims=[_claim(c, numbered, verdicts, selected) for c in claims],
        sources=sources,
        selected=selected,
    )


async def article_page(
    session: AsyncSession, *, q: str | None, after: tuple[datetime, uuid.UUID] | None, limit: int
) -> tuple[list[Article], bool]:
    """One page of the newest articles (matching `q` when given), and whether more follow."""
    rows = await list_articles(session, domain=None, url=None, q=q, after=after, limit=limit + 1)
    return rows[:limit], len(rows) > limit

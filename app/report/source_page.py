"""`GET /sources/{id}`: the articles and claims across the database that rest on a source."""

from __future__ import annotations

import uuid
from collections import defaultdict

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy.ext.asyncio import AsyncSession

from app.claims.repository import to_claims, verifications
from app.claims.schemas import ClaimOut, VerificationOut
from app.db import SessionDep
from app.errors import NotFound
from app.report.pages import page
from app.sources.repository import citing_articles, citing_sentences, get_source
from app.sources.schemas import CitingArticle, SourceDetail, SourceOut

__all__ = ["router"]

router = APIRouter(tags=["report"], include_in_schema=False)  # pages: docs/API.md lists them


async def _detail(session: AsyncSession, source_id: uuid.UUID) -> SourceDetail:
    """The source with its citing articles, each claim with its verdict against the source."""
    found = await get_source(session, source_id)
    if found is None:
        raise NotFound(f"No source {source_id}")
    source, article_count, claim_count = found
    by_article: dict[uuid.UUID, list[ClaimOut]] = defaultdict(list)
    sentences = await citing_sentences(session, source_id)
    for sentence, claim in zip(sentences, await to_claims(session, sentences), strict=True):
        by_article[sentence.article_id].append(claim)
    articles = []
    for article, link in await citing_articles(session, source_id):
        verdicts = await verifications(session, article.id, source_id)
        claims = by_article[article.id]
        for claim in claims:
            claim.verification = verdicts.get(claim.id, VerificationOut(status="unchecked"))
        articles.append(
            CitingArticle(
                article_id=article.id,
                url=article.url,
                title=article.title,
                label=link.label,
                claims=claims,
            )
        )
    out = SourceOut.of(source, article_count, claim_count)
    return SourceDetail(source=out, articles=articles)


@router.get("/sources/{source_id}")
async def source_redirect(source_id: uuid.UUID) -> RedirectResponse:
    """The page lives with the reports, where a key is asked for when keys are on."""
    return RedirectResponse(f"/report/sources/{source_id}", status_code=308)


@router.get("/report/sources/{source_id}", response_class=HTMLResponse)
async def source_page(source_id: uuid.UUID, session: SessionDep) -> HTMLResponse:
    """Every stored article citing the source, with the claims resting on it and their verdicts."""
    return page("source.html", detail=await _detail(session, source_id))

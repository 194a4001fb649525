"""Article reads: summary, list and search, claims, sources, per-source provenance, PROV."""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse

from app.api.deps import CursorDep
from app.api.pagination import Limit
from app.articles.cached import NOT_MODIFIED, cached_document
from app.articles.export import EXPORT_CONTENT, ClaimFormat, export_claims
from app.articles.provenance import ProvClaim, ProvSource, ProvVerdict, provenance_jsonld
from app.articles.repository import article_sources, list_articles
from app.articles.schemas import (
    ArticlePage,
    ArticleSourcePage,
    ArticleSummary,
    ArticleText,
    SourceProvenance,
)
from app.articles.service import article_or_404, source_out, summaries
from app.claims.repository import ClaimFilters, list_claims, to_claims, verifications
from app.claims.schemas import (
    CitationState,
    ClaimKind,
    ClaimPage,
    VerificationOut,
    VerificationStatus,
)
from app.db import SessionDep
from app.errors import NotFound, Problem
from app.urls import normalize_article_url

__all__ = ["router"]

router = APIRouter(prefix="/v1/articles", tags=["articles"])
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": Problem, "description": "Not found"}}
BAD_CURSOR: dict[int | str, dict[str, Any]] = {400: {"model": Problem, "description": "Bad cursor"}}


@router.get("", response_model=ArticlePage, responses=BAD_CURSOR)
async def read_articles(
    session: SessionDep,
    cursors: CursorDep,
    limit: Limit = 50,
    cursor: str | None = None,
    domain: Annotated[str | None, Query(description="Registrable domain, e.g. bbc.co.uk")] = None,
    url: Annotated[str | None, Query(description="The article URL as submitted")] = None,
    q: Annotated[str | None, Query(max_length=500, description="Full-text search")] = None,
) -> ArticlePage:
    """Stored articles, newest first; search titles and claim text with `q`."""
    after = None
    if cursor:
        stamp, last_id = cursors.decode("articles", cursor)
        try:
            after = (datetime.fromisoformat(stamp), uuid.UUID(last_id))
        except (TypeError, ValueError):
            after = None
    normalized = normalize_article_url(url) if url else None
    rows = await list_articles(
        session, domain=domain, url=normalized, q=q, after=after, limit=limit + 1
    )
    page, more = rows[:limit], len(rows) > limit
    next_cursor = (
        cursors.encode("articles", [page[-1].created_at.isoformat(), str(page[-1].id)])
        if more
        else None
    )
    return ArticlePage(items=await summaries(session, page), next_cursor=next_cursor)


@router.get(
    "/{article_id}",
    response_model=ArticleSummary,
    responses=NOT_FOUND | NOT_MODIFIED,
)
async def read_article(
    article_id: uuid.UUID,
    session: SessionDep,
    request: Request,
    include: Annotated[
        Literal["text"] | None, Query(description="`text`: add the extracted text")
    ] = None,
) -> Response:
    """The article summary with stats and sources; `?include=text` adds its text.

    Sent with a strong `ETag`: `If-None-Match` with it answers `304` while nothing changed."""

    async def build() -> ArticleSummary:
        article = await article_or_404(session, article_id)
        summary = (await summaries(session, [article]))[0]
        if include == "text":
            summary.text = article.text
        return summary

    return await cached_document(request, session, article_id, build)


@router.get("/{article_id}/text", response_model=ArticleText, responses=NOT_FOUND)
async def read_article_text(article_id: uuid.UUID, session: SessionDep) -> ArticleText:
    """The extracted text that claims' `char_start`/`char_end` index."""
    article = await article_or_404(session, article_id)
    return ArticleText(article_id=article.id, text=article.text, length=len(article.text))


@router.get(
    "/{article_id}/claims",
    response_model=ClaimPage,
    responses=NOT_FOUND
    | BAD_CURSOR
    | NOT_MODIFIED
    | {
        200: {
            "description": "A page of claims, or all of them as CSV or JSON lines",
            "content": EXPORT_CONTENT,
        }
    },
)
async def read_claims(
    article_id: uuid.UUID,
    session: SessionDep,
    cursors: CursorDep,
    request: Request,
    limit: Limit = 50,
    cursor: str | None = None,
    cited: Annotated[bool | None, Query(description="Rests on a linked source or not")] = None,
    citation_state: Annotated[
        CitationState | None, Query(description="cited | attributed | uncited")
    ] = None,
    source_id: Annotated[uuid.UUID | None, Query(description="Rests on this source")] = None,
    kind: Annotated[ClaimKind | None, Query(description="Has this kind")] = None,
    min_score: Annotated[
        float | None, Query(ge=0, le=1, description="Check-worthiness at least")
    ] = None,
    verification: Annotated[
        VerificationStatus | None,
        Query(description="Has a cited source with this verdict (e.g. contradicted)"),
    ] = None,
    format: Annotated[
        ClaimFormat,
        Query(description="json: a page; csv or jsonl: every matching claim, streamed"),
    ] = "json",
) -> Response:
    """The article's claims in sentence order, with citations and scores.

    A `json` page is sent with a strong `ETag` (`If-None-Match` -> `304`)."""
    filters = ClaimFilters(
        cited=cited,
        source_id=source_id,
        kind=kind,
        min_score=min_score,
        citation_state=citation_state,
        verification=verification,
    )
    if format != "json":
        article = await article_or_404(session, article_id)
        return export_claims(request, article.id, article.url, filters, format)

    async def build() -> ClaimPage:
        after = None
        if cursor:
            (after,) = cursors.decode(f"claims:{article_id}", cursor)
        rows = await list_claims(session, article_id, filters, after=after, limit=limit + 1)
        page = rows[:limit]
        next_cursor = (
            cursors.encode(f"claims:{article_id}", [page[-1].sentence_index])
            if len(rows) > limit
            else None
        )
        return ClaimPage(items=await to_claims(session, page), next_cursor=next_cursor)

    return await cached_document(request, session, article_id, build)


@router.get(
    "/{article_id}/sources", response_model=ArticleSourcePage, responses=NOT_FOUND | BAD_CURSOR
)
async def read_article_sources(
    article_id: uuid.UUID,
    session: SessionDep,
    cursors: CursorDep,
    limit: Limit = 50,
    cursor: str | None = None,
) -> ArticleSourcePage:
    """The article's sources in reference order, each with its claim count."""
    await article_or_404(session, article_id)
    after = cursors.decode(f"sources:{article_id}", cursor)[0] if cursor else None
    rows = await article_sources(session, [article_id], after=after, limit=limit + 1)
    page = rows[:limit]
    next_cursor = (
        cursors.encode(f"sources:{article_id}", [page[-1][0].position])
        if len(rows) > limit
        else None
    )
    return ArticleSourcePage(items=[source_out(*row) for row in page], next_cursor=next_cursor)


@router.get(
    "/{article_id}/sources/{source_id}",
    response_model=SourceProvenance,
    responses=NOT_FOUND | NOT_MODIFIED,
)
async def read_source_provenance(
    article_id: uuid.UUID, source_id: uuid.UUID, session: SessionDep, request: Request
) -> Response:
    """One source and every claim of the article that rests on it, with their verdicts."""

    async def build() -> SourceProvenance:
        for link, source in await article_sources(session, [article_id]):
            if source.id == source_id:
                sentences = await list_claims(
                    session, article_id, ClaimFilters(source_id=source_id), after=None, limit=10_000
                )
                claims = await to_claims(session, sentences)
                verdicts = await verifications(session, article_id, source_id)
                for claim in claims:
                    claim.verification = verdicts.get(claim.id, VerificationOut(status="unchecked"))
                counts = Counter(c.verification.status for c in claims if c.verification)
                return SourceProvenance(
                    source=source_out(link, source), claims=claims, verification_counts=dict(counts)
                )
        raise NotFound(f"Article {article_id} cites no source {source_id}")

    return await cached_document(request, session, article_id, build)


@router.get(
    "/{article_id}/provenance",
    responses=NOT_FOUND
    | {200: {"content": {"application/ld+json": {}}, "description": "W3C PROV-O as JSON-LD"}},
)
async def read_provenance(
    article_id: uuid.UUID, session: SessionDep, request: Request
) -> JSONResponse:
    """The article's citation graph as W3C PROV (JSON-LD)."""
    article = await article_or_404(session, article_id)
    sentences = await list_claims(session, article_id, ClaimFilters(), after=None, limit=100_000)
    claims = await to_claims(session, sentences)
    links = await article_sources(session, [article_id])
    document = provenance_jsonld(
        base=str(request.base_url).rstrip("/"),
        article_id=str(article.id),
        url=article.url,
        title=article.title,
        fetched_at=article.fetched_at,
        updated_at=article.updated_at,
        pipeline_version=article.pipeline_version,
        sources=[
            ProvSource(
                id=str(s.id),
                url=s.url,
                title=link.title or s.title,
                publisher=link.publisher or s.publisher,
            )
            for link, s in links
        ],
        claims=[
            ProvClaim(
                id=str(c.id),
                text=c.text,
                sentence_index=c.sentence_index,
                quoted="quote" in c.kinds,
                source_ids=[str(x.source_id) for x in c.citations if x.source_id],
                verdicts=[
                    ProvVerdict(
                        str(x.source_id),
                        x.verification.status,
                        x.verification.score,
                        x.verification.snapshot_id,
                        x.verification.checked_at,
                    )  # fmt: skip
                    for x in c.citations
                    if x.source_id and x.verification
                ],
            )
            for c in claims
        ],
    )
    return JSONResponse(document, media_type="application/ld+json")

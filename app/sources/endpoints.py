"""`GET /v1/sources` and `GET /v1/sources/{id}`: which articles and claims rest on a page."""

from __future__ import annotations

import uuid
from collections import defaultdict
from typing import Annotated

from fastapi import APIRouter, Path, Query

from app.api.deps import CursorDep
from app.api.pagination import Limit
from app.claims.repository import to_claims
from app.claims.schemas import ClaimOut
from app.db import SessionDep
from app.errors import NotFound, Problem
from app.models import Source
from app.sources.repository import citing_articles, citing_sentences, find_sources, get_source
from app.sources.schemas import CitingArticle, SnapshotOut, SourceDetail, SourceOut, SourcePage
from app.sources.snapshots import get_snapshot, latest_snapshot
from app.urls import normalize_source_url

__all__ = ["router"]

router = APIRouter(prefix="/v1/sources", tags=["sources"])


def _out(source: Source, articles: int, claims: int) -> SourceOut:
    return SourceOut.of(source, articles, claims)


@router.get(
    "", response_model=SourcePage, responses={400: {"model": Problem, "description": "Bad cursor"}}
)
async def read_sources(
    session: SessionDep,
    cursors: CursorDep,
    limit: Limit = 50,
    cursor: str | None = None,
    url: Annotated[str | None, Query(description="A cited page; normalized before lookup")] = None,
    domain: Annotated[str | None, Query(description="Registrable domain")] = None,
) -> SourcePage:
    """Known sources with how many articles and claims cite each."""
    after = cursors.decode("sources", cursor)[0] if cursor else None
    normalized = normalize_source_url(url) if url else None
    lowered = domain.lower().removeprefix("www.") if domain else None
    rows = await find_sources(session, url=normalized, domain=lowered, after=after, limit=limit + 1)
    page = rows[:limit]
    next_cursor = cursors.encode("sources", [page[-1][0].url]) if len(rows) > limit else None
    return SourcePage(items=[_out(*row) for row in page], next_cursor=next_cursor)


@router.get(
    "/{source_id}",
    response_model=SourceDetail,
    responses={404: {"model": Problem, "description": "No such source"}},
)
async def read_source(source_id: uuid.UUID, session: SessionDep) -> SourceDetail:
    """The source, the articles citing it and their claims resting on it."""
    found = await get_source(session, source_id)
    if found is None:
        raise NotFound(f"No source {source_id}")
    claims_by_article: dict[uuid.UUID, list[ClaimOut]] = defaultdict(list)
    sentences = await citing_sentences(session, source_id)
    for sentence, claim in zip(sentences, await to_claims(session, sentences), strict=True):
        claims_by_article[sentence.article_id].append(claim)
    articles = [
        CitingArticle(
            article_id=a.id,
            url=a.url,
            title=a.title,
            label=link.label,
            claims=claims_by_article[a.id],
        )
        for a, link in await citing_articles(session, source_id)
    ]
    return SourceDetail(source=_out(*found), articles=articles)


@router.get(
    "/{source_id}/snapshot",
    response_model=SnapshotOut,
    responses={404: {"model": Problem, "description": "No such source, or never fetched"}},
)
async def read_latest_snapshot(source_id: uuid.UUID, session: SessionDep) -> SnapshotOut:
    """The newest stored text of the source (kept when a claim was checked against it)."""
    snapshot = await latest_snapshot(session, source_id)
    if snapshot is None:
        raise NotFound(f"No snapshot of source {source_id}: it was never checked")
    return SnapshotOut.of(snapshot)


@router.get(
    "/{source_id}/snapshots/{snapshot_id}",
    response_model=SnapshotOut,
    responses={404: {"model": Problem, "description": "No such snapshot of this source"}},
)
async def read_snapshot(
    source_id: uuid.UUID,
    snapshot_id: Annotated[int, Path(ge=1, le=2**63 - 1, description="A verdict's snapshot_id")],
    session: SessionDep,
) -> SnapshotOut:
    """The text a verdict was reached on (its `snapshot_id`)."""
    snapshot = await get_snapshot(session, source_id, snapshot_id)
    if snapshot is None:
        raise NotFound(f"No snapshot {snapshot_id} of source {source_id}")
    return SnapshotOut.of(snapshot)

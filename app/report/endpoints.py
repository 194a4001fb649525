"""Human-facing HTML reports: the articles (paged, searchable), and one article's claims."""

from __future__ import annotations

import time
import uuid
from collections import Counter
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse, Response

from app.api.deps import CursorDep
from app.db import SessionDep
from app.errors import BadRequest, NotFound
from app.report.highlight import paragraphs
from app.report.pages import page
from app.report.service import article_page, load_report
from app.report.templating import STATIC

__all__ = ["router", "static_router"]

router = APIRouter(prefix="/report", tags=["report"])
static_router = APIRouter(tags=["report"], include_in_schema=False)

PROBLEM = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
INVALID: dict[int | str, dict[str, Any]] = {
    400: {"description": "Malformed request", "content": PROBLEM},
    422: {"description": "Invalid parameter", "content": PROBLEM},
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "Not found", "content": PROBLEM}}
STATIC_TYPES = {"report.css": "text/css; charset=utf-8", "live.js": "text/javascript"}


def _after(cursors: Any, cursor: str | None) -> tuple[datetime, uuid.UUID] | None:
    """The (created_at, id) a list cursor points after."""
    if not cursor:
        return None
    stamp, last_id = cursors.decode("articles", cursor)
    try:
        return datetime.fromisoformat(stamp), uuid.UUID(last_id)
    except (TypeError, ValueError) as exc:
        raise BadRequest("Invalid cursor") from exc


@router.get("", response_class=HTMLResponse, responses=INVALID)
async def report_index(
    session: SessionDep,
    cursors: CursorDep,
    q: Annotated[str | None, Query(max_length=500, description="Full-text search")] = None,
    cursor: Annotated[str | None, Query(description="From the page's 'Older' link")] = None,
    limit: Annotated[int, Query(ge=1, le=500, description="Articles a page")] = 50,
) -> HTMLResponse:
    """The articles, newest first, `limit` a page, or those matching `q`."""
    query = (q or "").strip() or None
    after = _after(cursors, cursor)
    articles, more = await article_page(session, q=query, after=after, limit=limit)
    next_cursor = (
        cursors.encode("articles", [articles[-1].created_at.isoformat(), str(articles[-1].id)])
        if more
        else None
    )
    return page(
        "index.html",
        articles=articles,
        q=query,
        cursor=cursor,
        next_cursor=next_cursor,
        limit=limit,
    )


@router.get("/{article_id}", response_class=HTMLResponse, responses=NOT_FOUND | INVALID)
async def report_page(
    article_id: uuid.UUID,
    session: SessionDep,
    source: Annotated[
        uuid.UUID | None, Query(description="Highlight only the claims resting on this source")
    ] = None,
) -> HTMLResponse:
    """One article: its text with claims highlighted by source, its sources and their verdicts."""
    started = time.perf_counter()
    report = await load_report(session, article_id, source=source)
    loaded = time.perf_counter()
    if source is not None and report.selected is None:
        raise NotFound(f"Article {article_id} cites no source {source}")
    counts = Counter(v.state for v in report.claims)
    unlinked = sorted(
        (v for v in report.claims if v.state != "cited"), key=lambda v: -v.claim.checkworthiness
    )
    response = page(
        "report.html",
        report=report,
        paragraphs=paragraphs(report.article.text or "", report.claims),
        counts={s: counts.get(s, 0) for s in ("cited", "attributed", "uncited")},
        shown=sum(v.shown for v in report.claims),
        unlinked=unlinked,
    )
    # where the server's time went, for bench/report_render.py and browsers' dev tools
    load_ms, render_ms = (loaded - started) * 1000, (time.perf_counter() - loaded) * 1000
    response.headers["Server-Timing"] = f"db;dur={load_ms:.1f}, render;dur={render_ms:.1f}"
    return response


@static_router.get("/static/{name}")
async def static_file(name: str) -> Response:
    """The pages' own stylesheet and script (no CDN)."""
    if name not in STATIC_TYPES:
        raise NotFound(f"No static file {name}")
    return Response(
        (STATIC / name).read_bytes(),
        media_type=STATIC_TYPES[name],
        headers={"Cache-Control": "public, max-age=300", "X-Content-Type-Options": "nosniff"},
    )

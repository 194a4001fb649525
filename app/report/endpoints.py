"""Human-facing HTML reports: the latest articles, and one article's claims and sources."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse

from app.db import SessionDep
from app.report.article_page import render_report
from app.report.index_page import render_index
from app.report.service import LATEST, latest_articles, load_report

__all__ = ["router"]

router = APIRouter(prefix="/report", tags=["report"])

PROBLEM = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
INVALID: dict[int | str, dict[str, Any]] = {
    400: {"description": "Malformed request", "content": PROBLEM},
    422: {"description": "Invalid parameter", "content": PROBLEM},
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "Not found", "content": PROBLEM}}
# The pages only style themselves: no scripts, no remote loads; the search form stays here.
HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
        "base-uri 'none'; frame-ancestors 'none'"
    ),
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}


@router.get("", response_class=HTMLResponse, responses=INVALID)
async def report_index(
    session: SessionDep,
    q: Annotated[str | None, Query(max_length=500, description="Full-text search")] = None,
) -> HTMLResponse:
    """The latest articles as an HTML page, or those matching `q`."""
    query = q.strip() if q else None
    articles = await latest_articles(session, q=query or None)
    return HTMLResponse(render_index(articles, q=query, limit=LATEST), headers=HEADERS)


@router.get("/{article_id}", response_class=HTMLResponse, responses=NOT_FOUND | INVALID)
async def report_page(article_id: uuid.UUID, session: SessionDep) -> HTMLResponse:
    """One article as an HTML page: its text with claims highlighted, its sources."""
    return HTMLResponse(render_report(await load_report(session, article_id)), headers=HEADERS)

"""`/healthz`, `/readyz` and `/metrics`."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import text

from app.errors import problem_response
from app.jobs.repository import JobRepository
from app.metrics import JOBS_BY_STATUS

__all__ = ["router"]

router = APIRouter(tags=["operations"])


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    """The process is up."""
    return {"status": "ok"}


async def _database_ok(request: Request) -> bool:
    try:
        async with request.app.state.sessions() as session:
            await asyncio.wait_for(session.execute(text("select 1")), 3)
        return True
    except Exception:
        return False


async def _redis_ok(request: Request) -> bool:
    try:
        return await asyncio.wait_for(request.app.state.queue.ping(), 3)  # type: ignore[no-any-return]
    except Exception:
        return False


@router.get("/readyz", responses={503: {"description": "A dependency is unreachable"}})
async def readyz(request: Request) -> Response:
    """PostgreSQL and Redis both answer."""
    database, redis = await asyncio.gather(_database_ok(request), _redis_ok(request))
    if database and redis:
        return Response(
            '{"status":"ready","database":true,"redis":true}', media_type="application/json"
        )
    return problem_response(
        503, "not-ready", f"database={database} redis={redis}", headers={"Retry-After": "2"}
    )


@router.get("/metrics", response_class=Response)
async def metrics(request: Request) -> Response:
    """Prometheus text: requests, job outcomes, stage durations, jobs by status."""
    try:
        async with request.app.state.sessions() as session:
            counts = await JobRepository(session).count_by_status()
        for status in ("queued", "running", "succeeded", "failed"):
            JOBS_BY_STATUS.labels(status).set(counts.get(status, 0))
    except Exception:  # metrics must render even when the database is down
        pass
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

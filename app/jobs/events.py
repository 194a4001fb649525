"""`GET /v1/jobs/{id}/events`: Server-Sent Events of a job's changes until it ends."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.api.deps import CallerDep
from app.errors import Problem
from app.jobs.schemas import JobOut
from app.jobs.service import get_job

__all__ = ["router"]

router = APIRouter(prefix="/v1", tags=["jobs"])
POLL_SECONDS = 1.0  # re-read at least this often; a NOTIFY wakes the stream sooner
HEARTBEAT_SECONDS = 15.0
MAX_STREAM_SECONDS = 3600.0


async def _job_events(
    request: Request, sessions: async_sessionmaker[AsyncSession], job_id: uuid.UUID
) -> AsyncIterator[str]:
    last: tuple[str, str, int] | None = None
    loop = asyncio.get_running_loop()
    started = last_sent = loop.time()
    async with request.app.state.job_changes.watching(str(job_id)) as changed:
        while loop.time() - started < MAX_STREAM_SECONDS and not await request.is_disconnected():
            changed.clear()  # before the read: a change after it ends the wait below early
            async with sessions() as session:
                job = JobOut.of(await get_job(session, job_id))
            state = (job.status, job.stage, job.attempts)
            if state != last:
                last, last_sent = state, loop.time()
                yield (
                    f"event: job\nid: {job.status}-{job.stage}-{job.attempts}\n"
                    f"data: {job.model_dump_json()}\n\n"
                )
                if job.status in ("succeeded", "failed"):
                    yield "event: end\ndata: {}\n\n"
                    return
            elif loop.time() - last_sent > HEARTBEAT_SECONDS:
                last_sent = loop.time()
                yield ": keep-alive\n\n"
            # Woken by the job's NOTIFY; the timeout re-reads (attempts, a lost notification).
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(changed.wait(), POLL_SECONDS)


@router.get(
    "/jobs/{job_id}/events",
    response_class=StreamingResponse,
    responses={
        200: {"content": {"text/event-stream": {}}, "description": "`job` events, then `end`"},
        404: {"model": Problem, "description": "No such job"},
    },
)
async def job_events(job_id: uuid.UUID, request: Request, caller: CallerDep) -> StreamingResponse:
    """Stream the job (as `event: job`) each time it changes; `event: end` when it ends."""
    async with request.app.state.sessions() as session:  # no connection held while streaming
        await get_job(session, job_id, api_key_id=caller)  # 404 before the stream starts
    return StreamingResponse(
        _job_events(request, request.app.state.sessions, job_id),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )

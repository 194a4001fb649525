"""Per-caller limits: requests per minute (Redis, fails open) and pending jobs (PostgreSQL)."""

from __future__ import annotations

import asyncio
import time
import uuid
from typing import Any

import structlog
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.types import ASGIApp, Receive, Scope, Send

from app.errors import AppError, problem_response
from app.jobs.repository import ACTIVE
from app.models import Job

__all__ = ["RateLimitMiddleware", "TooManyRequests", "check_pending_jobs", "minute_window_hit"]

log = structlog.get_logger()
WINDOW = 60
REDIS_TIMEOUT = 0.5


class TooManyRequests(AppError):
    status, slug = 429, "rate-limited"


async def minute_window_hit(redis: Any, key: str, *, limit: int, now: float) -> int | None:
    """Count one request in this minute's window: seconds to wait when over `limit`, else None.

    A fixed window (INCR + EXPIRE in one transaction) costs one round trip; if Redis does not
    answer in time the request is allowed: losing the limit beats losing the API.
    """
    window = int(now // WINDOW)
    try:
        async with redis.pipeline(transaction=True) as pipe:
            pipe.incr(f"{key}:{window}")
            pipe.expire(f"{key}:{window}", WINDOW * 2)
            count, _ = await asyncio.wait_for(pipe.execute(), REDIS_TIMEOUT)
    except Exception as exc:  # Redis down or slow: fail open
        log.warning("rate_limit_unavailable", error=type(exc).__name__)
        return None
    if int(count) <= limit:
        return None
    return max(1, WINDOW * (window + 1) - int(now))


def _identity(scope: Scope) -> str:
    """The API key id when auth is on, else the client address."""
    key_id = scope.get("state", {}).get("api_key_id")
    if key_id is not None:
        return f"key:{key_id}"
    client = scope.get("client")
    return f"ip:{client[0] if client else 'unknown'}"


class RateLimitMiddleware:
    """429 with Retry-After once a caller passes `per_minute` requests to `/v1`."""

    def __init__(self, app: ASGIApp, *, per_minute: int, prefix: str) -> None:
        self.app = app
        self.per_minute = per_minute
        self.prefix = prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] == "http" and self.per_minute > 0 and path.startswith("/v1/"):
            key = f"{self.prefix}ratelimit:{_identity(scope)}"
            redis = scope["app"].state.queue.pool
            wait = await minute_window_hit(redis, key, limit=self.per_minute, now=time.time())
            if wait is not None:
                response = problem_response(
                    429,
                    "rate-limited",
                    f"More than {self.per_minute} requests in a minute; retry in {wait} s",
                    instance=path,
                    headers={"Retry-After": str(wait)},
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


async def check_pending_jobs(
    session: AsyncSession, *, api_key_id: uuid.UUID | None, limit: int
) -> None:
    """Raise 429 if the caller now has more than `limit` queued or running jobs.

    Call after adding the new jobs, in the same transaction: the advisory lock serialises
    submissions of one caller until commit, so concurrent requests cannot overshoot.
    """
    if limit <= 0:
        return
    await session.execute(
        text("SELECT pg_advisory_xact_lock(hashtextextended(:scope, 0))"),
        {"scope": f"claimtrail:pending:{api_key_id or 'anonymous'}"},
    )
    owner = Job.api_key_id.is_(None) if api_key_id is None else Job.api_key_id == api_key_id
    pending = await session.scalar(
        select(func.count()).select_from(Job).where(owner, Job.status.in_(ACTIVE))
    )
    if (pending or 0) > limit:
        raise TooManyRequests(
            f"More than {limit} jobs queued or running; retry when some have finished",
            headers={"Retry-After": "30"},
        )

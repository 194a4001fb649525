"""Per-caller request limit per minute, counted in Redis (fails open)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

import structlog
from starlette.types import ASGIApp, Receive, Scope, Send

from app.errors import TooManyRequests, problem_response

__all__ = ["RateLimitMiddleware", "TooManyRequests", "minute_window_hit", "recent_hits"]

log = structlog.get_logger()
WINDOW = 60
REDIS_TIMEOUT = 0.5


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


async def recent_hits(redis: Any, key: str, *, now: float) -> int:
    """How many hits `key` has in this minute's window (0 if Redis does not answer in time)."""
    try:
        count = await asyncio.wait_for(redis.get(f"{key}:{int(now // WINDOW)}"), REDIS_TIMEOUT)
    except Exception as exc:  # Redis down or slow: fail open
        log.warning("rate_limit_unavailable", error=type(exc).__name__)
        return 0
    return int(count or 0)


# Open whatever the path: probes, metrics and the API description.
UNLIMITED = ("/healthz", "/readyz", "/metrics", "/docs", "/redoc", "/openapi.json")


def is_limited(path: str) -> bool:
    """Every page and API path counts, except the open operations endpoints."""
    return not any(path == root or path.startswith(root + "/") for root in UNLIMITED)


# Job status reads: what a client of a job API polls. They count on a budget of their own.
POLLS = ("/v1/jobs", "/v1/batches", "/report/jobs")


def is_poll(method: str, path: str) -> bool:
    """A read of job or batch status (GET or HEAD), never a submission."""
    return method in ("GET", "HEAD") and any(
        path == root or path.startswith(root + "/") for root in POLLS
    )


def _identity(scope: Scope) -> str:
    """The API key id when auth is on, else the client address."""
    key_id = scope.get("state", {}).get("api_key_id")
    if key_id is not None:
        return f"key:{key_id}"
    client = scope.get("client")
    return f"ip:{client[0] if client else 'unknown'}"


class RateLimitMiddleware:
    """429 with Retry-After once a caller passes `per_minute` requests (`/v1` and pages).

    Job status reads count apart, against `poll_per_minute`: polling never uses up the
    budget of submissions and article reads, nor they the polls'.
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        per_minute: int,
        prefix: str,
        poll_per_minute: int = 0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.app = app
        self.per_minute = per_minute
        self.poll_per_minute = poll_per_minute
        self.prefix = prefix
        self.clock = clock  # seconds since the epoch; tests pin it inside one minute

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] == "http" and is_limited(path):
            poll = is_poll(scope.get("method", ""), path)
            limit = self.poll_per_minute if poll else self.per_minute
            if limit > 0:
                kind = "poll" if poll else "ratelimit"
                key = f"{self.prefix}{kind}:{_identity(scope)}"
                redis = scope["app"].state.queue.pool
                wait = await minute_window_hit(redis, key, limit=limit, now=self.clock())
                if wait is not None:
                    what = "job status reads" if poll else "requests"
                    response = problem_response(
                        429,
                        "rate-limited",
                        f"More than {limit} {what} in a minute; retry in {wait} s",
                        instance=path,
                        headers={"Retry-After": str(wait)},
                    )
                    await response(scope, receive, send)
                    return
        await self.app(scope, receive, send)

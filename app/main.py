"""create_app(): the FastAPI application; its lifespan holds the engine, sessions and queue."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi_offline import FastAPIOffline

from app import __version__
from app.api.documents import DocumentCache
from app.api.idempotency import IdempotencyMiddleware
from app.api.openapi import install_openapi
from app.api.openapi_docs import operation_id
from app.api.pagination import CursorCodec
from app.api.ratelimit import RateLimitMiddleware
from app.api.request_limits import RequestLimitsMiddleware, install_json_errors
from app.articles.endpoints import router as articles_router
from app.articles.recheck import router as recheck_router
from app.auth.middleware import install_auth
from app.batches.endpoints import jobs_router as job_list_router
from app.batches.endpoints import router as batches_router
from app.config import Settings, get_settings
from app.db import create_engine, create_read_pool, session_factory
from app.errors import install_error_handlers
from app.health import router as health_router
from app.jobs.changes import JobChanges
from app.jobs.endpoints import router as jobs_router
from app.jobs.events import router as job_events_router
from app.logging import configure_logging
from app.metrics import RequestMetricsMiddleware
from app.queue import Queue
from app.report.endpoints import router as report_router
from app.report.endpoints import static_router
from app.report.home import router as home_router
from app.report.source_page import router as source_page_router
from app.sources.endpoints import router as sources_router

__all__ = ["create_app"]

DESCRIPTION = """Which claims of an article rest on which sources, and do those sources say so?

Submit an article URL with `POST /v1/articles`, poll `GET /v1/jobs/{id}?wait=30` (it
answers as soon as the job changes) until it `succeeded`, then read the article, its
claims, its sources and their provenance.
Every error is an RFC 9457 problem (`application/problem+json`)."""


def create_app(
    settings: Settings | None = None, *, clock: Callable[[], float] = time.time
) -> FastAPI:
    """Build the API; connections open in the lifespan, not at import.

    `clock` (seconds since the epoch) dates the rate-limit windows.
    """
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        database_url, redis_url = settings.require_urls()
        engine = create_engine(database_url)
        app.state.sessions = session_factory(engine)
        app.state.queue = Queue.open(redis_url, settings.queue_name)
        app.state.job_changes = JobChanges(database_url)
        app.state.read_pool = await create_read_pool(database_url)
        try:
            yield
        finally:
            await app.state.read_pool.close()
            await app.state.job_changes.close()
            await app.state.queue.close()
            await engine.dispose()

    # Docs assets are served by us, not a CDN: /docs works on machines without internet.
    app = FastAPIOffline(
        title="claimtrail",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        generate_unique_id_function=operation_id,
    )
    app.state.settings = settings
    app.state.cursors = CursorCodec(settings.secret_key)
    app.state.read_cache = DocumentCache(settings.read_cache_bytes)
    install_error_handlers(app)
    install_json_errors(app)
    app.include_router(job_list_router)
    app.include_router(jobs_router)
    app.include_router(job_events_router)
    app.include_router(batches_router)
    app.include_router(articles_router)
    app.include_router(recheck_router)
    app.include_router(sources_router)
    app.include_router(health_router)
    app.include_router(home_router)  # before report_router: /report/jobs is not an id
    app.include_router(source_page_router)
    app.include_router(report_router)
    app.include_router(static_router)
    # Outermost last: auth, then rate limit, then body limits, then idempotency.
    app.add_middleware(IdempotencyMiddleware)
    app.add_middleware(
        RequestLimitsMiddleware,
        max_bytes=settings.max_body_bytes,
        max_depth=settings.max_json_depth,
    )
    app.add_middleware(
        RateLimitMiddleware,
        per_minute=settings.rate_limit_per_minute,
        poll_per_minute=settings.poll_limit_per_minute,
        prefix=settings.redis_prefix,
        clock=clock,
    )
    install_openapi(app)
    install_auth(app, settings, clock=clock)
    app.add_middleware(RequestMetricsMiddleware)
    return app


def app_from_env() -> FastAPI:
    """Factory for `uvicorn --factory app.main:app_from_env`."""
    settings = get_settings()
    configure_logging(settings.log_level, json=settings.log_json)
    return create_app(settings)

"""arq worker settings: start-up builds the job context, the sweep runs on a cron schedule."""

from __future__ import annotations

import asyncio
import os
import signal
from typing import Any

from arq import cron
from arq.worker import Worker
from prometheus_client import start_http_server

from app.config import Settings, get_settings
from app.db import create_engine, session_factory
from app.fetch import FetchPolicy, guarded_client
from app.queue import Queue, deserialize, redis_settings, serialize
from workers.callbacks import deliver_callback, queue_callback
from workers.extraction_pool import ExtractionPool
from workers.tasks import process_article, purge_expired, sweep_stale_jobs
from workers.verification import verify_article

__all__ = ["DrainingWorker", "build_worker", "close_worker_context", "open_worker_context"]


async def open_worker_context(ctx: dict[str, Any]) -> None:
    """Build what every job uses from `ctx["settings"]`.

    Two optional keys let a test keep the address guard on while serving from loopback:
    `fetch_resolver` (an `app.fetch.Resolver`: which addresses a hostname has) and
    `fetch_network_backend` (an `httpcore.AsyncNetworkBackend` that dials the vetted
    addresses). Both are absent in the service, which then uses the system resolver and
    dials for real. The guard still vets every answer of the resolver before the backend
    is asked to dial it; `fetch_allow_private` alone decides what is allowed.
    """
    settings: Settings = ctx["settings"]
    database_url, redis_url = settings.require_urls()
    if settings.worker_nice > 0:
        os.nice(settings.worker_nice)
    # One connection per concurrent job plus the sweep and callbacks.
    ctx["engine"] = create_engine(database_url, pool_size=settings.worker_max_jobs + 2)
    ctx["sessions"] = session_factory(ctx["engine"])
    ctx["queue"] = Queue.open(redis_url, settings.queue_name)
    ctx["extraction_pool"] = ExtractionPool(
        processes=settings.extract_processes, timeout=settings.extract_timeout
    )
    ctx["fetch_policy"] = FetchPolicy(
        allow_private=settings.fetch_allow_private,
        connect_timeout=settings.fetch_connect_timeout,
        deadline=settings.fetch_deadline,
        max_bytes=settings.fetch_max_bytes,
        respect_robots=settings.fetch_respect_robots,
    )
    if settings.worker_metrics_port:  # job outcomes and stage durations live in this process
        start_http_server(settings.worker_metrics_port, addr=settings.worker_metrics_host)
    network = {
        "resolver": ctx.get("fetch_resolver"),
        "network_backend": ctx.get("fetch_network_backend"),
    }
    ctx["http"] = guarded_client(ctx["fetch_policy"], **network)
    ctx["callback_client"] = guarded_client(ctx["fetch_policy"], **network)
    ctx["on_job_finished"] = queue_callback


async def close_worker_context(ctx: dict[str, Any]) -> None:
    ctx["extraction_pool"].close()
    await ctx["queue"].close()
    await ctx["engine"].dispose()
    await ctx["http"].aclose()
    await ctx["callback_client"].aclose()


class DrainingWorker(Worker):
    """arq's Worker, but stopping waits for every job's own cleanup.

    arq 0.28 gathers the cancelled jobs without `return_exceptions`, so the first one that
    ends as cancelled (a sweep caught mid-finish) ends the shutdown while another job is
    still handing its claim back, and that job stays `running` until its lease lapses.
    """

    async def close(self) -> None:
        if not self._handle_signals:
            self.handle_sig(signal.SIGUSR1)
        if not self._pool:
            return
        await asyncio.gather(*self.tasks.values(), return_exceptions=True)
        await self.pool.delete(self.health_check_key)
        if self.on_shutdown:
            await self.on_shutdown(self.ctx)
        await self.pool.close(close_connection_pool=True)
        self._pool = None


def build_worker(settings: Settings | None = None, **overrides: Any) -> Worker:
    """A Worker on our queue with JSON payloads; `overrides` go to arq (burst=True in tests)."""
    settings = settings or get_settings()
    _, redis_url = settings.require_urls()
    every = max(1, min(settings.sweep_every_seconds, 60))
    options: dict[str, Any] = {
        "functions": [process_article, deliver_callback, verify_article],
        "cron_jobs": [
            cron(
                sweep_stale_jobs,
                name=f"{settings.redis_prefix}sweep",
                second=set(range(0, 60, every)),
                run_at_startup=True,
                unique=True,
                timeout=60,
            ),
            cron(
                purge_expired,
                name=f"{settings.redis_prefix}purge",
                minute={7},
                second={0},
                unique=True,
                timeout=120,
            ),
        ],
        "queue_name": settings.queue_name,
        "redis_settings": redis_settings(redis_url),
        "on_startup": open_worker_context,
        "on_shutdown": close_worker_context,
        "ctx": {"settings": settings},
        "max_jobs": settings.worker_max_jobs,
        "job_timeout": settings.job_lease_seconds + 60,
        "keep_result": 60,
        "max_tries": 3,
        "job_serializer": serialize,
        "job_deserializer": deserialize,
        "health_check_key": f"{settings.redis_prefix}health-check",
        "health_check_interval": 30,
    }
    options.update(overrides)
    return DrainingWorker(**options)

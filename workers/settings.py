"""arq worker settings: start-up builds the job context, the sweep runs on a cron schedule."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
from typing import Any

import structlog
from arq import create_pool, cron
from arq.worker import Worker
from prometheus_client import start_http_server
from redis.exceptions import RedisError

from app.config import Settings, get_settings
from app.db import create_engine, session_factory
from app.fetch import FetchPolicy, guarded_client
from app.queue import Queue, deserialize, redis_settings, serialize
from workers.callbacks import deliver_callback, queue_callback
from workers.extraction_pool import ExtractionPool
from workers.liveness import Liveness, default_lock_dir
from workers.tasks import process_article, purge_expired, sweep_stale_jobs
from workers.verification import verify_article

__all__ = ["DrainingWorker", "build_worker", "close_worker_context", "open_worker_context"]

log = structlog.get_logger()
_OUTAGES = (RedisError, OSError, asyncio.TimeoutError)
_FIRST_RETRY, _LAST_RETRY = 0.5, 5.0


async def open_worker_context(ctx: dict[str, Any]) -> None:
    """Build what every job uses from `ctx["settings"]`.

    Two optional keys let a test keep the address guard on while serving from loopback:
    `fetch_resolver` (an `app.fetch.Resolver`: which addresses a hostname has) and
    `fetch_network_backend` (an `httpcore.AsyncNetworkBackend` that dials the vetted
    addresses). Both are absent in the service, which then uses the system resolver and
    dials for real. The guard still vets every answer of the resolver before the backend
    is asked to dial it; `fetch_allow_private` alone decides what is allowed.
    """
    if "engine" in ctx:  # arq starts up again after riding out a Redis outage
        return
    settings: Settings = ctx["settings"]
    database_url, redis_url = settings.require_urls()
    if settings.worker_nice > 0:
        os.nice(settings.worker_nice)
    # One connection per concurrent job plus the sweep and callbacks.
    ctx["engine"] = create_engine(database_url, pool_size=settings.worker_max_jobs + 2)
    ctx["sessions"] = session_factory(ctx["engine"])
    # Job bookkeeping is one statement at a time (claim, stage, lease, fail): in autocommit
    # each is its own transaction, one round trip instead of BEGIN, statement and COMMIT.
    ctx["bookkeeping"] = session_factory(
        ctx["engine"].execution_options(isolation_level="AUTOCOMMIT")
    )
    ctx["queue"] = Queue.open(redis_url, settings.queue_name)
    ctx["liveness"] = await Liveness.start(
        ctx["queue"].pool,
        prefix=settings.redis_prefix,
        heartbeat=settings.worker_heartbeat_seconds,
        lock_dir=settings.worker_lock_dir or default_lock_dir(),
    )
    ctx["slot_holder"] = ctx["liveness"].holder
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
    await ctx["liveness"].close()
    await ctx["queue"].close()
    await ctx["engine"].dispose()
    await ctx["http"].aclose()
    await ctx["callback_client"].aclose()


class DrainingWorker(Worker):
    """arq's Worker, but it rides out Redis outages and stopping waits for every job's cleanup.

    arq 0.28 returns from `main` (and so exits) on the first Redis error of its poll loop;
    here the loop waits with backoff and goes on, jobs in flight keep running, and a slot
    taken for a job that never started is given back. arq also gathers the cancelled jobs
    without `return_exceptions`, so the first one that ends as cancelled (a sweep caught
    mid-finish) would end the shutdown while another job is still handing its claim back.
    """

    async def main(self) -> None:
        delay = _FIRST_RETRY
        while True:
            try:
                if self._pool is None:
                    self._pool = await create_pool(
                        self.redis_settings,
                        job_deserializer=self.job_deserializer,
                        job_serializer=self.job_serializer,
                        default_queue_name=self.queue_name,
                        expires_extra_ms=self.expires_extra_ms,
                    )
                await super().main()
                return
            except _OUTAGES as exc:
                if self.burst:
                    raise
                log.warning("redis_unavailable", error=type(exc).__name__, retry_in=delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, _LAST_RETRY)

    async def start_jobs(self, job_ids: list[bytes]) -> None:
        for job_id in job_ids:
            before = self.job_counter
            try:
                await super().start_jobs([job_id])
            except BaseException:
                # Redis failed between taking a slot and starting the task: give it back.
                if self.job_counter > before and job_id.decode() not in self.tasks:
                    self.job_counter -= 1
                    self.sem.release()
                raise

    async def close(self) -> None:
        if not self._handle_signals:
            self.handle_sig(signal.SIGUSR1)
        if not self._pool:
            return
        await asyncio.gather(*self.tasks.values(), return_exceptions=True)
        with contextlib.suppress(*_OUTAGES):  # stopping while Redis is away
            await asyncio.wait_for(self.pool.delete(self.health_check_key), 2)
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
        "poll_delay": settings.worker_poll_seconds,
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

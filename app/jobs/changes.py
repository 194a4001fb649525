"""Job change notifications: one LISTEN connection per API process wakes long polls."""

from __future__ import annotations

import asyncio
import time
from collections import defaultdict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg
import structlog

from app.db import asyncpg_connect_args

__all__ = ["CHANNEL", "JobChanges"]

log = structlog.get_logger()
CHANNEL = "claimtrail_jobs"  # NOTIFYed by the jobs_notify_change trigger with the job id
RETRY_SECONDS = 5.0  # after a failed LISTEN connection, wait before trying again


class JobChanges:
    """Waiters per job id, woken by NOTIFY; connects lazily, so an idle app holds nothing.

    A lost or missing connection never fails a wait: it only ends by its timeout, and the
    caller re-reads the job then (a missed notification delays, it never misleads).
    """

    def __init__(self, database_url: str) -> None:
        self._connect_args = asyncpg_connect_args(database_url)
        self._waiters: defaultdict[str, set[asyncio.Event]] = defaultdict(set)
        self._connection: asyncpg.Connection | None = None
        self._connecting: asyncio.Lock | None = None
        self._retry_at = 0.0

    async def _listen(self) -> None:
        if self._connection is not None and not self._connection.is_closed():
            return
        if time.monotonic() < self._retry_at:
            return
        self._connecting = self._connecting or asyncio.Lock()
        async with self._connecting:
            if self._connection is not None and not self._connection.is_closed():
                return
            try:
                connection = await asyncpg.connect(**self._connect_args)
                await connection.add_listener(CHANNEL, self._notified)
            except (TimeoutError, OSError, asyncpg.PostgresError) as exc:
                log.warning("job_changes_unavailable", error=type(exc).__name__)
                self._retry_at = time.monotonic() + RETRY_SECONDS
                return
            connection.add_termination_listener(self._lost)
            self._connection = connection

    def _notified(self, _connection: object, _pid: int, _channel: str, job_id: str) -> None:
        for event in self._waiters.get(job_id, ()):
            event.set()

    def _lost(self, _connection: object) -> None:
        self._connection = None
        for events in self._waiters.values():  # wake everyone: they re-read the job now
            for event in events:
                event.set()

    @asynccontextmanager
    async def watching(self, job_id: str) -> AsyncIterator[asyncio.Event]:
        """An event set whenever the job is notified as changed (clear it before each read)."""
        event = asyncio.Event()
        self._waiters[job_id].add(event)
        try:
            await self._listen()
            yield event
        finally:
            self._waiters[job_id].discard(event)
            if not self._waiters[job_id]:
                del self._waiters[job_id]

    async def close(self) -> None:
        """Drop the LISTEN connection."""
        connection, self._connection = self._connection, None
        if connection is not None and not connection.is_closed():
            await connection.close()

"""The only module that knows arq: JSON job serialisation and enqueueing after commit."""

from __future__ import annotations

import json
import uuid
from typing import Any

from arq import create_pool
from arq.connections import ArqRedis, RedisSettings

__all__ = [
    "DELIVER_CALLBACK",
    "PROCESS_ARTICLE",
    "VERIFY_ARTICLE",
    "Queue",
    "deserialize",
    "new_queue_job_id",
    "redis_settings",
    "serialize",
    "verification_queue_id",
]

PROCESS_ARTICLE = "process_article"
DELIVER_CALLBACK = "deliver_callback"
VERIFY_ARTICLE = "verify_article"


def serialize(data: dict[str, Any]) -> bytes:
    """arq payloads as JSON, never pickle: a queue entry can't run code when read."""
    return json.dumps(data, default=str).encode()


def deserialize(data: bytes) -> dict[str, Any]:
    """Inverse of `serialize`."""
    return json.loads(data)  # type: ignore[no-any-return]


def new_queue_job_id(job_id: uuid.UUID) -> str:
    """A fresh queue id for one attempt at a job (arq ignores an id it already holds)."""
    return f"{job_id}:{uuid.uuid4().hex[:12]}"


def verification_queue_id(article_id: uuid.UUID, job_id: uuid.UUID, attempt: int) -> str:
    """The one queue id of the verification a job's attempt owes, so a re-send is a no-op."""
    return f"verify:{article_id}:{job_id.hex[:12]}-{attempt}"


def redis_settings(url: str) -> RedisSettings:
    """arq connection settings from a redis:// or unix:// URL."""
    settings = RedisSettings.from_dsn(url)
    settings.conn_timeout = 2
    settings.conn_retries = 2
    return settings


class Queue:
    """Sends job ids to the workers; PostgreSQL keeps the job itself."""

    def __init__(self, pool: ArqRedis, queue_name: str) -> None:
        self.pool = pool
        self.queue_name = queue_name

    @classmethod
    async def connect(cls, url: str, queue_name: str) -> Queue:
        """Open a pool with our JSON serializer."""
        pool = await create_pool(
            redis_settings(url), job_serializer=serialize, job_deserializer=deserialize
        )
        return cls(pool, queue_name)

    @classmethod
    def open(cls, url: str, queue_name: str) -> Queue:
        """A pool that connects on first use: a process starts even while Redis is away."""
        pool = ArqRedis.from_url(
            url,
            socket_connect_timeout=2,
            health_check_interval=5,
            encoding="utf8",
        )
        pool.job_serializer = serialize
        pool.job_deserializer = deserialize
        pool.default_queue_name = queue_name
        return cls(pool, queue_name)

    async def enqueue_article_job(
        self,
        job_id: uuid.UUID,
        *,
        url: str | None = None,
        defer_by: float = 0,
        queue_job_id: str | None = None,
    ) -> str:
        """Queue one attempt at a job; every attempt gets its own queue id. The job's URL,
        when given, rides along so the worker need not read the job before taking a host."""
        queue_job_id = queue_job_id or new_queue_job_id(job_id)
        await self.pool.enqueue_job(
            PROCESS_ARTICLE,
            str(job_id),
            *([url] if url else []),
            _job_id=queue_job_id,
            _queue_name=self.queue_name,
            _defer_by=defer_by or None,
        )
        return queue_job_id

    async def enqueue_callback(
        self, job_id: uuid.UUID, *, attempt: int, defer_by: float = 0
    ) -> None:
        """Queue one delivery attempt of a finished job to its callback URL."""
        await self.pool.enqueue_job(
            DELIVER_CALLBACK,
            str(job_id),
            attempt,
            _job_id=f"callback:{job_id}:{attempt}",
            _queue_name=self.queue_name,
            _defer_by=defer_by or None,
        )

    async def enqueue_verification(
        self, article_id: uuid.UUID, *, queue_job_id: str | None = None, refresh: bool = False
    ) -> bool:
        """Queue a check of every claim of an article against the sources it cites; False
        when Redis already holds that queue id (queued, running or just ended)."""
        entry = await self.pool.enqueue_job(
            VERIFY_ARTICLE,
            str(article_id),
            refresh,
            _job_id=queue_job_id or f"verify:{article_id}:{uuid.uuid4().hex[:8]}",
            _queue_name=self.queue_name,
        )
        return entry is not None

    async def has_job(self, queue_job_id: str) -> bool:
        """Whether Redis still carries this queued attempt (it may have been lost)."""
        return bool(await self.pool.exists(f"arq:job:{queue_job_id}"))

    async def ping(self) -> bool:
        """Redis answers."""
        return bool(await self.pool.ping())

    async def close(self) -> None:
        """Release the pool's connections."""
        await self.pool.aclose()

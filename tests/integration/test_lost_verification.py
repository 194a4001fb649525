"""Verification asked for is never lost: the sweep sends what Redis lost, once."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import httpx
from pytest_httpserver import HTTPServer
from redis.asyncio import Redis
from sqlalchemy import distinct, func, select, tuple_, update
from sqlalchemy.ext.asyncio import create_async_engine

from app.config import Settings
from app.models import Citation, Job, Sentence, Verification
from tests.integration.conftest import run_worker, wait_for_job
from workers.settings import close_worker_context, open_worker_context
from workers.tasks import process_article


async def _counts(settings: Settings, article_id: str) -> tuple[int, int]:
    """(verdicts stored, claim-source pairs that need one) for the article."""
    engine = create_async_engine(settings.database_url or "")
    article = uuid.UUID(article_id)
    try:
        async with engine.connect() as conn:
            verdicts = await conn.scalar(
                select(func.count()).where(Verification.article_id == article)
            )
            pairs = await conn.scalar(
                select(func.count(distinct(tuple_(Citation.sentence_id, Citation.source_id))))
                .join(Sentence, Sentence.id == Citation.sentence_id)
                .where(
                    Citation.article_id == article,
                    Citation.source_id.is_not(None),
                    Sentence.is_claim,
                )
            )
    finally:
        await engine.dispose()
    return int(verdicts or 0), int(pairs or 0)


async def _age_job(settings: Settings, job_id: str) -> None:
    """Move the job's end a minute back: past the lease the sweep waits for, in the window."""
    engine = create_async_engine(settings.database_url or "")
    try:
        async with engine.begin() as conn:
            ended = datetime.now(UTC) - timedelta(minutes=1)
            await conn.execute(
                update(Job).where(Job.id == uuid.UUID(job_id)).values(finished_at=ended)
            )
    finally:
        await engine.dispose()


async def test_a_lost_verification_enqueue_is_sent_by_the_sweep(
    api: httpx.AsyncClient, settings: Settings, corpus_server: HTTPServer
) -> None:
    url = corpus_server.url_for("/dev-08.html")  # claims that cite sources
    job_id = (await api.post("/v1/articles", json={"url": url, "verify": True})).json()["id"]
    ctx: dict = {"settings": settings}  # type: ignore[type-arg]
    await open_worker_context(ctx)
    try:
        assert await process_article(ctx, job_id) == "succeeded"
    finally:
        await close_worker_context(ctx)
    job = await wait_for_job(api, job_id)
    article_id = job["article_id"]

    # Redis loses the verification entry the job queued (a restart without persistence).
    redis = Redis.from_url(settings.redis_url or "")
    try:
        entries = [k async for k in redis.scan_iter(f"arq:job:verify:{article_id}:*")]
        assert len(entries) == 1
        await redis.delete(*entries)
        await redis.zrem(settings.queue_name, entries[0].decode().removeprefix("arq:job:"))
        await _age_job(settings, job_id)
        verdicts, pairs = await _counts(settings, article_id)
        assert verdicts == 0 and pairs >= 2

        await run_worker(settings)  # its sweep runs at start-up; burst runs what it sends
        verdicts, _ = await _counts(settings, article_id)
        assert verdicts == pairs
        runs = [k async for k in redis.scan_iter(f"arq:result:verify:{article_id}:*")]
        assert len(runs) == 1

        await run_worker(settings)  # verdicts stored: nothing is owed, nothing sent again
        assert [k async for k in redis.scan_iter(f"arq:result:verify:{article_id}:*")] == runs
    finally:
        await redis.aclose()

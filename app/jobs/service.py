"""Submitting URLs: de-duplication against stored articles and jobs already in flight."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from app.articles.repository import article_ids_by_url
from app.errors import NotFound
from app.jobs.repository import JobRepository
from app.models import Job
from app.queue import new_queue_job_id
from app.urls import normalize_article_url

__all__ = ["Submission", "get_job", "submit_url", "submit_urls"]


@dataclass(slots=True)
class Submission:
    """The job a submission produced, and whether it still needs a worker."""

    job: Job
    needs_work: bool


def _job(url: str, normalized: str, article_id: uuid.UUID | None, **fields: object) -> Job:
    """A finished job pointing at a stored article, or a queued one with its queue id set."""
    job_id = uuid.uuid4()
    if article_id is not None:
        now = datetime.now(UTC)
        return Job(
            id=job_id,
            url=url,
            normalized_url=normalized,
            status="succeeded",
            stage="done",
            attempts=0,
            article_id=article_id,
            started_at=now,
            finished_at=now,
            **fields,
        )
    return Job(
        id=job_id,
        url=url,
        normalized_url=normalized,
        status="queued",
        stage="queued",
        attempts=0,
        queue_job_id=new_queue_job_id(job_id),
        **fields,
    )


async def submit_urls(
    session: AsyncSession,
    urls: Sequence[str],
    *,
    force: bool = False,
    api_key_id: uuid.UUID | None = None,
    batch_id: uuid.UUID | None = None,
    callback_url: str | None = None,
    verify: bool = False,
) -> list[Submission]:
    """Jobs for many URLs in one round trip each way; the caller commits, then enqueues."""
    normalized = [normalize_article_url(u) for u in urls]
    stored: dict[str, uuid.UUID] = {}
    if not force:
        stored = await article_ids_by_url(session, normalized)
    jobs = [
        _job(
            url,
            norm,
            stored.get(norm),
            force=force,
            api_key_id=api_key_id,
            batch_id=batch_id,
            callback_url=callback_url,
            verify=verify,
        )
        for url, norm in zip(urls, normalized, strict=True)
    ]
    session.add_all(jobs)
    await session.flush()
    return [Submission(job, needs_work=job.status == "queued") for job in jobs]


async def submit_url(
    session: AsyncSession,
    *,
    url: str,
    force: bool = False,
    callback_url: str | None = None,
    api_key_id: uuid.UUID | None = None,
    verify: bool = False,
) -> Submission:
    """One URL; a plain resubmission joins the job already in flight for it."""
    if not force and callback_url is None and not verify:
        active = await JobRepository(session).active_for_url(normalize_article_url(url))
        if active is not None and active.api_key_id == api_key_id:
            return Submission(active, needs_work=False)
    (submission,) = await submit_urls(
        session,
        [url],
        force=force,
        api_key_id=api_key_id,
        callback_url=callback_url,
        verify=verify,
    )
    return submission


async def get_job(
    session: AsyncSession, job_id: uuid.UUID, *, api_key_id: uuid.UUID | None = None
) -> Job:
    """A job visible to the caller, or 404."""
    job = await JobRepository(session).get(job_id)
    if job is None or (api_key_id is not None and job.api_key_id != api_key_id):
        raise NotFound(f"No job {job_id}")
    return job

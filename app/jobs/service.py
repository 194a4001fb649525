"""Submitting URLs: de-duplication against stored articles and jobs already in flight."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.errors import NotFound
from app.jobs.repository import JobRepository
from app.models import Article, Job
from app.urls import normalize_article_url

__all__ = ["Submission", "get_job", "submit_url"]


@dataclass(slots=True)
class Submission:
    """The job a submission produced, and whether it still needs a worker."""

    job: Job
    needs_work: bool


async def submit_url(
    session: AsyncSession,
    *,
    url: str,
    force: bool = False,
    callback_url: str | None = None,
    api_key_id: uuid.UUID | None = None,
    batch_id: uuid.UUID | None = None,
) -> Submission:
    """Create (or reuse) the job for a URL; the caller commits, then enqueues if needed."""
    repo = JobRepository(session)
    normalized = normalize_article_url(url)
    if not force:
        article_id = await session.scalar(select(Article.id).where(Article.url == normalized))
        if article_id is not None:
            now = datetime.now(UTC)
            job = Job(
                url=url,
                normalized_url=normalized,
                status="succeeded",
                stage="done",
                article_id=article_id,
                callback_url=callback_url,
                api_key_id=api_key_id,
                batch_id=batch_id,
                started_at=now,
                finished_at=now,
            )
            return Submission(await repo.add(job), needs_work=False)
        if batch_id is None and callback_url is None:
            active = await repo.active_for_url(normalized)
            if active is not None and active.api_key_id == api_key_id:
                return Submission(active, needs_work=False)
    job = Job(
        url=url,
        normalized_url=normalized,
        force=force,
        callback_url=callback_url,
        api_key_id=api_key_id,
        batch_id=batch_id,
    )
    return Submission(await repo.add(job), needs_work=True)


async def get_job(
    session: AsyncSession, job_id: uuid.UUID, *, api_key_id: uuid.UUID | None = None
) -> Job:
    """A job visible to the caller, or 404."""
    job = await JobRepository(session).get(job_id)
    if job is None or (api_key_id is not None and job.api_key_id != api_key_id):
        raise NotFound(f"No job {job_id}")
    return job

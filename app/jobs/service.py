"""Submitting URLs: de-duplication against stored articles and jobs already in flight."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.articles.repository import article_ids_by_url, mark_verification_requested
from app.errors import Conflict, NotFound
from app.jobs.repository import JobRepository
from app.models import Job
from app.queue import new_queue_job_id
from app.urls import normalize_article_url

__all__ = ["Submission", "get_job", "submit_url", "submit_urls", "visible_job"]

_ROUNDS = 3  # an active job ending between two statements sends a URL round again


@dataclass(slots=True)
class Submission:
    """The job a submission produced or joined, and whether it still needs a worker.

    `duplicate_of` is the index of an earlier URL of the same submission that normalises
    the same way (its job is this one's too)."""

    job: Job
    needs_work: bool
    duplicate_of: int | None = None


def _row(url: str, normalized: str, article_id: uuid.UUID | None, **fields: Any) -> dict[str, Any]:
    """A finished job pointing at a stored article, or a queued one with its queue id set."""
    job_id = uuid.uuid4()
    row: dict[str, Any] = {
        "id": job_id,
        "url": url,
        "normalized_url": normalized,
        "attempts": 0,
        "article_id": article_id,
        "queue_job_id": None,
        "started_at": None,
        "finished_at": None,
        **fields,
    }
    if article_id is not None:
        now = datetime.now(UTC)
        return row | {"status": "succeeded", "stage": "done", "started_at": now, "finished_at": now}
    return row | {"status": "queued", "stage": "queued", "queue_job_id": new_queue_job_id(job_id)}


async def _resolve(
    session: AsyncSession, urls: dict[str, str], *, force: bool, fields: dict[str, Any]
) -> dict[str, tuple[Job, bool]]:
    """Per normalised URL: (job, needs work). Join the caller's active job, else answer from
    a stored article, else insert; an insert a concurrent submit beat (the unique index on
    active jobs) goes round again and joins that submit's job."""
    repo = JobRepository(session)
    resolved: dict[str, tuple[Job, bool]] = {}
    pending = dict(urls)
    for _ in range(_ROUNDS):
        active = await repo.active_for_urls(list(pending), fields["api_key_id"])
        _check_callbacks(active.values(), fields["callback_url"])
        joined = await repo.join(
            [job.id for job in active.values()],
            verify=fields["verify"],
            force=force,
            callback_url=fields["callback_url"],
        )
        for job in joined:
            resolved[job.normalized_url] = (job, False)
            pending.pop(job.normalized_url)
        fresh = [n for n in pending if n not in active]  # an active job that just ended: retry
        stored = {} if force or not fresh else await article_ids_by_url(session, fresh)
        rows = [_row(pending[n], n, stored.get(n), force=force, **fields) for n in fresh]
        for job in await repo.insert_new(rows):
            resolved[job.normalized_url] = (job, job.status == "queued")
            pending.pop(job.normalized_url)
        if not pending:
            return resolved
    raise Conflict("Jobs for these URLs kept changing while submitting; retry")


def _check_callbacks(active: Iterable[Job], callback_url: str | None) -> None:
    """A job in flight delivers to one callback URL: another one cannot join it."""
    for job in active:
        if callback_url and job.callback_url and job.callback_url != callback_url:
            raise Conflict(
                f"Job {job.id} for this URL is in flight with another callback_url; "
                "retry when it has ended",
                headers={"Retry-After": "30"},
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
    """One job per distinct normalised URL, joined or new; the caller commits, then enqueues.

    URLs that normalise alike (a fragment, `utm_*` parameters) share the first one's job."""
    normalized = [normalize_article_url(u) for u in urls]
    first: dict[str, int] = {}
    for index, norm in enumerate(normalized):
        first.setdefault(norm, index)
    fields = {
        "api_key_id": api_key_id,
        "batch_id": batch_id,
        "callback_url": callback_url,
        "verify": verify,
    }
    resolved = await _resolve(
        session, {n: urls[i] for n, i in first.items()}, force=force, fields=fields
    )
    if verify:  # a stored article answered now: its check is queued after the commit
        stored = [j.article_id for j, work in resolved.values() if not work and j.article_id]
        await mark_verification_requested(session, stored)
    submissions = []
    for index, norm in enumerate(normalized):
        job, needs_work = resolved[norm]
        original = first[norm]
        duplicate = None if original == index else original
        submissions.append(Submission(job, needs_work and duplicate is None, duplicate))
    return submissions


async def submit_url(
    session: AsyncSession,
    *,
    url: str,
    force: bool = False,
    callback_url: str | None = None,
    api_key_id: uuid.UUID | None = None,
    verify: bool = False,
) -> Submission:
    """One URL; a resubmission joins the caller's job in flight for it."""
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
    return visible_job(await JobRepository(session).get(job_id), job_id, api_key_id)


def visible_job(job: Job | None, job_id: uuid.UUID, api_key_id: uuid.UUID | None) -> Job:
    """The job if it exists and the caller may see it (keys see their own), else 404."""
    if job is None or (api_key_id is not None and job.api_key_id != api_key_id):
        raise NotFound(f"No job {job_id}")
    return job

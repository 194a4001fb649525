"""Job request and response bodies (`shared/API.md`)."""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from typing import Literal

from pydantic import AnyUrl, BaseModel, ConfigDict, Field, field_validator

from app.models import Job
from app.urls import MAX_URL_LENGTH

__all__ = ["JobError", "JobOut", "JobStage", "JobStatus", "SubmitArticle", "check_url"]

JobStatus = Literal["queued", "running", "succeeded", "failed"]
JobStage = Literal["queued", "fetching", "extracting", "storing", "done"]

# C0 and C1 controls and DEL: URL parsers silently drop some (CR, LF, tab) and keep others.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def check_url(value: str) -> str:
    """Reject what we will never fetch: non-http(s), credentials, control characters,
    over-long or host-less URLs."""
    value = value.strip()
    if len(value) > MAX_URL_LENGTH:
        raise ValueError(f"URL is longer than {MAX_URL_LENGTH} characters")
    if _CONTROL.search(value):
        raise ValueError("URL contains a control character (CR, LF, tab, …)")
    try:
        parsed = AnyUrl(value)
    except ValueError as exc:
        raise ValueError("not a valid URL") from exc
    if parsed.scheme not in ("http", "https"):
        raise ValueError("only http and https URLs can be fetched")
    if parsed.username or parsed.password:
        raise ValueError("URLs with credentials are not accepted")
    if not parsed.host:
        raise ValueError("URL has no host")
    return value


class SubmitArticle(BaseModel):
    """`POST /v1/articles` body; an unknown field is a 422, never silently ignored."""

    model_config = ConfigDict(extra="forbid")

    url: str = Field(examples=["https://example.com/news/story.html"])
    force: bool = Field(False, description="Fetch again even if the article is already stored.")
    callback_url: str | None = Field(None, description="POSTed the finished job (signed).")
    verify: bool = Field(
        False, description="After extraction, fetch each cited source and check its claims."
    )

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        return check_url(value)

    @field_validator("callback_url")
    @classmethod
    def _callback(cls, value: str | None) -> str | None:
        return None if value is None else check_url(value)


class JobError(BaseModel):
    """Why a job failed (or why its last attempt did)."""

    code: str
    message: str
    retryable: bool


class JobOut(BaseModel):
    """A job's state; PostgreSQL is the source of truth for it."""

    id: uuid.UUID
    url: str
    status: JobStatus
    stage: JobStage
    attempts: int
    article_id: uuid.UUID | None
    batch_id: uuid.UUID | None = None
    error: JobError | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    callback_status: str | None = Field(
        None, description="pending | delivered | retrying | failed, when a callback_url was given"
    )
    merged_into: uuid.UUID | None = Field(
        None, description="a duplicate merged by an upgrade: the job that does its work"
    )
    links: dict[str, str] = Field(default_factory=dict)

    @classmethod
    def of(cls, job: Job) -> JobOut:
        """Build from a row."""
        error = None
        if job.error_code:
            error = JobError(
                code=job.error_code,
                message=job.error_message or "",
                retryable=bool(job.error_retryable),
            )
        links = {"self": f"/v1/jobs/{job.id}"}
        if job.article_id:
            links["article"] = f"/v1/articles/{job.article_id}"
        if job.merged_into:
            links["merged_into"] = f"/v1/jobs/{job.merged_into}"
        return cls(
            id=job.id,
            url=job.url,
            status=job.status,  # type: ignore[arg-type]
            stage=job.stage,  # type: ignore[arg-type]
            attempts=job.attempts,
            article_id=job.article_id,
            batch_id=job.batch_id,
            error=error,
            created_at=job.created_at,
            started_at=job.started_at,
            finished_at=job.finished_at,
            callback_status=(job.callback_status or "pending") if job.callback_url else None,
            merged_into=job.merged_into,
            links=links,
        )

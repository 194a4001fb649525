"""Batch request and response bodies."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from app.jobs.schemas import JobOut

__all__ = [
    "BatchItemError",
    "BatchJobOut",
    "BatchOut",
    "BatchPage",
    "BatchStatus",
    "BatchSummary",
    "JobPage",
    "SubmitBatch",
]


class SubmitBatch(BaseModel):
    """`POST /v1/batches` body: 1 to 1,000 URLs; each is validated on its own."""

    model_config = ConfigDict(extra="forbid")

    urls: list[str] = Field(min_length=1, max_length=1000)
    force: bool = False
    verify: bool = Field(False, description="Check every claim against the sources it cites.")


class BatchItemError(BaseModel):
    """A URL of the batch that was rejected, with the problem that says why."""

    url: str
    error: dict[str, Any]


class BatchJobOut(JobOut):
    """A batch item's job; URLs of the batch that normalise alike share one job."""

    duplicate_of: int | None = Field(
        None,
        description="index of the earlier item with the same URL (after normalisation: "
        "fragment, utm_* and other tracking parameters dropped); it names the same job",
    )


class BatchOut(BaseModel):
    id: uuid.UUID
    created_at: datetime
    jobs: list[BatchJobOut | BatchItemError]


class BatchSummary(BaseModel):
    """A batch's progress: counts per status, without its jobs."""

    id: uuid.UUID = Field(description="The batch id.")
    created_at: datetime = Field(description="When the batch was submitted.")
    total: int = Field(description="Jobs in the batch (rejected URLs have none).")
    counts: dict[str, int] = Field(
        description="jobs per status: queued, running, succeeded, failed"
    )
    done: bool = Field(description="every job has ended")
    jobs_url: str = Field(description="The batch's jobs, paginated: /v1/jobs?batch_id=…")


class BatchStatus(BatchSummary):
    """A batch's progress and one page of its jobs in submission order."""

    jobs: list[JobOut] = Field(
        description="One page of the batch's jobs (`limit`, `cursor`, `status` filter)."
    )
    next_cursor: str | None = Field(description="The next page of jobs; null on the last.")


class BatchPage(BaseModel):
    """The caller's batches, newest first."""

    items: list[BatchSummary]
    next_cursor: str | None


class JobPage(BaseModel):
    """A page of jobs."""

    items: list[JobOut]
    next_cursor: str | None

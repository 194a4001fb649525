"""Batch request and response bodies."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from app.jobs.schemas import JobOut

__all__ = ["BatchItemError", "BatchOut", "BatchStatus", "SubmitBatch"]


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


class BatchOut(BaseModel):
    id: uuid.UUID
    created_at: datetime
    jobs: list[JobOut | BatchItemError]


class BatchStatus(BaseModel):
    id: uuid.UUID
    created_at: datetime
    total: int
    counts: dict[str, int] = Field(
        description="jobs per status: queued, running, succeeded, failed"
    )
    done: bool = Field(description="every job has ended")
    jobs: list[JobOut]

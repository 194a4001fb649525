"""`POST /v1/articles/{id}/verify`: check an article's cited sources again, on demand."""

from __future__ import annotations

import asyncio
import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query, Response, status
from pydantic import BaseModel, Field

from app.api.deps import QueueDep
from app.articles.repository import mark_verification_requested
from app.articles.schemas import VerificationState, verification_state
from app.articles.service import article_or_404
from app.db import SessionDep
from app.errors import Problem, ServiceUnavailable
from app.jobs.dispatch import ENQUEUE_TIMEOUT

__all__ = ["router"]

router = APIRouter(prefix="/v1/articles", tags=["articles"])


class VerificationRequest(BaseModel):
    """A re-check that was queued; follow `article_url` until `verification` is `done`."""

    article_id: uuid.UUID = Field(description="The article being checked.")
    verification: VerificationState = Field(description="`pending` until the verdicts are in.")
    requested_at: datetime | None = Field(description="When this check was asked for.")
    refresh: bool = Field(description="Whether every source is fetched again.")
    article_url: str = Field(description="The article resource to poll.")


@router.post(
    "/{article_id}/verify",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=VerificationRequest,
    responses={
        404: {"model": Problem, "description": "No such article"},
        503: {"model": Problem, "description": "The queue is away: nothing was asked; retry"},
    },
    summary="Check an article's cited sources again",
)
async def verify_article_sources(
    article_id: uuid.UUID,
    session: SessionDep,
    queue: QueueDep,
    response: Response,
    refresh: Annotated[
        bool,
        Query(description="Fetch every source again instead of reading its stored snapshot"),
    ] = False,
) -> VerificationRequest:
    """Queue a check of every claim against the sources it cites; the article reads
    `verification: pending` until the new verdicts are stored, then `done`."""
    article = await article_or_404(session, article_id)
    await mark_verification_requested(session, [article_id])
    try:
        await asyncio.wait_for(
            queue.enqueue_verification(article_id, refresh=refresh), ENQUEUE_TIMEOUT
        )
    except Exception as exc:  # Redis away or slow: ask nothing, so nothing stays pending
        await session.rollback()
        raise ServiceUnavailable(
            "The job queue is not answering; nothing was queued, retry shortly",
            headers={"Retry-After": "5"},
        ) from exc
    await session.commit()
    await session.refresh(article)
    response.headers["Location"] = f"/v1/articles/{article_id}"
    return VerificationRequest(
        article_id=article_id,
        verification=verification_state(article.verification_requested_at, article.verified_at),
        requested_at=article.verification_requested_at,
        refresh=refresh,
        article_url=f"/v1/articles/{article_id}",
    )

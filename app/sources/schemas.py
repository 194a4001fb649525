"""Cross-article source resources."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from app.claims.schemas import ClaimOut

if TYPE_CHECKING:
    from app.models import Source

__all__ = ["CitingArticle", "SourceDetail", "SourceOut", "SourcePage"]


class SourceOut(BaseModel):
    """A cited page across articles, known by its normalised URL."""

    id: uuid.UUID
    url: str = Field(description="The normalised URL every article's citation is matched on.")
    normalized_url: str = Field(description="The same key (each article's `url` is as cited).")
    domain: str | None
    publisher: str | None
    title: str | None
    article_count: int
    claim_count: int

    @classmethod
    def of(cls, source: Source, articles: int, claims: int) -> SourceOut:
        """A stored source with its counts (its URL is already the normalised key)."""
        return cls(
            id=source.id,
            url=source.url,
            normalized_url=source.url,
            domain=source.domain,
            publisher=source.publisher,
            title=source.title,
            article_count=articles,
            claim_count=claims,
        )


class SourcePage(BaseModel):
    items: list[SourceOut]
    next_cursor: str | None


class CitingArticle(BaseModel):
    """An article citing the source, with the claims of it that rest on the source."""

    article_id: uuid.UUID
    url: str
    title: str | None
    label: str | None
    claims: list[ClaimOut]


class SourceDetail(BaseModel):
    source: SourceOut
    articles: list[CitingArticle]

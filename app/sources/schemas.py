"""Cross-article source resources."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from app.claims.schemas import ClaimOut

if TYPE_CHECKING:
    from app.models import Source, SourceSnapshot

__all__ = ["CitingArticle", "SnapshotOut", "SourceDetail", "SourceOut", "SourcePage"]


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


class SnapshotOut(BaseModel):
    """A source's text as fetched when claims were checked against it."""

    id: int
    source_id: uuid.UUID
    final_url: str = Field(description="Where the fetch ended, after redirects.")
    fetched_at: datetime
    http_status: int
    content_type: str | None
    sha256: str = Field(description="SHA-256 of `text`: equal hashes, same text.")
    text: str = Field(
        description="The page's main text, one passage per line; verdicts'"
        " `evidence_start`/`evidence_end` index it."
    )

    @classmethod
    def of(cls, snapshot: SourceSnapshot) -> SnapshotOut:
        return cls(
            id=snapshot.id,
            source_id=snapshot.source_id,
            final_url=snapshot.final_url,
            fetched_at=snapshot.fetched_at,
            http_status=snapshot.http_status,
            content_type=snapshot.content_type,
            sha256=snapshot.sha256,
            text=snapshot.text,
        )

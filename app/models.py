"""Tables: jobs, batches, articles, sources, article_sources, sentences, citations, api keys."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Computed,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, TSVECTOR, UUID
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base

__all__ = [
    "ApiKey",
    "Article",
    "ArticleSource",
    "Batch",
    "BatchItem",
    "Citation",
    "IdempotencyKey",
    "Job",
    "Sentence",
    "Source",
    "Verification",
]


def _uuid_pk() -> Mapped[uuid.UUID]:
    return mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)


def _created() -> Mapped[datetime]:
    return mapped_column(DateTime(timezone=True), server_default=func.now(), nullable=False)


class ApiKey(Base):
    __tablename__ = "api_keys"
    id: Mapped[uuid.UUID] = _uuid_pk()
    name: Mapped[str] = mapped_column(String(200))
    key_hash: Mapped[str] = mapped_column(String(128), unique=True)
    signing_secret: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = _created()
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # "env": from CLAIMTRAIL_API_KEYS, revoked when dropped from it; "cli": `keys create`.
    origin: Mapped[str] = mapped_column(String(8), server_default="cli")


class Batch(Base):
    __tablename__ = "batches"
    id: Mapped[uuid.UUID] = _uuid_pk()
    api_key_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("api_keys.id"), index=True)
    created_at: Mapped[datetime] = _created()


class Job(Base):
    __tablename__ = "jobs"
    id: Mapped[uuid.UUID] = _uuid_pk()
    url: Mapped[str] = mapped_column(Text)
    normalized_url: Mapped[str] = mapped_column(Text, index=True)
    status: Mapped[str] = mapped_column(String(16), default="queued")
    stage: Mapped[str] = mapped_column(String(16), default="queued")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    force: Mapped[bool] = mapped_column(Boolean, default=False)
    callback_url: Mapped[str | None] = mapped_column(Text)
    article_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("articles.id", ondelete="SET NULL"), index=True
    )
    batch_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("batches.id"), index=True)
    api_key_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("api_keys.id"), index=True)
    error_code: Mapped[str | None] = mapped_column(String(64))
    error_message: Mapped[str | None] = mapped_column(Text)
    error_retryable: Mapped[bool | None] = mapped_column(Boolean)
    queue_job_id: Mapped[str | None] = mapped_column(String(100))
    lease_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = _created()
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    callback_status: Mapped[str | None] = mapped_column(String(16))
    verify: Mapped[bool] = mapped_column(Boolean, default=False, server_default="false")
    # Set on a duplicate active job that a migration merged into the one it kept.
    merged_into: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("jobs.id", ondelete="SET NULL")
    )

    __table_args__ = (
        Index("ix_jobs_status_updated", "status", "updated_at"),
        # One queued or running job per normalised URL and caller: concurrent submits join it.
        Index(
            "ux_jobs_active_url",
            "normalized_url",
            "api_key_id",
            unique=True,
            postgresql_where=text("status IN ('queued', 'running')"),
            postgresql_nulls_not_distinct=True,
        ),
    )


class BatchItem(Base):
    """A job's membership in a batch: a batch may join jobs submitted before it."""

    __tablename__ = "batch_items"
    batch_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("batches.id", ondelete="CASCADE"), primary_key=True
    )
    job_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("jobs.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer)


class Article(Base):
    __tablename__ = "articles"
    id: Mapped[uuid.UUID] = _uuid_pk()
    url: Mapped[str] = mapped_column(Text, unique=True)  # normalized submitted URL
    final_url: Mapped[str | None] = mapped_column(Text)
    canonical_url: Mapped[str | None] = mapped_column(Text)
    domain: Mapped[str | None] = mapped_column(String(255), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    byline: Mapped[str | None] = mapped_column(Text)
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    site_name: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(16))
    fetched_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    content_sha256: Mapped[str | None] = mapped_column(String(64))
    word_count: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text, default="")
    stats: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict)
    pipeline_version: Mapped[str | None] = mapped_column(String(32))
    # verification: asked for (a job or POST .../verify) and last stored; both reset when
    # the article is extracted again, since its verdicts go with its old sentences
    verification_requested_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    verified_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = _created()
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )
    search: Mapped[Any] = mapped_column(
        TSVECTOR,
        Computed("to_tsvector('english', coalesce(title, ''))", persisted=True),
    )

    __table_args__ = (
        Index("ix_articles_created", "created_at", "id"),
        Index("ix_articles_search", "search", postgresql_using="gin"),
    )


class Source(Base):
    __tablename__ = "sources"
    id: Mapped[uuid.UUID] = _uuid_pk()
    url: Mapped[str] = mapped_column(Text, unique=True)  # app.urls.normalize_source_url
    domain: Mapped[str | None] = mapped_column(String(255), index=True)
    publisher: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = _created()


class ArticleSource(Base):
    """How one article cites one source: its label and the names it uses there."""

    __tablename__ = "article_sources"
    article_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    source_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    label: Mapped[str | None] = mapped_column(Text)
    raw_url: Mapped[str | None] = mapped_column(Text)
    publisher: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    claim_count: Mapped[int] = mapped_column(Integer, default=0)


class Sentence(Base):
    """A body sentence; claims are the sentences with `is_claim`."""

    __tablename__ = "sentences"
    id: Mapped[uuid.UUID] = _uuid_pk()
    article_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    sentence_index: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    char_start: Mapped[int] = mapped_column(Integer)
    char_end: Mapped[int] = mapped_column(Integer)
    is_claim: Mapped[bool] = mapped_column(Boolean, default=False)
    is_cited: Mapped[bool] = mapped_column(Boolean, default=False)
    checkworthiness: Mapped[float] = mapped_column(Float, default=0.0)
    features: Mapped[list[str]] = mapped_column(JSONB, default=list)
    kinds: Mapped[list[str]] = mapped_column(ARRAY(String(32)), default=list)
    quantities: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, default=list)
    attributed_to: Mapped[list[str]] = mapped_column(ARRAY(Text), default=list)
    search: Mapped[Any] = mapped_column(
        TSVECTOR, Computed("to_tsvector('english', text)", persisted=True)
    )

    __table_args__ = (
        Index("ix_sentences_article_index", "article_id", "sentence_index", unique=True),
        Index("ix_sentences_search", "search", postgresql_using="gin"),
        Index("ix_sentences_kinds", "kinds", postgresql_using="gin"),
    )


class Citation(Base):
    """A sentence resting on a source (source_id is null for an unlinked attribution)."""

    __tablename__ = "citations"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    sentence_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("sentences.id", ondelete="CASCADE"), index=True
    )
    article_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    source_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("sources.id", ondelete="CASCADE"), index=True
    )
    via: Mapped[str] = mapped_column(String(16))
    marker: Mapped[str | None] = mapped_column(Text)
    attributed_to: Mapped[str | None] = mapped_column(Text)


class SourceSnapshot(Base):
    """A cited page's text as fetched for verification, kept so verdicts can show it."""

    __tablename__ = "source_snapshots"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    source_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"))
    fetched_at: Mapped[datetime] = _created()
    final_url: Mapped[str] = mapped_column(Text)
    http_status: Mapped[int] = mapped_column(Integer)
    content_type: Mapped[str | None] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))  # of the text, to tell changes apart
    text: Mapped[str] = mapped_column(Text)  # the page's passages, one per line

    __table_args__ = (Index("ix_source_snapshots_source_fetched", "source_id", "fetched_at"),)


class Verification(Base):
    """Whether a cited source says what a claim says (one row per claim and source)."""

    __tablename__ = "verifications"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    article_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    sentence_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sentences.id", ondelete="CASCADE"))
    source_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(32))
    evidence: Mapped[str | None] = mapped_column(Text)
    score: Mapped[float] = mapped_column(Float, default=0.0)
    checked_at: Mapped[datetime] = _created()
    # the stored page text the verdict was reached on, and where the evidence sits in it
    snapshot_id: Mapped[int | None] = mapped_column(
        ForeignKey("source_snapshots.id", ondelete="SET NULL"), index=True
    )
    evidence_start: Mapped[int | None] = mapped_column(Integer)
    evidence_end: Mapped[int | None] = mapped_column(Integer)
    reasons: Mapped[list[str]] = mapped_column(
        JSONB, server_default=text("'[]'::jsonb"), default=list
    )

    __table_args__ = (
        Index("ix_verifications_claim_source", "sentence_id", "source_id", unique=True),
    )


class NearestSource(Base):
    """For a claim that cites nothing: a page the article cites elsewhere that supports it."""

    __tablename__ = "nearest_sources"
    sentence_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("sentences.id", ondelete="CASCADE"), primary_key=True
    )
    article_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    source_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"))
    snapshot_id: Mapped[int | None] = mapped_column(
        ForeignKey("source_snapshots.id", ondelete="SET NULL")
    )
    score: Mapped[float] = mapped_column(Float)
    evidence: Mapped[str] = mapped_column(Text)
    evidence_start: Mapped[int | None] = mapped_column(Integer)
    evidence_end: Mapped[int | None] = mapped_column(Integer)


class IdempotencyKey(Base):
    """A remembered POST: same key + same body replays the stored response."""

    __tablename__ = "idempotency_keys"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    api_key_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("api_keys.id"))
    key: Mapped[str] = mapped_column(String(255))
    path: Mapped[str] = mapped_column(Text)
    request_sha256: Mapped[str] = mapped_column(String(64))
    response_status: Mapped[int | None] = mapped_column(Integer)
    response_body: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    response_headers: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    created_at: Mapped[datetime] = _created()

    __table_args__ = (
        Index(
            "ix_idempotency_scope",
            "api_key_id",
            "key",
            "path",
            unique=True,
            postgresql_nulls_not_distinct=True,
        ),
    )

"""Article resources (`shared/API.md`)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from app.claims.schemas import ClaimOut

__all__ = [
    "ArticlePage",
    "ArticleSourceOut",
    "ArticleSourcePage",
    "ArticleText",
    "ArticleStats",
    "ArticleSummary",
    "SourceProvenance",
    "VerificationState",
    "verification_state",
]


VerificationState = Literal["off", "pending", "done"]


class ArticleStats(BaseModel):
    sentences: int = 0
    claims: int = 0
    cited_claims: int = 0
    uncited_claims: int = Field(
        0, description="Claims resting on no linked source (attributed ones included)."
    )
    attributed_claims: int = Field(
        0, description="Uncited claims that name a source without linking it."
    )
    citation_coverage: float = 0.0
    sources: int = 0
    verdicts: dict[str, int] = Field(
        default_factory=dict,
        description="Claim-source verdicts per status ('supported': 12, 'contradicted': 1, …)"
        " once the article's sources are verified; empty before.",
    )


class ArticleSourceOut(BaseModel):
    """A source as one article cites it."""

    id: uuid.UUID = Field(description="The source's id, shared by every article citing it.")
    url: str = Field(description="The URL as this article cited it (absolute).")
    normalized_url: str = Field(
        description="The key sources are matched on across articles (no www., no tracking"
        " parameters, no trailing slash, one form per DOI or arXiv id)."
    )
    domain: str | None = Field(description="Registrable domain of the source.")
    publisher: str | None = Field(description="Who published it, as the article names it.")
    title: str | None = Field(description="Its title, as the article gives it.")
    label: str | None = Field(description="Its reference label in the article ('4' for [4]).")
    claim_count: int = Field(description="Claims of this article resting on it.")


class ArticleSummary(BaseModel):
    id: uuid.UUID
    url: str
    final_url: str | None = None
    canonical_url: str | None
    title: str | None
    byline: str | None
    published_at: datetime | None
    site_name: str | None
    language: str | None
    fetched_at: datetime | None
    content_sha256: str | None
    word_count: int
    pipeline_version: str | None = None
    stats: ArticleStats
    verification: VerificationState = Field(
        "off",
        description="off (sources never checked) | pending (a check was asked for and its"
        " verdicts are not stored yet) | done (verdicts stored at `verified_at`).",
    )
    verified_at: datetime | None = Field(None, description="When the verdicts were stored.")
    sources: list[ArticleSourceOut]
    claims_url: str
    provenance_url: str
    report_url: str = Field(description="The human-readable HTML report of the article.")
    text: str | None = Field(
        None,
        description="The extracted text that claims' char_start/char_end index (code points);"
        " only with ?include=text.",
    )


class ArticleText(BaseModel):
    """The article's extracted text: `text[claim.char_start:claim.char_end] == claim.text`."""

    article_id: uuid.UUID
    text: str = Field(description="Plain text; offsets count Unicode code points.")
    length: int = Field(description="Code points in `text`.")


class ArticleSourcePage(BaseModel):
    """A page of an article's sources, in reference order."""

    items: list[ArticleSourceOut]
    next_cursor: str | None


class ArticlePage(BaseModel):
    items: list[ArticleSummary]
    next_cursor: str | None


class SourceProvenance(BaseModel):
    """One source of an article and every claim of the article that rests on it."""

    source: ArticleSourceOut
    claims: list[ClaimOut]
    verification_counts: dict[str, int] = Field(
        default_factory=dict,
        description="Claims per verification status (submit with verify=true to check sources).",
    )


def verification_state(
    requested_at: datetime | None, verified_at: datetime | None
) -> VerificationState:
    """`done` once verdicts are stored after the latest request, `pending` before, else `off`."""
    if verified_at is not None and (requested_at is None or verified_at >= requested_at):
        return "done"
    return "pending" if requested_at is not None else "off"

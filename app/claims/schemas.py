"""Claim resources (`shared/API.md`)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

__all__ = [
    "CitationOut",
    "CitationState",
    "ClaimKind",
    "ClaimOut",
    "ClaimPage",
    "NearestSourceOut",
    "QuantityOut",
    "VerificationOut",
    "VerificationStatus",
    "citation_state",
]

CitationState = Literal["cited", "attributed", "uncited"]
ClaimKind = Literal["numeric", "quote", "attribution", "prediction", "comparison", "speculation"]
CitationVia = Literal["marker", "footnote", "hyperlink", "attribution", "author-year"]
VerificationStatus = Literal[
    "supported", "partially_supported", "contradicted", "not_found", "unreachable", "unchecked"
]


class QuantityOut(BaseModel):
    text: str
    value: float | None
    unit: str | None = None
    low: float | None = None
    high: float | None = None


class CitationOut(BaseModel):
    source_id: uuid.UUID | None
    url: str | None = Field(description="The cited URL as the article wrote it (absolute).")
    normalized_url: str | None = Field(
        None, description="The source's key across articles: the URL normalised for matching."
    )
    via: CitationVia = Field(
        description="marker | footnote | hyperlink | attribution | author-year"
    )
    marker: str | None = None
    attributed_to: str | None = None
    verification: VerificationOut | None = Field(
        None,
        description="Whether this source says what the claim says; null until checked"
        " (submit with verify=true, or POST /v1/articles/{id}/verify).",
    )


class VerificationOut(BaseModel):
    status: VerificationStatus = Field(
        description=(
            "supported (the source states it) | partially_supported (some of it is stated, "
            "some not) | contradicted (the source states a figure, date or name differently, "
            "or the opposite) | not_found (the source does not say it) | unreachable (the "
            "source could not be fetched) | unchecked (never checked: verification off, or a "
            "source that is not text)"
        )
    )
    evidence: str | None = None
    score: float = Field(0.0, description="support score in [0, 1]; 0 when not checked")
    reasons: list[str] = Field(
        default_factory=list,
        description="What decided it: a clash ('the page says 28% where the claim says 38%'),"
        " figures the page never states, the fitted features, or the fetch error code.",
    )
    snapshot_id: int | None = Field(
        None,
        description="The stored text of the source it was checked on"
        " (`GET /v1/sources/{source_id}/snapshot`); null when the page could not be read.",
    )
    evidence_start: int | None = Field(
        None, description="Where the evidence passage starts in the snapshot's `text`."
    )
    evidence_end: int | None = Field(None, description="Where it ends (exclusive).")
    checked_at: datetime | None = None


class NearestSourceOut(BaseModel):
    """A page the article cites elsewhere that supports a claim citing nothing."""

    source_id: uuid.UUID = Field(description="The source (`GET /v1/sources/{source_id}`).")
    url: str = Field(description="Its normalised URL.")
    score: float = Field(description="Support score in [0, 1].")
    evidence: str = Field(description="The passage of the source that supports the claim.")
    snapshot_id: int | None = Field(description="The stored text the passage is in.")
    evidence_start: int | None = Field(description="Where the passage starts in it.")
    evidence_end: int | None = Field(description="Where it ends (exclusive).")


class ClaimOut(BaseModel):
    id: uuid.UUID
    text: str = Field(description="The sentence as written, markers removed.")
    sentence_index: int
    char_start: int
    char_end: int
    checkworthiness: float
    features: list[str] = Field(
        description="Why it scored so: the named features that fired, then the n-grams that"
        " pushed most, each with its signed share of the logit ('number:+1.36',"
        " \"ngram:'per cent':+0.21\")."
    )
    kinds: list[str]
    quantities: list[QuantityOut]
    citations: list[CitationOut]
    attributed_to: list[str]
    cited: bool
    citation_state: CitationState = Field(
        default="uncited",
        description="cited (rests on a linked source) | attributed (only on named,"
        " unlinked sources) | uncited",
    )
    verification: VerificationOut | None = None
    nearest_source: NearestSourceOut | None = Field(
        None,
        description="For a claim that cites nothing: the source of the article that supports"
        " it best, found when the article's sources are verified; null otherwise.",
    )


def citation_state(cited: bool, citations: list[CitationOut]) -> CitationState:
    """`cited` (a linked source), `attributed` (only named, unlinked sources) or `uncited`."""
    if cited:
        return "cited"
    return "attributed" if citations else "uncited"


class ClaimPage(BaseModel):
    items: list[ClaimOut]
    next_cursor: str | None

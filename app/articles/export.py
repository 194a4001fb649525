"""`GET /v1/articles/{id}/claims?format=csv|jsonl`: every claim, streamed page by page."""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import AsyncIterator
from typing import Any, Literal

from fastapi import Request
from fastapi.responses import StreamingResponse
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.claims.repository import ClaimFilters, list_claims, to_claims
from app.claims.schemas import ClaimOut

__all__ = ["CSV_COLUMNS", "EXPORT_CONTENT", "ClaimFormat", "export_claims"]

ClaimFormat = Literal["json", "csv", "jsonl"]
MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson"}
EXPORT_CONTENT = {
    "text/csv": {"schema": {"type": "string"}},
    "application/x-ndjson": {"schema": {"type": "string"}},
}
CSV_COLUMNS = (
    "article_id",
    "article_url",
    "claim_id",
    "sentence_index",
    "char_start",
    "char_end",
    "text",
    "checkworthiness",
    "citation_state",
    "cited",
    "kinds",
    "quantities",
    "attributed_to",
    "markers",
    "source_ids",
    "source_urls",
)
CHUNK = 500


def _csv_line(values: list[Any]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(values)
    return out.getvalue()


def _csv_row(article_id: uuid.UUID, url: str, claim: ClaimOut) -> str:
    """One claim as a CSV line; lists joined with " | "."""
    linked = [c for c in claim.citations if c.source_id]
    return _csv_line(
        [
            article_id,
            url,
            claim.id,
            claim.sentence_index,
            claim.char_start,
            claim.char_end,
            claim.text,
            claim.checkworthiness,
            claim.citation_state,
            str(claim.cited).lower(),
            " | ".join(claim.kinds),
            " | ".join(q.text for q in claim.quantities),
            " | ".join(claim.attributed_to),
            " | ".join(c.marker for c in claim.citations if c.marker),
            " | ".join(str(c.source_id) for c in linked),
            " | ".join(c.url or "" for c in linked),
        ]
    )


def _jsonl_row(article_id: uuid.UUID, url: str, claim: ClaimOut) -> str:
    """One claim as a JSON line: the claim resource plus its article's id and URL."""
    body = {"article_id": str(article_id), "article_url": url} | claim.model_dump(mode="json")
    return json.dumps(body, ensure_ascii=False) + "\n"


async def _lines(
    sessions: async_sessionmaker[AsyncSession],
    article_id: uuid.UUID,
    url: str,
    filters: ClaimFilters,
    fmt: ClaimFormat,
) -> AsyncIterator[str]:
    if fmt == "csv":
        yield _csv_line(list(CSV_COLUMNS))
    row = _csv_row if fmt == "csv" else _jsonl_row
    after: int | None = None
    while True:
        async with sessions() as session:  # a session per page: none held while the client reads
            sentences = await list_claims(session, article_id, filters, after=after, limit=CHUNK)
            claims = await to_claims(session, sentences)
        for claim in claims:
            yield row(article_id, url, claim)
        if len(sentences) < CHUNK:
            return
        after = sentences[-1].sentence_index


def export_claims(
    request: Request, article_id: uuid.UUID, url: str, filters: ClaimFilters, fmt: ClaimFormat
) -> StreamingResponse:
    """Every claim matching `filters`, streamed as CSV (with a header row) or JSON lines."""
    return StreamingResponse(
        _lines(request.app.state.sessions, article_id, url, filters, fmt),
        media_type=MEDIA_TYPES[fmt],
        headers={
            "Content-Disposition": f'attachment; filename="claims-{article_id}.{fmt}"',
        },
    )

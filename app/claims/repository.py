"""Every query on claims (sentences with `is_claim`) and their citations."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import delete, exists, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.claims.schemas import (
    CitationOut,
    ClaimOut,
    NearestSourceOut,
    QuantityOut,
    VerificationOut,
    citation_state,
)
from app.models import ArticleSource, Citation, NearestSource, Sentence, Source, Verification

__all__ = [
    "ClaimFilters",
    "claims_by_source",
    "list_claims",
    "replace_nearest_sources",
    "replace_verifications",
    "uncited_claims",
    "to_claims",
    "verification_out",
    "verifications",
]


class ClaimFilters:
    """The `GET …/claims` query filters."""

    def __init__(
        self,
        *,
        cited: bool | None = None,
        source_id: uuid.UUID | None = None,
        kind: str | None = None,
        min_score: float | None = None,
        citation_state: str | None = None,
        verification: str | None = None,
    ) -> None:
        self.cited, self.source_id, self.kind, self.min_score = cited, source_id, kind, min_score
        self.citation_state, self.verification = citation_state, verification


async def list_claims(
    session: AsyncSession,
    article_id: uuid.UUID,
    filters: ClaimFilters,
    *,
    after: int | None,
    limit: int,
) -> list[Sentence]:
    """Claims of one article in sentence order, after the cursor's sentence index."""
    query = select(Sentence).where(Sentence.article_id == article_id, Sentence.is_claim)
    if filters.cited is not None:
        query = query.where(Sentence.is_cited == filters.cited)
    if filters.kind:
        query = query.where(Sentence.kinds.contains([filters.kind]))
    if filters.min_score is not None:
        query = query.where(Sentence.checkworthiness >= filters.min_score)
    if filters.citation_state is not None:
        has_citation = exists().where(Citation.sentence_id == Sentence.id)
        query = query.where(
            Sentence.is_cited
            if filters.citation_state == "cited"
            else ~Sentence.is_cited
            & (has_citation if filters.citation_state == "attributed" else ~has_citation)
        )
    if filters.source_id is not None:
        query = query.where(
            exists().where(
                Citation.sentence_id == Sentence.id, Citation.source_id == filters.source_id
            )
        )
    if filters.verification is not None:
        query = query.where(
            exists().where(
                Verification.sentence_id == Sentence.id,
                Verification.status == filters.verification,
            )
        )
    if after is not None:
        query = query.where(Sentence.sentence_index > after)
    query = query.order_by(Sentence.sentence_index).limit(limit)
    return list((await session.scalars(query)).all())


async def _nearest(
    session: AsyncSession, sentences: Sequence[Sentence]
) -> dict[uuid.UUID, NearestSourceOut]:
    """The nearest source of each uncited claim among these that has one."""
    ids = [s.id for s in sentences if not s.is_cited]
    if not ids:
        return {}
    rows = await session.execute(
        select(NearestSource, Source.url)
        .join(Source, Source.id == NearestSource.source_id)
        .where(NearestSource.sentence_id.in_(ids))
    )
    return {
        n.sentence_id: NearestSourceOut(
            source_id=n.source_id,
            url=url,
            score=n.score,
            evidence=n.evidence,
            snapshot_id=n.snapshot_id,
            evidence_start=n.evidence_start,
            evidence_end=n.evidence_end,
        )
        for n, url in rows.all()
    }


async def to_claims(session: AsyncSession, sentences: Sequence[Sentence]) -> list[ClaimOut]:
    """Claim resources with their citations and verdicts, in two extra queries."""
    ids = [s.id for s in sentences]
    nearest = await _nearest(session, sentences)
    citations: dict[uuid.UUID, list[CitationOut]] = defaultdict(list)
    if ids:
        rows = await session.execute(
            select(Citation, Source.url, ArticleSource.raw_url, Verification)
            .outerjoin(Source, Source.id == Citation.source_id)
            .outerjoin(
                Verification,
                (Verification.sentence_id == Citation.sentence_id)
                & (Verification.source_id == Citation.source_id),
            )
            .outerjoin(
                ArticleSource,
                (ArticleSource.article_id == Citation.article_id)
                & (ArticleSource.source_id == Citation.source_id),
            )
            .where(Citation.sentence_id.in_(ids))
            .order_by(Citation.id)
        )
        for citation, url, cited_as, verdict in rows:
            citations[citation.sentence_id].append(
                CitationOut(
                    source_id=citation.source_id,
                    url=cited_as or url,
                    normalized_url=url,
                    via=citation.via,
                    marker=citation.marker,
                    attributed_to=citation.attributed_to,
                    verification=verification_out(verdict) if verdict else None,
                )
            )
    return [
        ClaimOut(
            id=s.id,
            text=s.text,
            sentence_index=s.sentence_index,
            char_start=s.char_start,
            char_end=s.char_end,
            checkworthiness=round(s.checkworthiness, 4),
            features=list(s.features),
            kinds=list(s.kinds),
            quantities=[QuantityOut(**q) for q in s.quantities],
            citations=citations[s.id],
            attributed_to=list(s.attributed_to),
            cited=s.is_cited,
            citation_state=citation_state(s.is_cited, citations[s.id]),
            nearest_source=nearest.get(s.id),
        )
        for s in sentences
    ]


def verification_out(v: Verification) -> VerificationOut:
    """A stored verdict as served, with its reasons and where its evidence sits."""
    return VerificationOut(
        status=v.status,  # type: ignore[arg-type]
        evidence=v.evidence,
        score=v.score,
        reasons=list(v.reasons or []),
        snapshot_id=v.snapshot_id,
        evidence_start=v.evidence_start,
        evidence_end=v.evidence_end,
        checked_at=v.checked_at,
    )


async def verifications(
    session: AsyncSession, article_id: uuid.UUID, source_id: uuid.UUID
) -> dict[uuid.UUID, VerificationOut]:
    """Verdicts on the article's claims against one source, by claim id."""
    rows = await session.scalars(
        select(Verification).where(
            Verification.article_id == article_id, Verification.source_id == source_id
        )
    )
    return {v.sentence_id: verification_out(v) for v in rows}


async def claims_by_source(
    session: AsyncSession, article_id: uuid.UUID
) -> dict[tuple[uuid.UUID, str], list[tuple[uuid.UUID, str]]]:
    """The article's claims grouped by the linked source they cite: (id, url) -> [(id, text)]."""
    rows = await session.execute(
        select(Source.id, Source.url, Sentence.id, Sentence.text)
        .join(Citation, Citation.source_id == Source.id)
        .join(Sentence, Sentence.id == Citation.sentence_id)
        .where(Citation.article_id == article_id, Sentence.is_claim)
        .distinct()
    )
    grouped: dict[tuple[uuid.UUID, str], list[tuple[uuid.UUID, str]]] = defaultdict(list)
    for source_id, url, sentence_id, text in rows.all():
        grouped[(source_id, url)].append((sentence_id, text))
    return grouped


async def uncited_claims(
    session: AsyncSession, article_id: uuid.UUID, limit: int
) -> list[tuple[uuid.UUID, str]]:
    """(id, text) of the article's claims citing nothing, most check-worthy first."""
    rows = await session.execute(
        select(Sentence.id, Sentence.text)
        .where(Sentence.article_id == article_id, Sentence.is_claim, ~Sentence.is_cited)
        .order_by(Sentence.checkworthiness.desc(), Sentence.sentence_index)
        .limit(limit)
    )
    return [(sentence_id, text) for sentence_id, text in rows.all()]


async def replace_nearest_sources(
    session: AsyncSession, article_id: uuid.UUID, rows: Sequence[dict[str, object]]
) -> None:
    """Drop the article's nearest sources and store `rows` instead (the caller's transaction)."""
    await session.execute(delete(NearestSource).where(NearestSource.article_id == article_id))
    if rows:
        await session.execute(insert(NearestSource), list(rows))


async def replace_verifications(
    session: AsyncSession, article_id: uuid.UUID, rows: Sequence[dict[str, object]]
) -> None:
    """Drop the article's verdicts and store `rows` instead (the caller's transaction)."""
    await session.execute(delete(Verification).where(Verification.article_id == article_id))
    if rows:
        await session.execute(insert(Verification), list(rows))

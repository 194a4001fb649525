"""The article's citation graph as W3C PROV (PROV-O terms in JSON-LD), built from plain rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

__all__ = ["ProvClaim", "ProvSource", "ProvVerdict", "provenance_jsonld"]

CONTEXT = {
    "prov": "http://www.w3.org/ns/prov#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "ct": "https://claimtrail.dev/ns#",
    "schema": "https://schema.org/",
}


@dataclass(slots=True)
class ProvSource:
    id: str
    url: str
    title: str | None = None
    publisher: str | None = None


@dataclass(slots=True)
class ProvVerdict:
    """Whether one cited source says what the claim says, and the stored text it was read in."""

    source_id: str
    status: str
    score: float
    snapshot_id: int | None = None
    checked_at: datetime | None = None


@dataclass(slots=True)
class ProvClaim:
    id: str
    text: str
    sentence_index: int
    quoted: bool = False
    source_ids: list[str] = field(default_factory=list)
    verdicts: list[ProvVerdict] = field(default_factory=list)


def _time(value: datetime | None) -> dict[str, str] | None:
    return {"@value": value.isoformat(), "@type": "xsd:dateTime"} if value else None


def _drop_none(node: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in node.items() if v not in (None, [], "")}


def provenance_jsonld(
    *,
    base: str,
    article_id: str,
    url: str,
    title: str | None,
    fetched_at: datetime | None,
    updated_at: datetime | None,
    pipeline_version: str | None,
    claims: list[ProvClaim],
    sources: list[ProvSource],
) -> dict[str, Any]:
    """Article, claims and sources as prov:Entity; the extraction as a prov:Activity."""
    article = f"{base}/v1/articles/{article_id}"
    activity = f"{article}#extraction"
    agent = f"{base}/#claimtrail-{pipeline_version or 'unknown'}"
    graph: list[dict[str, Any]] = [
        _drop_none(
            {
                "@id": url,
                "@type": "prov:Entity",
                "rdfs:label": title,
                "prov:atLocation": {"@id": url},
            }
        ),
        {
            "@id": agent,
            "@type": ["prov:Agent", "prov:SoftwareAgent"],
            "rdfs:label": f"claimtrail pipeline {pipeline_version}",
        },
        _drop_none(
            {
                "@id": activity,
                "@type": "prov:Activity",
                "rdfs:label": "fetch and extract",
                "prov:startedAtTime": _time(fetched_at),
                "prov:endedAtTime": _time(updated_at),
                "prov:used": {"@id": url},
                "prov:wasAssociatedWith": {"@id": agent},
                "ct:pipelineVersion": pipeline_version,
            }
        ),
        _drop_none(
            {
                "@id": article,
                "@type": "prov:Entity",
                "rdfs:label": title,
                "prov:wasGeneratedBy": {"@id": activity},
                "prov:wasDerivedFrom": {"@id": url},
            }
        ),
    ]
    source_iris = {s.id: f"{base}/v1/sources/{s.id}" for s in sources}
    for source in sources:
        graph.append(
            _drop_none(
                {
                    "@id": source_iris[source.id],
                    "@type": "prov:Entity",
                    "rdfs:label": source.title,
                    "prov:atLocation": {"@id": source.url},
                    "schema:publisher": source.publisher,
                }
            )
        )
    snapshots: set[str] = set()
    for claim in claims:
        cited = [{"@id": source_iris[s]} for s in claim.source_ids if s in source_iris]
        graph.extend(_verdict_nodes(f"{article}/claims/{claim.id}", claim, source_iris, snapshots))
        graph.append(
            _drop_none(
                {
                    "@id": f"{article}/claims/{claim.id}",
                    "@type": ["prov:Entity", "ct:Claim"],
                    "prov:value": claim.text,
                    "ct:sentenceIndex": claim.sentence_index,
                    "prov:wasGeneratedBy": {"@id": activity},
                    "prov:wasDerivedFrom": [{"@id": article}, *cited],
                    "prov:wasQuotedFrom": cited if claim.quoted else None,
                }
            )
        )
    return {"@context": CONTEXT, "@graph": graph}


def _verdict_nodes(
    claim_iri: str, claim: ProvClaim, source_iris: dict[str, str], seen: set[str]
) -> list[dict[str, Any]]:
    """Each verdict as an entity derived from the claim and the snapshot it was read in; each
    snapshot (once) as an entity derived from its source."""
    nodes = []
    for verdict in claim.verdicts:
        source = source_iris.get(verdict.source_id)
        if source is None:
            continue
        snapshot = (
            f"{source}/snapshots/{verdict.snapshot_id}" if verdict.snapshot_id is not None else None
        )
        if snapshot and snapshot not in seen:
            seen.add(snapshot)
            nodes.append(
                {"@id": snapshot, "@type": ["prov:Entity", "ct:Snapshot"],
                 "prov:wasDerivedFrom": {"@id": source}}
            )  # fmt: skip
        derived = [{"@id": claim_iri}, {"@id": snapshot or source}]
        nodes.append(
            _drop_none(
                {
                    "@id": f"{claim_iri}/verdicts/{verdict.source_id}",
                    "@type": ["prov:Entity", "ct:Verdict"],
                    "ct:status": verdict.status,
                    "ct:score": verdict.score,
                    "prov:generatedAtTime": _time(verdict.checked_at),
                    "prov:wasDerivedFrom": derived,
                }
            )
        )
    return nodes

"""Claims as served: filters, keyset pagination, offsets into the stored text, search, PROV."""

from __future__ import annotations

import json

import httpx
import pytest
import rdflib
from prov.model import ProvDocument
from pytest_httpserver import HTTPServer
from sqlalchemy import select
from sqlalchemy.ext.asyncio import create_async_engine

from app.config import Settings
from app.models import Article
from tests.integration.conftest import process_url

PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")


async def _all_claims(api: httpx.AsyncClient, path: str, **params: object) -> list[dict]:  # type: ignore[type-arg]
    items, cursor = [], None
    while True:
        query = {**params, "limit": 7} | ({"cursor": cursor} if cursor else {})
        page = (await api.get(path, params=query)).json()
        items += page["items"]
        cursor = page["next_cursor"]
        if not cursor:
            return items


async def test_filters_pagination_and_offsets(
    api: httpx.AsyncClient, worker, corpus_server: HTTPServer, settings: Settings
) -> None:
    article = await process_url(api, worker, corpus_server.url_for("/dev-01.html"))
    path = article["claims_url"]
    claims = await _all_claims(api, path)
    assert [c["sentence_index"] for c in claims] == sorted({c["sentence_index"] for c in claims})
    assert len(claims) == article["stats"]["claims"]

    cited = await _all_claims(api, path, cited="true")
    uncited = await _all_claims(api, path, cited="false")
    assert len(cited) == article["stats"]["cited_claims"] and len(uncited) == len(claims) - len(
        cited
    )
    assert all(c["citations"] for c in cited)
    numeric = await _all_claims(api, path, kind="numeric")
    assert numeric and all("numeric" in c["kinds"] for c in numeric)
    strong = await _all_claims(api, path, min_score=0.9)
    assert all(c["checkworthiness"] >= 0.9 for c in strong) and len(strong) < len(claims)

    billions = [q for c in claims for q in c["quantities"] if q["text"] == "$6.4 billion"]
    assert billions and all(q["value"] == 6.4e9 and q["unit"] == "USD" for q in billions)
    speculation = [c for c in claims if c["text"].startswith("But the sources don")]
    assert speculation and all("speculation" in c["kinds"] for c in speculation)

    engine = create_async_engine(settings.database_url or "")
    async with engine.connect() as conn:
        text = await conn.scalar(select(Article.text).where(Article.id == article["id"]))
    await engine.dispose()
    assert text and all(text[c["char_start"] : c["char_end"]] == c["text"] for c in claims)

    cursor = (await api.get(path, params={"limit": 2})).json()["next_cursor"]
    flipped = ("B" if cursor[5] == "A" else "A").join((cursor[:5], cursor[6:]))  # one byte off
    tampered = await api.get(path, params={"cursor": flipped})
    assert tampered.status_code == 400
    assert tampered.headers["content-type"].startswith("application/problem+json")


async def test_search_titles_and_claim_text(
    api: httpx.AsyncClient, worker, corpus_server: HTTPServer
) -> None:
    first = await process_url(api, worker, corpus_server.url_for("/dev-01.html"))
    await process_url(api, worker, corpus_server.url_for("/dev-07.html"))
    found = (await api.get("/v1/articles", params={"q": "xAI parameter"})).json()["items"]
    assert [a["id"] for a in found] == [first["id"]]
    assert (await api.get("/v1/articles", params={"q": "zebra-unicorn"})).json()["items"] == []
    newest = (await api.get("/v1/articles", params={"limit": 1})).json()
    rest = (await api.get("/v1/articles", params={"cursor": newest["next_cursor"]})).json()
    assert rest["items"][0]["id"] == first["id"] and rest["next_cursor"] is None


# rdflib's JSON-LD parser and prov's RDF reader call rdflib APIs rdflib itself deprecates.
@pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib.*")
async def test_provenance_loads_as_prov(
    api: httpx.AsyncClient, worker, corpus_server: HTTPServer
) -> None:
    article = await process_url(api, worker, corpus_server.url_for("/dev-01.html"))
    response = await api.get(
        f"/v1/articles/{article['id']}/provenance", headers={"Accept": "application/ld+json"}
    )
    assert response.headers["content-type"].startswith("application/ld+json")
    body = response.text
    graph = rdflib.Graph().parse(data=body, format="json-ld")
    derived = set(graph.subject_objects(PROV.wasDerivedFrom))
    assert len(set(graph.subjects(rdflib.RDF.type, PROV.Entity))) > article["stats"]["claims"]
    assert len(derived) >= article["stats"]["claims"] + article["stats"]["cited_claims"]
    document = ProvDocument.deserialize(content=body, format="rdf", rdf_format="json-ld")
    records = document.get_records()
    assert any(r.get_type().localpart == "Activity" for r in records if r.get_type())
    assert json.loads(body)["@context"]["prov"] == str(PROV)


@pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib.*")
async def test_provenance_of_a_verified_article_carries_verdicts_and_snapshots(
    api: httpx.AsyncClient, worker, corpus_server: HTTPServer
) -> None:
    article = await process_url(api, worker, corpus_server.url_for("/dev-08.html"), verify=True)
    body = (await api.get(f"/v1/articles/{article['id']}/provenance")).text
    graph = rdflib.Graph().parse(data=body, format="json-ld")
    ct = rdflib.Namespace("https://claimtrail.dev/ns#")
    verdicts = set(graph.subjects(rdflib.RDF.type, ct.Verdict))
    assert len(verdicts) == sum(article["stats"]["verdicts"].values())
    statuses = {str(graph.value(v, ct.status)) for v in verdicts}
    assert statuses == set(article["stats"]["verdicts"])
    snapshots = set(graph.subjects(rdflib.RDF.type, ct.Snapshot))
    assert snapshots and all("/snapshots/" in str(s) for s in snapshots)
    for verdict in verdicts:  # from its claim, and the snapshot its source was read in
        sources = {str(o) for o in graph.objects(verdict, PROV.wasDerivedFrom)}
        assert any("/claims/" in s for s in sources)
        read = [s for s in sources if "/v1/sources/" in s]
        assert len(read) == 1, sources
        unread = str(graph.value(verdict, ct.status)) in ("unreachable", "unchecked")
        assert ("/snapshots/" in read[0]) != unread, (verdict, sources)
    for snapshot in snapshots:
        (source,) = graph.objects(snapshot, PROV.wasDerivedFrom)
        assert "/v1/sources/" in str(source)

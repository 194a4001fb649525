"""Issue 13's API rows: unknown fields and filter values are 422s with plain messages, the
citation_state filter and stats, the article's text, and one list shape for sources."""

from __future__ import annotations

import httpx
import pytest
from pytest_httpserver import HTTPServer

from tests.integration.conftest import process_url

PROBLEM = "application/problem+json"


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/v1/articles", {"url": "https://example.com/a", "verfiy": True}, "verfiy"),
        ("/v1/batches", {"urls": ["https://example.com/a"], "forse": True}, "forse"),
    ],
)
async def test_unknown_body_fields_are_422_naming_them(
    api: httpx.AsyncClient,
    path: str,
    body: dict,
    field: str,  # type: ignore[type-arg]
) -> None:
    response = await api.post(path, json=body)
    assert response.status_code == 422
    assert response.headers["content-type"].startswith(PROBLEM)
    problem = response.json()
    assert problem["detail"] == f"Unknown field {field}"
    assert [e["field"] for e in problem["errors"]] == [field]
    assert problem["errors"][0]["msg"] == "unknown field"


async def test_messages_are_plain(api: httpx.AsyncClient) -> None:
    problem = (await api.post("/v1/articles", json={"url": "ftp://example.com/a"})).json()
    assert problem["detail"] == "url: only http and https URLs can be fetched"
    assert problem["errors"][0]["msg"] == "only http and https URLs can be fetched"
    assert "Value error" not in str(problem)


async def test_unknown_filter_values_are_422(
    api: httpx.AsyncClient, worker, corpus_server: HTTPServer
) -> None:
    article = await process_url(api, worker, corpus_server.url_for("/dev-05.html"))
    path = article["claims_url"]
    for params, field in (
        ({"kind": "bogus"}, "kind"),
        ({"citation_state": "maybe"}, "citation_state"),
        ({"cited": "perhaps"}, "cited"),
    ):
        response = await api.get(path, params=params)
        assert response.status_code == 422, params
        assert response.json()["errors"][0]["field"] == field
        assert field in response.json()["detail"]
    assert (await api.get(path, params={"kind": "numeric"})).status_code == 200
    bad_include = await api.get(f"/v1/articles/{article['id']}", params={"include": "all"})
    assert bad_include.status_code == 422


async def _every(api: httpx.AsyncClient, path: str, **params: object) -> list[dict]:  # type: ignore[type-arg]
    items, cursor = [], None
    while True:
        query = {**params, "limit": 3} | ({"cursor": cursor} if cursor else {})
        response = await api.get(path, params=query)
        assert response.status_code == 200, response.text
        page = response.json()
        items += page["items"]
        if not (cursor := page["next_cursor"]):
            return items


async def test_citation_state_filter_and_stats(
    api: httpx.AsyncClient, worker, corpus_server: HTTPServer
) -> None:
    article = await process_url(api, worker, corpus_server.url_for("/dev-06.html"))
    path, stats = article["claims_url"], article["stats"]
    claims = await _every(api, path)
    by_state = {
        state: await _every(api, path, citation_state=state)
        for state in ("cited", "attributed", "uncited")
    }
    for state, found in by_state.items():
        assert [c["id"] for c in found] == [c["id"] for c in claims if c["citation_state"] == state]
    assert by_state["attributed"], "dev-06 has claims resting on named, unlinked sources"
    assert all(c["citations"] and not c["cited"] for c in by_state["attributed"])
    assert all(not c["citations"] for c in by_state["uncited"])
    assert stats["attributed_claims"] == len(by_state["attributed"])
    assert stats["cited_claims"] == len(by_state["cited"])
    assert stats["uncited_claims"] == len(by_state["attributed"]) + len(by_state["uncited"])


@pytest.mark.parametrize("page", ["dev-01.html", "dev-05.html", "dev-08.html"])
async def test_article_text_is_what_claim_offsets_index(
    api: httpx.AsyncClient, worker, corpus_server: HTTPServer, page: str
) -> None:
    article = await process_url(api, worker, corpus_server.url_for(f"/{page}"))
    assert article.get("text") is None
    text = (await api.get(f"/v1/articles/{article['id']}/text")).json()
    included = (await api.get(f"/v1/articles/{article['id']}", params={"include": "text"})).json()
    assert included["text"] == text["text"] and text["length"] == len(text["text"]) > 0
    claims = await _every(api, article["claims_url"])
    assert claims
    assert all(text["text"][c["char_start"] : c["char_end"]] == c["text"] for c in claims)


async def test_article_sources_are_a_paginated_list(
    api: httpx.AsyncClient, worker, corpus_server: HTTPServer
) -> None:
    article = await process_url(api, worker, corpus_server.url_for("/dev-02.html"))
    path = f"/v1/articles/{article['id']}/sources"
    whole = (await api.get(path)).json()
    assert set(whole) == {"items", "next_cursor"} and whole["next_cursor"] is None
    paged = await _every(api, path)
    assert [s["id"] for s in paged] == [s["id"] for s in whole["items"]]
    assert [s["id"] for s in paged] == [s["id"] for s in article["sources"]]
    assert len(paged) == article["stats"]["sources"] > 3
    foreign = (await api.get("/v1/sources", params={"limit": 1})).json()["next_cursor"]
    assert (await api.get(path, params={"cursor": foreign})).status_code == 400


async def test_cited_urls_are_kept_as_cited(
    api: httpx.AsyncClient, worker, corpus_server: HTTPServer
) -> None:
    article = await process_url(api, worker, corpus_server.url_for("/dev-02.html"))
    bbc = next(s for s in article["sources"] if "bbc.co.uk" in s["url"])
    assert bbc["url"] == "https://www.bbc.co.uk/news/articles/c4g7x2vq1e9o"  # as the page wrote it
    assert bbc["normalized_url"] == "https://bbc.co.uk/news/articles/c4g7x2vq1e9o"
    listed = (await api.get(f"/v1/articles/{article['id']}/sources")).json()["items"]
    assert listed == article["sources"]
    claims = await _every(api, article["claims_url"], source_id=bbc["id"])
    cites = [c for claim in claims for c in claim["citations"] if c["source_id"] == bbc["id"]]
    assert cites and {(c["url"], c["normalized_url"]) for c in cites} == {
        (bbc["url"], bbc["normalized_url"])
    }
    across = (await api.get("/v1/sources", params={"url": bbc["url"]})).json()["items"]
    assert [s["id"] for s in across] == [bbc["id"]]
    assert across[0]["normalized_url"] == bbc["normalized_url"]

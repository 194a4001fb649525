"""Batches and jobs as lists: a batch's jobs paginated and filtered, `/v1/jobs`, `/v1/batches`,
per-key visibility, and the 429 that says how many URLs would fit."""

from __future__ import annotations

import httpx
import pytest
from pydantic import SecretStr
from pytest_httpserver import HTTPServer

from app.config import Settings
from tests.integration.conftest import run_worker, serve_api

BODY = (
    "<html><head><title>Vote</title></head><body><article><p>The council approved a "
    "budget of $4 million on Tuesday. It passed by 7 votes to 2.</p></article></body></html>"
)


async def _pages(api: httpx.AsyncClient, path: str, key: str, **params: object) -> list[dict]:  # type: ignore[type-arg]
    items, cursor = [], None
    while True:
        query = {**params, "limit": 2} | ({"cursor": cursor} if cursor else {})
        response = await api.get(path, params=query)
        assert response.status_code == 200, response.text
        page = response.json()
        assert len(page[key]) <= 2
        items += page[key]
        if not (cursor := page["next_cursor"]):
            return items


async def test_batch_jobs_paginate_and_filter(
    api: httpx.AsyncClient, settings: Settings, httpserver: HTTPServer
) -> None:
    for n in range(4):
        httpserver.expect_request(f"/ok{n}").respond_with_data(BODY, content_type="text/html")
    for n in range(3):
        httpserver.expect_request(f"/gone{n}").respond_with_data("gone", status=410)
    good = [httpserver.url_for(f"/ok{n}") for n in range(4)]
    bad = [httpserver.url_for(f"/gone{n}") for n in range(3)]
    first = (await api.post("/v1/batches", json={"urls": good + bad})).json()
    second = (await api.post("/v1/batches", json={"urls": [good[0] + "?again=1"]})).json()
    await run_worker(settings)
    path = f"/v1/batches/{first['id']}"

    jobs = await _pages(api, path, "jobs")
    assert [j["id"] for j in jobs] == [j["id"] for j in first["jobs"]]  # submission order
    state = (await api.get(path, params={"limit": 1})).json()
    assert len(state["jobs"]) == 1 and state["next_cursor"]
    assert state["total"] == 7 and state["done"] is True
    assert state["counts"] == {"queued": 0, "running": 0, "succeeded": 4, "failed": 3}
    assert state["jobs_url"] == f"/v1/jobs?batch_id={first['id']}"

    failed = await _pages(api, path, "jobs", status="failed")
    assert sorted(j["url"] for j in failed) == sorted(bad)
    assert all(j["error"]["code"] == "http_status" for j in failed)
    listed = await _pages(api, "/v1/jobs", "items", batch_id=first["id"], status="failed")
    assert [j["id"] for j in listed] == [j["id"] for j in failed]
    everything = await _pages(api, "/v1/jobs", "items")
    assert len(everything) == 8 and everything[0]["id"] == second["jobs"][0]["id"]

    batches = await _pages(api, "/v1/batches", "items")
    assert [b["id"] for b in batches] == [second["id"], first["id"]]
    assert batches[1]["counts"] == state["counts"] and "jobs" not in batches[1]

    assert (await api.get(path, params={"status": "bogus"})).status_code == 422
    assert (await api.get("/v1/jobs", params={"status": "done"})).status_code == 422
    other_cursor = (await api.get(path, params={"limit": 1})).json()["next_cursor"]
    wrong = await api.get(path, params={"cursor": other_cursor, "status": "failed"})
    assert wrong.status_code == 400


async def test_each_key_lists_only_its_own(settings: Settings, httpserver: HTTPServer) -> None:
    keyed = settings.model_copy(
        update={
            "auth": "on",
            "api_keys": SecretStr("alice:key-alice-0123456789, key-bob-987654321"),
        }
    )
    httpserver.expect_request("/a").respond_with_data(BODY, content_type="text/html")
    async with serve_api(keyed) as api:
        alice = {"Authorization": "Bearer key-alice-0123456789"}
        bob = {"Authorization": "Bearer key-bob-987654321"}
        mine = await api.post(
            "/v1/batches", json={"urls": [httpserver.url_for("/a")]}, headers=alice
        )
        assert mine.status_code == 202
        for headers, count in ((alice, 1), (bob, 0)):
            batches = (await api.get("/v1/batches", headers=headers)).json()["items"]
            jobs = (await api.get("/v1/jobs", headers=headers)).json()["items"]
            assert len(batches) == count and len(jobs) == count
        assert (await api.get(f"/v1/batches/{mine.json()['id']}", headers=bob)).status_code == 404


@pytest.fixture
def few_pending(settings: Settings) -> Settings:
    return settings.model_copy(update={"max_pending_jobs": 5})


async def test_a_rejected_batch_says_how_many_would_fit(
    few_pending: Settings, httpserver: HTTPServer
) -> None:
    urls = [httpserver.url_for(f"/p{n}") for n in range(8)]
    async with serve_api(few_pending) as api:
        assert (await api.post("/v1/batches", json={"urls": urls[:3]})).status_code == 202
        response = await api.post("/v1/batches", json={"urls": urls[3:]})
        assert response.status_code == 429
        problem = response.json()
        assert problem["limit"] == 5 and problem["pending"] == 3 and problem["fits"] == 2
        assert "2 more would fit" in problem["detail"]
        assert response.headers["retry-after"]
        assert (await api.post("/v1/batches", json={"urls": urls[3:5]})).status_code == 202

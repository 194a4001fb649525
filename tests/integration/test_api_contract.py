"""The HTTP contract: problem+json for every error, validation, health, metrics, docs."""

from __future__ import annotations

import uuid

import httpx
import pytest

PROBLEM = "application/problem+json"


@pytest.mark.parametrize(
    "url",
    [
        "not a url",
        "ftp://example.com/a",
        "https://user:pw@example.com/a",
        "javascript:alert(1)",
        "https://example.com/" + "a" * 2048,
        "http://",
    ],
)
async def test_invalid_urls_are_422_problems_naming_the_field(
    api: httpx.AsyncClient, url: str
) -> None:
    response = await api.post("/v1/articles", json={"url": url})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith(PROBLEM)
    body = response.json()
    assert body["status"] == 422 and body["type"].endswith("/validation")
    assert body["errors"][0]["field"] == "url"
    assert "url" in body["detail"]


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/a\r\nSet-Cookie: x=1",
        "https://example.com/a\nb",
        "https://exa\tmple.com/",
        "https://example.com/\x1b[31m",
        "https://example.com/a\x7f",
    ],
)
async def test_control_characters_in_a_url_are_422_single_and_per_batch_item(
    api: httpx.AsyncClient, url: str
) -> None:
    response = await api.post("/v1/articles", json={"url": url})
    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["field"] == "url"
    assert "control character" in response.json()["errors"][0]["msg"]
    batch = await api.post("/v1/batches", json={"urls": ["https://example.com/fine", url]})
    assert batch.status_code == 202, batch.text
    good, bad = batch.json()["jobs"]
    assert "id" in good and "id" not in bad
    assert bad["error"]["status"] == 422 and bad["error"]["errors"][0]["field"] == "urls.1"


async def test_missing_body_and_wrong_types_are_422(api: httpx.AsyncClient) -> None:
    assert (await api.post("/v1/articles")).status_code == 422
    response = await api.post("/v1/articles", json={"url": "https://example.com", "force": "x"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "force"


async def test_not_found_and_method_not_allowed_are_problems(api: httpx.AsyncClient) -> None:
    for path in (
        f"/v1/jobs/{uuid.uuid4()}",
        f"/v1/articles/{uuid.uuid4()}",
        "/v1/nothing",
        f"/v1/sources/{uuid.uuid4()}",
    ):
        response = await api.get(path)
        assert response.status_code == 404, path
        assert response.headers["content-type"].startswith(PROBLEM)
        assert response.json()["status"] == 404
    response = await api.delete("/v1/articles")
    assert response.status_code == 405
    assert response.headers["content-type"].startswith(PROBLEM)
    bad_id = await api.get("/v1/jobs/not-a-uuid")
    assert bad_id.status_code == 422


async def test_tampered_cursor_is_a_400_problem(api: httpx.AsyncClient) -> None:
    response = await api.get("/v1/articles", params={"cursor": "AAAAtampered"})
    assert response.status_code == 400
    assert response.headers["content-type"].startswith(PROBLEM)
    assert (await api.get("/v1/articles", params={"limit": 501})).status_code == 422


async def test_health_ready_metrics_docs(api: httpx.AsyncClient) -> None:
    assert (await api.get("/healthz")).json() == {"status": "ok"}
    ready = await api.get("/readyz")
    assert ready.status_code == 200 and ready.json()["database"] is True
    await api.get("/v1/articles")
    metrics = (await api.get("/metrics")).text
    assert (
        'claimtrail_http_requests_total{method="GET",route="/v1/articles",status="200"}' in metrics
    )
    assert 'claimtrail_jobs{status="queued"}' in metrics
    docs = await api.get("/docs")
    assert docs.status_code == 200
    assets = [a for a in ("swagger-ui-bundle.js", "swagger-ui.css") if a in docs.text]
    assert len(assets) == 2 and "cdn" not in docs.text  # served locally: works offline
    for asset in assets:
        assert (await api.get(f"/static-offline-docs/{asset}")).status_code == 200
    spec = (await api.get("/openapi.json")).json()
    for path in (
        "/v1/articles",
        "/v1/jobs/{job_id}",
        "/v1/articles/{article_id}/claims",
        "/v1/articles/{article_id}/provenance",
        "/v1/sources",
    ):
        assert path in spec["paths"]

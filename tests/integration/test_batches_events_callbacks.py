"""Batches with per-item errors, Server-Sent Events of a job, signed callbacks with retries."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json

import httpx
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from app.auth.keys import hash_key
from app.auth.repository import ApiKeyRepository
from app.config import Settings
from app.db import create_engine, session_factory
from tests.integration.conftest import run_worker, serve_api, wait_for_job

BODY = (
    "<html><head><title>Vote</title></head><body><article><p>The council approved a "
    "budget of $4 million on Tuesday. It passed by 7 votes to 2.</p></article></body></html>"
)


async def test_batch_rejects_bad_items_and_runs_the_rest(
    api: httpx.AsyncClient, settings: Settings, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/a").respond_with_data(BODY, content_type="text/html")
    httpserver.expect_request("/b").respond_with_data("gone", status=410)
    urls = [httpserver.url_for("/a"), "ftp://nope.example/x", httpserver.url_for("/b"), "zzz"]
    response = await api.post("/v1/batches", json={"urls": urls})
    assert response.status_code == 202, response.text
    batch = response.json()
    jobs = batch["jobs"]
    assert [("id" in j) for j in jobs] == [True, False, True, False]
    assert jobs[1]["url"] == "ftp://nope.example/x"
    assert jobs[1]["error"]["status"] == 422 and jobs[1]["error"]["errors"][0]["field"] == "urls.1"

    await run_worker(settings)
    state = (await api.get(f"/v1/batches/{batch['id']}")).json()
    assert state["total"] == 2 and state["done"] is True
    assert state["counts"] == {"queued": 0, "running": 0, "succeeded": 1, "failed": 1}
    assert (await api.post("/v1/batches", json={"urls": []})).status_code == 422
    assert (
        await api.post("/v1/batches", json={"urls": ["http://x.example"] * 1001})
    ).status_code == 422


async def test_events_stream_until_the_job_ends(
    api: httpx.AsyncClient, settings: Settings, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/e").respond_with_data(BODY, content_type="text/html")
    job = (await api.post("/v1/articles", json={"url": httpserver.url_for("/e")})).json()

    listening = asyncio.Event()

    async def read_events() -> list[tuple[str, dict]]:  # type: ignore[type-arg]
        events, name = [], ""
        async with api.stream("GET", f"/v1/jobs/{job['id']}/events") as stream:
            assert stream.headers["content-type"].startswith("text/event-stream")
            async for line in stream.aiter_lines():
                if line.startswith("event: "):
                    name = line[7:]
                elif line.startswith("data: "):
                    events.append((name, json.loads(line[6:])))
                    listening.set()
        return events

    reader = asyncio.create_task(read_events())
    await asyncio.wait_for(listening.wait(), 30)  # the first event is out: now run the job
    await run_worker(settings)
    events = await asyncio.wait_for(reader, 30)
    assert events[0][1]["status"] == "queued"
    assert events[-2][1]["status"] == "succeeded"
    assert events[-1][0] == "end"


async def test_callback_is_signed_and_retried(
    api: httpx.AsyncClient, settings: Settings, httpserver: HTTPServer
) -> None:
    received: list[Request] = []

    def hook(request: Request) -> Response:
        received.append(request)
        return Response("try later", status=500) if len(received) == 1 else Response("ok")

    httpserver.expect_request("/page").respond_with_data(BODY, content_type="text/html")
    httpserver.expect_request("/hook", method="POST").respond_with_handler(hook)
    job = (
        await api.post(
            "/v1/articles",
            json={"url": httpserver.url_for("/page"), "callback_url": httpserver.url_for("/hook")},
        )
    ).json()
    await run_worker(settings.model_copy(update={"callback_retry_scale": 0.01}))
    await wait_for_job(api, job["id"])
    assert (await api.get(f"/v1/jobs/{job['id']}")).json()["callback_status"] == "delivered"
    assert len(received) == 2
    body = received[-1].get_data()
    # The documented contract, recomputed here: without keys the secret is
    # HMAC-SHA256(CLAIMTRAIL_SECRET_KEY, "callbacks") in hex, and it signs the exact body.
    secret = hmac.new(settings.secret_key.encode(), b"callbacks", hashlib.sha256).hexdigest()
    expected = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    assert received[-1].headers["X-Claimtrail-Signature"] == expected
    assert received[0].headers["X-Claimtrail-Signature"] == _signature(
        secret, received[0].get_data()
    )
    assert json.loads(body)["status"] == "succeeded"


def _signature(secret: str, body: bytes) -> str:
    """What a receiver computes: `sha256=` and the hex HMAC-SHA256 of the body."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


async def test_callback_of_a_keyed_job_is_signed_with_that_keys_secret(
    settings: Settings, httpserver: HTTPServer
) -> None:
    key = "ct_callback-signing-key-0123456789"
    engine = create_engine(settings.database_url or "", pool_size=1)
    try:
        async with session_factory(engine).begin() as session:
            row = await ApiKeyRepository(session).create(
                name="hooks", key_hash=hash_key(key, settings.secret_key)
            )
            key_secret = row.signing_secret
    finally:
        await engine.dispose()
    httpserver.expect_request("/page").respond_with_data(BODY, content_type="text/html")
    httpserver.expect_request("/hook", method="POST").respond_with_data("ok")
    keyed = settings.model_copy(update={"auth": "on"})
    async with serve_api(keyed) as api:
        api.headers["Authorization"] = f"Bearer {key}"
        job = (
            await api.post(
                "/v1/articles",
                json={
                    "url": httpserver.url_for("/page"),
                    "callback_url": httpserver.url_for("/hook"),
                },
            )
        ).json()
        await run_worker(keyed)
        await wait_for_job(api, job["id"])
        done = (await api.get(f"/v1/jobs/{job['id']}")).json()
    assert done["callback_status"] == "delivered", done
    ((request, _),) = [(q, r) for q, r in httpserver.log if q.path == "/hook"]
    body = request.get_data()
    assert json.loads(body)["id"] == job["id"]
    assert request.headers["X-Claimtrail-Signature"] == _signature(key_secret, body)
    default = hmac.new(settings.secret_key.encode(), b"callbacks", hashlib.sha256).hexdigest()
    assert request.headers["X-Claimtrail-Signature"] != _signature(default, body)


async def test_callback_to_a_private_address_is_refused(
    api: httpx.AsyncClient, settings: Settings, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/hook", method="POST").respond_with_data("ok")
    job = (
        await api.post(
            "/v1/articles",
            json={
                "url": "https://unreachable.invalid/x",
                "callback_url": httpserver.url_for("/hook"),
            },
        )
    ).json()
    await run_worker(
        settings.model_copy(update={"fetch_allow_private": False, "job_max_attempts": 1})
    )
    await wait_for_job(api, job["id"])
    assert (await api.get(f"/v1/jobs/{job['id']}")).json()["callback_status"] == "failed"
    assert httpserver.log == []

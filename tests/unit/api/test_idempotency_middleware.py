"""IdempotencyMiddleware alone, over a tiny app served by uvicorn on loopback, on the real database.

The app behind the middleware counts the requests it really handles, so a replay (served from
the stored row) is told apart from a rerun. Each test uses keys of its own. Expected digests
are computed here with hashlib.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
import uvicorn
from sqlalchemy import delete, insert, select
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response, StreamingResponse
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.idempotency import IdempotencyMiddleware, fingerprint, purge_idempotency_keys
from app.cli.embedded import free_port
from app.models import ApiKey, IdempotencyKey

PROBLEM = "https://claimtrail.dev/problems/"
HANDLED: list[dict[str, Any]] = []  # every request the app behind the middleware handled
GATE: dict[str, asyncio.Event] = {}  # handlers that wait for the test to let them finish
SEEN: dict[str, int | str | None] = {}  # a key's stored status as its answer's last byte left


async def _article(request: Request) -> Response:
    body = await request.json()
    HANDLED.append(body)
    if body.get("wait"):
        await GATE[body["wait"]].wait()
    if body.get("boom"):
        raise RuntimeError("handler failed")
    if body.get("text"):
        return PlainTextResponse("not json", 200)
    if body.get("stream"):  # JSON sent in two pieces
        pieces = [b'{"n": ', str(len(HANDLED)).encode() + b"}"]
        return StreamingResponse(iter(pieces), 202, media_type="application/json")
    status = int(body.get("status", 202))
    headers = {"Location": f"/v1/jobs/{len(HANDLED)}", "X-Not-Replayed": "1"}
    media = body.get("media", "application/json")
    content = {"n": len(HANDLED), "path": request.url.path}
    return JSONResponse(content, status, headers=headers, media_type=media)


class _Owner:
    """Stands in for the auth middleware: the caller's key id from `X-Owner`."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            owner = dict(scope["headers"]).get(b"x-owner")
            scope.setdefault("state", {})["api_key_id"] = (
                uuid.UUID(owner.decode()) if owner else None
            )
        await self.app(scope, receive, send)


class _Observer:
    """Outermost: records each keyed request's stored status as its last byte leaves."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = dict(scope.get("headers", [])).get(b"idempotency-key")
        if scope["type"] != "http" or key is None:
            await self.app(scope, receive, send)
            return

        async def observe(message: Message) -> None:
            if message["type"] == "http.response.body" and not message.get("more_body"):
                try:
                    async with scope["app"].state.sessions() as session:
                        row = await session.scalar(
                            select(IdempotencyKey).where(IdempotencyKey.key == key.decode())
                        )
                    SEEN[key.decode()] = "gone" if row is None else row.response_status
                except OSError:  # the tests that take the database away
                    SEEN[key.decode()] = "unknown"
            await send(message)

        await self.app(scope, receive, observe)


def _app(engine: AsyncEngine) -> Starlette:
    routes = [
        Route(path, _article, methods=["POST", "PUT"])
        for path in ("/v1/articles", "/v1/batches", "/v1/other")
    ]
    app = Starlette(
        routes=routes,
        middleware=[Middleware(_Observer), Middleware(_Owner), Middleware(IdempotencyMiddleware)],
    )
    app.state.sessions = async_sessionmaker(engine, expire_on_commit=False)
    return app


async def _serve(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="critical", lifespan="on")
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    while not server.started:
        if task.done():
            task.result()
        await asyncio.sleep(0.01)
    async with httpx.AsyncClient(
        base_url=f"http://127.0.0.1:{port}", timeout=15
    ) as client:  # a request takes well under 1 s
        yield client
    server.should_exit = True
    await task


@pytest.fixture(scope="module")
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_async_engine(database_url)
    yield engine
    await engine.dispose()


@pytest.fixture(scope="module")
async def client(engine: AsyncEngine) -> AsyncIterator[httpx.AsyncClient]:
    async for client in _serve(_app(engine)):
        yield client


@pytest.fixture
def key() -> str:
    return f"key-{uuid.uuid4().hex}"


async def _post(
    client: httpx.AsyncClient, key: str | None, body: object, path: str = "/v1/articles",
    **headers: str,
) -> httpx.Response:  # fmt: skip
    sent = {"Idempotency-Key": key} if key is not None else {}
    sent |= {name.replace("_", "-"): value for name, value in headers.items()}
    return await client.post(path, json=body, headers=sent)


def _problem(response: httpx.Response, status: int, slug: str, detail: str) -> None:
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert (problem["type"], problem["status"], problem["detail"]) == (
        PROBLEM + slug,
        status,
        detail,
    )


async def _row(engine: AsyncEngine, key: str) -> IdempotencyKey | None:
    async with async_sessionmaker(engine)() as session:
        return await session.scalar(select(IdempotencyKey).where(IdempotencyKey.key == key))


async def _settled(engine: AsyncEngine, key: str) -> IdempotencyKey | None:
    """The key's row once its request has ended (a request still running holds it in flight)."""
    for _ in range(300):  # 15 s bounds a stalled machine
        row = await _row(engine, key)
        if row is None or row.response_status is not None:
            return row
        await asyncio.sleep(0.05)
    raise AssertionError(f"the row of {key} was never settled")


async def _add_row(engine: AsyncEngine, key: str, body: object, **columns: object) -> None:
    sha = hashlib.sha256(json.dumps(body, separators=(",", ":")).encode()).hexdigest()
    values = {"key": key, "path": "/v1/articles", "request_sha256": sha, "api_key_id": None}
    async with engine.begin() as conn:
        await conn.execute(insert(IdempotencyKey).values(**values | columns))


def test_fingerprint_is_the_sha256_of_canonical_json_or_of_the_raw_body() -> None:
    canonical = b'{"a":[1,{"c":3,"d":4}],"b":"\\u00e9"}'
    assert fingerprint('{ "b": "é", "a": [1, {"d": 4, "c": 3}] }'.encode()) == (
        hashlib.sha256(canonical).hexdigest()
    )
    assert fingerprint(b"not json {") == hashlib.sha256(b"not json {").hexdigest()


async def test_a_repeat_replays_the_stored_response(
    client: httpx.AsyncClient, engine: AsyncEngine, key: str
) -> None:
    first = await _post(client, key, {"url": "u", "a": 1})
    assert first.status_code == 202 and "idempotent-replayed" not in first.headers
    handled = len(HANDLED)
    row = await _settled(engine, key)
    assert row is not None and row.api_key_id is None and row.path == "/v1/articles"
    assert row.request_sha256 == hashlib.sha256(b'{"a":1,"url":"u"}').hexdigest()
    assert (row.response_status, row.response_body) == (202, first.json())
    assert row.response_headers == {
        "location": first.headers["location"],
        "content-type": "application/json",
    }
    spaced = b'{ "a" : 1 ,\n "url": "u" }'  # the same JSON, other bytes
    again = await client.post(
        "/v1/articles",
        content=spaced,
        headers={"Idempotency-Key": key, "content-type": "application/json"},
    )
    assert len(HANDLED) == handled  # served from the row, not run again
    assert (again.status_code, again.json()) == (202, first.json())
    assert again.headers["idempotent-replayed"] == "true"
    assert again.headers["location"] == first.headers["location"]
    assert again.headers["content-type"] == "application/json"
    assert "x-not-replayed" in first.headers and "x-not-replayed" not in again.headers


async def test_the_row_holds_the_answer_before_the_client_has_it(
    client: httpx.AsyncClient, key: str
) -> None:
    # a client that has the whole answer and sends the key again gets the replay, never a
    # 409 "in flight" for a request that already ended
    first = await _post(client, key, {"status": 201})
    assert SEEN[key] == first.status_code == 201
    failed = f"{key}-failed"
    assert (await _post(client, failed, {"status": 409})).status_code == 409
    assert SEEN[failed] == "gone"  # a failure frees the key before the client hears of it
    streamed = f"{key}-streamed"
    assert (await _post(client, streamed, {"stream": True})).status_code == 202
    assert SEEN[streamed] == 202


async def test_a_replay_keeps_the_status_and_media_type(
    client: httpx.AsyncClient, key: str
) -> None:
    body = {"status": 201, "media": "application/vnd.test+json"}
    first = await _post(client, key, body)
    again = await _post(client, key, body)
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.headers["content-type"] == "application/vnd.test+json"
    assert again.json() == first.json()


async def test_a_key_stored_without_headers_replays_as_json(
    client: httpx.AsyncClient, engine: AsyncEngine, key: str
) -> None:
    body = {"url": "stored"}
    await _add_row(engine, key, body, response_status=200, response_body={"ok": 1})
    again = await _post(client, key, body)
    assert (again.status_code, again.json()) == (200, {"ok": 1})
    assert again.headers["content-type"] == "application/json"
    assert again.headers["idempotent-replayed"] == "true"


async def test_another_body_with_the_same_key_is_422(
    client: httpx.AsyncClient, engine: AsyncEngine, key: str
) -> None:
    assert (await _post(client, key, {"url": "one"})).status_code == 202
    await _settled(engine, key)
    handled = len(HANDLED)
    other = await _post(client, key, {"url": "two"})
    detail = "This Idempotency-Key was used with a different request body"
    _problem(other, 422, "idempotency-mismatch", detail)
    assert other.json()["instance"] == "/v1/articles"
    assert len(HANDLED) == handled


async def test_a_request_in_flight_makes_a_repeat_wait(
    client: httpx.AsyncClient, engine: AsyncEngine, key: str
) -> None:
    GATE[key] = asyncio.Event()
    body = {"wait": key}
    first = asyncio.create_task(_post(client, key, body))
    for _ in range(300):  # until the first request is inside the app (15 s at most)
        if body in HANDLED:
            break
        await asyncio.sleep(0.05)
    row = await _row(engine, key)
    assert row is not None and row.response_status is None  # reserved before it runs
    busy = await _post(client, key, body)
    detail = "A request with this Idempotency-Key is still in progress; retry shortly"
    _problem(busy, 409, "idempotency-in-flight", detail)
    assert busy.headers["retry-after"] == "1"
    assert busy.json()["instance"] == "/v1/articles"
    _problem(
        await _post(client, key, {"wait": "other"}),
        422,
        "idempotency-mismatch",
        "This Idempotency-Key was used with a different request body",
    )
    GATE[key].set()
    assert (await first).status_code == 202
    await _settled(engine, key)
    assert (await _post(client, key, body)).headers["idempotent-replayed"] == "true"


@pytest.mark.parametrize(("minutes", "taken_over"), [(4, False), (6, True)])
async def test_an_in_flight_row_is_taken_over_after_five_minutes(
    client: httpx.AsyncClient, engine: AsyncEngine, key: str, minutes: int, taken_over: bool
) -> None:
    body = {"url": "abandoned"}
    created = datetime.now(UTC) - timedelta(minutes=minutes)
    await _add_row(engine, key, body, created_at=created)
    handled = len(HANDLED)
    response = await _post(client, key, body)
    assert response.status_code == (202 if taken_over else 409)
    assert len(HANDLED) == handled + taken_over
    row = await _settled(engine, key) if taken_over else await _row(engine, key)
    assert row is not None
    if taken_over:  # the new owner renewed the row and stored its answer
        assert row.created_at > created + timedelta(minutes=minutes - 1)
        assert row.response_status == 202
    else:
        assert row.created_at == created and row.response_status is None


async def test_taking_over_leaves_other_abandoned_rows_and_other_bodies_alone(
    client: httpx.AsyncClient, engine: AsyncEngine, key: str
) -> None:
    other_key, other_body = f"{key}-other", f"{key}-body"
    created = datetime.now(UTC) - timedelta(minutes=10)
    await _add_row(engine, key, {"url": "mine"}, created_at=created)
    await _add_row(engine, other_key, {"url": "theirs"}, created_at=created)
    await _add_row(engine, other_body, {"url": "first body"}, created_at=created)
    handled = len(HANDLED)
    # an abandoned request with another body is still a mismatch, not taken over
    mismatch = await _post(client, other_body, {"url": "second body"})
    assert mismatch.status_code == 422 and len(HANDLED) == handled
    assert (await _post(client, key, {"url": "mine"})).status_code == 202
    assert len(HANDLED) == handled + 1
    other = await _row(engine, other_key)
    assert other is not None and other.created_at == created  # not renewed by our take-over


@pytest.mark.parametrize(("hours", "expired"), [(23, False), (25, True)])
async def test_a_key_is_remembered_for_24_hours(
    client: httpx.AsyncClient, engine: AsyncEngine, key: str, hours: int, expired: bool
) -> None:
    created = datetime.now(UTC) - timedelta(hours=hours)
    await _add_row(engine, key, {"url": "old"}, created_at=created, response_status=202,
                   response_body={"n": 0})  # fmt: skip
    response = await _post(client, key, {"url": "new"})
    assert response.status_code == (202 if expired else 422)


@pytest.mark.parametrize(
    ("body", "status"),
    [({"status": 400}, 400), ({"status": 422}, 422), ({"boom": True}, 500), ({"text": 1}, 200)],
)
async def test_a_failure_or_an_answer_that_is_not_json_frees_the_key(
    client: httpx.AsyncClient, engine: AsyncEngine, key: str, body: dict[str, Any], status: int
) -> None:
    assert (await _post(client, key, body)).status_code == status
    assert await _settled(engine, key) is None
    handled = len(HANDLED)
    assert (await _post(client, key, body)).status_code == status
    assert await _settled(engine, key) is None
    assert len(HANDLED) == handled + 1  # run again, not replayed
    assert (await _post(client, key, {"url": "fixed"})).status_code == 202


async def test_a_json_answer_sent_in_pieces_is_stored_whole(
    client: httpx.AsyncClient, engine: AsyncEngine, key: str
) -> None:
    first = await _post(client, key, {"stream": 1})
    row = await _settled(engine, key)
    assert row is not None and row.response_body == first.json() == {"n": len(HANDLED)}
    again = await _post(client, key, {"stream": 1})
    assert again.headers["idempotent-replayed"] == "true" and again.json() == first.json()


async def test_the_last_status_below_400_is_kept(
    client: httpx.AsyncClient, engine: AsyncEngine, key: str
) -> None:
    first = await _post(client, key, {"status": 399})
    await _settled(engine, key)
    again = await _post(client, key, {"status": 399})
    assert (first.status_code, again.status_code) == (399, 399)
    assert again.headers["idempotent-replayed"] == "true"


async def test_keys_are_scoped_by_caller_and_path(
    client: httpx.AsyncClient, engine: AsyncEngine, key: str
) -> None:
    owners = []
    async with engine.begin() as conn:
        for name in ("a", "b"):
            owner = uuid.uuid4()
            await conn.execute(insert(ApiKey).values(id=owner, name=name, key_hash=owner.hex,
                                                     signing_secret="s"))  # fmt: skip
            owners.append(str(owner))
    handled = len(HANDLED)
    body = {"url": "scoped"}
    firsts = [await _post(client, key, body, x_owner=owner) for owner in owners]
    firsts += [await _post(client, key, body), await _post(client, key, body, "/v1/batches")]
    assert [r.status_code for r in firsts] == [202] * 4
    for _ in range(300):  # until all four are settled (15 s bounds a stalled machine)
        async with async_sessionmaker(engine)() as session:
            rows = (
                await session.scalars(select(IdempotencyKey).where(IdempotencyKey.key == key))
            ).all()
        if len(rows) == 4 and all(r.response_status == 202 for r in rows):
            break
        await asyncio.sleep(0.05)
    assert len(HANDLED) == handled + 4
    replays = [
        await _post(client, key, body, x_owner=owners[0]),
        await _post(client, key, body, x_owner=owners[1]),
        await _post(client, key, body),
        await _post(client, key, body, "/v1/batches"),
    ]
    assert [r.headers.get("idempotent-replayed") for r in replays] == ["true"] * 4
    assert [r.json() for r in replays] == [r.json() for r in firsts]  # each its own answer
    assert len({r.json()["n"] for r in firsts}) == 4
    assert len(HANDLED) == handled + 4


async def test_other_requests_pass_through(client: httpx.AsyncClient, key: str) -> None:
    handled = len(HANDLED)
    for _ in range(2):
        assert (await _post(client, key, {"url": "x"}, "/v1/other")).status_code == 202
        assert (await _post(client, None, {"url": "x"})).status_code == 202
        put = await client.put("/v1/articles", json={"url": "x"}, headers={"Idempotency-Key": key})
        assert put.status_code == 202
    assert len(HANDLED) == handled + 6


@pytest.mark.parametrize(("length", "accepted"), [(0, False), (1, True), (255, True), (256, False)])
async def test_a_key_has_1_to_255_characters(
    client: httpx.AsyncClient, length: int, accepted: bool
) -> None:
    key = uuid.uuid4().hex[:1] + "k" * (length - 1) if length else ""
    response = await _post(client, key, {"url": "len", "n": length})
    if accepted:
        assert response.status_code == 202
    else:
        _problem(response, 400, "bad-request", "Idempotency-Key must be 1 to 255 characters")


async def test_a_body_sent_in_pieces_is_fingerprinted_whole(
    client: httpx.AsyncClient, engine: AsyncEngine, key: str
) -> None:
    async def pieces() -> AsyncIterator[bytes]:
        for piece in (b'{"url": ', b'"chunked"', b', "n": 1}'):
            yield piece

    headers = {"Idempotency-Key": key, "content-type": "application/json"}
    first = await client.post("/v1/articles", content=pieces(), headers=headers)
    assert first.status_code == 202
    assert HANDLED[-1] == {"url": "chunked", "n": 1}  # the app got the whole body
    row = await _settled(engine, key)
    assert row is not None
    assert row.request_sha256 == hashlib.sha256(b'{"n":1,"url":"chunked"}').hexdigest()
    again = await _post(client, key, {"n": 1, "url": "chunked"})
    assert again.headers["idempotent-replayed"] == "true"


async def test_without_the_database_it_is_503_retry(key: str) -> None:
    down = create_async_engine(f"postgresql+asyncpg://postgres@127.0.0.1:{free_port()}/none")
    try:
        async for client in _serve(_app(down)):
            response = await _post(client, key, {"url": "down"})
    finally:
        await down.dispose()
    _problem(response, 503, "unavailable", "Retry")
    assert response.headers["retry-after"] == "2"


async def test_purge_deletes_keys_past_their_lifetime(engine: AsyncEngine) -> None:
    now = datetime.now(UTC)
    keys = {hours: f"purge-{hours}-{uuid.uuid4().hex}" for hours in (1, 23, 25, 49)}
    for hours, key in keys.items():
        await _add_row(engine, key, {}, created_at=now - timedelta(hours=hours))
    async with async_sessionmaker(engine)() as session:
        assert await purge_idempotency_keys(session, older_than=timedelta(hours=48)) == 1
        assert await purge_idempotency_keys(session) == 1
        await session.commit()
    left = {hours for hours, key in keys.items() if await _row(engine, key) is not None}
    assert left == {1, 23}
    async with engine.begin() as conn:
        await conn.execute(delete(IdempotencyKey).where(IdempotencyKey.key.in_(keys.values())))

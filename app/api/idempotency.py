"""`Idempotency-Key` on POSTs (Stripe semantics), as ASGI middleware over chosen paths.

A first request commits an in-flight row before it runs (the unique index on
(api_key_id, key, path), NULLS NOT DISTINCT, lets exactly one insert win), then fills it
with the response. A repeat with the same body replays that response; with another body
it is a 422; while the first still runs, a 409. Failures (status >= 400) free the key.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import structlog
from sqlalchemy import ColumnElement, delete, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.datastructures import Headers
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.request_limits import replay_body
from app.errors import problem_response
from app.models import IdempotencyKey

__all__ = ["IDEMPOTENT_POSTS", "IdempotencyMiddleware", "fingerprint", "purge_idempotency_keys"]

IDEMPOTENT_POSTS = frozenset({"/v1/articles", "/v1/batches"})
KEEP_FOR = timedelta(hours=24)
ABANDONED_AFTER = timedelta(minutes=5)  # an in-flight row this old lost its process
REPLAYED_HEADERS = ("location", "content-type")
log = structlog.get_logger()


def fingerprint(body: bytes) -> str:
    """SHA-256 of the body as canonical JSON (key order and spacing ignored), else raw."""
    try:
        canonical = json.dumps(json.loads(body), sort_keys=True, separators=(",", ":"))
    except ValueError:
        return hashlib.sha256(body).hexdigest()
    return hashlib.sha256(canonical.encode()).hexdigest()


async def purge_idempotency_keys(session: AsyncSession, *, older_than: timedelta = KEEP_FOR) -> int:
    """Delete remembered requests past their lifetime (for the worker's cron); caller commits."""
    cutoff = datetime.now(UTC) - older_than
    result = await session.execute(
        delete(IdempotencyKey)
        .where(IdempotencyKey.created_at < cutoff)
        .returning(IdempotencyKey.id)
    )
    return len(result.all())


@dataclass(slots=True)
class _Scope:
    api_key_id: uuid.UUID | None
    key: str
    path: str

    def where(self) -> list[ColumnElement[bool]]:
        owner = IdempotencyKey.api_key_id
        return [
            owner.is_(None) if self.api_key_id is None else owner == self.api_key_id,
            IdempotencyKey.key == self.key,
            IdempotencyKey.path == self.path,
        ]


@dataclass(slots=True)
class _Captured:
    status: int = 0
    headers: dict[str, str] = field(default_factory=dict)
    body: list[bytes] = field(default_factory=list)


async def _reserve(
    sessions: async_sessionmaker[AsyncSession], scope: _Scope, sha: str
) -> int | IdempotencyKey | None:
    """The new row's id if this request won the key, else the existing row (or None)."""
    async with sessions.begin() as session:
        expired = datetime.now(UTC) - KEEP_FOR
        await session.execute(
            delete(IdempotencyKey).where(*scope.where(), IdempotencyKey.created_at < expired)
        )
        values = {"api_key_id": scope.api_key_id, "key": scope.key, "path": scope.path}
        won = await session.scalar(
            insert(IdempotencyKey)
            .values(**values, request_sha256=sha)
            .on_conflict_do_nothing()
            .returning(IdempotencyKey.id)
        )
        if won is not None:
            return won
        row = await session.scalar(select(IdempotencyKey).where(*scope.where()))
        if row is None or row.request_sha256 != sha or row.response_status is not None:
            return row
        abandoned = datetime.now(UTC) - ABANDONED_AFTER
        taken = await session.scalar(  # take over from a process that died mid-request
            update(IdempotencyKey)
            .where(IdempotencyKey.id == row.id, IdempotencyKey.response_status.is_(None))
            .where(IdempotencyKey.created_at < abandoned)
            .values(created_at=datetime.now(UTC))
            .returning(IdempotencyKey.id)
        )
        return taken if taken is not None else row


async def _settle(sessions: async_sessionmaker[AsyncSession], row_id: int, out: _Captured) -> None:
    """Keep a success for replay; forget anything else so the client may retry."""
    try:
        body = json.loads(b"".join(out.body)) if out.status < 400 else None
    except ValueError:
        body = None
    async with sessions.begin() as session:
        if body is None:
            await session.execute(delete(IdempotencyKey).where(IdempotencyKey.id == row_id))
            return
        await session.execute(
            update(IdempotencyKey)
            .where(IdempotencyKey.id == row_id)
            .values(response_status=out.status, response_body=body, response_headers=out.headers)
        )


def _answer(row: IdempotencyKey | None, sha: str, path: str) -> Response:
    """Replay the stored response, or explain why not."""
    if row is not None and row.request_sha256 != sha:
        detail = "This Idempotency-Key was used with a different request body"
        return problem_response(422, "idempotency-mismatch", detail, instance=path)
    if row is None or row.response_status is None:
        detail = "A request with this Idempotency-Key is still in progress; retry shortly"
        retry = {"Retry-After": "1"}
        return problem_response(409, "idempotency-in-flight", detail, instance=path, headers=retry)
    headers = dict(row.response_headers or {}) | {"Idempotent-Replayed": "true"}
    media_type = headers.pop("content-type", "application/json")
    content = json.dumps(row.response_body).encode()
    return Response(content, row.response_status, headers, media_type=media_type)


class IdempotencyMiddleware:
    """Apply `Idempotency-Key` to POSTs on `paths`, scoped by API key and path."""

    def __init__(self, app: ASGIApp, *, paths: frozenset[str] = IDEMPOTENT_POSTS) -> None:
        self.app = app
        self.paths = paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = Headers(scope=scope).get("idempotency-key") if scope["type"] == "http" else None
        if key is None or scope["method"] != "POST" or scope["path"] not in self.paths:
            await self.app(scope, receive, send)
            return
        if not 0 < len(key) <= 255:
            detail = "Idempotency-Key must be 1 to 255 characters"
            await problem_response(400, "bad-request", detail)(scope, receive, send)
            return
        body = await _body(receive)
        sha = fingerprint(body)
        owner = scope.get("state", {}).get("api_key_id")
        sessions = scope["app"].state.sessions
        try:
            reserved = await _reserve(sessions, _Scope(owner, key, scope["path"]), sha)
        except (SQLAlchemyError, OSError) as exc:
            log.warning("idempotency_unavailable", error=type(exc).__name__)
            retry = {"Retry-After": "2"}
            await problem_response(503, "unavailable", "Retry", headers=retry)(scope, receive, send)
            return
        if not isinstance(reserved, int):
            await _answer(reserved, sha, scope["path"])(scope, receive, send)
            return
        out = _Captured(status=500)
        settled = False

        async def settle() -> None:
            nonlocal settled
            if settled:
                return
            settled = True
            try:
                await _settle(sessions, reserved, out)
            except Exception as exc:  # the row stays in flight until ABANDONED_AFTER
                log.warning("idempotency_settle_failed", error=type(exc).__name__)

        try:
            await self.app(scope, replay_body(body, receive), _capturing(send, out, settle))
        finally:
            await settle()


async def _body(receive: Receive) -> bytes:
    """The request body (its size is capped by RequestLimitsMiddleware outside)."""
    chunks = []
    while True:
        message = await receive()
        chunks.append(message.get("body", b""))
        if message["type"] != "http.request" or not message.get("more_body", False):
            return b"".join(chunks)


def _capturing(send: Send, out: _Captured, settle: Callable[[], Awaitable[None]]) -> Send:
    """Forward the response while keeping a copy of its status, headers and body; the row
    is settled before the last piece goes out, so a client that has the whole answer can
    replay it at once (never a 409 for a request that already ended)."""

    async def capture(message: Message) -> None:
        if message["type"] == "http.response.start":
            out.status = message["status"]
            raw = Headers(raw=message.get("headers", []))
            out.headers = {name: raw[name] for name in REPLAYED_HEADERS if name in raw}
        elif message["type"] == "http.response.body":
            out.body.append(message.get("body", b""))
            if not message.get("more_body", False):
                await settle()
        await send(message)

    return capture

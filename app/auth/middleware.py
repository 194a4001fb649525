"""Pure ASGI middleware: every `/v1` request carries a live API key, or gets a 401 problem."""

from __future__ import annotations

import asyncio
import base64
import binascii
import time
import uuid
from collections.abc import Callable

import structlog
from fastapi import FastAPI
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from app.api.ratelimit import WINDOW, minute_window_hit, recent_hits
from app.auth.keys import ConfiguredKey, hash_key, hashes_match, legacy_hash, parse_keys
from app.auth.openapi import document_security
from app.auth.paths import is_protected, is_report
from app.auth.repository import ApiKeyRepository
from app.config import Settings
from app.errors import problem_response

__all__ = ["AuthMiddleware", "install_auth", "presented_key"]

log = structlog.get_logger()

# Browsers prompt for Basic credentials on report pages; the API asks for a bearer key.
_CHALLENGE = {False: "Bearer", True: 'Basic realm="claimtrail report", charset="UTF-8"'}


def presented_key(headers: Headers, *, allow_basic: bool = False) -> str | None:
    """The key from `Authorization: Bearer …`, `X-API-Key` or (reports) Basic's password."""
    scheme, _, credentials = headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and credentials.strip():
        return credentials.strip()
    if scheme.lower() == "basic" and allow_basic:
        return _basic_password(credentials.strip())
    return headers.get("x-api-key", "").strip() or None


def _basic_password(credentials: str) -> str | None:
    try:
        decoded = base64.b64decode(credentials, validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        return None
    user, _, password = decoded.partition(":")
    return password or user or None


class AuthMiddleware:
    """Resolve the caller's key to `request.state.api_key_id` (the scope of jobs and limits)."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        configured: list[ConfiguredKey],
        secret: str,
        failures_per_minute: int = 30,
        prefix: str = "claimtrail:",
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.app = app
        self.configured, self.secret = configured, secret
        self.failures_per_minute, self.prefix, self.clock = failures_per_minute, prefix, clock
        self._synced = False
        self._sync_lock = asyncio.Lock()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not is_protected(scope["path"]):
            await self.app(scope, receive, send)
            return
        report = is_report(scope["path"])
        key = presented_key(Headers(scope=scope), allow_basic=report)
        if key and await self._guessing(scope):
            await self._too_many(scope, receive, send)
            return
        try:
            key_id = await self._key_id(scope, key) if key else None
        except (SQLAlchemyError, OSError) as exc:
            log.warning("auth_unavailable", error=type(exc).__name__)
            response = problem_response(
                503, "unavailable", "Cannot check API keys; retry", headers={"Retry-After": "2"}
            )
            await response(scope, receive, send)
            return
        if key_id is None and key and await self._count_failure(scope):
            await self._too_many(scope, receive, send)
            return
        if key_id is None:
            detail = "Invalid or revoked API key" if key else "An API key is required"
            response = problem_response(
                401,
                "unauthorized",
                detail + " (Authorization: Bearer <key> or X-API-Key: <key>)",
                instance=scope["path"],
                headers={"WWW-Authenticate": _CHALLENGE[report]},
            )
            await response(scope, receive, send)
            return
        scope.setdefault("state", {})["api_key_id"] = key_id
        await self.app(scope, receive, send)

    def _failure_key(self, scope: Scope) -> str:
        client = scope.get("client")
        return f"{self.prefix}authfail:{client[0] if client else 'unknown'}"

    async def _guessing(self, scope: Scope) -> bool:
        """This address already failed too often this minute (checked before any lookup)."""
        if self.failures_per_minute <= 0:
            return False
        redis = scope["app"].state.queue.pool
        hits = await recent_hits(redis, self._failure_key(scope), now=self.clock())
        return hits >= self.failures_per_minute

    async def _count_failure(self, scope: Scope) -> bool:
        """Count a wrong key from this address; True once it passes the limit."""
        if self.failures_per_minute <= 0:
            return False
        redis = scope["app"].state.queue.pool
        wait = await minute_window_hit(
            redis, self._failure_key(scope), limit=self.failures_per_minute, now=self.clock()
        )
        return wait is not None

    async def _too_many(self, scope: Scope, receive: Receive, send: Send) -> None:
        wait = max(1, WINDOW - int(self.clock()) % WINDOW)
        log.warning("auth_failures_limited", client=self._failure_key(scope))
        response = problem_response(
            429,
            "rate-limited",
            f"Too many invalid API keys from this address; retry in {wait} s",
            instance=scope["path"],
            headers={"Retry-After": str(wait)},
        )
        await response(scope, receive, send)

    async def _key_id(self, scope: Scope, key: str) -> uuid.UUID | None:
        """The id of the live key matching `key`, or None."""
        presented = hash_key(key, self.secret)
        async with scope["app"].state.sessions() as session:
            await self._sync_configured(session)
            row = await ApiKeyRepository(session).by_hash(presented, legacy_hash(key))
            await session.commit()  # a row found under its old unkeyed hash moved over
        if row is None or row.revoked_at is not None:
            return None
        return row.id if hashes_match(row.key_hash, presented) else None

    async def _sync_configured(self, session: AsyncSession) -> None:
        """Once per process, before any key is checked: `CLAIMTRAIL_API_KEYS` is the truth."""
        if self._synced:
            return
        async with self._sync_lock:
            if not self._synced:
                revoked = await ApiKeyRepository(session).sync_configured(self.configured)
                await session.commit()
                if revoked:
                    log.info("env_keys_revoked", count=revoked)
                self._synced = True


def install_auth(
    app: FastAPI, settings: Settings, *, clock: Callable[[], float] = time.time
) -> None:
    """Require keys on `/v1` when `CLAIMTRAIL_AUTH=on`; always document the scheme."""
    secret = settings.secret_key
    configured = parse_keys(settings.api_keys.get_secret_value(), secret)
    document_security(app)
    if settings.auth == "on":
        app.add_middleware(
            AuthMiddleware,
            configured=configured,
            secret=secret,
            failures_per_minute=settings.auth_failures_per_minute,
            prefix=settings.redis_prefix,
            clock=clock,
        )
    elif configured:
        log.warning("api_keys_ignored", reason="CLAIMTRAIL_AUTH is off; every caller is anonymous")

"""Pure ASGI middleware: every `/v1` request carries a live API key, or gets a 401 problem."""

from __future__ import annotations

import asyncio
import base64
import binascii
import uuid

import structlog
from fastapi import FastAPI
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from app.auth.keys import ConfiguredKey, hash_key, hashes_match, parse_keys
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

    def __init__(self, app: ASGIApp, *, configured: list[ConfiguredKey]) -> None:
        self.app = app
        self.configured = configured
        self._synced = False
        self._sync_lock = asyncio.Lock()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not is_protected(scope["path"]):
            await self.app(scope, receive, send)
            return
        report = is_report(scope["path"])
        key = presented_key(Headers(scope=scope), allow_basic=report)
        try:
            key_id = await self._key_id(scope, key) if key else None
        except (SQLAlchemyError, OSError) as exc:
            log.warning("auth_unavailable", error=type(exc).__name__)
            response = problem_response(
                503, "unavailable", "Cannot check API keys; retry", headers={"Retry-After": "2"}
            )
            await response(scope, receive, send)
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

    async def _key_id(self, scope: Scope, key: str) -> uuid.UUID | None:
        """The id of the live key matching `key`, or None."""
        presented = hash_key(key)
        async with scope["app"].state.sessions() as session:
            await self._sync_configured(session)
            row = await ApiKeyRepository(session).by_hash(presented)
        if row is None or row.revoked_at is not None:
            return None
        return row.id if hashes_match(row.key_hash, presented) else None

    async def _sync_configured(self, session: AsyncSession) -> None:
        """Once per process, give `CLAIMTRAIL_API_KEYS` entries their rows."""
        if self._synced or not self.configured:
            return
        async with self._sync_lock:
            if not self._synced:
                await ApiKeyRepository(session).ensure(self.configured)
                await session.commit()
                self._synced = True


def install_auth(app: FastAPI, settings: Settings) -> None:
    """Require keys on `/v1` when `CLAIMTRAIL_AUTH=on`; always document the scheme."""
    configured = parse_keys(settings.api_keys.get_secret_value())
    document_security(app)
    if settings.auth == "on":
        app.add_middleware(AuthMiddleware, configured=configured)
    elif configured:
        log.warning("api_keys_ignored", reason="CLAIMTRAIL_AUTH is off; every caller is anonymous")

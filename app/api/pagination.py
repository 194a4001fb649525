"""Opaque, signed keyset cursors: a tampered cursor is a 400, never a wrong page."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from typing import Annotated, Any

from fastapi import Query

from app.errors import BadRequest

__all__ = ["CursorCodec", "Limit"]

Limit = Annotated[int, Query(ge=1, le=500, description="Page size (1–500).")]


class CursorCodec:
    """Encodes the last row's sort key; signed with the service secret."""

    def __init__(self, secret: str) -> None:
        self._key = hashlib.sha256(("cursor:" + secret).encode()).digest()

    def _sign(self, payload: bytes) -> bytes:
        return hmac.new(self._key, payload, hashlib.sha256).digest()[:12]

    def encode(self, kind: str, values: list[Any]) -> str:
        """A cursor for rows after `values` in the `kind` listing."""
        payload = json.dumps([kind, values], separators=(",", ":"), default=str).encode()
        return base64.urlsafe_b64encode(self._sign(payload) + payload).decode().rstrip("=")

    def decode(self, kind: str, cursor: str) -> list[Any]:
        """The sort key inside a cursor, or 400 if it was altered or belongs elsewhere."""
        try:
            raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
            signature, payload = raw[:12], raw[12:]
            if not hmac.compare_digest(signature, self._sign(payload)):
                raise ValueError("bad signature")
            found, values = json.loads(payload)
        except (ValueError, TypeError) as exc:
            raise BadRequest("The cursor is invalid or was altered") from exc
        if found != kind or not isinstance(values, list):
            raise BadRequest("The cursor belongs to another listing")
        return values

"""Request bodies: a size cap enforced while streaming, JSON content type and nesting depth."""

from __future__ import annotations

import re

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.errors import problem_response

__all__ = [
    "RequestLimitsMiddleware",
    "install_json_errors",
    "is_json",
    "json_shape",
    "nesting_exceeds",
    "replay_body",
]

STRING = re.compile(rb'"(?:[^"\\]++|\\.)*+"')
LEAF_CONTAINER = re.compile(rb"\[\]|\{\}")
NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")


def is_json(content_type: str | None) -> bool:
    """`application/json` or any `application/*+json`."""
    media = (content_type or "").split(";", 1)[0].strip().lower()
    return media == "application/json" or (
        media.startswith("application/") and media.endswith("+json")
    )


def json_shape(body: bytes, limit: int) -> str:
    """`ok`, `too-deep` (nests arrays/objects deeper than `limit`) or `malformed` (brackets
    that never close or close the wrong kind), without parsing the JSON.

    Strings are blanked, then each pass strips the innermost empty containers (all in C);
    a pass that strips nothing while brackets remain means they cannot be balanced.
    """
    brackets = STRING.sub(b"", body).translate(None, NOT_BRACKETS)
    depth = 0
    while brackets:
        stripped = LEAF_CONTAINER.sub(b"", brackets)
        if stripped == brackets:
            return "malformed"
        depth += 1
        if depth > limit:
            return "too-deep"
        brackets = stripped
    return "ok"


def nesting_exceeds(body: bytes, limit: int) -> bool:
    """Whether JSON nests arrays/objects deeper than `limit` (or cannot be balanced)."""
    return json_shape(body, limit) != "ok"


def _declared_length(headers: Headers) -> int | None:
    try:
        return int(headers["content-length"])
    except (KeyError, ValueError):
        return None


async def _read_capped(receive: Receive, cap: int) -> bytes | None:
    """The whole body, or None as soon as it grows past `cap` (the rest is never read)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > cap:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _has_nul(query: bytes) -> bool:
    return b"%00" in query or b"\x00" in query


def replay_body(body: bytes, receive: Receive) -> Receive:
    """A receive that yields the buffered body once, then the client's own messages."""
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed


class RequestLimitsMiddleware:
    """413 past `max_bytes` (declared or streamed), 415 for non-JSON, 400 past `max_depth`."""

    def __init__(self, app: ASGIApp, *, max_bytes: int, max_depth: int) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.max_depth = max_depth

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if _has_nul(scope.get("query_string", b"")):
            detail = "NUL characters are not allowed in the query"
            await problem_response(400, "bad-request", detail, instance=scope["path"])(
                scope, receive, send
            )
            return
        headers = Headers(scope=scope)
        declared = _declared_length(headers)
        if not declared and "transfer-encoding" not in headers:
            await self.app(scope, receive, send)  # no body to limit
            return
        body = None
        if declared is None or declared <= self.max_bytes:  # a declared excess is never read
            body = await _read_capped(receive, self.max_bytes)
        problem = self._problem(scope["path"], headers, body)
        if problem is not None:
            await problem(scope, receive, send)
            return
        await self.app(scope, replay_body(body or b"", receive), send)

    def _problem(self, path: str, headers: Headers, body: bytes | None) -> JSONResponse | None:
        """The problem response this body earns, if any."""
        if body is None:
            limit = f"{self.max_bytes // 1024} KiB"
            return problem_response(413, "too-large", f"Request body over {limit}", instance=path)
        if not body or not path.startswith("/v1/"):
            return None
        if not is_json(headers.get("content-type")):
            detail = "Send the body as JSON (Content-Type: application/json)"
            return problem_response(415, "unsupported-media-type", detail, instance=path)
        if b"\\u0000" in body or b"\x00" in body:  # PostgreSQL text can't hold NUL
            return problem_response(
                400, "bad-request", "NUL characters are not allowed", instance=path
            )
        shape = json_shape(body, self.max_depth)
        if shape == "malformed":
            detail = "Body is not valid JSON: unbalanced brackets"
            return problem_response(400, "malformed-json", detail, instance=path)
        if shape == "too-deep":
            detail = f"JSON nested deeper than {self.max_depth} levels"
            return problem_response(400, "too-deep", detail, instance=path)
        return None


def install_json_errors(app: FastAPI) -> None:
    """Malformed JSON is a 400 problem, not FastAPI's 422; other validation errors unchanged."""
    validation = app.exception_handlers[RequestValidationError]

    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        if exc.errors() and all(e.get("type") == "json_invalid" for e in exc.errors()):
            where = exc.errors()[0].get("ctx", {}).get("error", "malformed JSON")
            return problem_response(
                400, "malformed-json", f"Body is not valid JSON: {where}", instance=request.url.path
            )
        return await validation(request, exc)  # type: ignore[misc,no-any-return]

    app.add_exception_handler(RequestValidationError, _invalid)  # type: ignore[arg-type]

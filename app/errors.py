"""The AppError tree and RFC 9457 problem+json responses for every error the API returns."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from starlette.exceptions import HTTPException as StarletteHTTPException

__all__ = [
    "AppError",
    "BadRequest",
    "Conflict",
    "NotFound",
    "Problem",
    "ServiceUnavailable",
    "TooManyRequests",
    "Unprocessable",
    "install_error_handlers",
    "problem_response",
]

PROBLEM_TYPE = "https://claimtrail.dev/problems/"
log = structlog.get_logger()


class Problem(BaseModel):
    """RFC 9457 problem details, as documented in the OpenAPI schema."""

    type: str
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    errors: list[dict[str, Any]] | None = None
    limit: int | None = Field(None, description="429 for pending jobs: the caller's limit.")
    pending: int | None = Field(None, description="429 for pending jobs: jobs already pending.")
    fits: int | None = Field(None, description="429 for pending jobs: how many more would fit.")


class AppError(Exception):
    """An error with a status, a stable problem type slug and a human detail."""

    status = 500
    slug = "internal"

    def __init__(
        self,
        detail: str,
        *,
        headers: dict[str, str] | None = None,
        errors: list[dict[str, Any]] | None = None,
        extensions: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.headers = headers or {}
        self.errors = errors
        self.extensions = extensions or {}  # RFC 9457 extension members of the problem body


class BadRequest(AppError):
    status, slug = 400, "bad-request"


class NotFound(AppError):
    status, slug = 404, "not-found"


class Conflict(AppError):
    status, slug = 409, "conflict"


class Unprocessable(AppError):
    status, slug = 422, "validation"


class TooManyRequests(AppError):
    status, slug = 429, "rate-limited"


class ServiceUnavailable(AppError):
    status, slug = 503, "unavailable"


# SQLSTATEs of a server that is there but will not serve us now: connection exceptions,
# too many connections, shutting down or starting up, a database closed to connections
# (ALLOW_CONNECTIONS false). asyncpg raises them as plain DBAPIErrors.
_REFUSED_STATES = ("08", "53300", "55000", "57P")


def _server_refused(exc: DBAPIError) -> bool:
    state = getattr(exc.orig, "sqlstate", None) or ""
    return bool(state) and str(state).startswith(_REFUSED_STATES)


def problem_response(
    status: int,
    slug: str,
    detail: str | None,
    *,
    instance: str | None = None,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
    extensions: dict[str, Any] | None = None,
) -> JSONResponse:
    """A problem+json response; `type` is a stable URI per kind of problem."""
    body = Problem(
        type=PROBLEM_TYPE + slug,
        title=HTTPStatus(status).phrase,
        status=status,
        detail=detail,
        instance=instance,
        errors=errors,
    )
    return JSONResponse(
        body.model_dump(exclude_none=True) | (extensions or {}),
        status_code=status,
        media_type="application/problem+json",
        headers=headers,
    )


def _plain_message(error: dict[str, Any]) -> str:
    """Pydantic's message without its "Value error, " prefix; unknown fields named as such."""
    if error.get("type") == "extra_forbidden":
        return "unknown field"
    return str(error.get("msg", "")).removeprefix("Value error, ")


def _validation_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    return [
        {
            "loc": list(e.get("loc", ())),
            "field": ".".join(str(p) for p in e.get("loc", ())[1:]),
            "msg": _plain_message(e),
            "type": e.get("type", ""),
        }
        for e in exc.errors()
    ]


def _validation_detail(errors: list[dict[str, Any]]) -> str:
    """One plain line naming every field: "Unknown field verfiy; url: not a valid URL"."""
    unknown = [e["field"] for e in errors if e["type"] == "extra_forbidden"]
    parts = [f"Unknown field {', '.join(unknown)}"] if unknown else []
    parts += [
        f"{e['field'] or 'request'}: {e['msg']}" for e in errors if e["type"] != "extra_forbidden"
    ]
    return "; ".join(dict.fromkeys(parts)) or "Invalid request"


def install_error_handlers(app: FastAPI) -> None:
    """Map every exception the app can raise to a problem response."""

    @app.exception_handler(AppError)
    async def _app_error(request: Request, exc: AppError) -> JSONResponse:
        return problem_response(
            exc.status,
            exc.slug,
            exc.detail,
            instance=request.url.path,
            errors=exc.errors,
            headers=exc.headers,
            extensions=exc.extensions,
        )

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = _validation_errors(exc)
        return problem_response(
            422,
            "validation",
            _validation_detail(errors),
            errors=errors,
            instance=request.url.path,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        slug = {404: "not-found", 405: "method-not-allowed"}.get(exc.status_code, "http")
        return problem_response(
            exc.status_code,
            slug,
            str(exc.detail),
            instance=request.url.path,
            headers=dict(exc.headers or {}),
        )

    async def _unavailable(request: Request, exc: Exception) -> JSONResponse:
        log.warning("dependency_unavailable", error=type(exc).__name__, path=request.url.path)
        return problem_response(
            503,
            "unavailable",
            "A backing service is unavailable; retry",
            instance=request.url.path,
            headers={"Retry-After": "2"},
        )

    @app.exception_handler(DBAPIError)
    async def _db_error(request: Request, exc: DBAPIError) -> JSONResponse:
        if (
            exc.connection_invalidated
            or isinstance(exc, (OperationalError, InterfaceError))
            or _server_refused(exc)
        ):
            return await _unavailable(request, exc)
        return await _unexpected(request, exc)

    for kind in (
        PoolTimeoutError,
        RedisConnectionError,
        RedisTimeoutError,
        ConnectionError,
        TimeoutError,
        OSError,  # e.g. the database's unix socket missing while it restarts
    ):
        app.add_exception_handler(kind, _unavailable)  # type: ignore[arg-type]

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled_error", path=request.url.path)
        return problem_response(500, "internal", "Internal server error", instance=request.url.path)

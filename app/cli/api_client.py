"""The HTTP API as the commands see it: `--api`/`--key`, and one-line errors, no tracebacks."""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from typing import Any

import httpx

__all__ = [
    "DEFAULT_API",
    "ApiError",
    "add_api_arguments",
    "api_client",
    "check",
    "pages",
    "unreachable",
]

DEFAULT_API = "http://127.0.0.1:8000"


class ApiError(Exception):
    """The API could not be reached or refused a call; the message is one line for the user."""


def add_api_arguments(parser: argparse.ArgumentParser) -> None:
    """`--api` and `--key`, with their environment variables named in --help."""
    parser.add_argument(
        "--api",
        default=os.environ.get("CLAIMTRAIL_API", DEFAULT_API),
        metavar="URL",
        help=f"the claimtrail API to talk to (env CLAIMTRAIL_API; default {DEFAULT_API})",
    )
    parser.add_argument(
        "--key", default=None, help="API key when keys are on (env CLAIMTRAIL_API_KEY)"
    )


def api_client(args: argparse.Namespace, *, timeout: float = 60) -> httpx.Client:
    """A client for `--api`, sending the key as a bearer token when there is one."""
    key = args.key or os.environ.get("CLAIMTRAIL_API_KEY")
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    return httpx.Client(base_url=args.api, headers=headers, timeout=timeout)


def unreachable(api: str, exc: httpx.TransportError) -> ApiError:
    """The one line a user sees when nothing answers at `api`."""
    reason = str(exc).strip() or type(exc).__name__
    return ApiError(
        f"cannot reach the claimtrail API at {api} ({reason}); start it with "
        "`claimtrail up`, or pass --api URL (or set CLAIMTRAIL_API)"
    )


def check(response: httpx.Response, *expected: int) -> httpx.Response:
    """The response if its status is expected, else an ApiError with the problem's detail."""
    if response.status_code in (expected or (200,)):
        return response
    try:
        body: Any = response.json()
        detail = body.get("detail") or body.get("title") if isinstance(body, dict) else None
    except ValueError:
        detail = None
    detail = detail or response.text[:300].strip() or response.reason_phrase
    return_line = f"{response.request.method} {response.request.url.path} answered "
    raise ApiError(return_line + f"{response.status_code}: {detail}")


def pages(client: httpx.Client, path: str, key: str = "items", **params: Any) -> Iterator[Any]:
    """Every item of a paginated list, following `next_cursor`."""
    cursor = None
    while True:
        query = {k: v for k, v in params.items() if v is not None} | {"limit": 500}
        page = check(client.get(path, params=query | ({"cursor": cursor} if cursor else {})))
        body = page.json()
        yield from body[key]
        if not (cursor := body.get("next_cursor")):
            return

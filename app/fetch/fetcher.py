"""fetch_page: one article URL to decoded HTML, safely, or a FetchError."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from functools import partial

import httpx

from app.fetch.charset import decode_html
from app.fetch.content_type import charset_param
from app.fetch.download import download
from app.fetch.errors import FetchError
from app.fetch.policy import DEFAULT_POLICY, FetchPolicy
from app.fetch.resolver import Resolver
from app.fetch.robots import RobotsCache, check_robots
from app.fetch.text_check import check_page_text
from app.fetch.transport import GuardedClient, guarded_client

__all__ = ["PDF_TYPE", "FetchedPage", "fetch_page"]

PDF_TYPE = "application/pdf"


@dataclass(slots=True)
class FetchedPage:
    """An HTML page as fetched and decoded."""

    url: str
    final_url: str
    status: int
    content_type: str
    encoding: str
    html: str
    headers: dict[str, str]
    elapsed_ms: float
    pdf: bytes | None = None  # a PDF (only when asked for with `pdf_ok`); `html` is then ""


@asynccontextmanager
async def _client_for(
    policy: FetchPolicy, resolver: Resolver | None, client: GuardedClient | None
) -> AsyncIterator[GuardedClient]:
    """The caller's guarded client, or a new one closed after the fetch."""
    if client is None:
        async with guarded_client(policy, resolver=resolver) as own:
            yield own
        return
    # An unguarded client would bypass the address rule entirely.
    if not isinstance(client, GuardedClient):
        raise TypeError("client must come from app.fetch.guarded_client()")
    if resolver is not None:
        raise ValueError("the resolver belongs to the client: pass it to guarded_client()")
    if client.allow_private != policy.allow_private:
        raise ValueError("client and policy disagree on allow_private")
    yield client


async def fetch_page(
    url: str,
    *,
    policy: FetchPolicy = DEFAULT_POLICY,
    resolver: Resolver | None = None,
    client: GuardedClient | None = None,
    robots: RobotsCache | None = None,
    pdf_ok: bool = False,
) -> FetchedPage:
    """Fetch `url` as HTML within `policy` (or a PDF, with `pdf_ok`: sources often are);
    every failure is a `FetchError`."""
    started = time.monotonic()
    robots_check = None
    async with _client_for(policy, resolver, client) as http:
        if policy.respect_robots:
            robots_check = partial(check_robots, http, user_agent=policy.user_agent, cache=robots)
        try:
            async with asyncio.timeout(policy.deadline):
                got = await download(
                    http, url, max_bytes=policy.max_bytes, max_redirects=policy.max_redirects,
                    timeout=httpx.Timeout(policy.deadline, connect=policy.connect_timeout),
                    user_agent=policy.user_agent, before_hop=robots_check,
                    also=frozenset({PDF_TYPE}) if pdf_ok else frozenset(),
                )  # fmt: skip
        except TimeoutError:
            raise FetchError("fetch_timeout", f"no page within {policy.deadline} s") from None
    if got.content_type == PDF_TYPE:
        if not got.body.startswith(b"%PDF-"):
            raise FetchError("not_text", "labelled a PDF, but the body is not one")
        return FetchedPage(
            url, got.final_url, got.status, PDF_TYPE, "binary", "", got.headers,
            (time.monotonic() - started) * 1000, pdf=got.body,
        )  # fmt: skip
    text, encoding = decode_html(got.body, charset_param(got.headers.get("content-type")))
    check_page_text(text, encoding)
    return FetchedPage(
        url=url,
        final_url=got.final_url,
        status=got.status,
        content_type=got.content_type,
        encoding=encoding,
        html=text,
        headers=got.headers,
        elapsed_ms=(time.monotonic() - started) * 1000,
    )

"""One guarded GET with redirects followed by hand, so every hop is checked."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass

import httpx

from app.fetch.body import ACCEPT_ENCODING, read_capped
from app.fetch.content_type import HTML_TYPES, looks_like_html, media_type
from app.fetch.errors import FetchError
from app.fetch.status import REDIRECT_STATUSES, status_error

__all__ = ["Download", "HopCheck", "check_url", "download"]

HopCheck = Callable[[httpx.URL], Awaitable[None]]
_ACCEPT_HTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"
_SNIFF_BYTES = 1024


@dataclass(slots=True)
class Download:
    """A 2xx response read within the caps."""

    final_url: str
    status: int
    headers: dict[str, str]
    content_type: str
    body: bytes


def check_url(url: str | httpx.URL) -> httpx.URL:
    """The parsed URL, or `invalid_url` unless it is http(s), has a host and no credentials."""
    try:
        parsed = url if isinstance(url, httpx.URL) else httpx.URL(url)
    except (httpx.InvalidURL, TypeError) as exc:
        raise FetchError("invalid_url", f"not a URL: {exc}") from exc
    if parsed.scheme not in ("http", "https"):
        raise FetchError("invalid_url", f"scheme {parsed.scheme!r} is not http or https")
    if parsed.userinfo:
        raise FetchError("invalid_url", "credentials in the URL are not allowed")
    if not parsed.host:
        raise FetchError("invalid_url", "the URL has no host")
    return parsed


@asynccontextmanager
async def _network_errors() -> AsyncIterator[None]:
    """httpx transport errors as fetch errors."""
    try:
        yield
    except httpx.TimeoutException as exc:
        raise FetchError("fetch_timeout", f"timed out: {exc!r}") from exc
    except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
        raise FetchError("invalid_url", str(exc)) from exc
    except httpx.TransportError as exc:
        raise FetchError("connect_error", f"network error: {exc!r}") from exc


async def _finish(
    response: httpx.Response, max_bytes: int, html_only: bool, also: frozenset[str]
) -> Download:
    """Check status and type before reading, then read the capped body."""
    error = status_error(response.status_code, response.headers.get("retry-after"))
    if error is not None:
        raise error
    kind = media_type(response.headers.get("content-type"))
    if html_only and kind and kind not in HTML_TYPES | also:
        raise FetchError("not_html", f"content type {kind} is not HTML")
    body = await read_capped(response, max_bytes)
    if html_only and not kind:
        if not looks_like_html(body[:_SNIFF_BYTES]):
            raise FetchError("not_html", "no content type and the body does not look like HTML")
        kind = "text/html"
    headers = dict(response.headers.items())
    return Download(str(response.url), response.status_code, headers, kind, body)


async def download(
    client: httpx.AsyncClient,
    url: str,
    *,
    max_bytes: int,
    max_redirects: int,
    timeout: httpx.Timeout,
    user_agent: str,
    html_only: bool = True,
    also: frozenset[str] = frozenset(),
    before_hop: HopCheck | None = None,
) -> Download:
    """GET `url`, following at most `max_redirects` redirects, each hop re-checked;
    `html_only` refuses other content types than HTML and those in `also`."""
    target = check_url(url)
    cookies = httpx.Cookies()  # lives for this fetch only
    for _ in range(max_redirects + 1):
        if before_hop is not None:
            await before_hop(target)
        accept = _ACCEPT_HTML if html_only else "*/*"
        headers = {"User-Agent": user_agent, "Accept": accept, "Accept-Encoding": ACCEPT_ENCODING}
        request = client.build_request("GET", target, headers=headers, timeout=timeout)
        cookies.set_cookie_header(request)
        async with _network_errors():
            response = await client.send(request, stream=True)
            try:
                cookies.extract_cookies(response)
                location = response.headers.get("location")
                if response.status_code not in REDIRECT_STATUSES or not location:
                    return await _finish(response, max_bytes, html_only, also)
            finally:
                await response.aclose()
        target = check_url(_join(target, location))
    raise FetchError("too_many_redirects", f"more than {max_redirects} redirects")


def _join(base: httpx.URL, location: str) -> httpx.URL:
    try:
        return base.join(location)
    except httpx.InvalidURL as exc:
        raise FetchError("invalid_url", f"bad redirect location: {exc}") from exc

"""An httpx client that can only connect to addresses the guard has vetted.

httpx resolves and dials inside httpcore's network backend, so the guard lives
there: `connect_tcp` resolves the host once with our resolver, vets every answer
and dials the vetted IP itself. TLS still starts with the URL's hostname (httpcore
passes the origin host as SNI and for certificate checks) and the Host header is
untouched, so nothing is rewritten and a second lookup never happens.
"""

from __future__ import annotations

import importlib.util
import ssl
import sys
from collections.abc import Iterable
from functools import cache
from http.cookiejar import CookieJar, DefaultCookiePolicy
from typing import Any

import httpcore
import httpx

from app.fetch.address_guard import check_address, parse_ip
from app.fetch.errors import FetchError
from app.fetch.policy import DEFAULT_POLICY, FetchPolicy
from app.fetch.resolver import Resolver, SystemResolver

__all__ = ["GuardedBackend", "GuardedClient", "guarded_client"]

_MAX_ATTEMPTS = 4  # addresses tried per connection; the deadline bounds the rest

# httpcore runs `import sniffio` several times per request and takes asyncio when it is
# missing, as it is here: each failed import searched sys.path again (~4 % of a worker's
# CPU). A None entry in sys.modules makes that import fail at once, with the same error.
if "sniffio" not in sys.modules and importlib.util.find_spec("sniffio") is None:
    sys.modules["sniffio"] = None  # type: ignore[assignment]


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """Resolves, vets all answers, then dials the vetted IP through `inner`."""

    def __init__(
        self,
        *,
        allow_private: bool,
        resolver: Resolver | None = None,
        inner: httpcore.AsyncNetworkBackend | None = None,
    ) -> None:
        self.allow_private = allow_private
        self._resolver = resolver or SystemResolver()
        self._inner = inner or httpcore.AnyIOBackend()

    async def vetted_addresses(self, host: str, port: int) -> list[str]:
        """Every address of `host`, or `blocked_address` if any one of them is not allowed."""
        literal = parse_ip(host)
        answers = [host] if literal is not None else await self._resolver.resolve(host, port)
        if not answers:
            raise FetchError("dns_error", f"no addresses for {host}")
        for answer in answers:
            address = parse_ip(answer)
            if address is None:
                raise FetchError("dns_error", f"resolver returned a non-address {answer!r}")
            check_address(address, allow_private=self.allow_private, host=host)
        return [str(parse_ip(answer)) for answer in answers]

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        """Dial the first vetted address that answers."""
        *others, last = (await self.vetted_addresses(host, port))[:_MAX_ATTEMPTS]
        for ip in others:
            try:
                return await self._dial(ip, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout):
                continue
        return await self._dial(last, port, timeout, local_address, socket_options)

    async def _dial(
        self,
        ip: str,
        port: int,
        timeout: float | None,
        local_address: str | None,
        socket_options: Iterable[Any] | None,
    ) -> httpcore.AsyncNetworkStream:
        return await self._inner.connect_tcp(
            ip, port, timeout=timeout, local_address=local_address, socket_options=socket_options
        )

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:
        """Never: a URL cannot name a socket file."""
        raise FetchError("blocked_address", "unix sockets are not fetched")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


@cache
def _ssl_context() -> ssl.SSLContext:
    """One verifying context (certifi roots) for all clients: building one costs ~50 ms."""
    return httpx.create_ssl_context(trust_env=False)


class _GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's transport with the guarded backend under its connection pool."""

    def __init__(self, backend: GuardedBackend, ssl_context: ssl.SSLContext) -> None:
        super().__init__(verify=ssl_context, trust_env=False)
        # httpx has no public hook for the network backend; httpx is pinned.
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl_context,
            max_connections=100,
            max_keepalive_connections=20,
            keepalive_expiry=5.0,
            network_backend=backend,
        )


class GuardedClient(httpx.AsyncClient):
    """An `httpx.AsyncClient` whose every connection passes the address guard."""

    def __init__(
        self, backend: GuardedBackend, policy: FetchPolicy, ssl_context: ssl.SSLContext
    ) -> None:
        super().__init__(
            transport=_GuardedTransport(backend, ssl_context),
            trust_env=False,
            follow_redirects=False,
            # No cookie outlives a fetch: the fetcher carries them hop to hop itself.
            cookies=CookieJar(policy=DefaultCookiePolicy(allowed_domains=[])),
            headers={"User-Agent": policy.user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(policy.deadline, connect=policy.connect_timeout),
        )
        self.allow_private = backend.allow_private


def guarded_client(
    policy: FetchPolicy = DEFAULT_POLICY,
    *,
    resolver: Resolver | None = None,
    network_backend: httpcore.AsyncNetworkBackend | None = None,
    ssl_context: ssl.SSLContext | None = None,
) -> GuardedClient:
    """A client for many fetches under `policy`'s address rule; close it when done.

    `network_backend` dials the vetted addresses (tests record them); `ssl_context`
    replaces the certifi roots (tests trust their own CA).
    """
    backend = GuardedBackend(
        allow_private=policy.allow_private, resolver=resolver, inner=network_backend
    )
    return GuardedClient(backend, policy, ssl_context or _ssl_context())

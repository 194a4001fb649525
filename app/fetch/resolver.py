"""Name resolution the fetcher controls, so the address it vets is the one it dials."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Mapping, Sequence
from typing import Protocol

from app.fetch.errors import FetchError

__all__ = ["Resolver", "StaticResolver", "SystemResolver"]


class Resolver(Protocol):
    """Turns a hostname into IP address strings; raises `FetchError('dns_error')`."""

    async def resolve(self, host: str, port: int) -> list[str]: ...


class SystemResolver:
    """The operating system's resolver, via `loop.getaddrinfo`."""

    async def resolve(self, host: str, port: int) -> list[str]:
        """All TCP addresses of `host`, in the order the system prefers."""
        loop = asyncio.get_running_loop()
        try:
            infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as exc:
            raise FetchError("dns_error", f"cannot resolve {host}: {exc}") from exc
        addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
        if not addresses:
            raise FetchError("dns_error", f"no addresses for {host}")
        return addresses


class StaticResolver:
    """A fixed host -> addresses table, for tests and local corpora."""

    def __init__(self, table: Mapping[str, Sequence[str]]) -> None:
        self._table = {host.lower().rstrip("."): list(ips) for host, ips in table.items()}

    async def resolve(self, host: str, port: int) -> list[str]:
        """The configured addresses of `host`; unknown hosts fail like NXDOMAIN."""
        try:
            return list(self._table[host.lower().rstrip(".")])
        except KeyError:
            raise FetchError("dns_error", f"no addresses for {host}") from None

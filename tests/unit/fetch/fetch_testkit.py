"""Test stand-ins for the fetcher: a raw HTTP server on 127.0.0.1 and a recording network.

No test sends traffic beyond loopback: "public" hostnames resolve (through an
injected resolver) to `PUBLIC_IP`, which `RecordingBackend` dials as 127.0.0.1
or refuses; it is never dialled for real.
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import httpcore

__all__ = ["PUBLIC_IP", "LocalServer", "RecordingBackend", "Reply"]

PUBLIC_IP = "93.184.216.34"


@dataclass
class Reply:
    """What the server answers on one path."""

    status: int = 200
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""
    stall_after_headers: float = 0.0
    stall_before_headers: float = 0.0
    send_length: bool = True


@dataclass
class Hit:
    path: str
    headers: dict[str, str]


class LocalServer:
    """A minimal HTTP/1.1 server: one request per connection, exact replies."""

    def __init__(self) -> None:
        self.routes: dict[str, Reply] = {}
        self.hits: list[Hit] = []
        self.bodies_sent: list[str] = []
        self._closing = asyncio.Event()
        self._server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[Any]] = set()

    @property
    def port(self) -> int:
        assert self._server is not None
        return int(self._server.sockets[0].getsockname()[1])

    def url(self, path: str = "/", host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def route(
        self,
        path: str,
        body: bytes | str = b"",
        *,
        status: int = 200,
        content_type: str | None = "text/html; charset=utf-8",
        headers: Iterable[tuple[str, str]] = (),
        stall_after_headers: float = 0.0,
        stall_before_headers: float = 0.0,
        send_length: bool = True,
    ) -> None:
        raw = body.encode() if isinstance(body, str) else body
        head = [("Content-Type", content_type)] if content_type else []
        self.routes[path] = Reply(
            status,
            head + list(headers),
            raw,
            stall_after_headers,
            stall_before_headers,
            send_length,
        )

    def paths(self) -> list[str]:
        return [hit.path for hit in self.hits]

    async def start(self, tls: ssl.SSLContext | None = None) -> None:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0, ssl=tls)

    async def stop(self) -> None:
        assert self._server is not None
        self._server.close()
        self._closing.set()  # stalled handlers return instead of being cancelled
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self._server.wait_closed()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        try:
            await self._answer(reader, writer)
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            self._tasks.discard(task)
            writer.close()

    async def _pause(self, seconds: float) -> bool:
        """Wait `seconds` or until the server stops; False if it is stopping."""
        if seconds:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._closing.wait(), seconds)
        return not self._closing.is_set()

    async def _answer(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1")
        request_line, *lines = head.split("\r\n")
        path = request_line.split(" ")[1]
        headers = dict(
            (k.strip().lower(), v.strip()) for k, v in (x.split(":", 1) for x in lines if ":" in x)
        )
        self.hits.append(Hit(path, headers))
        reply = self.routes.get(path) or Reply(404, [("Content-Type", "text/plain")], b"nope")
        if not await self._pause(reply.stall_before_headers):
            return
        out = [f"HTTP/1.1 {reply.status} X", "Connection: close"]
        out += [f"{k}: {v}" for k, v in reply.headers]
        if reply.send_length and not any(k.lower() == "content-length" for k, _ in reply.headers):
            out.append(f"Content-Length: {len(reply.body)}")
        writer.write(("\r\n".join(out) + "\r\n\r\n").encode("latin-1"))
        await writer.drain()
        if not await self._pause(reply.stall_after_headers):
            return
        self.bodies_sent.append(path)
        writer.write(reply.body)
        await writer.drain()


class RecordingBackend(httpcore.AsyncNetworkBackend):
    """The network under the guard: records every address it is asked to dial.

    `PUBLIC_IP` is dialled as 127.0.0.1 (the test's "public" site) unless
    `refuse_public`; any other address is dialled for real, so a guard bug shows up
    as a hit on a loopback server.
    """

    def __init__(self, *, refuse_public: bool = False) -> None:
        self.dialed: list[str] = []
        self.refuse_public = refuse_public
        self._real = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        self.dialed.append(host)
        if host == PUBLIC_IP:
            if self.refuse_public:
                raise httpcore.ConnectError("stand-in public host is unreachable")
            host = "127.0.0.1"
        return await self._real.connect_tcp(host, port, timeout=timeout)

    async def sleep(self, seconds: float) -> None:
        await self._real.sleep(seconds)

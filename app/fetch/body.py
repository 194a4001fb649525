"""Reading a response body with a cap on its decoded size.

httpx's own decoders inflate a whole network chunk at once (a 64 KiB gzip chunk
can become 64 MiB), so the fetcher asks only for gzip/deflate and inflates the raw
stream itself with `max_length`: memory never exceeds the cap plus one chunk.
"""

from __future__ import annotations

import zlib

import httpx

from app.fetch.errors import FetchError

__all__ = ["ACCEPT_ENCODING", "read_capped"]

ACCEPT_ENCODING = "gzip, deflate"
_GZIP_MAGIC = b"\x1f\x8b"


class _Inflater:
    """Incremental gzip/zlib/raw-deflate inflation that stops just past `limit`."""

    def __init__(self, encoding: str) -> None:
        self._gzip = encoding in ("gzip", "x-gzip")
        self._obj: zlib._Decompress | None = None

    def _start(self, data: bytes) -> zlib._Decompress:
        # "deflate" is zlib-wrapped by the RFC but raw in some servers; the header says which.
        wbits = 31 if self._gzip else 15 if data[0] & 0x0F == 8 else -15
        return zlib.decompressobj(wbits)

    @property
    def finished(self) -> bool:
        """Whether the compressed stream reached its end (else the body was cut short)."""
        return self._obj is None or self._obj.eof

    def feed(self, data: bytes, limit: int) -> bytes:
        """Inflate `data`; returns more than `limit` bytes only to signal the cap."""
        out = b""
        while data:
            obj = self._obj = self._obj or self._start(data)
            out += obj.decompress(data, limit - len(out) + 1)
            if len(out) > limit or not obj.eof:
                return out
            # Another gzip member may follow; anything else after the stream is ignored.
            data = obj.unused_data if self._gzip and obj.unused_data[:2] == _GZIP_MAGIC else b""
            self._obj = None
        return out


def _inflater(response: httpx.Response) -> _Inflater | None:
    """The decoder for the response's Content-Encoding, None for identity."""
    encoding = response.headers.get("content-encoding", "").strip().lower()
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip", "deflate"):
        return _Inflater(encoding)
    raise FetchError("decode_error", f"unsupported content-encoding {encoding!r}")


def _too_large(max_bytes: int) -> FetchError:
    return FetchError("too_large", f"body exceeds {max_bytes} bytes")


def _truncated(detail: str) -> FetchError:
    return FetchError("truncated", f"the body was cut short: {detail}")


async def read_capped(response: httpx.Response, max_bytes: int) -> bytes:
    """The decoded body; `too_large` as soon as it passes `max_bytes`, `truncated` when the
    connection ends before the declared length, the last chunk or the compressed stream."""
    inflater = _inflater(response)
    declared = response.headers.get("content-length", "")
    if inflater is None and declared.isdigit() and int(declared) > max_bytes:
        raise _too_large(max_bytes)
    body = bytearray()
    received = 0
    try:
        async for chunk in response.aiter_raw():
            received += len(chunk)
            try:
                body += inflater.feed(chunk, max_bytes - len(body)) if inflater else chunk
            except zlib.error as exc:
                raise FetchError("decode_error", f"corrupt compressed body: {exc}") from exc
            if len(body) > max_bytes:
                raise _too_large(max_bytes)
    except httpx.RemoteProtocolError as exc:  # h11: the peer closed mid-body
        raise _truncated(str(exc)) from exc
    if declared.isdigit() and received < int(declared):
        raise _truncated(f"received {received} of {declared} bytes")
    if inflater is not None and not inflater.finished:
        raise _truncated("the compressed stream ends early")
    return bytes(body)

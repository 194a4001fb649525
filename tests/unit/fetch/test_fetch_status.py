"""Pure pieces: status mapping (over httpx.MockTransport), Retry-After, bounded inflation."""

from __future__ import annotations

import gzip
import zlib
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest

from app.fetch.body import _Inflater
from app.fetch.download import download
from app.fetch.errors import FetchError
from app.fetch.status import parse_retry_after, status_error


@pytest.mark.parametrize(
    ("status", "retryable"),
    [(400, False), (401, False), (404, False), (451, False), (429, True), (500, True),
     (503, True), (504, True), (304, False), (300, False)],
)  # fmt: skip
async def test_status_mapping(status: int, retryable: bool) -> None:
    def reply(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, headers={"Content-Type": "text/html"}, text="x")

    async with httpx.AsyncClient(transport=httpx.MockTransport(reply)) as client:
        with pytest.raises(FetchError) as caught:
            await download(client, "http://site.test/", max_bytes=100, max_redirects=5,
                           timeout=httpx.Timeout(1), user_agent="t")  # fmt: skip
    assert (caught.value.code, caught.value.status) == ("http_status", status)
    assert caught.value.retryable is retryable


def test_2xx_is_not_an_error() -> None:
    assert status_error(200) is None
    assert status_error(204) is None


def test_retry_after_only_for_throttling() -> None:
    error_429 = status_error(429, "7")
    error_500 = status_error(500, "7")
    assert error_429 is not None and error_429.retry_after == 7
    assert error_500 is not None and error_500.retry_after is None


def test_parse_retry_after() -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    later = format_datetime(now + timedelta(seconds=30), usegmt=True)
    assert parse_retry_after(later, now=now.timestamp()) == 30
    assert parse_retry_after(format_datetime(now - timedelta(hours=1), usegmt=True)) == 0
    assert parse_retry_after("0") == 0
    assert parse_retry_after("99999999999") == 24 * 3600
    for junk in (None, "", "soon", "-5", "1.5e3"):
        assert parse_retry_after(junk) is None


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "deflate-raw"])
def test_inflater_never_expands_past_the_limit(encoding: str) -> None:
    decoded = bytes(50 * 1024 * 1024)
    if encoding == "gzip":
        packed = gzip.compress(decoded)
    else:
        wbits = 15 if encoding == "deflate" else -15
        squeezer = zlib.compressobj(9, zlib.DEFLATED, wbits)
        packed = squeezer.compress(decoded) + squeezer.flush()
    inflater = _Inflater(encoding.removesuffix("-raw"))
    out = inflater.feed(packed, 1000)  # one chunk holding the whole 50 MiB bomb
    assert len(out) == 1001


def test_inflater_reads_concatenated_gzip_members() -> None:
    inflater = _Inflater("gzip")
    assert inflater.feed(gzip.compress(b"<p>a") + gzip.compress(b"b</p>"), 100) == b"<p>ab</p>"


def test_inflater_handles_byte_by_byte_input() -> None:
    packed = gzip.compress(b"<html>hello</html>")
    inflater = _Inflater("gzip")
    assert b"".join(inflater.feed(packed[i : i + 1], 100) for i in range(len(packed))) == (
        b"<html>hello</html>"
    )

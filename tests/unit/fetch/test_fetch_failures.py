"""Each failure code, with its retryable flag, against a real loopback server."""

from __future__ import annotations

import gzip
import socket
import time
import zlib

import pytest
from fetch_testkit import LocalServer

from app.fetch import FetchError, FetchPolicy, StaticResolver, fetch_page

LOCAL = FetchPolicy(allow_private=True, respect_robots=False, deadline=3.0)


async def fetch_error(url: str, policy: FetchPolicy = LOCAL, **kwargs: object) -> FetchError:
    with pytest.raises(FetchError) as caught:
        await fetch_page(url, policy=policy, **kwargs)  # type: ignore[arg-type]
    return caught.value


@pytest.mark.parametrize("where", ["stall_before_headers", "stall_after_headers"])
async def test_stalling_server_times_out_at_the_deadline(server: LocalServer, where: str) -> None:
    # The server stalls for a minute, longer than any timeout but the 0.3 s deadline (the
    # connection itself is up at once): a timeout with the body unsent is the deadline's,
    # with no wall-clock cap to race a loaded machine.
    server.route("/slow", "<p>late</p>", **{where: 60.0})  # type: ignore[arg-type]
    error = await fetch_error(server.url("/slow"), FetchPolicy(allow_private=True, deadline=0.3))
    assert (error.code, error.retryable) == ("fetch_timeout", True)
    assert "/slow" not in server.bodies_sent


async def test_body_over_the_cap_is_too_large(server: LocalServer) -> None:
    server.route("/big", b"<p>" + b"x" * 5000)
    error = await fetch_error(server.url("/big"), FetchPolicy(allow_private=True, max_bytes=1000))
    assert (error.code, error.retryable) == ("too_large", False)


async def test_body_without_length_over_the_cap_is_too_large(server: LocalServer) -> None:
    server.route("/big", b"<p>" + b"x" * 5000, send_length=False)
    error = await fetch_error(server.url("/big"), FetchPolicy(allow_private=True, max_bytes=1000))
    assert error.code == "too_large"


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
async def test_compression_bomb_stops_at_the_decoded_cap(
    server: LocalServer, encoding: str
) -> None:
    decoded = b"<html>" + b"\0" * (20 * 1024 * 1024)
    bomb = gzip.compress(decoded) if encoding == "gzip" else zlib.compress(decoded, 9)
    assert len(bomb) < 100_000
    server.route("/bomb", bomb, headers=[("Content-Encoding", encoding)])
    policy = FetchPolicy(allow_private=True, respect_robots=False, max_bytes=64 * 1024)
    error = await fetch_error(server.url("/bomb"), policy)
    assert error.code == "too_large"


async def test_not_html_fails_without_reading_the_body(server: LocalServer) -> None:
    # The body only comes after a minute: awaiting it would end in fetch_timeout at the 5 s
    # deadline, so not_html with the body unsent proves the headers alone decided.
    server.route("/doc.pdf", b"%PDF-1.7", content_type="application/pdf", stall_after_headers=60)
    error = await fetch_error(server.url("/doc.pdf"), FetchPolicy(allow_private=True, deadline=5))
    assert (error.code, error.retryable) == ("not_html", False)
    assert server.paths() == ["/robots.txt", "/doc.pdf"]
    assert "/doc.pdf" not in server.bodies_sent


async def test_untyped_body_that_is_not_html_fails_the_sniff(server: LocalServer) -> None:
    server.route("/blob", b"\x89PNG\r\n\x1a\n" + bytes(100), content_type=None)
    assert (await fetch_error(server.url("/blob"))).code == "not_html"


@pytest.mark.parametrize(
    ("status", "retryable"), [(404, False), (410, False), (403, False), (500, True), (502, True)]
)
async def test_http_status(server: LocalServer, status: int, retryable: bool) -> None:
    server.route("/x", "<p>error page</p>", status=status)
    error = await fetch_error(server.url("/x"))
    assert (error.code, error.retryable, error.status) == ("http_status", retryable, status)
    assert error.retry_after is None


async def test_429_carries_retry_after_seconds(server: LocalServer) -> None:
    server.route("/x", "slow down", status=429, headers=[("Retry-After", "120")])
    error = await fetch_error(server.url("/x"))
    assert (error.code, error.retryable, error.status) == ("http_status", True, 429)
    assert error.retry_after == 120


async def test_503_carries_retry_after_date(server: LocalServer) -> None:
    when = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(time.time() + 90))
    server.route("/x", "down", status=503, headers=[("Retry-After", when)])
    error = await fetch_error(server.url("/x"))
    assert (error.status, error.retryable) == (503, True)
    assert error.retry_after is not None and 80 <= error.retry_after <= 91


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.com/file",
        "file:///etc/passwd",
        "gopher://example.com/",
        "javascript:alert(1)",
        "http://user:secret@example.com/",
        "https://user@example.com/",
        "http:///no-host",
        "not a url",
        "",
    ],
)
async def test_invalid_urls_fail_before_any_lookup(url: str) -> None:
    error = await fetch_error(url, resolver=StaticResolver({}))
    assert (error.code, error.retryable) == ("invalid_url", False)


async def test_redirect_chain(server: LocalServer) -> None:
    for hop in range(7):
        server.route(f"/r{hop}", "", status=302, headers=[("Location", f"/r{hop + 1}")])
    server.route("/r5", "<p>landed</p>")
    page = await fetch_page(server.url("/r0"), policy=LOCAL)
    assert page.final_url == server.url("/r5")
    server.routes["/r5"] = server.routes["/r4"]
    error = await fetch_error(server.url("/r0"))
    assert (error.code, error.retryable) == ("too_many_redirects", False)
    assert server.paths()[-6:] == [f"/r{n}" for n in range(6)]


async def test_redirect_to_another_scheme_is_invalid(server: LocalServer) -> None:
    server.route("/r", "", status=301, headers=[("Location", "file:///etc/passwd")])
    assert (await fetch_error(server.url("/r"))).code == "invalid_url"


async def test_closed_port_is_a_retryable_connect_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    error = await fetch_error(f"http://127.0.0.1:{port}/")
    assert (error.code, error.retryable) == ("connect_error", True)


async def test_unknown_host_is_a_retryable_dns_error() -> None:
    error = await fetch_error("http://nowhere.test/", resolver=StaticResolver({}))
    assert (error.code, error.retryable) == ("dns_error", True)


@pytest.mark.parametrize(
    ("body", "encoding"), [(b"\x1f\x8bnot gzip at all", "gzip"), (b"<p>x</p>", "br")]
)
async def test_undecodable_body_is_a_decode_error(
    server: LocalServer, body: bytes, encoding: str
) -> None:
    server.route("/x", body, headers=[("Content-Encoding", encoding)])
    assert (await fetch_error(server.url("/x"))).code == "decode_error"


async def test_binary_body_labelled_html_is_not_text(server: LocalServer) -> None:
    server.route("/x", bytes(range(256)) * 50, content_type="text/html")
    assert (await fetch_error(server.url("/x"))).code == "not_text"

"""Callback signing and delivery against a loopback receiver; digests from the standard library.

Expected signatures are published HMAC-SHA256 test vectors (RFC 4231) or recomputed here with
`hmac` from the key and the exact body, never with the project's own `sign()`.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import socket
import uuid
from collections.abc import AsyncIterator

import httpx
import pytest
from pytest_httpserver import HTTPServer

from app.fetch import FetchPolicy
from app.fetch.transport import guarded_client
from app.jobs.callbacks import CALLBACK_DELAYS, default_secret, post_callback, sign

BODY = b'{"id":"5f0c","status":"succeeded"}'
JOB = uuid.UUID("12345678-1234-5678-1234-567812345678")


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient() as plain:
        yield plain


@pytest.mark.parametrize(
    ("key", "data", "digest"),
    [  # RFC 4231, test cases 1 and 2
        (
            "\x0b" * 20,
            b"Hi There",
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
        ),
        (
            "Jefe",
            b"what do ya want for nothing?",
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        ),
    ],
)
def test_sign_is_hmac_sha256_of_the_body_in_hex(key: str, data: bytes, digest: str) -> None:
    assert sign(data, key) == "sha256=" + digest


def test_default_secret_is_the_service_secret_keyed_hmac_of_callbacks() -> None:
    expected = hmac.new(b"service-secret", b"callbacks", hashlib.sha256).hexdigest()
    assert default_secret("service-secret") == expected
    assert default_secret("another-secret") != expected


def test_the_retry_delays_grow_to_about_a_day() -> None:
    assert list(CALLBACK_DELAYS) == sorted(CALLBACK_DELAYS)
    assert 20 * 3600 <= sum(CALLBACK_DELAYS) <= 28 * 3600


async def test_delivery_posts_the_exact_body_signed_with_the_secret(
    client: httpx.AsyncClient, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/hook", method="POST").respond_with_data("ok")
    delivered = await post_callback(
        client, httpserver.url_for("/hook"), BODY, secret="whsec_abc", job_id=JOB
    )
    assert delivered == (True, "http 200")
    ((request, _),) = httpserver.log
    assert request.get_data() == BODY
    expected = hmac.new(b"whsec_abc", BODY, hashlib.sha256).hexdigest()
    assert request.headers["X-Claimtrail-Signature"] == f"sha256={expected}"
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["X-Claimtrail-Event"] == "job.finished"
    assert request.headers["X-Claimtrail-Job"] == "12345678-1234-5678-1234-567812345678"
    assert json.loads(request.get_data())["status"] == "succeeded"


@pytest.mark.parametrize(
    ("status", "delivered"),
    [(200, True), (201, True), (204, True), (299, True), (300, False), (304, False),
     (400, False), (500, False)],
)  # fmt: skip
async def test_only_a_2xx_answer_counts_as_delivered(
    client: httpx.AsyncClient, httpserver: HTTPServer, status: int, delivered: bool
) -> None:
    httpserver.expect_request("/hook", method="POST").respond_with_data("", status=status)
    outcome = await post_callback(client, httpserver.url_for("/hook"), BODY, secret="s", job_id=JOB)
    assert outcome == (delivered, f"http {status}")


async def test_a_redirect_is_not_followed(
    client: httpx.AsyncClient, httpserver: HTTPServer
) -> None:
    target = httpserver.url_for("/elsewhere")
    httpserver.expect_request("/hook").respond_with_data("", 307, headers={"Location": target})
    httpserver.expect_request("/elsewhere").respond_with_data("ok")
    outcome = await post_callback(client, httpserver.url_for("/hook"), BODY, secret="s", job_id=JOB)
    assert outcome == (False, "http 307")
    assert [request.path for request, _ in httpserver.log] == ["/hook"]


async def test_a_refused_connection_is_named_by_its_error(client: httpx.AsyncClient) -> None:
    with socket.socket() as probe:  # a port nobody listens on: bound, then closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    outcome = await post_callback(
        client, f"http://127.0.0.1:{port}/hook", BODY, secret="s", job_id=JOB
    )
    assert outcome == (False, "ConnectError")


async def test_a_private_address_is_refused_by_the_guard_with_its_code(
    httpserver: HTTPServer,
) -> None:
    httpserver.expect_request("/hook").respond_with_data("ok")
    async with guarded_client(FetchPolicy(allow_private=False)) as guarded:
        outcome = await post_callback(
            guarded, httpserver.url_for("/hook"), BODY, secret="s", job_id=JOB
        )
    assert outcome == (False, "blocked_address")
    assert httpserver.log == []


async def test_a_receiver_that_never_answers_is_given_up_on() -> None:
    # The client sets no timeout of its own: only post_callback's bounds the wait (10 s in
    # service, half a second here).
    done = asyncio.Event()

    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read(65536)  # take the request, answer nothing until the test ends
        await done.wait()
        writer.close()

    server = await asyncio.start_server(silent, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        async with httpx.AsyncClient(timeout=None) as patient:
            # 60 s: a post without a deadline fails here instead of hanging the test
            outcome = await asyncio.wait_for(
                post_callback(patient, f"http://127.0.0.1:{port}/hook", BODY, secret="s",
                              job_id=JOB, timeout=0.5),
                60,
            )  # fmt: skip
    finally:
        done.set()
        server.close()
        await server.wait_closed()
    assert outcome == (False, "ReadTimeout")

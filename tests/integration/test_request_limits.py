"""Request limits over real HTTP: body size (declared and streamed), JSON type, syntax, depth."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import httpx
import pytest

PROBLEM = "application/problem+json"
JSON = {"content-type": "application/json"}
MIB = 1024 * 1024


def _assert_problem(response: httpx.Response, status: int) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    assert response.json()["status"] == status


def _nested(depth: int) -> bytes:
    """An article body whose `extra` field nests arrays so the whole body has `depth` levels."""
    inner = "[" * (depth - 1) + "]" * (depth - 1)
    return f'{{"url": "https://depth.test/a", "extra": {inner}}}'.encode()


async def test_declared_body_over_1_mib_is_413(api: httpx.AsyncClient) -> None:
    body = b'{"url": "https://big.test/", "pad": "' + b"x" * (2 * MIB) + b'"}'
    _assert_problem(await api.post("/v1/articles", content=body, headers=JSON), 413)


async def test_streamed_chunked_body_over_1_mib_is_413(api: httpx.AsyncClient) -> None:
    sent = 0

    async def chunks() -> AsyncIterator[bytes]:
        nonlocal sent
        yield b'{"url": "https://big.test/", "pad": "'
        for _ in range(32):  # 2 MiB in 64 KiB chunks, with no Content-Length
            sent += 64 * 1024
            yield b"x" * (64 * 1024)
        yield b'"}'

    response = await api.post("/v1/articles", content=chunks(), headers=JSON)
    _assert_problem(response, 413)


async def test_body_under_the_limit_passes(api: httpx.AsyncClient) -> None:
    body = json.dumps({"url": "https://fine.test/", "pad": "x" * (MIB // 2)}).encode()
    response = await api.post("/v1/articles", content=body, headers=JSON)
    # past the size guard: judged by the body's model, which names the padding it does not know
    assert response.status_code == 422 and response.json()["detail"] == "Unknown field pad"


async def test_malformed_json_is_a_400_problem(api: httpx.AsyncClient) -> None:
    for body in (b'{"url": ', b"{'url': 'https://a.test'}", b"\xff\xfe"):
        _assert_problem(await api.post("/v1/articles", content=body, headers=JSON), 400)


@pytest.mark.parametrize(
    "body",
    [b'{"url": "https://a.test/"', b'{"urls": ["https://a.test/"}', b"[" * 50, b'{"a": [}]}'],
)
async def test_unbalanced_json_is_malformed_never_too_deep(
    api: httpx.AsyncClient, body: bytes
) -> None:
    for path in ("/v1/articles", "/v1/batches"):
        response = await api.post(path, content=body, headers=JSON)
        _assert_problem(response, 400)
        assert response.json()["type"].endswith("/malformed-json"), response.text


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "application/xml", None]
)
async def test_non_json_content_type_is_415(
    api: httpx.AsyncClient, content_type: str | None
) -> None:
    headers = {"content-type": content_type} if content_type else {}
    response = await api.post("/v1/articles", content=b'{"url": "https://a.test"}', headers=headers)
    _assert_problem(response, 415)


async def test_json_suffix_types_are_accepted(api: httpx.AsyncClient) -> None:
    headers = {"content-type": "application/vnd.claimtrail+json; charset=utf-8"}
    response = await api.post("/v1/articles", content=b'{"url": "https://a.test"}', headers=headers)
    assert response.status_code == 202


@pytest.mark.parametrize("depth", [33, 5000, 400_000])
async def test_deep_nesting_is_a_400_problem_never_a_500(
    api: httpx.AsyncClient, depth: int
) -> None:
    _assert_problem(await api.post("/v1/articles", content=_nested(depth), headers=JSON), 400)


async def test_nesting_at_the_limit_passes(api: httpx.AsyncClient) -> None:
    response = await api.post("/v1/articles", content=_nested(32), headers=JSON)
    # past the depth guard: judged by the body's model, which names the field it does not know
    assert response.status_code == 422, response.text
    assert response.json()["detail"] == "Unknown field extra"

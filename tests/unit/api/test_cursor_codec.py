"""Signed keyset cursors: a cursor reads back only in its own listing and only unaltered."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import uuid
from datetime import UTC, datetime

import pytest

from app.api.pagination import CursorCodec
from app.errors import BadRequest

# The details are what API clients read (problem+json `detail`): matched whole.
ALTERED = r"^The cursor is invalid or was altered$"
FOREIGN = r"^The cursor belongs to another listing$"


def test_a_cursor_reads_back_its_values() -> None:
    codec = CursorCodec("secret")
    values = ["2026-01-01T00:00:00+00:00", "a0b1"]
    assert codec.decode("articles", codec.encode("articles", values)) == values


def test_values_that_are_not_json_are_carried_as_text() -> None:
    codec = CursorCodec("secret")
    stamp, key = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC), uuid.UUID(int=7)
    assert codec.decode("articles", codec.encode("articles", [stamp, key])) == [
        "2026-01-02 03:04:05+00:00",
        "00000000-0000-0000-0000-000000000007",
    ]


def test_cursors_of_every_length_read_back() -> None:
    # Unpadded base64: decoding must restore exactly the padding each length needs.
    codec = CursorCodec("secret")
    for n in range(40):
        values = ["a" * n]
        assert codec.decode("sources", codec.encode("sources", values)) == values


def test_the_cursor_is_the_documented_layout() -> None:
    # 12 bytes of HMAC-SHA256 under sha256("cursor:" + secret), then the JSON, in unpadded
    # urlsafe base64: recomputed here, not with the codec's own helpers.
    cursor = CursorCodec("secret").encode("sources", ["https://a.test/"])
    raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
    payload = b'["sources",["https://a.test/"]]'
    key = hashlib.sha256(b"cursor:secret").digest()
    assert raw == hmac.new(key, payload, hashlib.sha256).digest()[:12] + payload
    assert "=" not in cursor


def test_a_cursor_of_another_listing_is_refused() -> None:
    codec = CursorCodec("secret")
    with pytest.raises(BadRequest, match=FOREIGN):
        codec.decode("articles", codec.encode("sources", ["https://a.test/"]))


@pytest.mark.parametrize("position", [0, 5, 11, 12, 20, -1])
def test_a_cursor_altered_anywhere_is_refused(position: int) -> None:
    codec = CursorCodec("secret")
    raw = bytearray(base64.urlsafe_b64decode(codec.encode("sources", ["x"]) + "=="))
    raw[position] ^= 0x01
    altered = base64.urlsafe_b64encode(bytes(raw)).decode().rstrip("=")
    with pytest.raises(BadRequest, match=ALTERED):
        codec.decode("sources", altered)


def test_a_cursor_signed_with_another_secret_is_refused() -> None:
    cursor = CursorCodec("other").encode("sources", ["x"])
    with pytest.raises(BadRequest, match=ALTERED):
        CursorCodec("secret").decode("sources", cursor)


@pytest.mark.parametrize("cursor", ["", "!!!", "AAAA", "not base64 at all"])
def test_garbage_is_refused(cursor: str) -> None:
    with pytest.raises(BadRequest, match=ALTERED):
        CursorCodec("secret").decode("sources", cursor)


def test_a_signed_payload_that_is_not_a_list_of_values_is_refused() -> None:
    # Only the service can sign, but the shape is still checked after the signature.
    key = hashlib.sha256(b"cursor:secret").digest()
    for payload in (b'["sources","x"]', b'["sources",{"a":1}]'):
        signature = hmac.new(key, payload, hashlib.sha256).digest()[:12]
        cursor = base64.urlsafe_b64encode(signature + payload).decode().rstrip("=")
        with pytest.raises(BadRequest, match=FOREIGN):
            CursorCodec("secret").decode("sources", cursor)
    payload = json.dumps(["sources"]).encode()  # one element: not (kind, values)
    signature = hmac.new(key, payload, hashlib.sha256).digest()[:12]
    cursor = base64.urlsafe_b64encode(signature + payload).decode().rstrip("=")
    with pytest.raises(BadRequest, match=ALTERED):
        CursorCodec("secret").decode("sources", cursor)

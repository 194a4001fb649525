"""Pure pieces of the API guards: JSON depth and type, body fingerprints, key parsing."""

from __future__ import annotations

import hashlib
import json

import pytest
from starlette.datastructures import Headers

from app.api.idempotency import fingerprint
from app.api.request_limits import is_json, json_shape, nesting_exceeds
from app.auth.keys import hash_key, hashes_match, new_key, parse_keys
from app.auth.middleware import presented_key
from app.auth.paths import is_protected


@pytest.mark.parametrize(
    ("body", "depth"),
    [
        (b"{}", 1),
        (b'{"a": [1, {"b": []}], "c": {}}', 4),
        (b'{"a": "[[[[[[[[[[[[", "b": "\\"[[["}', 1),  # brackets inside strings do not nest
        (b"[" * 40 + b"]" * 40, 40),
        (b'"plain"', 0),
    ],
)
def test_nesting_depth(body: bytes, depth: int) -> None:
    assert not nesting_exceeds(body, depth)
    assert nesting_exceeds(body, depth - 1) == (depth > 0)
    assert json_shape(body, depth - 1) == ("too-deep" if depth > 0 else "ok")


@pytest.mark.parametrize(
    "body", [b'{"url": "x"', b"[" * 50, b"]", b'{"a": [}]}', b'{"a": "}"', b"[[[]"]
)
def test_unbalanced_brackets_are_malformed_at_any_limit(body: bytes) -> None:
    assert json_shape(body, 1) == json_shape(body, 32) == "malformed"


def test_content_types() -> None:
    assert is_json("application/json") and is_json("Application/JSON; charset=utf-8")
    assert is_json("application/problem+json")
    assert not is_json(None) and not is_json("text/json") and not is_json("text/plain")


def test_fingerprint_ignores_key_order_and_spacing_only() -> None:
    assert fingerprint(b'{"a": 1, "b": [1, 2]}') == fingerprint(b'{"b":[1,2],"a":1}')
    assert fingerprint(b'{"a": 1}') != fingerprint(b'{"a": 2}')
    assert fingerprint(b"not json") != fingerprint(b"not  json")
    assert fingerprint(json.dumps({"u": "é"}).encode()) == fingerprint('{"u":"é"}'.encode())


def test_configured_keys_keep_only_hashes() -> None:
    keys = parse_keys(" ops:secret-one , secret-two,, :secret-three", "server-secret")
    assert [k.name for k in keys] == ["ops", "env-2", "env-4"]
    assert keys[0].key_hash == hash_key("secret-one", "server-secret")
    assert hashes_match(keys[1].key_hash, hash_key("secret-two", "server-secret"))
    assert not hashes_match(keys[1].key_hash, hash_key("secret-one", "server-secret"))
    # Keyed: the same key under another server secret, or unkeyed SHA-256, differs.
    assert keys[0].key_hash != hash_key("secret-one", "other-secret")
    assert keys[0].key_hash != keys[0].legacy_hash == hashlib.sha256(b"secret-one").hexdigest()
    assert new_key() != new_key() and new_key().startswith("ct_")


def test_presented_key_and_protected_paths() -> None:
    assert presented_key(Headers({"authorization": "Bearer  k1 "})) == "k1"
    assert presented_key(Headers({"x-api-key": "k2"})) == "k2"
    assert presented_key(Headers({"authorization": "Basic k3"})) is None
    assert is_protected("/v1/jobs/x") and is_protected("/v1")
    assert not is_protected("/v10") and not is_protected("/healthz")

"""API key material: generation, hashing, constant-time checks, and `CLAIMTRAIL_API_KEYS`."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

__all__ = [
    "ConfiguredKey",
    "hash_key",
    "legacy_hash",
    "hashes_match",
    "new_key",
    "new_signing_secret",
    "parse_keys",
]

KEY_PREFIX = "ct_"


@dataclass(frozen=True, slots=True)
class ConfiguredKey:
    """A key given in the environment: its display name and hashes (never the key)."""

    name: str
    key_hash: str
    legacy_hash: str  # how it was stored before keyed hashes, to move such rows over


def new_key() -> str:
    """A fresh API key (shown once, then only its hash is kept)."""
    return KEY_PREFIX + secrets.token_urlsafe(32)


def new_signing_secret() -> str:
    """A per-key secret that signs callback bodies (HMAC-SHA256)."""
    return "whsec_" + secrets.token_urlsafe(32)


def hash_key(key: str, secret: str) -> str:
    """HMAC-SHA256 hex of a key under the server secret: a leaked table alone proves nothing.

    Keys are random, so no slow hash is needed; the secret stops offline checks of guesses.
    """
    return hmac.new(secret.encode(), key.encode(), hashlib.sha256).hexdigest()


def legacy_hash(key: str) -> str:
    """The unkeyed SHA-256 hex that older versions stored; rows move to `hash_key` on use."""
    return hashlib.sha256(key.encode()).hexdigest()


def hashes_match(stored: str, presented: str) -> bool:
    """Compare two key hashes in constant time."""
    return hmac.compare_digest(stored.encode(), presented.encode())


def parse_keys(raw: str, secret: str) -> list[ConfiguredKey]:
    """`name:key` or plain `key` items, comma-separated (a plain key cannot contain `:`)."""
    keys = []
    for number, item in enumerate(part.strip() for part in raw.split(",")):
        if not item:
            continue
        name, sep, key = item.partition(":")
        if not sep:
            name, key = f"env-{number + 1}", item
        if key:
            keys.append(
                ConfiguredKey(
                    name=name.strip() or f"env-{number + 1}",
                    key_hash=hash_key(key, secret),
                    legacy_hash=legacy_hash(key),
                )
            )
    return keys

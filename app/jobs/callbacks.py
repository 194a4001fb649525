"""Signed delivery of finished jobs to their `callback_url`."""

from __future__ import annotations

import hashlib
import hmac
import uuid

import httpx

from app.fetch import FetchError

__all__ = ["CALLBACK_DELAYS", "default_secret", "post_callback", "sign"]

SIGNATURE_HEADER = "X-Claimtrail-Signature"
CALLBACK_TIMEOUT_SECONDS = 10.0  # one delivery attempt waits this long for the receiver
# Seconds before each retry: about a day of retries in all.
CALLBACK_DELAYS = (5, 30, 120, 600, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600)


def sign(body: bytes, secret: str) -> str:
    """`sha256=<hex HMAC-SHA256 of the exact body>` — what receivers recompute."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def default_secret(service_secret: str) -> str:
    """The signing secret for jobs submitted without an API key."""
    return hmac.new(service_secret.encode(), b"callbacks", hashlib.sha256).hexdigest()


async def post_callback(
    client: httpx.AsyncClient, url: str, body: bytes, *, secret: str, job_id: uuid.UUID,
    timeout: float = CALLBACK_TIMEOUT_SECONDS,
) -> tuple[bool, str]:  # fmt: skip
    """POST once; (delivered, outcome) — any 2xx is delivered, redirects are not followed."""
    headers = {
        "Content-Type": "application/json",
        SIGNATURE_HEADER: sign(body, secret),
        "X-Claimtrail-Event": "job.finished",
        "X-Claimtrail-Job": str(job_id),
    }
    try:
        response = await client.post(url, content=body, headers=headers, timeout=timeout)
    except FetchError as exc:
        return False, exc.code
    except httpx.HTTPError as exc:
        return False, type(exc).__name__
    return 200 <= response.status_code < 300, f"http {response.status_code}"

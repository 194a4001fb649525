"""HTTP status codes to fetch outcomes, and Retry-After to seconds."""

from __future__ import annotations

import time
from email.utils import parsedate_to_datetime

from app.fetch.errors import FetchError

__all__ = ["REDIRECT_STATUSES", "parse_retry_after", "status_error"]

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_THROTTLED = frozenset({429, 503})
_MAX_RETRY_AFTER = 24 * 3600.0  # a hostile header must not park a job for years


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        seconds = float(value)
    else:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            return None
        seconds = when.timestamp() - (time.time() if now is None else now)
    return min(max(seconds, 0.0), _MAX_RETRY_AFTER)


def status_error(status: int, retry_after_header: str | None = None) -> FetchError | None:
    """None for 2xx; otherwise the `http_status` error, retryable for 429 and 5xx."""
    if 200 <= status < 300:
        return None
    retryable = status in _THROTTLED or status >= 500
    retry_after = parse_retry_after(retry_after_header) if status in _THROTTLED else None
    return FetchError(
        "http_status",
        f"server answered {status}",
        retryable=retryable,
        retry_after=retry_after,
        status=status,
    )

"""The one exception the fetcher raises, with stable codes for job error reports."""

from __future__ import annotations

__all__ = ["RETRYABLE_CODES", "FetchError"]

# Codes that describe a passing condition of the network or the remote site.
RETRYABLE_CODES = frozenset(
    {"dns_error", "connect_error", "fetch_timeout", "host_busy", "truncated"}
)


class FetchError(Exception):
    """A fetch that failed for a reason the job records as `error.code`."""

    def __init__(
        self,
        code: str,
        message: str,
        *,
        retryable: bool | None = None,
        retry_after: float | None = None,
        status: int | None = None,
    ) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.retryable = code in RETRYABLE_CODES if retryable is None else retryable
        self.retry_after = retry_after
        self.status = status

    def __repr__(self) -> str:
        return f"FetchError({self.code!r}, {self.message!r}, retryable={self.retryable})"

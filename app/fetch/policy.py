"""Limits for one fetch; the defaults are the production values."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DEFAULT_POLICY", "DEFAULT_USER_AGENT", "FetchPolicy"]

DEFAULT_USER_AGENT = "claimtrail/0.1 (+https://github.com/claimtrail/claimtrail)"


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """What one fetch may do: addresses, time, size, redirects, politeness."""

    allow_private: bool = False
    connect_timeout: float = 10.0
    deadline: float = 30.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    user_agent: str = DEFAULT_USER_AGENT
    respect_robots: bool = True


DEFAULT_POLICY = FetchPolicy()

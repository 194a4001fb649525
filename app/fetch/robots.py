"""robots.txt for our user agent, fetched through the same guard, cached per origin.

When robots.txt cannot be had (4xx, 5xx, unreachable, oversized, blocked) the
page is allowed. RFC 9309 asks crawlers to treat 5xx as "disallow all", but we
fetch single pages a person asked for, not a crawl; a flaky robots.txt should
not fail their job. Failures are cached for a shorter time than answers.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from urllib.robotparser import RobotFileParser

import httpx

from app.fetch.download import download
from app.fetch.errors import FetchError

__all__ = ["ROBOTS_MAX_BYTES", "ROBOTS_TIMEOUT", "RobotsCache", "check_robots"]

ROBOTS_MAX_BYTES = 512 * 1024
ROBOTS_TIMEOUT = 5.0


@dataclass(slots=True)
class RobotsCache:
    """Parsed robots.txt per origin (scheme, host, port), each kept `ttl` seconds."""

    ttl: float = 3600.0
    failure_ttl: float = 300.0
    max_entries: int = 10_000
    _entries: dict[str, tuple[float, RobotFileParser | None]] = field(default_factory=dict)

    def get(self, origin: str) -> tuple[bool, RobotFileParser | None]:
        """(hit, rules); rules None means allow all."""
        entry = self._entries.get(origin)
        if entry is None or entry[0] < time.monotonic():
            return False, None
        return True, entry[1]

    def put(self, origin: str, rules: RobotFileParser | None) -> None:
        """Remember `rules` (None: allow all) for this origin."""
        if len(self._entries) >= self.max_entries:
            self._entries.clear()  # crude but bounded; a refetch is cheap
        ttl = self.ttl if rules is not None else self.failure_ttl
        self._entries[origin] = (time.monotonic() + ttl, rules)


_shared_cache = RobotsCache()


def _origin(url: httpx.URL) -> str:
    return f"{url.scheme}://{url.netloc.decode('ascii')}"


async def _load(client: httpx.AsyncClient, origin: str, user_agent: str) -> RobotFileParser | None:
    """The parsed robots.txt of `origin`, None when there is none to honour."""
    try:
        async with asyncio.timeout(ROBOTS_TIMEOUT):
            got = await download(
                client, f"{origin}/robots.txt", max_bytes=ROBOTS_MAX_BYTES, max_redirects=5,
                timeout=httpx.Timeout(ROBOTS_TIMEOUT), user_agent=user_agent, html_only=False,
            )  # fmt: skip
    except (FetchError, TimeoutError):
        return None
    rules = RobotFileParser()
    rules.parse(got.body.decode("utf-8", errors="replace").splitlines())
    rules.modified()  # can_fetch() refuses everything until this is set
    _longest_match_first(rules)
    return rules


def _longest_match_first(rules: RobotFileParser) -> None:
    """Order rules so robotparser's first match is RFC 9309's longest match (Allow wins ties)."""
    entries = [*getattr(rules, "entries", []), getattr(rules, "default_entry", None)]
    for entry in filter(None, entries):
        entry.rulelines.sort(key=lambda line: (len(line.path), line.allowance), reverse=True)


async def check_robots(
    client: httpx.AsyncClient, url: httpx.URL, *, user_agent: str, cache: RobotsCache | None = None
) -> None:
    """Raise `robots_disallowed` if robots.txt of the URL's origin forbids it to us."""
    cache = _shared_cache if cache is None else cache
    origin = _origin(url)
    hit, rules = cache.get(origin)
    if not hit:
        rules = await _load(client, origin, user_agent)
        cache.put(origin, rules)
    if rules is not None and not rules.can_fetch(user_agent, str(url)):
        raise FetchError("robots_disallowed", f"robots.txt of {origin} disallows {url}")

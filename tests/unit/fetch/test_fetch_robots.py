"""robots.txt: honoured for our agent, fetched through the guard, cached per origin."""

from __future__ import annotations

import pytest
from fetch_testkit import PUBLIC_IP, LocalServer, RecordingBackend

from app.fetch import (
    FetchError,
    FetchPolicy,
    RobotsCache,
    StaticResolver,
    fetch_page,
    guarded_client,
)
from app.fetch import robots as robots_module

POLITE = FetchPolicy(allow_private=True, deadline=5.0)
ROBOTS = """
User-agent: *
Disallow: /private/

User-agent: claimtrail
Disallow: /no-bots/
Allow: /no-bots/but-this
"""


@pytest.fixture
def site(server: LocalServer) -> LocalServer:
    server.route("/robots.txt", ROBOTS, content_type="text/plain")
    for path in ("/article", "/no-bots/x", "/no-bots/but-this", "/private/x"):
        server.route(path, f"<p>{path}</p>")
    return server


async def test_disallowed_for_our_agent(site: LocalServer) -> None:
    with pytest.raises(FetchError) as caught:
        await fetch_page(site.url("/no-bots/x"), policy=POLITE, robots=RobotsCache())
    assert (caught.value.code, caught.value.retryable) == ("robots_disallowed", False)
    assert site.paths() == ["/robots.txt"]


async def test_our_group_replaces_the_star_group(site: LocalServer) -> None:
    cache = RobotsCache()
    for path in ("/article", "/no-bots/but-this", "/private/x"):
        page = await fetch_page(site.url(path), policy=POLITE, robots=cache)
        assert path in page.html
    assert site.paths().count("/robots.txt") == 1  # cached per origin


async def test_robots_is_requested_with_our_user_agent(site: LocalServer) -> None:
    await fetch_page(site.url("/article"), policy=POLITE, robots=RobotsCache())
    assert site.hits[0].path == "/robots.txt"
    assert site.hits[0].headers["user-agent"] == POLITE.user_agent


async def test_respect_robots_off_skips_it(site: LocalServer) -> None:
    policy = FetchPolicy(allow_private=True, respect_robots=False)
    await fetch_page(site.url("/no-bots/x"), policy=policy, robots=RobotsCache())
    assert site.paths() == ["/no-bots/x"]


@pytest.mark.parametrize("status", [404, 403, 500, 503])
async def test_unavailable_robots_allows(server: LocalServer, status: int) -> None:
    server.route("/robots.txt", "User-agent: *\nDisallow: /\n", status=status)
    server.route("/a", "<p>ok</p>")
    page = await fetch_page(server.url("/a"), policy=POLITE, robots=RobotsCache())
    assert "ok" in page.html


async def test_robots_wait_counts_against_the_page_deadline(server: LocalServer) -> None:
    server.route("/robots.txt", "User-agent: *\nDisallow: /\n", stall_before_headers=30)
    server.route("/a", "<p>ok</p>")
    with pytest.raises(FetchError) as caught:
        await fetch_page(server.url("/a"), policy=FetchPolicy(allow_private=True, deadline=0.3))
    # The page deadline covers the robots wait too.
    assert caught.value.code == "fetch_timeout"


async def test_stalled_robots_allows_after_its_own_timeout(
    server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(robots_module, "ROBOTS_TIMEOUT", 0.2)
    server.route("/robots.txt", "User-agent: *\nDisallow: /\n", stall_before_headers=30)
    server.route("/a", "<p>ok</p>")
    page = await fetch_page(server.url("/a"), policy=POLITE, robots=RobotsCache())
    assert "ok" in page.html


async def test_expired_entry_is_fetched_again(site: LocalServer) -> None:
    cache = RobotsCache(ttl=0.0)
    await fetch_page(site.url("/article"), policy=POLITE, robots=cache)
    await fetch_page(site.url("/article"), policy=POLITE, robots=cache)
    assert site.paths().count("/robots.txt") == 2


async def test_redirect_hop_checks_its_own_robots(site: LocalServer) -> None:
    site.route("/go", "", status=302, headers=[("Location", "/no-bots/x")])
    with pytest.raises(FetchError) as caught:
        await fetch_page(site.url("/go"), policy=POLITE, robots=RobotsCache())
    assert caught.value.code == "robots_disallowed"


async def test_robots_fetch_goes_through_the_guard(site: LocalServer) -> None:
    # robots.txt redirects to loopback: refused, so robots counts as unavailable (allow).
    site.route("/robots.txt", "", status=301, headers=[("Location", "http://127.0.0.1/robots.txt")])
    network = RecordingBackend()
    policy = FetchPolicy(deadline=5.0)
    resolver = StaticResolver({"news.test": [PUBLIC_IP]})
    async with guarded_client(policy, resolver=resolver, network_backend=network) as client:
        page = await fetch_page(
            site.url("/article", host="news.test"), policy=policy, client=client
        )
    assert "/article" in page.html
    assert network.dialed == [PUBLIC_IP, PUBLIC_IP]

"""Every redirect hop and every connection is vetted; DNS rebinding reaches nothing."""

from __future__ import annotations

import pytest
from fetch_testkit import PUBLIC_IP, LocalServer, RecordingBackend

from app.fetch import FetchError, FetchPolicy, StaticResolver, fetch_page, guarded_client

PUBLIC = FetchPolicy(respect_robots=False, deadline=5.0)  # allow_private=False


async def test_public_page_through_the_stand_in_network(
    server: LocalServer, network: RecordingBackend
) -> None:
    server.route("/a", "<p>hello</p>")
    resolver = StaticResolver({"news.test": [PUBLIC_IP]})
    async with guarded_client(PUBLIC, resolver=resolver, network_backend=network) as client:
        page = await fetch_page(server.url("/a", host="news.test"), policy=PUBLIC, client=client)
    assert "hello" in page.html
    assert network.dialed == [PUBLIC_IP]
    assert server.hits[0].headers["host"] == f"news.test:{server.port}"


@pytest.mark.parametrize(
    "target", ["http://127.0.0.1:{port}/internal", "http://inside.test:{port}/internal"]
)
async def test_redirect_to_loopback_is_blocked(
    server: LocalServer, network: RecordingBackend, target: str
) -> None:
    server.route("/start", "", status=302, headers=[("Location", target.format(port=server.port))])
    server.route("/internal", "<p>secret</p>")
    resolver = StaticResolver({"news.test": [PUBLIC_IP], "inside.test": ["127.0.0.1"]})
    async with guarded_client(PUBLIC, resolver=resolver, network_backend=network) as client:
        with pytest.raises(FetchError) as caught:
            await fetch_page(server.url("/start", host="news.test"), policy=PUBLIC, client=client)
    assert caught.value.code == "blocked_address"
    assert server.paths() == ["/start"]
    assert network.dialed == [PUBLIC_IP]


class RebindingResolver:
    """Answers a public address the first time, loopback ever after."""

    def __init__(self) -> None:
        self.calls = 0

    async def resolve(self, host: str, port: int) -> list[str]:
        self.calls += 1
        return [PUBLIC_IP] if self.calls == 1 else ["127.0.0.1"]


async def test_dns_rebinding_never_reaches_loopback(server: LocalServer) -> None:
    server.route("/robots.txt", "User-agent: *\nAllow: /\n", content_type="text/plain")
    server.route("/secret", "<p>internal admin</p>")
    # The "public" address is unreachable, so every connection needs a fresh lookup.
    network = RecordingBackend(refuse_public=True)
    resolver = RebindingResolver()
    policy = FetchPolicy(deadline=5.0)  # robots on: the robots.txt fetch uses the first answer
    async with guarded_client(policy, resolver=resolver, network_backend=network) as client:
        with pytest.raises(FetchError) as caught:
            await fetch_page(
                server.url("/secret", host="rebind.test"), policy=policy, client=client
            )
    assert caught.value.code == "blocked_address"
    assert resolver.calls == 2
    assert network.dialed == [PUBLIC_IP]
    assert server.hits == []


async def test_each_hop_resolves_once_and_dials_what_it_vetted(server: LocalServer) -> None:
    # First lookup public (served by the stand-in), the redirect hop's lookup rebinds.
    server.route("/a", "", status=301, headers=[("Location", f"http://other.test:{server.port}/b")])
    server.route("/b", "<p>internal</p>")
    network = RecordingBackend()
    resolver = RebindingResolver()
    async with guarded_client(PUBLIC, resolver=resolver, network_backend=network) as client:
        with pytest.raises(FetchError) as caught:
            await fetch_page(server.url("/a", host="news.test"), policy=PUBLIC, client=client)
    assert caught.value.code == "blocked_address"
    assert network.dialed == [PUBLIC_IP]
    assert server.paths() == ["/a"]

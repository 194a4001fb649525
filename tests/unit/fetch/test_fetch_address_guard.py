"""The address guard: which IPs are public, and that refusals happen before any dial."""

from __future__ import annotations

import ipaddress

import pytest
from fetch_testkit import PUBLIC_IP, LocalServer, RecordingBackend

from app.fetch import FetchError, FetchPolicy, StaticResolver, fetch_page, guarded_client
from app.fetch.address_guard import check_address, is_public_address, parse_ip

NON_PUBLIC = [
    "127.0.0.1", "127.255.255.254", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254",
    "100.64.0.1", "100.127.255.255", "0.0.0.0", "255.255.255.255", "224.0.0.251", "224.0.1.1",
    "240.0.0.1", "192.0.0.8", "192.0.2.1", "198.18.0.1", "198.51.100.7", "203.0.113.9",
    "::", "::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::127.0.0.1",
    "fe80::1", "fc00::1", "fd12:3456::1", "fec0::1", "ff02::1", "2001:db8::1", "2001::1",
    "2002:7f00:0001::1", "2002:a9fe:a9fe::", "2002::1", "64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe",
    "64:ff9b:1::1", "100::1", "::ffff:0:7f00:1",
]  # fmt: skip
PUBLIC = ["93.184.216.34", "8.8.8.8", "1.1.1.1", "2606:4700::1111", "2a00:1450:4001::1",
          "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:0808:0808::1"]  # fmt: skip


@pytest.mark.parametrize("address", NON_PUBLIC)
def test_non_public_addresses(address: str) -> None:
    assert not is_public_address(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", PUBLIC)
def test_public_addresses(address: str) -> None:
    assert is_public_address(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://127.0.0.1:8080/admin",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::1]/",
        "https://[::1]:8443/",
        "http://10.0.0.1/",
        "http://[64:ff9b::7f00:1]/",
        "http://[2002:7f00:1::1]/",
        "http://[fe80::1%25eth0]/",
        "http://0.0.0.0/",
    ],
)
async def test_literal_non_public_urls_are_refused_before_dialling(url: str) -> None:
    network = RecordingBackend()
    async with guarded_client(resolver=StaticResolver({}), network_backend=network) as client:
        with pytest.raises(FetchError) as caught:
            await fetch_page(url, client=client)
    assert (caught.value.code, caught.value.retryable) == ("blocked_address", False)
    assert network.dialed == []


@pytest.mark.parametrize("answers", [["10.1.2.3"], [PUBLIC_IP, "127.0.0.1"], ["::1", PUBLIC_IP]])
async def test_a_name_with_any_non_public_answer_is_refused(answers: list[str]) -> None:
    network = RecordingBackend()
    resolver = StaticResolver({"mixed.test": answers})
    async with guarded_client(resolver=resolver, network_backend=network) as client:
        with pytest.raises(FetchError) as caught:
            await fetch_page("http://mixed.test/", client=client)
    assert caught.value.code == "blocked_address"
    assert network.dialed == []


async def test_empty_answer_is_a_dns_error() -> None:
    network = RecordingBackend()
    async with guarded_client(
        resolver=StaticResolver({"empty.test": []}), network_backend=network
    ) as client:
        with pytest.raises(FetchError) as caught:
            await fetch_page("http://empty.test/", client=client)
    assert (caught.value.code, network.dialed) == ("dns_error", [])


@pytest.mark.parametrize(
    "url", ["http://localhost:9/", "http://2130706433:9/", "http://0x7f.1:9/", "http://127.1:9/"]
)
async def test_loopback_spelled_as_a_name_is_refused(url: str) -> None:
    # The system resolver answers these from /etc/hosts or inet_aton: no DNS query is sent.
    with pytest.raises(FetchError) as caught:
        await fetch_page(url, policy=FetchPolicy(respect_robots=False))
    assert caught.value.code == "blocked_address"


async def test_allow_private_lifts_the_rule(server: LocalServer) -> None:
    server.route("/", "<p>local corpus</p>")
    policy = FetchPolicy(allow_private=True, respect_robots=False)
    page = await fetch_page(server.url("/"), policy=policy)
    assert "local corpus" in page.html


async def test_a_client_that_is_not_guarded_is_refused() -> None:
    import httpx

    async with httpx.AsyncClient() as plain:
        with pytest.raises(TypeError, match=r"must come from app\.fetch\.guarded_client"):
            await fetch_page("http://127.0.0.1/", client=plain)  # type: ignore[arg-type]


async def test_client_and_policy_must_agree_on_private_addresses() -> None:
    async with guarded_client(FetchPolicy(allow_private=True)) as client:
        with pytest.raises(ValueError, match="disagree on allow_private"):
            await fetch_page("http://127.0.0.1/", client=client)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("127.0.0.1", "127.0.0.1"),
        ("[::1]", "::1"),  # as a URL writes it
        ("fe80::1%eth0", "fe80::1"),  # a zone id is not part of the address
        ("[fe80::1%25eth0]", "fe80::1"),
        ("fe80::1%a%b", "fe80::1"),  # everything after the first "%" is the zone
    ],
)
def test_parse_ip_reads_urls_brackets_and_zone_ids(text: str, address: str) -> None:
    assert parse_ip(text) == ipaddress.ip_address(address)


@pytest.mark.parametrize("text", ["example.com", "X10.0.0.1", "10.0.0.1X", "localhost", ""])
def test_parse_ip_leaves_host_names_to_the_resolver(text: str) -> None:
    assert parse_ip(text) is None


def test_a_blocked_address_names_the_host_and_the_address() -> None:
    with pytest.raises(FetchError) as caught:
        check_address(ipaddress.ip_address("10.0.0.7"), allow_private=False, host="intranet.test")
    assert (caught.value.code, caught.value.retryable) == ("blocked_address", False)
    assert caught.value.message == "intranet.test resolves to non-public address 10.0.0.7"
    check_address(ipaddress.ip_address("10.0.0.7"), allow_private=True, host="intranet.test")

"""Which IP addresses a fetch may connect to: public unicast only.

Python's `is_global` is not enough on 3.11 (it calls 2002::/16 and 64:ff9b:1::/48
global), so the rule is an explicit list of IANA special-purpose blocks, and IPv6
forms that embed an IPv4 address are judged by that address.
"""

from __future__ import annotations

import ipaddress
from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network

from app.fetch.errors import FetchError

__all__ = ["check_address", "is_public_address", "parse_ip"]

IPAddress = IPv4Address | IPv6Address

_V4_BLOCKED = tuple(
    IPv4Network(net)
    for net in (
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
        "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.31.196.0/24", "192.52.193.0/24",
        "192.88.99.0/24", "192.168.0.0/16", "192.175.48.0/24", "198.18.0.0/15",
        "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
    )
)  # fmt: skip
_V6_GLOBAL_UNICAST = IPv6Network("2000::/3")
_V6_BLOCKED = tuple(
    IPv6Network(net)
    for net in (
        "2001::/23", "2001:db8::/32", "3fff::/20", "64:ff9b:1::/48", "100::/64",
        "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8", "::ffff:0:0:0/96",
    )
)  # fmt: skip
_NAT64 = IPv6Network("64:ff9b::/96")


def parse_ip(text: str) -> IPAddress | None:
    """The address in `text` (brackets and zone id allowed), or None for a hostname."""
    candidate = text.strip("[]").split("%", 1)[0]
    try:
        return ipaddress.ip_address(candidate)
    except ValueError:
        return None


def _embedded_v4(address: IPv6Address) -> IPv4Address | None:
    """The IPv4 address carried by a mapped, 6to4 or NAT64 IPv6 address."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in _NAT64:
        return IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def is_public_address(address: IPAddress) -> bool:
    """True only for globally routable unicast addresses."""
    if isinstance(address, IPv4Address):
        return address.is_global and not any(address in net for net in _V4_BLOCKED)
    embedded = _embedded_v4(address)
    if embedded is not None:
        return is_public_address(embedded)
    if address not in _V6_GLOBAL_UNICAST:
        return False
    return not any(address in net for net in _V6_BLOCKED)


def check_address(address: IPAddress, *, allow_private: bool, host: str) -> None:
    """Raise `blocked_address` unless the fetch may connect to `address`."""
    if allow_private or is_public_address(address):
        return
    raise FetchError("blocked_address", f"{host} resolves to non-public address {address}")

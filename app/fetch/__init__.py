"""The safe page fetcher: address guard, limits, charset, robots, per-host slots."""

from app.fetch.address_guard import check_address, is_public_address
from app.fetch.errors import RETRYABLE_CODES, FetchError
from app.fetch.fetcher import PDF_TYPE, FetchedPage, fetch_page
from app.fetch.host_slots import host_slot
from app.fetch.policy import DEFAULT_USER_AGENT, FetchPolicy
from app.fetch.resolver import Resolver, StaticResolver, SystemResolver
from app.fetch.robots import RobotsCache
from app.fetch.transport import GuardedClient, guarded_client

__all__ = [
    "PDF_TYPE",
    "DEFAULT_USER_AGENT",
    "RETRYABLE_CODES",
    "FetchError",
    "FetchPolicy",
    "FetchedPage",
    "GuardedClient",
    "Resolver",
    "RobotsCache",
    "StaticResolver",
    "SystemResolver",
    "check_address",
    "fetch_page",
    "guarded_client",
    "host_slot",
    "is_public_address",
]

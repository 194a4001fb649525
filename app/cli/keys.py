"""`claimtrail keys create NAME | revoke ID | list` — API keys stored as SHA-256 hashes."""

from __future__ import annotations

import argparse
import asyncio
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

__all__ = ["add_keys_parser"]


async def _with_repository(work: Callable[[Any], Awaitable[int]]) -> int:
    """Run `work(repository)` in one committed transaction on the configured database."""
    from app.auth.repository import ApiKeyRepository
    from app.config import get_settings
    from app.db import create_engine, session_factory

    database_url, _redis = get_settings().require_urls()
    engine = create_engine(database_url, pool_size=1)
    try:
        async with session_factory(engine).begin() as session:
            return await work(ApiKeyRepository(session))
    finally:
        await engine.dispose()


def _create(args: argparse.Namespace) -> int:
    from app.auth.keys import hash_key, new_key

    key = new_key()

    async def work(repo: Any) -> int:
        row = await repo.create(name=args.name, key_hash=hash_key(key))
        print(f"id:             {row.id}\nname:           {row.name}")
        print(f"key:            {key}\nsigning secret: {row.signing_secret}")
        print("Store the key now: only its hash is kept, it cannot be shown again.")
        return 0

    return asyncio.run(_with_repository(work))


def _revoke(args: argparse.Namespace) -> int:
    async def work(repo: Any) -> int:
        if await repo.revoke(args.id):
            print(f"revoked {args.id}")
            return 0
        print(f"no live key {args.id}")
        return 1

    return asyncio.run(_with_repository(work))


def _list(_: argparse.Namespace) -> int:
    async def work(repo: Any) -> int:
        for row in await repo.all():
            state = f"revoked {row.revoked_at:%Y-%m-%d %H:%M}" if row.revoked_at else "live"
            print(f"{row.id}  {row.created_at:%Y-%m-%d %H:%M}  {state:<24}  {row.name}")
        return 0

    return asyncio.run(_with_repository(work))


def add_keys_parser(commands: Any) -> None:
    """Add `keys create|revoke|list` to the `claimtrail` subcommands."""
    keys = commands.add_parser("keys", help="create, revoke and list API keys")
    actions = keys.add_subparsers(dest="action", required=True)
    create = actions.add_parser("create", help="a new key, printed once with its signing secret")
    create.add_argument("name")
    create.set_defaults(run=_create)
    revoke = actions.add_parser("revoke", help="refuse a key from now on")
    revoke.add_argument("id", type=uuid.UUID)
    revoke.set_defaults(run=_revoke)
    actions.add_parser("list", help="every key: id, created, state, name").set_defaults(run=_list)

"""`claimtrail keys create NAME | revoke ID | list` — API keys stored as keyed hashes.

They work against DATABASE_URL when set, else against the embedded PostgreSQL that
`claimtrail up` runs on the data dir (`--data-dir`, the same default as `up`).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

__all__ = ["add_keys_parser"]


class Unreachable(Exception):
    """No database to manage keys in; the message says what to do."""


def _database_url(args: argparse.Namespace) -> str:
    from app.cli.embedded import running_postgres_url
    from app.config import get_settings

    configured = get_settings().database_url
    if configured:
        return configured
    url = running_postgres_url(Path(args.data_dir))
    if url is None:
        raise Unreachable(
            f"no running claimtrail database under {args.data_dir}: start `claimtrail up` "
            "(or pass --data-dir DIR), or set DATABASE_URL"
        )
    return url


async def _with_repository(url: str, work: Callable[[Any], Awaitable[int]]) -> int:
    """Run `work(repository)` in one committed transaction on the database at `url`."""
    from sqlalchemy.exc import SQLAlchemyError

    from app.auth.repository import ApiKeyRepository
    from app.db import create_engine, session_factory

    engine = create_engine(url, pool_size=1)
    try:
        async with session_factory(engine).begin() as session:
            return await work(ApiKeyRepository(session))
    except (SQLAlchemyError, OSError) as exc:
        raise Unreachable(f"cannot reach the database ({type(exc).__name__}): {url}") from exc
    finally:
        await engine.dispose()


def _run(args: argparse.Namespace, work: Callable[[Any], Awaitable[int]]) -> int:
    """One line on stderr, exit 1, when there is no database to talk to: no traceback."""
    try:
        return asyncio.run(_with_repository(_database_url(args), work))
    except Unreachable as exc:
        print(f"claimtrail keys: {exc}", file=sys.stderr)
        return 1


def _create(args: argparse.Namespace) -> int:
    from app.auth.keys import hash_key, new_key
    from app.config import get_settings

    key = new_key()
    key_hash = hash_key(key, get_settings().secret_key)

    async def work(repo: Any) -> int:
        row = await repo.create(name=args.name, key_hash=key_hash)
        print(f"id:             {row.id}\nname:           {row.name}")
        print(f"key:            {key}\nsigning secret: {row.signing_secret}")
        print("Store the key now: only its hash is kept, it cannot be shown again.")
        print("It is checked with CLAIMTRAIL_SECRET_KEY: give the API the same one.")
        return 0

    return _run(args, work)


def _revoke(args: argparse.Namespace) -> int:
    async def work(repo: Any) -> int:
        if await repo.revoke(args.id):
            print(f"revoked {args.id}")
            return 0
        print(f"no live key {args.id}")
        return 1

    return _run(args, work)


def _list(args: argparse.Namespace) -> int:
    async def work(repo: Any) -> int:
        for row in await repo.all():
            state = f"revoked {row.revoked_at:%Y-%m-%d %H:%M}" if row.revoked_at else "live"
            print(f"{row.id}  {row.created_at:%Y-%m-%d %H:%M}  {state:<24}  {row.name}")
        return 0

    return _run(args, work)


def add_keys_parser(commands: Any) -> None:
    """Add `keys create|revoke|list` to the `claimtrail` subcommands."""
    keys = commands.add_parser("keys", help="create, revoke and list API keys")
    keys.add_argument(
        "--data-dir",
        default=os.environ.get("CLAIMTRAIL_DATA_DIR", ".claimtrail"),
        help="the data dir of `claimtrail up` whose embedded database holds the keys "
        "(default .claimtrail; DATABASE_URL wins when set)",
    )
    actions = keys.add_subparsers(dest="action", required=True)
    create = actions.add_parser("create", help="a new key, printed once with its signing secret")
    create.add_argument("name")
    create.set_defaults(run=_create)
    revoke = actions.add_parser("revoke", help="refuse a key from now on")
    revoke.add_argument("id", type=uuid.UUID)
    revoke.set_defaults(run=_revoke)
    actions.add_parser("list", help="every key: id, created, state, name").set_defaults(run=_list)

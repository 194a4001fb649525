"""Engine, session factory, and the request-scoped session that commits or rolls back."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

import asyncpg
from fastapi import Depends, Request
from sqlalchemy import MetaData
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import DeclarativeBase

__all__ = [
    "Base",
    "SessionDep",
    "asyncpg_connect_args",
    "create_engine",
    "create_read_pool",
    "driver_connection",
    "get_session",
    "session_factory",
]

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with a stable constraint naming convention for Alembic."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def create_engine(url: str, *, pool_size: int = 10) -> AsyncEngine:
    """An asyncpg engine that checks connections before use (survives server restarts)."""
    return create_async_engine(
        url,
        pool_size=pool_size,
        max_overflow=pool_size,
        pool_pre_ping=True,
        pool_timeout=5,
        connect_args={"timeout": 5, "command_timeout": 30},
    )


def asyncpg_connect_args(database_url: str) -> dict[str, Any]:
    """asyncpg keywords for a SQLAlchemy URL (a `host` query is a socket directory)."""
    url = make_url(database_url).set(drivername="postgresql")
    host = url.query.get("host")
    url = url.difference_update_query(["host"])
    args: dict[str, Any] = {"dsn": url.render_as_string(hide_password=False), "timeout": 5}
    if host:
        args["host"] = str(host)
    return args


def create_read_pool(database_url: str, *, max_size: int = 10) -> asyncpg.Pool:
    """A bare asyncpg pool for one-statement hot reads: no ping, BEGIN or COMMIT around them.

    Not yet connected: `await` it (or `init()`) once, in the lifespan."""
    return asyncpg.create_pool(
        **asyncpg_connect_args(database_url),
        min_size=0,
        max_size=max_size,
        command_timeout=30,
        reset=_keep_session,
    )


async def _keep_session(_connection: asyncpg.Connection) -> None:
    """The read pool's reset: nothing to send. Its connections only ever run one-statement
    reads (no SET, LISTEN, cursor or advisory lock to undo), and asyncpg still rolls back a
    transaction left open; the default reset costs a round trip on every release."""


@asynccontextmanager
async def driver_connection(engine: AsyncEngine) -> AsyncIterator[asyncpg.Connection]:
    """The asyncpg connection under one of `engine`'s pooled connections (checked out with
    the pool's ping, so one the server dropped is replaced first), for plain SQL on a hot
    path. No transaction is open: each statement commits alone unless the caller opens one
    (`async with connection.transaction()`)."""
    async with engine.connect() as connection:
        raw = await connection.get_raw_connection()
        driver = raw.driver_connection
        assert driver is not None
        yield driver


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions that keep loaded objects usable after commit."""
    return async_sessionmaker(engine, expire_on_commit=False)


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    """One session per request: commit on success, roll back on error."""
    async with request.app.state.sessions() as session:
        try:
            yield session
            await session.commit()
        except BaseException:
            await session.rollback()
            raise


SessionDep = Annotated[AsyncSession, Depends(get_session)]

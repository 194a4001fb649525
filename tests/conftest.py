"""Real services for the tests: DATABASE_URL / REDIS_URL when set, embedded servers otherwise.

Each run creates and drops its own database and uses its own Redis key prefix, so it never
collides with a running service on the same servers.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import asyncpg
import pytest
from sqlalchemy.engine import make_url

from app.config import Settings

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"  # large corpora beside the repo (CI has them; a lone clone not)
CORPUS = REPO / "tests" / "corpus"  # what the suite itself needs, in the repo
DEV = CORPUS / "dev"


@pytest.fixture(scope="session")
def server_urls() -> Iterator[tuple[str, str]]:
    """(database server URL, redis URL) from the environment or embedded servers."""
    database_url, redis_url = os.environ.get("DATABASE_URL"), os.environ.get("REDIS_URL")
    started = []
    if not database_url or not redis_url:
        from app.cli.embedded import EmbeddedPostgres, EmbeddedRedis

        # Not pytest's tmp_path: its clean-up of old runs may delete a concurrent run's data.
        root = Path(tempfile.mkdtemp(prefix="claimtrail-test-"))
        if not database_url:
            postgres = EmbeddedPostgres(root / "pg")
            database_url = postgres.start()
            started.append(postgres)
        if not redis_url:
            redis = EmbeddedRedis(root / "redis")
            redis_url = redis.start()
            started.append(redis)
    yield Settings(database_url=database_url).database_url or "", redis_url
    for server in reversed(started):
        server.stop()
    if started:
        shutil.rmtree(root, ignore_errors=True)


def _asyncpg_dsn(url: str, database: str | None = None) -> tuple[str, dict[str, str]]:
    parsed = make_url(url).set(drivername="postgresql")
    if database:
        parsed = parsed.set(database=database)
    host = parsed.query.get("host")
    parsed = parsed.difference_update_query(["host"])
    dsn = parsed.render_as_string(hide_password=False)
    return dsn, ({"host": str(host)} if host else {})


@pytest.fixture(scope="session")
async def redis_url(server_urls: tuple[str, str]) -> str:
    """A real Redis for this run (keys must use `redis_prefix`)."""
    return server_urls[1]


@pytest.fixture(scope="session")
def redis_prefix() -> str:
    """Key prefix unique to this test run."""
    return f"claimtrail-test-{uuid.uuid4().hex[:10]}:"


@pytest.fixture(scope="session")
async def database_url(server_urls: tuple[str, str]) -> AsyncIterator[str]:
    """A fresh, migrated database of our own, dropped at the end of the run."""
    from app.cli.migrate import upgrade

    server = server_urls[0]
    name = f"claimtrail_test_{uuid.uuid4().hex[:10]}"
    dsn, extra = _asyncpg_dsn(server)
    # bench/mutation.py migrates one database and has every run copy it: much faster
    template = os.environ.get("CLAIMTRAIL_TEST_TEMPLATE_DB")
    admin = await asyncpg.connect(dsn, **extra)
    try:
        copy = f' TEMPLATE "{template}"' if template else ""
        await admin.execute(f'CREATE DATABASE "{name}"{copy}')
    finally:
        await admin.close()
    url = make_url(server).set(database=name).render_as_string(hide_password=False)
    if not template:
        await asyncio.to_thread(upgrade, url)
    yield url
    admin = await asyncpg.connect(dsn, **extra)
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


@pytest.fixture
def settings(database_url: str, redis_url: str, redis_prefix: str) -> Settings:
    """Settings for one test: our database and prefix, private fetches allowed, short leases."""
    return Settings(
        database_url=database_url,
        redis_url=redis_url,
        redis_prefix=redis_prefix,
        fetch_allow_private=True,
        job_lease_seconds=3.0,
        retry_base_seconds=0.1,
        extract_processes=1,
        # a loaded 2-core machine can take this long to start a pool and extract a page;
        # the tests of the timeout itself set their own
        extract_timeout=120.0,
        rate_limit_per_minute=100_000,
        worker_nice=0,  # in-process workers must not lower the test process itself
        log_json=False,
    )

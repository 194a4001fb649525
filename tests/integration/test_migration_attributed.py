"""Migration c13a7d2b9e51 fills `attributed_claims` into articles stored before it, and its
downgrade removes exactly that key."""

from __future__ import annotations

import importlib.util

import httpx
from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext
from pytest_httpserver import HTTPServer
from sqlalchemy import Connection, select, text
from sqlalchemy.ext.asyncio import create_async_engine

from app.config import Settings
from app.models import Article
from tests.conftest import REPO
from tests.integration.conftest import process_url

MIGRATION = REPO / "migrations" / "versions" / "2026_12_04_0000-attributed_claims_stat.py"


def _run(connection: Connection, step: str) -> None:
    spec = importlib.util.spec_from_file_location("attributed_claims_stat", MIGRATION)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with Operations.context(MigrationContext.configure(connection)):
        getattr(module, step)()


async def test_old_rows_get_the_count(
    api: httpx.AsyncClient, worker, corpus_server: HTTPServer, settings: Settings
) -> None:
    article = await process_url(api, worker, corpus_server.url_for("/dev-06.html"))
    expected = article["stats"]["attributed_claims"]
    assert expected > 0
    engine = create_async_engine(settings.database_url or "")
    stats = select(Article.stats).where(Article.id == article["id"])
    try:
        async with engine.begin() as conn:
            await conn.run_sync(_run, "downgrade")
            old = await conn.scalar(stats)
            assert "attributed_claims" not in old and old["claims"] == article["stats"]["claims"]
            await conn.run_sync(_run, "upgrade")
            assert await conn.scalar(stats) == article["stats"]
            assert await conn.scalar(text("SELECT count(*) FROM articles")) == 1
    finally:
        await engine.dispose()

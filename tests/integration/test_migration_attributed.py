"""Migration c13a7d2b9e51 fills `attributed_claims` into articles stored before it, and its
downgrade removes exactly that key."""

from __future__ import annotations

import httpx
from pytest_httpserver import HTTPServer
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import create_async_engine

from app.config import Settings
from app.models import Article
from tests.conftest import REPO
from tests.integration.conftest import process_url
from tests.migration_step import run_migration_step

MIGRATION = REPO / "migrations" / "versions" / "2026_12_04_0000-attributed_claims_stat.py"


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
            await conn.run_sync(run_migration_step, MIGRATION, "downgrade")
            old = await conn.scalar(stats)
            assert "attributed_claims" not in old and old["claims"] == article["stats"]["claims"]
            await conn.run_sync(run_migration_step, MIGRATION, "upgrade")
            # stored as extracted: the API adds `verdicts` ({} until the sources are checked)
            stored = {k: v for k, v in article["stats"].items() if k != "verdicts"}
            assert await conn.scalar(stats) == stored
            assert await conn.scalar(text("SELECT count(*) FROM articles")) == 1
    finally:
        await engine.dispose()

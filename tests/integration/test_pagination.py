"""Keyset pages over real HTTP: rows written between pages, /v1/sources, foreign cursors."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.db import create_engine, session_factory
from app.models import Article, Source

PROBLEM = "application/problem+json"
START = datetime(2026, 1, 1, tzinfo=UTC)


@pytest.fixture
async def sessions(settings: Settings) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = create_engine(settings.database_url or "", pool_size=1)
    yield session_factory(engine)
    await engine.dispose()


async def _add_sources(sessions: async_sessionmaker[AsyncSession], *names: str) -> None:
    async with sessions.begin() as session:
        for name in names:
            session.add(Source(url=f"https://{name}.test/page", domain=f"{name}.test"))


async def _add_articles(sessions: async_sessionmaker[AsyncSession], *hours: int) -> None:
    """Articles stored `hours` after START (newest first is the listing's order)."""
    async with sessions.begin() as session:
        for hour in hours:
            session.add(
                Article(
                    url=f"https://news.test/{hour}-{uuid.uuid4().hex[:6]}",
                    title=f"hour {hour}",
                    created_at=START + timedelta(hours=hour),
                )
            )


async def _page(api: httpx.AsyncClient, path: str, cursor: str | None) -> dict:  # type: ignore[type-arg]
    params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
    response = await api.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


async def test_sources_page_in_url_order_to_the_end(
    api: httpx.AsyncClient, sessions: async_sessionmaker[AsyncSession]
) -> None:
    await _add_sources(sessions, "e", "a", "d", "b", "c")
    seen, cursor, pages = [], None, 0
    while True:
        page = await _page(api, "/v1/sources", cursor)
        seen += [item["domain"] for item in page["items"]]
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == ["a.test", "b.test", "c.test", "d.test", "e.test"]
    assert pages == 3


async def test_sources_written_between_pages_are_neither_repeated_nor_skipped(
    api: httpx.AsyncClient, sessions: async_sessionmaker[AsyncSession]
) -> None:
    await _add_sources(sessions, "b", "d", "f", "h")
    first = await _page(api, "/v1/sources", None)
    assert [i["domain"] for i in first["items"]] == ["b.test", "d.test"]
    # One lands before the cursor (already passed), one after it (still to come).
    await _add_sources(sessions, "a", "e")
    rest, cursor = [], first["next_cursor"]
    while cursor:
        page = await _page(api, "/v1/sources", cursor)
        rest += [i["domain"] for i in page["items"]]
        cursor = page["next_cursor"]
    assert rest == ["e.test", "f.test", "h.test"]


async def test_articles_written_between_pages_are_neither_repeated_nor_skipped(
    api: httpx.AsyncClient, sessions: async_sessionmaker[AsyncSession]
) -> None:
    await _add_articles(sessions, 5, 4, 3, 2)
    first = await _page(api, "/v1/articles", None)
    assert [i["title"] for i in first["items"]] == ["hour 5", "hour 4"]
    # A newer article belongs before the cursor; an older one still comes.
    await _add_articles(sessions, 9, 1)
    rest, cursor = [], first["next_cursor"]
    while cursor:
        page = await _page(api, "/v1/articles", cursor)
        rest += [i["title"] for i in page["items"]]
        cursor = page["next_cursor"]
    assert rest == ["hour 3", "hour 2", "hour 1"]


async def test_articles_stored_in_the_same_instant_page_by_id(
    api: httpx.AsyncClient, sessions: async_sessionmaker[AsyncSession]
) -> None:
    await _add_articles(sessions, 7, 7, 7, 7, 7)
    ids, cursor = [], None
    while True:
        page = await _page(api, "/v1/articles", cursor)
        ids += [i["id"] for i in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(ids) == len(set(ids)) == 5


@pytest.mark.parametrize(
    ("made_by", "used_on"), [("/v1/sources", "/v1/articles"), ("/v1/articles", "/v1/sources")]
)
async def test_a_cursor_from_another_listing_is_a_400(
    api: httpx.AsyncClient,
    sessions: async_sessionmaker[AsyncSession],
    made_by: str,
    used_on: str,
) -> None:
    await _add_sources(sessions, "a", "b", "c")
    await _add_articles(sessions, 1, 2, 3)
    cursor = (await _page(api, made_by, None))["next_cursor"]
    assert cursor
    response = await api.get(used_on, params={"cursor": cursor})
    assert response.status_code == 400
    assert response.headers["content-type"].startswith(PROBLEM)
    assert response.json()["detail"] == "The cursor belongs to another listing"

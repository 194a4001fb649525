"""Article documents: strong ETags, 304s, Cache-Control, and an ETag that follows every change
(a verdict stored, a source retitled by another article, a forced re-run)."""

from __future__ import annotations

import uuid

import httpx
from pydantic import SecretStr
from pytest_httpserver import HTTPServer
from sqlalchemy import text
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

from app.claims.repository import replace_verifications
from app.config import Settings
from tests.integration.conftest import process_url, serve_api, wait_for_job

KEY_A, KEY_B = "key-for-alice-0123456789", "plain-key-for-bob-9876543210"


async def _revalidate(api: httpx.AsyncClient, path: str) -> tuple[httpx.Response, httpx.Response]:
    """A plain GET, then the same GET with its ETag in If-None-Match."""
    first = await api.get(path)
    assert first.status_code == 200, first.text
    again = await api.get(path, headers={"If-None-Match": first.headers["etag"]})
    return first, again


async def test_documents_carry_an_etag_and_answer_304_while_unchanged(
    api: httpx.AsyncClient, worker, corpus_server: HTTPServer
) -> None:
    article = await process_url(api, worker, corpus_server.url_for("/dev-08.html"))
    source = article["sources"][0]["id"]
    paths = [
        f"/v1/articles/{article['id']}",
        f"/v1/articles/{article['id']}?include=text",
        f"/v1/articles/{article['id']}/claims",
        f"/v1/articles/{article['id']}/claims?limit=2",
        f"/v1/articles/{article['id']}/sources/{source}",
    ]
    etags = set()
    for path in paths:
        first, again = await _revalidate(api, path)
        etag = first.headers["etag"]
        assert etag.startswith('"') and not etag.startswith("W/"), etag
        assert first.headers["cache-control"] == "no-cache"
        assert again.status_code == 304 and again.content == b"", path
        assert again.headers["etag"] == etag
        assert (await api.get(path)).content == first.content  # the cached body is the same
        assert (await api.get(path, headers={"If-None-Match": '"other"'})).status_code == 200
        etags.add(etag)
    assert len(etags) == len(paths)  # every document has its own
    assert (await api.get(f"/v1/articles/{uuid.uuid4()}")).status_code == 404


async def test_a_stored_verdict_gives_a_new_etag_and_body(
    api: httpx.AsyncClient, worker, corpus_server: HTTPServer, settings: Settings
) -> None:
    article = await process_url(api, worker, corpus_server.url_for("/dev-08.html"))
    source = next(s for s in article["sources"] if s["claim_count"])
    path = f"/v1/articles/{article['id']}/sources/{source['id']}"
    first, again = await _revalidate(api, path)
    assert again.status_code == 304
    claim = first.json()["claims"][0]
    assert claim["verification"]["status"] == "unchecked"
    engine = create_async_engine(settings.database_url or "")
    try:
        async with async_sessionmaker(engine)() as session, session.begin():
            row = {
                "article_id": article["id"],
                "sentence_id": claim["id"],
                "source_id": source["id"],
                "status": "supported",
                "evidence": "said so",
                "score": 0.9,
            }
            await replace_verifications(session, uuid.UUID(article["id"]), [row])
        changed = await api.get(path, headers={"If-None-Match": first.headers["etag"]})
        assert changed.status_code == 200
        assert changed.headers["etag"] != first.headers["etag"]
        verdict = next(c for c in changed.json()["claims"] if c["id"] == claim["id"])
        assert verdict["verification"]["status"] == "supported"
        # Another article retitling a shared source changes the summary that shows it.
        async with engine.begin() as conn:
            await conn.execute(
                text("UPDATE article_sources SET title = NULL WHERE source_id = :id"),
                {"id": source["id"]},
            )
            await conn.execute(
                text("UPDATE articles SET title = title WHERE id = :id"), {"id": article["id"]}
            )
        before = await api.get(f"/v1/articles/{article['id']}")
        async with engine.begin() as conn:
            await conn.execute(
                text("UPDATE sources SET title = 'Retitled elsewhere' WHERE id = :id"),
                {"id": source["id"]},
            )
        after = await api.get(
            f"/v1/articles/{article['id']}", headers={"If-None-Match": before.headers["etag"]}
        )
        assert after.status_code == 200 and after.headers["etag"] != before.headers["etag"]
        shown = next(s for s in after.json()["sources"] if s["id"] == source["id"])
        assert shown["title"] == "Retitled elsewhere"
    finally:
        await engine.dispose()


async def test_a_forced_rerun_gives_new_documents(
    api: httpx.AsyncClient, worker, corpus_server: HTTPServer
) -> None:
    url = corpus_server.url_for("/dev-06.html")
    article = await process_url(api, worker, url)
    path = f"/v1/articles/{article['id']}/claims"
    first = await api.get(path)
    job = (await api.post("/v1/articles", json={"url": url, "force": True})).json()
    await worker()
    assert (await wait_for_job(api, job["id"]))["status"] == "succeeded"
    rerun = await api.get(path, headers={"If-None-Match": first.headers["etag"]})
    # The claims are new rows (new ids): a stale 304 would point the caller at deleted ids.
    assert rerun.status_code == 200 and rerun.headers["etag"] != first.headers["etag"]
    assert {c["id"] for c in rerun.json()["items"]}.isdisjoint(
        c["id"] for c in first.json()["items"]
    )


async def test_with_keys_on_the_cache_never_answers_without_a_valid_key(
    settings: Settings, worker, corpus_server: HTTPServer
) -> None:
    keyed = settings.model_copy(
        update={"auth": "on", "api_keys": SecretStr(f"alice:{KEY_A}, bob:{KEY_B}")}
    )
    async with serve_api(keyed) as api:
        api.headers["X-API-Key"] = KEY_A
        article = await process_url(api, worker, corpus_server.url_for("/dev-08.html"))
        path = f"/v1/articles/{article['id']}/claims"
        mine = await api.get(path)
        assert mine.headers["cache-control"] == "private, no-cache"
        etag = mine.headers["etag"]
        del api.headers["X-API-Key"]
        for headers in ({}, {"X-API-Key": "wrong-key-000000000000"}):
            refused = await api.get(path, headers=headers | {"If-None-Match": etag})
            assert refused.status_code == 401 and "etag" not in refused.headers
        # Articles are shared by every key (only jobs and batches are per key): the same
        # document, so nothing of one key's can reach another through the cache.
        theirs = await api.get(path, headers={"X-API-Key": KEY_B})
        assert theirs.content == mine.content and theirs.headers["etag"] == etag


async def test_without_the_cache_the_documents_are_the_same(
    settings: Settings, worker, corpus_server: HTTPServer
) -> None:
    async with serve_api(settings) as cached:
        article = await process_url(cached, worker, corpus_server.url_for("/dev-06.html"))
        path = f"/v1/articles/{article['id']}/claims?limit=3"
        warm = [await cached.get(path) for _ in range(2)]
    async with serve_api(settings.model_copy(update={"read_cache_bytes": 0})) as uncached:
        cold = await uncached.get(path)
    assert warm[0].content == warm[1].content == cold.content
    assert warm[1].headers["etag"] == cold.headers["etag"]

"""An article says whether its sources were checked: off, pending until verdicts are stored,
done with the counts per verdict; `POST /v1/articles/{id}/verify` checks again on demand."""

from __future__ import annotations

from collections import Counter

import httpx
from pytest_httpserver import HTTPServer
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from app.cli.embedded import free_port
from app.config import Settings
from tests.conftest import REPO
from tests.integration.conftest import process_url, serve_api, wait_for_job
from tests.integration.test_source_snapshots import _fetches, _serve
from tests.migration_step import run_migration_step

MIGRATION = REPO / "migrations" / "versions" / "2026_12_04_1040-verification_state.py"


async def _counts(api: httpx.AsyncClient, article: dict) -> Counter[str]:  # type: ignore[type-arg]
    """Verdicts per status, read source by source (independently of the article's stats)."""
    counts: Counter[str] = Counter()
    for source in article["sources"]:
        path = f"/v1/articles/{article['id']}/sources/{source['id']}"
        counts.update((await api.get(path)).json()["verification_counts"])
    return counts


async def test_an_article_reads_off_then_pending_then_done(
    api: httpx.AsyncClient, worker, httpserver: HTTPServer
) -> None:
    _serve(httpserver)
    article = await process_url(api, worker, httpserver.url_for("/a"))
    assert (article["verification"], article["verified_at"]) == ("off", None)
    assert article["stats"]["verdicts"] == {}
    assert _fetches(httpserver, "/minutes") == 0

    asked = await api.post(f"/v1/articles/{article['id']}/verify")
    assert asked.status_code == 202, asked.text
    assert asked.headers["location"] == f"/v1/articles/{article['id']}"
    assert asked.json()["verification"] == "pending"
    pending = (await api.get(f"/v1/articles/{article['id']}")).json()
    assert pending["verification"] == "pending"

    await worker()
    done = (await api.get(f"/v1/articles/{article['id']}")).json()
    assert done["verification"] == "done"
    assert done["verified_at"] >= asked.json()["requested_at"]
    assert done["stats"]["verdicts"] == {"contradicted": 1}
    assert done["stats"]["verdicts"] == dict(await _counts(api, done))
    assert done["stats"]["claims"] == article["stats"]["claims"]  # the rest of stats kept


async def test_a_job_with_verify_ends_done_and_a_refresh_fetches_again(
    api: httpx.AsyncClient, worker, httpserver: HTTPServer
) -> None:
    _serve(httpserver)
    article = await process_url(api, worker, httpserver.url_for("/b"), verify=True)
    assert article["verification"] == "done"
    assert article["stats"]["verdicts"] == {"supported": 1}
    assert _fetches(httpserver, "/minutes") == 1

    await api.post(f"/v1/articles/{article['id']}/verify")  # the snapshot is read again
    await worker()
    assert _fetches(httpserver, "/minutes") == 1
    asked = await api.post(f"/v1/articles/{article['id']}/verify?refresh=true")
    assert asked.json()["refresh"] is True
    await worker()
    assert _fetches(httpserver, "/minutes") == 2
    again = (await api.get(f"/v1/articles/{article['id']}")).json()
    assert again["verification"] == "done" and again["verified_at"] > article["verified_at"]


async def test_a_stored_article_submitted_with_verify_is_pending_until_checked(
    api: httpx.AsyncClient, worker, httpserver: HTTPServer
) -> None:
    _serve(httpserver)
    article = await process_url(api, worker, httpserver.url_for("/b"))
    job = await api.post("/v1/articles", json={"url": httpserver.url_for("/b"), "verify": True})
    assert job.status_code == 200  # answered from the stored article
    assert (await api.get(f"/v1/articles/{article['id']}")).json()["verification"] == "pending"
    await worker()
    assert (await api.get(f"/v1/articles/{article['id']}")).json()["verification"] == "done"


async def test_extracting_again_without_verify_forgets_the_verdicts(
    api: httpx.AsyncClient, worker, httpserver: HTTPServer
) -> None:
    _serve(httpserver)
    await process_url(api, worker, httpserver.url_for("/b"), verify=True)
    rerun = await api.post("/v1/articles", json={"url": httpserver.url_for("/b"), "force": True})
    await worker()
    done = await wait_for_job(api, rerun.json()["id"])
    article = (await api.get(f"/v1/articles/{done['article_id']}")).json()
    assert (article["verification"], article["stats"]["verdicts"]) == ("off", {})


async def test_unknown_article_and_absent_queue_are_problems(
    api: httpx.AsyncClient, worker, httpserver: HTTPServer, settings: Settings
) -> None:
    missing = await api.post("/v1/articles/6f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9/verify")
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("application/problem+json")

    _serve(httpserver)
    article = await process_url(api, worker, httpserver.url_for("/b"))
    away = settings.model_copy(update={"redis_url": f"redis://127.0.0.1:{free_port()}/0"})
    async with serve_api(away) as no_queue:
        answer = await no_queue.post(f"/v1/articles/{article['id']}/verify")
    assert answer.status_code == 503, answer.text
    assert answer.headers["retry-after"] == "5"
    # nothing was asked, so nothing waits for a check that will never come
    assert (await api.get(f"/v1/articles/{article['id']}")).json()["verification"] == "off"


async def test_the_migration_marks_verified_articles_done(
    api: httpx.AsyncClient, worker, httpserver: HTTPServer, settings: Settings
) -> None:
    _serve(httpserver)
    verified = await process_url(api, worker, httpserver.url_for("/a"), verify=True)
    plain = await process_url(api, worker, httpserver.url_for("/b"))
    engine = create_async_engine(settings.database_url or "")
    try:
        async with engine.begin() as conn:
            await conn.run_sync(run_migration_step, MIGRATION, "downgrade")
            assert (
                await conn.scalar(text("SELECT count(*) FROM articles WHERE stats ? 'verdicts'"))
                == 0
            )
            await conn.run_sync(run_migration_step, MIGRATION, "upgrade")
    finally:
        await engine.dispose()
    after = (await api.get(f"/v1/articles/{verified['id']}")).json()
    assert after["verification"] == "done"
    assert after["stats"]["verdicts"] == verified["stats"]["verdicts"] == {"contradicted": 1}
    assert (await api.get(f"/v1/articles/{plain['id']}")).json()["verification"] == "off"


async def test_claims_carry_their_verdicts_and_filter_on_them(
    api: httpx.AsyncClient, worker, httpserver: HTTPServer
) -> None:
    _serve(httpserver)
    article = await process_url(api, worker, httpserver.url_for("/a"))
    claims_path = f"/v1/articles/{article['id']}/claims"
    before = await api.get(claims_path)
    (claim,) = [c for c in before.json()["items"] if "budget" in c["text"]]
    assert [c["verification"] for c in claim["citations"]] == [None]

    await api.post(f"/v1/articles/{article['id']}/verify")
    await worker()
    after = await api.get(claims_path, headers={"If-None-Match": before.headers["etag"]})
    assert after.status_code == 200  # the cached page changed with the verdict
    assert after.headers["etag"] != before.headers["etag"]
    (claim,) = [c for c in after.json()["items"] if "budget" in c["text"]]
    (verdict,) = [c["verification"] for c in claim["citations"]]
    assert verdict["status"] == "contradicted" and verdict["snapshot_id"] is not None

    contradicted = (await api.get(claims_path, params={"verification": "contradicted"})).json()
    assert [c["id"] for c in contradicted["items"]] == [claim["id"]]
    supported = (await api.get(claims_path, params={"verification": "supported"})).json()
    assert supported["items"] == []
    bogus = await api.get(claims_path, params={"verification": "maybe"})
    assert bogus.status_code == 422


async def test_the_report_says_whether_sources_were_checked(
    api: httpx.AsyncClient, worker, httpserver: HTTPServer
) -> None:
    _serve(httpserver)
    article = await process_url(api, worker, httpserver.url_for("/a"))

    def state(page: str) -> str:
        return page.split('class="muted verification-state" data-state="')[1].split('"')[0]

    assert state((await api.get(article["report_url"])).text) == "off"
    await api.post(f"/v1/articles/{article['id']}/verify")
    assert state((await api.get(article["report_url"])).text) == "pending"
    await worker()
    page = (await api.get(article["report_url"])).text
    assert state(page) == "done"
    assert 'class="reason">the claim says &#39;$5 million&#39;' in page  # the clash, escaped

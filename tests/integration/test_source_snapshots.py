"""Cited pages are stored as snapshots when checked: fetched once, served, pointed into."""

from __future__ import annotations

import uuid

import httpx
from pytest_httpserver import HTTPServer
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from app.config import Settings
from tests.conftest import REPO
from tests.integration.conftest import process_url, run_worker, wait_for_job
from tests.migration_step import run_migration_step
from tests.pdf_bytes import pdf_with_pages

MIGRATION = REPO / "migrations" / "versions" / "2026_12_04_1030-source_snapshots.py"
NEAREST = REPO / "migrations" / "versions" / "2026_12_04_1110-nearest_sources.py"

MINUTES = (
    "<html><head><title>Council minutes</title></head><body><article>"
    "<h1>Minutes of the budget meeting</h1>"
    "<p>The council approved a budget of $4 million on Tuesday after a long debate.</p>"
    "<p>Seven members voted for the plan and two voted against it in the final count.</p>"
    "</article></body></html>"
)


def _article(source: str, figure: str) -> str:
    return (
        "<html><head><title>Budget vote</title></head><body><article>"
        f"<p>The council approved a budget of {figure} on Tuesday after a long debate, "
        f'<a href="{source}">the minutes show</a>.</p>'
        "<p>Local groups have asked for more money for parks and libraries in every year "
        "since the town last raised its rates.</p></article></body></html>"
    )


def _serve(httpserver: HTTPServer) -> str:
    httpserver.expect_request("/minutes").respond_with_data(MINUTES, content_type="text/html")
    source = httpserver.url_for("/minutes")
    for path, figure in (("/a", "$5 million"), ("/b", "$4 million")):
        httpserver.expect_request(path).respond_with_data(
            _article(source, figure), content_type="text/html"
        )
    return source


def _fetches(httpserver: HTTPServer, path: str) -> int:
    return sum(1 for request, _ in httpserver.log if request.path == path)


async def _verdict(api: httpx.AsyncClient, article: dict) -> dict:  # type: ignore[type-arg]
    (source,) = article["sources"]
    provenance = (await api.get(f"/v1/articles/{article['id']}/sources/{source['id']}")).json()
    (claim,) = [c for c in provenance["claims"] if "budget" in c["text"]]
    return claim["verification"] | {"source_id": source["id"]}  # type: ignore[no-any-return]


async def test_a_source_is_fetched_once_and_every_verdict_points_into_its_snapshot(
    api: httpx.AsyncClient, worker, httpserver: HTTPServer
) -> None:
    _serve(httpserver)
    wrong = await _verdict(
        api, await process_url(api, worker, httpserver.url_for("/a"), verify=True)
    )
    right = await _verdict(
        api, await process_url(api, worker, httpserver.url_for("/b"), verify=True)
    )
    assert _fetches(httpserver, "/minutes") == 1  # the second check read the stored text

    assert wrong["status"] == "contradicted", wrong
    assert any("4 million" in r or "$4" in r for r in wrong["reasons"]), wrong["reasons"]
    assert right["status"] == "supported", right
    assert wrong["snapshot_id"] == right["snapshot_id"] is not None
    assert wrong["source_id"] == right["source_id"]

    answer = await api.get(f"/v1/sources/{right['source_id']}/snapshot")
    assert answer.status_code == 200, answer.text
    snapshot = answer.json()
    assert snapshot["id"] == right["snapshot_id"]
    assert snapshot["http_status"] == 200
    assert snapshot["final_url"].endswith("/minutes")
    text = snapshot["text"]
    assert "Seven members voted for the plan" in text
    for verdict in (wrong, right):
        assert text[verdict["evidence_start"] : verdict["evidence_end"]] == verdict["evidence"]
        assert verdict["checked_at"] is not None

    same = await api.get(f"/v1/sources/{right['source_id']}/snapshots/{snapshot['id']}")
    assert same.json() == snapshot


async def test_an_old_snapshot_is_fetched_again_and_kept(
    api: httpx.AsyncClient, worker, httpserver: HTTPServer, settings: Settings
) -> None:
    _serve(httpserver)
    first = await _verdict(
        api, await process_url(api, worker, httpserver.url_for("/b"), verify=True)
    )
    rerun = await api.post(
        "/v1/articles", json={"url": httpserver.url_for("/b"), "verify": True, "force": True}
    )
    await run_worker(settings.model_copy(update={"snapshot_max_age_seconds": 0}))
    done = await wait_for_job(api, rerun.json()["id"])
    second = await _verdict(api, (await api.get(f"/v1/articles/{done['article_id']}")).json())

    assert _fetches(httpserver, "/minutes") == 2
    assert second["snapshot_id"] != first["snapshot_id"]
    latest = (await api.get(f"/v1/sources/{second['source_id']}/snapshot")).json()
    assert latest["id"] == second["snapshot_id"]
    older = await api.get(f"/v1/sources/{first['source_id']}/snapshots/{first['snapshot_id']}")
    assert older.status_code == 200
    assert older.json()["sha256"] == latest["sha256"]  # the page did not change


async def test_unknown_snapshots_are_404_problems(
    api: httpx.AsyncClient, worker, httpserver: HTTPServer
) -> None:
    _serve(httpserver)
    verdict = await _verdict(
        api, await process_url(api, worker, httpserver.url_for("/b"), verify=True)
    )
    other = uuid.uuid4()
    for path in (
        f"/v1/sources/{other}/snapshot",
        f"/v1/sources/{other}/snapshots/{verdict['snapshot_id']}",  # another source's id
        f"/v1/sources/{verdict['source_id']}/snapshots/{verdict['snapshot_id'] + 1000}",
    ):
        answer = await api.get(path)
        assert answer.status_code == 404, path
        assert answer.headers["content-type"].startswith("application/problem+json")
        assert "snapshot" in answer.json()["detail"].lower()


async def test_without_verify_nothing_is_fetched_or_stored(
    api: httpx.AsyncClient, worker, httpserver: HTTPServer
) -> None:
    _serve(httpserver)
    article = await process_url(api, worker, httpserver.url_for("/b"))
    assert _fetches(httpserver, "/minutes") == 0
    (source,) = article["sources"]
    assert (await api.get(f"/v1/sources/{source['id']}/snapshot")).status_code == 404


async def test_the_migration_keeps_verdicts_both_ways(
    api: httpx.AsyncClient, worker, httpserver: HTTPServer, settings: Settings
) -> None:
    _serve(httpserver)
    await process_url(api, worker, httpserver.url_for("/a"), verify=True)
    count = text("SELECT count(*), count(snapshot_id) FROM verifications")
    engine = create_async_engine(settings.database_url or "")
    try:
        async with engine.begin() as conn:
            assert tuple((await conn.execute(count)).one()) == (1, 1)
            await conn.run_sync(run_migration_step, NEAREST, "downgrade")  # it needs snapshots
            await conn.run_sync(run_migration_step, MIGRATION, "downgrade")
            assert await conn.scalar(text("SELECT count(*) FROM verifications")) == 1
            await conn.run_sync(run_migration_step, MIGRATION, "upgrade")
            await conn.run_sync(run_migration_step, NEAREST, "upgrade")
            assert tuple((await conn.execute(count)).one()) == (1, 0)  # older verdicts: no text
            reasons = await conn.scalar(text("SELECT reasons FROM verifications"))
            assert reasons == []
    finally:
        await engine.dispose()


async def test_a_pdf_source_is_read_and_kept_as_its_text(
    api: httpx.AsyncClient, worker, httpserver: HTTPServer
) -> None:
    report = pdf_with_pages(
        ["Budget report", "", "The council approved a budget of $4 million on Tuesday after a"],
        ["long debate. Seven members voted for the plan."],
    )
    httpserver.expect_request("/report.pdf").respond_with_data(
        report, content_type="application/pdf"
    )
    source = httpserver.url_for("/report.pdf")
    httpserver.expect_request("/a").respond_with_data(
        _article(source, "$5 million"), content_type="text/html"
    )
    verdict = await _verdict(
        api, await process_url(api, worker, httpserver.url_for("/a"), verify=True)
    )
    assert verdict["status"] == "contradicted", verdict
    snapshot = (await api.get(f"/v1/sources/{verdict['source_id']}/snapshot")).json()
    assert snapshot["content_type"] == "application/pdf"
    assert "approved a budget of $4 million on Tuesday after a long debate." in snapshot["text"]
    assert (
        snapshot["text"][verdict["evidence_start"] : verdict["evidence_end"]]
        == (verdict["evidence"])
    )


async def test_an_uncited_claim_gets_the_source_that_supports_it(
    api: httpx.AsyncClient, worker, httpserver: HTTPServer
) -> None:
    source = _serve(httpserver)
    httpserver.expect_request("/c").respond_with_data(
        _article(source, "$4 million").replace(
            "</article>",
            "<p>Seven members voted for the plan and two voted against it in the end.</p>"
            "<p>The library will open on Sundays from next spring, at a cost of $80,000.</p>"
            "</article>",
        ),
        content_type="text/html",
    )
    article = await process_url(api, worker, httpserver.url_for("/c"), verify=True)
    claims = (await api.get(f"/v1/articles/{article['id']}/claims")).json()["items"]
    vote = next(c for c in claims if c["text"].startswith("Seven"))
    library = next(c for c in claims if c["text"].startswith("The library"))
    assert vote["citation_state"] == library["citation_state"] == "uncited"
    nearest = vote["nearest_source"]
    assert nearest is not None and nearest["url"] == article["sources"][0]["normalized_url"]
    snapshot = (await api.get(f"/v1/sources/{nearest['source_id']}/snapshot")).json()
    assert snapshot["id"] == nearest["snapshot_id"]
    assert (
        snapshot["text"][nearest["evidence_start"] : nearest["evidence_end"]]
        == (nearest["evidence"])
    )
    assert "Seven members voted" in nearest["evidence"]
    assert library["nearest_source"] is None  # nothing the article cites says so

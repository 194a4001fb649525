"""One job per URL, enforced by PostgreSQL: concurrent submits and a batch's own duplicates
all name one job, and only one is ever fetched."""

from __future__ import annotations

import asyncio
import uuid

import httpx
from pytest_httpserver import HTTPServer
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import create_async_engine

from app.config import Settings
from app.models import Job
from tests.integration.conftest import article_rows, run_worker

PAGE = (
    "<html><head><title>Budget vote</title></head><body><article><p>The council approved "
    "a budget of $4 million on Tuesday. It passed by 7 votes to 2, officials said.</p>"
    "</article></body></html>"
)


async def _jobs_per_url(settings: Settings) -> dict[str, int]:
    engine = create_async_engine(settings.database_url or "")
    try:
        async with engine.connect() as conn:
            rows = await conn.execute(
                select(Job.normalized_url, func.count()).group_by(Job.normalized_url)
            )
            return {url: int(count) for url, count in rows}
    finally:
        await engine.dispose()


def _steady(settings: Settings) -> Settings:
    """A lease no loaded machine outlasts, so a fetch count counts submits, not takeovers."""
    return settings.model_copy(update={"job_lease_seconds": 60.0})


def _page_fetches(httpserver: HTTPServer) -> int:
    return sum(1 for request, _ in httpserver.log if request.path == "/story")


async def test_twenty_concurrent_submits_of_a_new_url_make_one_job(
    api: httpx.AsyncClient, settings: Settings, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/story", query_string=None).respond_with_data(
        PAGE, content_type="text/html"
    )
    # Several rounds: check-then-insert without the index sometimes wins a single round.
    for round_ in range(5):
        url = httpserver.url_for(f"/story?round={round_}")
        answers = await asyncio.gather(
            *(api.post("/v1/articles", json={"url": url}) for _ in range(20))
        )
        assert {a.status_code for a in answers} == {202}, [a.text for a in answers]
        named = {a.json()["id"] for a in answers}
        assert len(named) == 1, named
        (job_id,) = named
        assert {a.headers["location"] for a in answers} == {f"/v1/jobs/{job_id}"}
    counts = await _jobs_per_url(settings)
    assert len(counts) == 5 and set(counts.values()) == {1}, counts

    await run_worker(_steady(settings))
    assert await article_rows(settings) == 5
    assert _page_fetches(httpserver) == 5  # each page fetched once


async def test_a_batch_merges_its_own_duplicates_and_says_so(
    api: httpx.AsyncClient, settings: Settings, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/story", query_string=None).respond_with_data(
        PAGE, content_type="text/html"
    )
    url = httpserver.url_for("/story?id=7")
    urls = [
        url,
        url,
        f"{url}#comments",
        f"{url}&utm_source=newsletter&utm_medium=email",
        f"{url}&fbclid=abc#top",
        httpserver.url_for("/story?id=8"),
    ]
    response = await api.post("/v1/batches", json={"urls": urls})
    assert response.status_code == 202, response.text
    items = response.json()["jobs"]
    assert [item["duplicate_of"] for item in items] == [None, 0, 0, 0, 0, None]
    assert len({item["id"] for item in items[:5]}) == 1
    assert items[5]["id"] != items[0]["id"]
    assert [item["url"] for item in items] == [urls[0]] * 5 + [urls[5]]  # the first spelling
    assert sorted((await _jobs_per_url(settings)).values()) == [1, 1]

    await run_worker(_steady(settings))
    batch = (await api.get(f"/v1/batches/{response.json()['id']}")).json()
    assert batch["total"] == 2 and batch["counts"]["succeeded"] == 2, batch
    assert [job["id"] for job in batch["jobs"]] == [items[0]["id"], items[5]["id"]]
    assert _page_fetches(httpserver) == 2


async def test_overlapping_batches_at_once_share_jobs_and_never_deadlock(
    api: httpx.AsyncClient, settings: Settings, httpserver: HTTPServer
) -> None:
    urls = [f"https://overlap.test/{n}" for n in range(30)]
    orders = [urls, urls[::-1], urls[10:] + urls[:10], urls[::2] + urls[1::2]]
    answers = await asyncio.gather(
        *(api.post("/v1/batches", json={"urls": order}) for order in orders)
    )
    assert {a.status_code for a in answers} == {202}, [a.text for a in answers]
    ids = [{item["url"]: item["id"] for item in a.json()["jobs"]} for a in answers]
    assert all(named == ids[0] for named in ids), "the batches name different jobs"
    assert set((await _jobs_per_url(settings)).values()) == {1}
    for answer in answers:  # every batch lists every job, those it joined included
        batch = (await api.get(f"/v1/batches/{answer.json()['id']}")).json()
        assert {job["id"] for job in batch["jobs"]} == set(ids[0].values())


async def test_a_resubmission_joins_and_adds_verify_and_a_callback(
    api: httpx.AsyncClient, settings: Settings
) -> None:
    url = "https://join.test/story"
    first = (await api.post("/v1/articles", json={"url": url})).json()
    hook = "https://hooks.test/a"
    joined = await api.post(
        "/v1/articles", json={"url": url + "#x", "verify": True, "callback_url": hook}
    )
    assert joined.status_code == 202 and joined.json()["id"] == first["id"]
    assert joined.json()["callback_status"] == "pending"
    engine = create_async_engine(settings.database_url or "")
    try:
        async with engine.connect() as conn:
            row = (
                await conn.execute(
                    select(Job.verify, Job.callback_url).where(Job.id == uuid.UUID(first["id"]))
                )
            ).one()
    finally:
        await engine.dispose()
    assert tuple(row) == (True, hook)
    # One job delivers to one callback: another callback URL cannot join it while in flight.
    other = await api.post(
        "/v1/articles", json={"url": url, "callback_url": "https://hooks.test/b"}
    )
    assert other.status_code == 409, other.text
    assert other.json()["type"].endswith("/conflict") and "Retry-After" in other.headers
    # A batch joins the job in flight too, and lists it.
    batch = (await api.post("/v1/batches", json={"urls": [url]})).json()
    assert batch["jobs"][0]["id"] == first["id"]
    status = (await api.get(f"/v1/batches/{batch['id']}")).json()
    assert [job["id"] for job in status["jobs"]] == [first["id"]]


async def test_duplicate_of_is_the_index_in_the_batch_past_rejected_items(
    api: httpx.AsyncClient,
) -> None:
    url = "https://dups.test/a"
    urls = ["not a url", url + "?utm_campaign=x", "ftp://no.test/", url + "#b", url]
    response = await api.post("/v1/batches", json={"urls": urls})
    assert response.status_code == 202, response.text
    items = response.json()["jobs"]
    assert ["id" in item for item in items] == [False, True, False, True, True]
    assert [items[i]["duplicate_of"] for i in (1, 3, 4)] == [None, 1, 1]
    assert items[1]["id"] == items[3]["id"] == items[4]["id"]

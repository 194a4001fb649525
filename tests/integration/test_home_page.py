"""The home page: a plain form post queues the URLs and shows their jobs; keys asked for."""

from __future__ import annotations

import base64
import re
from collections.abc import AsyncIterator

import httpx
import pytest
from pydantic import SecretStr
from pytest_httpserver import HTTPServer

from app.config import Settings
from tests.integration.conftest import serve_api, wait_for_job

KEY = "ct_home_page_key_0123456789abcdef"
FORM = {"content-type": "application/x-www-form-urlencoded"}


def _basic(key: str) -> dict[str, str]:
    return {"authorization": "Basic " + base64.b64encode(f"me:{key}".encode()).decode()}


async def test_form_post_queues_each_url_and_redirects_to_their_status(
    api: httpx.AsyncClient, worker, corpus_server: HTTPServer
) -> None:
    home = await api.get("/")
    assert home.status_code == 200 and '<form method="post" action="/report/jobs"' in home.text
    assert "API key is required" not in home.text
    urls = [corpus_server.url_for("/dev-01.html"), corpus_server.url_for("/dev-02.html")]
    text = "\n".join([urls[0], "  ", urls[1], urls[0]])  # blanks and repeats dropped
    posted = await api.post("/report/jobs", data={"urls": text})
    assert posted.status_code == 303
    ids = re.findall(r"id=([0-9a-f-]{36})", posted.headers["location"])
    assert len(ids) == 2
    jobs = [(await api.get(f"/v1/jobs/{i}")).json() for i in ids]
    assert [j["url"] for j in jobs] == urls

    status = await api.get(posted.headers["location"])
    assert status.status_code == 200 and "0 of 2 finished" in status.text
    assert '<noscript><meta http-equiv="refresh" content="2"></noscript>' in status.text
    assert "script-src 'self'" in status.headers["content-security-policy"]
    await worker()
    for job_id in ids:
        assert (await wait_for_job(api, job_id))["status"] == "succeeded"
    done = (await api.get(posted.headers["location"])).text
    assert "2 of 2 finished" in done and "http-equiv" not in done
    assert done.count('href="/report/') == 2


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Paste at least one URL"),
        ("ftp://example.org/x", "only http and https URLs can be fetched"),
        ("\n".join(f"https://e.example/{n}" for n in range(51)), "at most 50 at once"),
    ],
)
async def test_bad_form_is_shown_again_with_the_reason(
    api: httpx.AsyncClient, text: str, message: str
) -> None:
    posted = await api.post("/report/jobs", data={"urls": text})
    assert posted.status_code == 422 and message in posted.text
    assert text.split("\n")[0] in posted.text  # what was typed is kept in the form


async def test_odd_form_bodies_are_answered_not_crashed_on(api: httpx.AsyncClient) -> None:
    many = "&".join(f"f{n}=x" for n in range(50))
    posted = await api.post("/report/jobs", content=many, headers=FORM)
    assert posted.status_code == 422 and "Paste at least one URL" in posted.text
    nul = await api.post("/report/jobs", content="urls=https%3A%2F%2Fa.example%2F%00", headers=FORM)
    assert nul.status_code == 303  # the NUL is dropped, not sent to PostgreSQL


async def test_a_form_posted_from_another_site_is_refused(api: httpx.AsyncClient) -> None:
    posted = await api.post(
        "/report/jobs",
        data={"urls": "https://example.org/a"},
        headers={"origin": "https://evil.example", "sec-fetch-site": "cross-site"},
    )
    assert posted.status_code == 403


@pytest.fixture
async def keyed(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    keyed = settings.model_copy(update={"auth": "on", "api_keys": SecretStr(f"me:{KEY}")})
    async with serve_api(keyed) as client:
        yield client


async def test_with_keys_on_the_form_says_so_and_the_browser_is_asked(
    keyed: httpx.AsyncClient,
) -> None:
    home = await keyed.get("/")
    assert home.status_code == 200 and "An API key is required" in home.text
    refused = await keyed.post("/report/jobs", data={"urls": "https://example.org/a"})
    assert refused.status_code == 401 and refused.headers["www-authenticate"].startswith("Basic")
    posted = await keyed.post(
        "/report/jobs", data={"urls": "https://example.org/a"}, headers=_basic(KEY)
    )
    assert posted.status_code == 303
    assert (await keyed.get(posted.headers["location"])).status_code == 401
    status = await keyed.get(posted.headers["location"], headers=_basic(KEY))
    assert status.status_code == 200 and "https://example.org/a" in status.text
    source = await keyed.get("/sources/00000000-0000-4000-8000-000000000000")
    assert source.status_code == 308
    assert (await keyed.get(source.headers["location"])).status_code == 401

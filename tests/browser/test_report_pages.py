"""The pages in a real browser: submit through `/`, follow the job, read and filter the report."""

from __future__ import annotations

import json

import httpx
from playwright.async_api import Page
from pytest_httpserver import HTTPServer

from tests.browser.conftest import WAIT_MS, poll, screenshot, submit, wait_until_finished
from tests.conftest import DEV
from tests.integration.conftest import GatedPage


async def _claims(api: httpx.AsyncClient, article_id: str, **params: str) -> list[dict]:  # type: ignore[type-arg]
    page = await api.get(f"/v1/articles/{article_id}/claims", params={"limit": "500", **params})
    return page.json()["items"]  # type: ignore[no-any-return]


async def _highlighted(page: Page) -> list[int]:
    """Sentence indexes of the claims highlighted on the report page."""
    ids = await page.eval_on_selector_all("details.claim", "els => els.map(e => e.id)")
    return sorted(int(i.removeprefix("claim-")) for i in ids)


async def test_dev01_submitted_through_home_watched_and_read(
    page: Page,
    api: httpx.AsyncClient,
    corpus_server: HTTPServer,
    httpserver: HTTPServer,
    live_worker: object,
) -> None:
    base = corpus_server.url_for("").rstrip("/")
    body = (DEV / "dev-01.html").read_text(encoding="utf-8").replace("{{BASE}}", base)
    gate = GatedPage(httpserver, "/dev-01.html", body)  # the job waits mid-fetch for us
    await page.goto("/")
    await screenshot(page, "home")
    await submit(page, [gate.url])
    await page.evaluate("window.sameDocument = true")
    await page.wait_for_function(
        "() => document.querySelector('li[data-job] .stage').textContent === 'fetching'",
        timeout=WAIT_MS,
    )
    assert await page.text_content("li[data-job] .status") == "running"
    gate.release()
    await wait_until_finished(page)
    assert await page.text_content("li[data-job] .status") == "succeeded"
    assert await page.evaluate("window.sameDocument")  # the stages arrived live, no reload
    await screenshot(page, "home-status-dev01")
    async with page.expect_navigation():
        await page.click("text=Open report")
    article_id = page.url.rsplit("/", 1)[1]

    claims = await _claims(api, article_id)
    assert await _highlighted(page) == sorted(c["sentence_index"] for c in claims)
    uncited = sum(c["citation_state"] == "uncited" for c in claims)
    assert await page.locator("details.claim.uncited").count() == uncited
    assert await page.locator("details.claim sup.tag.uncited").count() == uncited
    await screenshot(page, "report-dev01")

    first = page.locator("details.claim.cited").first
    card = first.locator(".card")
    assert not await card.is_visible()
    await first.locator("summary").focus()  # keyboard: the card shows on focus…
    await card.wait_for(state="visible")
    assert "Check-worthiness" in await card.inner_text()
    await page.keyboard.press("Enter")  # …and Enter opens the details element
    assert await first.get_attribute("open") is not None

    techcrunch = page.locator("ol.sources li", has_text="TechCrunch")
    assert await techcrunch.locator(".num").inner_text() == "4"
    async with page.expect_navigation():
        await techcrunch.locator("a.filter-link").click()
    assert "?source=" in page.url
    source_id = page.url.split("?source=")[1].split("#")[0]
    citing = await _claims(api, article_id, source_id=source_id)
    shown = await _highlighted(page)
    assert shown and shown == sorted(c["sentence_index"] for c in citing)
    notes = await page.eval_on_selector_all(
        "details.claim sup.fn", "els => els.map(e => e.textContent)"
    )
    assert len(notes) == len(shown) and all("4" in n for n in notes)
    await screenshot(page, "report-dev01-techcrunch")

    async with page.expect_navigation():
        await page.click("text=Show every claim")
    assert len(await _highlighted(page)) == len(claims)

    async with page.expect_navigation():
        await techcrunch.locator("text=In other articles").click()
    assert f"/report/sources/{source_id}" in page.url
    assert await page.locator("ul.claims li").count() == len(citing)
    await screenshot(page, "source-techcrunch")
    await page.goto("/report")
    assert await page.locator(f'ul.articles a[href="/report/{article_id}"]').count() == 1
    await screenshot(page, "report-list")


async def test_verified_dev08_shows_its_contradicted_claim_with_evidence(
    page: Page, api: httpx.AsyncClient, corpus_server: HTTPServer, live_worker: object
) -> None:
    gold = json.loads((DEV / "dev-08.json").read_text(encoding="utf-8"))
    (case,) = [c for c in gold["verification"] if c["verdict"] == "contradicted"]
    await submit(page, [corpus_server.url_for("/dev-08.html")], verify=True)
    await wait_until_finished(page)
    link = await page.get_attribute("text=Open report", "href")
    assert link is not None
    article_id = link.rsplit("/", 1)[1]

    async def verified() -> bool:
        claims = await _claims(api, article_id)
        sources = (await api.get(f"/v1/articles/{article_id}/sources")).json()
        statuses = []
        for source in sources if isinstance(sources, list) else sources["items"]:
            one = (await api.get(f"/v1/articles/{article_id}/sources/{source['id']}")).json()
            statuses += [c["verification"]["status"] for c in one["claims"]]
        return bool(claims) and "unchecked" not in statuses

    await poll(verified)
    await page.goto(link)
    flagged = page.locator("details.claim.contradicted")
    assert await flagged.count() == 1
    assert case["sentence"][:60] in await flagged.locator("summary mark").inner_text()
    await flagged.locator("summary").click()
    card = flagged.locator(".card")
    await card.wait_for(state="visible", timeout=WAIT_MS)
    assert "contradicted" in await card.inner_text()
    claim = next(c for c in await _claims(api, article_id) if c["text"] == case["sentence"])
    source_id = claim["citations"][0]["source_id"]
    api_claims = (await api.get(f"/v1/articles/{article_id}/sources/{source_id}")).json()["claims"]
    evidence = next(c for c in api_claims if c["id"] == claim["id"])["verification"]["evidence"]
    assert evidence and evidence in await card.locator("q.evidence").inner_text()
    state = page.locator("ol.sources li", has_text="contradicted")
    assert await state.count() == 1
    await screenshot(page, "report-dev08-verified")

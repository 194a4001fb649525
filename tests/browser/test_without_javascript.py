"""With JavaScript off the pages still work: the form posts, the status page refreshes itself."""

from __future__ import annotations

import httpx
from playwright.async_api import Browser
from pytest_httpserver import HTTPServer

from tests.browser.conftest import WAIT_MS, screenshot


async def test_submit_and_follow_a_job_without_javascript(
    browser: Browser, api: httpx.AsyncClient, corpus_server: HTTPServer, live_worker: object
) -> None:
    context = await browser.new_context(base_url=str(api.base_url), java_script_enabled=False)
    page = await context.new_page()
    try:
        await page.goto("/")
        await page.fill("#urls", corpus_server.url_for("/dev-02.html"))
        async with page.expect_navigation():
            await page.click("button[type=submit]")
        assert "/report/jobs?" in page.url
        # the <noscript> refresh reloads the page until the job has ended and its link shows
        report = page.locator("a.report-link:not([hidden])")
        await report.wait_for(state="visible", timeout=WAIT_MS)
        assert await page.text_content("li[data-job] .status") == "succeeded"
        await screenshot(page, "home-status-no-js")
        async with page.expect_navigation():
            await report.click()
        claims = (
            await api.get(
                page.url.replace("/report/", "/v1/articles/") + "/claims", params={"limit": 500}
            )
        ).json()["items"]
        assert await page.locator("details.claim").count() == len(claims) > 0
        first = page.locator("details.claim summary").first
        await first.click()  # <details> opens without any script
        assert await page.locator("details.claim[open] .card").first.is_visible()
    finally:
        await context.close()

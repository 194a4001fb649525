"""A page whose title, byline and text carry markup and scripts is text in every view."""

from __future__ import annotations

import httpx
from playwright.async_api import Page
from pytest_httpserver import HTTPServer

from tests.browser.conftest import screenshot, submit, wait_until_finished

ATTACK = "<script>window.pwned=1;document.title='pwned'</script>"
HOSTILE = (
    "<html><head><title>Budget &lt;script&gt;window.pwned=1;document.title='pwned'"
    "&lt;/script&gt; vote</title>"
    '<meta name="author" content="&lt;img src=x onerror=&quot;window.pwned=2&quot;&gt; Ann Lee">'
    "</head><body><article><h1>Budget &lt;script&gt;window.pwned=1;document.title='pwned'"
    "&lt;/script&gt; vote</h1>"
    "<p>The council approved a budget of $4 million on Tuesday, up 12% from 2024 "
    "&lt;img src=x onerror=&quot;window.pwned=3&quot;&gt;. It passed by 7 votes to 2, "
    "according to the "
    '<a href="https://example.org/minutes?a=1&amp;b=&quot;2&quot;">official '
    "&lt;script&gt;window.pwned=4&lt;/script&gt; minutes</a>.</p>"
    "<p>Officials said the plan would cost $3 billion over 10 years.</p>"
    "</article></body></html>"
)


async def _inert(page: Page) -> None:
    """Nothing injected ran, no injected element exists, and the markup is there as text."""
    assert await page.evaluate("() => window.pwned === undefined")
    assert await page.title() != "pwned"
    assert await page.locator("main script, main img, main [onerror]").count() == 0
    assert "<script>" in await page.inner_text("main")


async def test_hostile_page_is_text_in_every_view(
    page: Page, api: httpx.AsyncClient, httpserver: HTTPServer, live_worker: object
) -> None:
    httpserver.expect_request("/hostile").respond_with_data(HOSTILE, content_type="text/html")
    url = httpserver.url_for("/hostile") + "?q=" + ATTACK.replace(" ", "")
    await submit(page, [url])
    await wait_until_finished(page)
    await _inert(page)  # the status page shows the URL as typed
    await screenshot(page, "escaping-status")

    async with page.expect_navigation():
        await page.click("text=Open report")
    article_id = page.url.rsplit("/", 1)[1]
    article = (await api.get(f"/v1/articles/{article_id}")).json()
    assert "<script>" in article["title"]
    await _inert(page)
    assert "<img src=x" in await page.inner_text(".text")
    await page.locator("details.claim summary").first.click()  # open a card: still text
    await _inert(page)
    await screenshot(page, "escaping-report")

    await page.goto("/report")
    await _inert(page)
    await page.goto("/report?q=" + ATTACK)
    await _inert(page)
    await screenshot(page, "escaping-list")

    await page.goto(f"/sources/{article['sources'][0]['id']}")
    assert "/report/sources/" in page.url
    await _inert(page)
    await screenshot(page, "escaping-source")

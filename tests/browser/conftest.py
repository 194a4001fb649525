"""Headless Chromium (Debian's package, driven by Playwright) against the real app and worker."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from playwright.async_api import Browser, Page, async_playwright

from app.config import Settings
from tests.conftest import REPO
from tests.integration.conftest import (  # noqa: F401  (fixtures)
    api,
    clean_database,
    corpus_server,
    stop_process,
    worker,
    worker_process,
)

CHROMIUM = "/usr/bin/chromium"  # Debian's package; .ci/run installs it, never a downloaded one
ARTIFACTS = REPO / "artifacts" / "browser"
WAIT_MS = 90_000  # a bound for jobs on a loaded machine, not a speed check


@pytest.fixture(scope="session")
async def browser() -> AsyncIterator[Browser]:
    """One headless Chromium for the session."""
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield launched
        await launched.close()


@pytest.fixture
async def page(browser: Browser, api: httpx.AsyncClient) -> AsyncIterator[Page]:  # noqa: F811
    """A fresh page on the served app; fails the test on any script error or dialog."""
    context = await browser.new_context(
        base_url=str(api.base_url), viewport={"width": 1100, "height": 900}
    )
    opened = await context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda exc: errors.append(str(exc)))
    opened.on("dialog", lambda dialog: errors.append("dialog: " + dialog.message))
    yield opened
    await context.close()
    assert not errors, errors


@pytest.fixture
def live_worker(settings: Settings):  # type: ignore[no-untyped-def]
    """A real worker process running for the whole test, so jobs move while the page watches."""
    process = worker_process(settings)
    yield process
    stop_process(process)


async def screenshot(page: Page, name: str) -> Path:
    """PNGs under artifacts/browser/ (gitignored) for people to look at: the first screen,
    the whole page, and the first screen at phone width."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    await page.screenshot(path=str(path))
    await page.screenshot(path=str(ARTIFACTS / f"{name}-full.png"), full_page=True)
    size = page.viewport_size
    await page.set_viewport_size({"width": 390, "height": 844})
    await page.screenshot(path=str(ARTIFACTS / f"{name}-phone.png"))
    wide = await page.evaluate("document.documentElement.scrollWidth")
    assert size is not None
    await page.set_viewport_size(size)
    assert wide <= 390, f"{name} scrolls sideways at phone width ({wide}px)"
    assert path.stat().st_size > 0
    return path


async def submit(page: Page, urls: list[str], *, verify: bool = False) -> None:
    """Submit URLs through the home page's form and wait for the status page."""
    await page.goto("/")
    await page.fill("#urls", "\n".join(urls))
    if verify:
        await page.check("input[name=verify]")
    async with page.expect_navigation():
        await page.click("button[type=submit]")
    assert "/report/jobs?" in page.url


async def wait_until_finished(page: Page) -> None:
    """Until every job on the status page has ended (live or by refresh)."""
    await page.wait_for_function(
        "() => [...document.querySelectorAll('li[data-job]')]"
        ".every(li => ['succeeded', 'failed'].includes(li.dataset.status))",
        timeout=WAIT_MS,
    )


async def poll(check, timeout: float = 90) -> None:  # type: ignore[no-untyped-def]
    """Until the async `check()` is true, bounded."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not await check():
        assert asyncio.get_running_loop().time() < deadline, "condition not met in time"
        await asyncio.sleep(0.2)

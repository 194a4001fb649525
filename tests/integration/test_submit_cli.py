"""`claimtrail submit`: a batch from a file and a URL, progress until done, a result table."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from pytest_httpserver import HTTPServer

from app.cli.main import main


async def test_submit_prints_a_table_of_results(
    api: httpx.AsyncClient,
    worker,
    corpus_server: HTTPServer,
    tmp_path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "250")
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# dev pages\n{corpus_server.url_for('/dev-03.html')}\n\nnot-a-url\n")
    args = [
        "submit",
        str(listing),
        corpus_server.url_for("/dev-06.html"),
        "--api",
        str(api.base_url),
        "--timeout",
        "60",
    ]
    cli = asyncio.create_task(asyncio.to_thread(main, args))
    for _ in range(300):  # drain the queue until the CLI sees its batch end
        await worker()
        if cli.done():
            break
        await asyncio.sleep(0.2)
    code = await asyncio.wait_for(cli, 90)
    out = capsys.readouterr().out
    assert code == 1  # one rejected line makes the run fail
    assert "dev-03.html" in out and "dev-06.html" in out and "rejected" in out
    assert out.count("succeeded") >= 2
    assert "2 succeeded, 1 failed or rejected, 0 unfinished" in out

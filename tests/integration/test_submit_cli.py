"""`claimtrail submit`: a batch from a file and URLs, progress until done, results in input
order with full URLs and failure messages, as a table or JSON; `--verify`; no service."""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest
from pytest_httpserver import HTTPServer

from app.cli.main import main


async def _run_cli(worker, args: list[str]) -> int:  # type: ignore[no-untyped-def]
    """Run the CLI in a thread while real workers drain the queue until it returns."""
    cli = asyncio.create_task(asyncio.to_thread(main, args))
    for _ in range(300):
        await worker()
        if cli.done():
            break
        await asyncio.sleep(0.2)
    return await asyncio.wait_for(cli, 90)


async def test_submit_prints_a_table_in_input_order(
    api: httpx.AsyncClient,
    worker,
    corpus_server: HTTPServer,
    httpserver: HTTPServer,
    tmp_path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("CLAIMTRAIL_API", str(api.base_url))  # the documented variable
    httpserver.expect_request("/gone").respond_with_data("gone", status=410)
    gone = httpserver.url_for("/gone")
    urls = [corpus_server.url_for(f"/{p}") for p in ("dev-06.html", "dev-03.html", "dev-01.html")]
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# dev pages\n{urls[0]}\n\nnot-a-url\n{gone}\n")
    code = await _run_cli(worker, ["submit", str(listing), urls[1], urls[2], "--timeout", "60"])
    out = capsys.readouterr().out
    assert code == 1  # a rejected and a failed line make the run fail
    lines = [
        line for line in out.splitlines() if line.lstrip().startswith(("http", "not-a-url"))
    ]  # the table's rows
    order = [next(i for i, line in enumerate(lines) if u in line) for u in (urls[0], gone)]
    order += [next(i for i, line in enumerate(lines) if u in line) for u in urls[1:]]
    assert order == sorted(order), out  # full URLs, one row each, in input order
    rejected = next(i for i, line in enumerate(lines) if "not-a-url" in line)
    assert order[0] < rejected < order[1] and "rejected" in lines[rejected]
    assert "http_status: server answered 410" in out
    assert "3 succeeded, 2 failed or rejected, 0 unfinished" in out
    assert "src" in out and "…" not in out  # nothing cut


async def test_submit_json_and_verify(
    api: httpx.AsyncClient,
    worker,
    corpus_server: HTTPServer,
    httpserver: HTTPServer,
    capsys: pytest.CaptureFixture[str],
) -> None:
    httpserver.expect_request("/gone").respond_with_data("gone", status=410)
    urls = [corpus_server.url_for("/dev-08.html"), httpserver.url_for("/gone"), "ftp://x.test/"]
    args = ["submit", *urls, "--api", str(api.base_url), "--json", "--verify", "--timeout", "60"]
    code = await _run_cli(worker, args)
    out = capsys.readouterr().out
    results, _ = json.JSONDecoder().raw_decode(out[out.index("[\n") :])  # amid worker logs
    assert code == 1
    assert [r["url"] for r in results] == urls
    assert [r["status"] for r in results] == ["succeeded", "failed", "rejected"]
    article = (await api.get(f"/v1/articles/{results[0]['article_id']}")).json()
    # the stats as the job left them; the verification it queued may have added verdicts since
    extracted = {k: v for k, v in article["stats"].items() if k != "verdicts"}
    assert {k: v for k, v in results[0]["stats"].items() if k != "verdicts"} == extracted
    assert results[0]["title"] == article["title"]
    assert results[1]["error"]["code"] == "http_status" and "410" in results[1]["error"]["message"]
    assert "http and https" in results[2]["error"]["message"]
    await worker()  # the verification the job queued
    verdicts: set[str] = set()
    for source in article["sources"]:
        path = f"/v1/articles/{article['id']}/sources/{source['id']}"
        verdicts |= set((await api.get(path)).json()["verification_counts"])
    assert "supported" in verdicts and "contradicted" in verdicts  # --verify reached the API


@pytest.mark.parametrize("command", [["submit", "https://example.com/a"], ["export"]])
def test_no_service_is_one_line_naming_api(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli.embedded import free_port

    api = f"http://127.0.0.1:{free_port()}"
    assert main([*command, "--api", api]) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in captured.err + captured.out
    assert f"cannot reach the claimtrail API at {api}" in lines[0] and "--api" in lines[0]


def test_help_documents_api_and_its_variable(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("submit", "export"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        text = " ".join(capsys.readouterr().out.split())
        assert "--api URL" in text and "CLAIMTRAIL_API" in text and "CLAIMTRAIL_API_KEY" in text

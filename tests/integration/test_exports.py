"""Claims as CSV and JSON lines: the streamed endpoint and `claimtrail export`, on dev pages
processed by a real worker."""

from __future__ import annotations

import asyncio
import csv
import io
import json

import httpx
import pytest
from pytest_httpserver import HTTPServer

from app.articles import export
from app.cli.main import main
from tests.integration.conftest import process_url, wait_for_job


async def _all_claims(api: httpx.AsyncClient, path: str, **params: object) -> list[dict]:  # type: ignore[type-arg]
    items, cursor = [], None
    while True:
        query = {**params, "limit": 500} | ({"cursor": cursor} if cursor else {})
        page = (await api.get(path, params=query)).json()
        items += page["items"]
        if not (cursor := page["next_cursor"]):
            return items


async def test_claims_stream_as_csv_and_jsonl(
    api: httpx.AsyncClient, worker, corpus_server: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export, "CHUNK", 7)  # many pages per stream
    article = await process_url(api, worker, corpus_server.url_for("/dev-01.html"))
    path = article["claims_url"]
    claims = await _all_claims(api, path)
    assert len(claims) == article["stats"]["claims"] > 7

    response = await api.get(path, params={"format": "csv", "limit": 2})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(response.text, newline="")))
    assert tuple(rows[0]) == export.CSV_COLUMNS
    records = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert [r["claim_id"] for r in records] == [c["id"] for c in claims]  # all, in order
    assert [r["text"] for r in records] == [c["text"] for c in claims]
    assert all(r["article_id"] == article["id"] for r in records)
    assert [r["citation_state"] for r in records] == [c["citation_state"] for c in claims]
    linked = [r["source_urls"] for r in records if r["citation_state"] == "cited"]
    assert linked and all(u.startswith("http") for u in linked)

    lines = (await api.get(path, params={"format": "jsonl"})).text.splitlines()
    parsed = [json.loads(line) for line in lines]
    assert [p.pop("article_id") for p in parsed] == [article["id"]] * len(claims)
    assert {p.pop("article_url") for p in parsed} == {article["url"]}
    assert parsed == claims

    cited = await _all_claims(api, path, citation_state="cited", kind="numeric")
    filtered = (
        await api.get(
            path, params={"format": "jsonl", "citation_state": "cited", "kind": "numeric"}
        )
    ).text.splitlines()
    assert [json.loads(line)["id"] for line in filtered] == [c["id"] for c in cited]
    assert (await api.get(path, params={"format": "xml"})).status_code == 422


async def _cli(args: list[str]) -> int:
    return await asyncio.to_thread(main, args)


async def test_export_command_through_the_api(
    api: httpx.AsyncClient, worker, corpus_server: HTTPServer, tmp_path, capsys
) -> None:  # type: ignore[no-untyped-def]
    urls = [corpus_server.url_for("/dev-05.html"), corpus_server.url_for("/dev-06.html")]
    batch = (await api.post("/v1/batches", json={"urls": urls})).json()
    other = await process_url(api, worker, corpus_server.url_for("/dev-08.html"))
    articles = [await wait_for_job(api, j["id"]) for j in batch["jobs"]]
    counts = [
        (await api.get(f"/v1/articles/{j['article_id']}")).json()["stats"]["claims"]
        for j in articles
    ]
    out = tmp_path / "batch.csv"
    api_url = str(api.base_url)
    assert await _cli(["export", "--batch", batch["id"], "--out", str(out), "--api", api_url]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    assert len(rows) == sum(counts)  # one header, every claim of the batch, nothing else
    assert {r["article_id"] for r in rows} == {j["article_id"] for j in articles}

    everything = tmp_path / "all.jsonl"
    args = ["export", "--format", "jsonl", "--out", str(everything), "--api", api_url]
    assert await _cli(args) == 0
    lines = [json.loads(line) for line in everything.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == sum(counts) + other["stats"]["claims"]

    attributed = tmp_path / "attributed.jsonl"
    args += ["--citation-state", "attributed", "--out", str(attributed)]
    assert await _cli(args) == 0
    states = [json.loads(x)["citation_state"] for x in attributed.read_text().splitlines()]
    assert states and set(states) == {"attributed"}

    none = tmp_path / "none.csv"
    args = ["export", "--domain", "nothing.example", "--out", str(none), "--api", api_url]
    assert await _cli(args) == 0
    assert none.read_text().splitlines() == ["article_id,article_url,claim_id"]

    capsys.readouterr()
    missing = "00000000-0000-0000-0000-000000000000"
    assert await _cli(["export", "--batch", missing, "--api", api_url]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("export: GET /v1/batches/") and "404" in err and "\n" not in err

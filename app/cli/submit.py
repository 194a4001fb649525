"""`claimtrail submit FILE_OR_URL…`: post a batch, show progress until it ends, print results."""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import httpx
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

__all__ = ["add_submit_parser", "read_urls"]

BATCH_LIMIT = 1000


def read_urls(items: list[str]) -> list[str]:
    """URLs given directly, or read from files (one per line, `#` comments skipped)."""
    urls: list[str] = []
    for item in items:
        path = Path(item)
        if "://" not in item and path.is_file():
            lines = path.read_text(encoding="utf-8").splitlines()
            urls += [line.strip() for line in lines if line.strip() and not line.startswith("#")]
        else:
            urls.append(item)
    return urls


def _client(args: argparse.Namespace) -> httpx.Client:
    key = args.key or os.environ.get("CLAIMTRAIL_API_KEY")
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    return httpx.Client(base_url=args.api, headers=headers, timeout=60)


def _post_batches(client: httpx.Client, urls: list[str], force: bool) -> tuple[list[str], list]:  # type: ignore[type-arg]
    batch_ids, rejected = [], []
    for start in range(0, len(urls), BATCH_LIMIT):
        response = client.post(
            "/v1/batches", json={"urls": urls[start : start + BATCH_LIMIT], "force": force}
        )
        if response.status_code != 202:
            raise SystemExit(f"batch rejected ({response.status_code}): {response.text[:500]}")
        body = response.json()
        batch_ids.append(body["id"])
        rejected += [item for item in body["jobs"] if "error" in item and "id" not in item]
    return batch_ids, rejected


def _wait(client: httpx.Client, batch_ids: list[str], console: Console, timeout: float) -> list:  # type: ignore[type-arg]
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    deadline = time.monotonic() + timeout
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("jobs", total=None)
        while True:
            states = [client.get(f"/v1/batches/{b}").json() for b in batch_ids]
            total = sum(s["total"] for s in states)
            ended = sum(s["counts"]["succeeded"] + s["counts"]["failed"] for s in states)
            progress.update(task, total=total, completed=ended)
            if all(s["done"] for s in states) or time.monotonic() > deadline:
                return [job for s in states for job in s["jobs"]]
            time.sleep(0.5)


def _table(client: httpx.Client, jobs: list, rejected: list) -> Table:  # type: ignore[type-arg]
    table = Table("url", "status", "title / error", "claims", "cited", "sources")
    for job in jobs:
        if job["status"] == "succeeded" and job["article_id"]:
            article = client.get(f"/v1/articles/{job['article_id']}").json()
            stats = article["stats"]
            table.add_row(
                job["url"],
                "[green]succeeded",
                article.get("title") or "",
                str(stats["claims"]),
                str(stats["cited_claims"]),
                str(stats["sources"]),
            )
        else:
            error = job.get("error") or {}
            table.add_row(job["url"], f"[red]{job['status']}", error.get("code", ""), "", "", "")
    for item in rejected:
        table.add_row(item["url"], "[red]rejected", item["error"].get("detail", ""), "", "", "")
    return table


def _submit(args: argparse.Namespace) -> int:
    console = Console()
    urls = read_urls(args.items)
    if not urls:
        console.print("no URLs given")
        return 2
    with _client(args) as client:
        batch_ids, rejected = _post_batches(client, urls, args.force)
        jobs = _wait(client, batch_ids, console, args.timeout)
        console.print(_table(client, jobs, rejected))
    unfinished = sum(1 for j in jobs if j["status"] in ("queued", "running"))
    failed = sum(1 for j in jobs if j["status"] == "failed") + len(rejected)
    console.print(
        f"{len(jobs) - unfinished - failed + len(rejected)} succeeded, "
        f"{failed} failed or rejected, {unfinished} unfinished"
    )
    return 1 if failed or unfinished else 0


def add_submit_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register `claimtrail submit`."""
    submit = commands.add_parser("submit", help="submit URLs (or files of URLs) as a batch")
    submit.add_argument("items", nargs="+", metavar="FILE_OR_URL")
    submit.add_argument("--api", default=os.environ.get("CLAIMTRAIL_API", "http://127.0.0.1:8000"))
    submit.add_argument("--key", default=None, help="API key (or CLAIMTRAIL_API_KEY)")
    submit.add_argument("--force", action="store_true", help="fetch again even if stored")
    submit.add_argument("--timeout", type=float, default=3600, help="seconds to wait at most")
    submit.set_defaults(run=_submit)

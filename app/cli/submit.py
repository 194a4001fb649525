"""`claimtrail submit FILE_OR_URL…`: post a batch, show progress until it ends, print results."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import httpx
from rich import box
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from app.cli.api_client import ApiError, add_api_arguments, api_client, check, pages, unreachable

__all__ = ["add_submit_parser", "read_urls"]

BATCH_LIMIT = 1000
LONG_POLL_SECONDS = 10  # GET /v1/jobs/{id}?wait= held at most this long per request
Row = dict[str, Any]


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


def _post_batches(client: httpx.Client, urls: list[str], args: argparse.Namespace) -> tuple:  # type: ignore[type-arg]
    """(batch ids, one item per input URL in input order: a job or a rejection)."""
    batch_ids, items = [], []
    for start in range(0, len(urls), BATCH_LIMIT):
        chunk = urls[start : start + BATCH_LIMIT]
        body = {"urls": chunk, "force": args.force, "verify": args.verify}
        answer = check(client.post("/v1/batches", json=body), 202).json()
        batch_ids.append(answer["id"])
        items += answer["jobs"]
    return batch_ids, items


def _wait(client: httpx.Client, batch_ids: list[str], timeout: float, quiet: bool) -> None:
    """Progress until every batch is done: between reads of the counts, long-poll one
    unfinished job (`?wait=`) instead of sleeping, so a change shows at once."""
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    deadline = time.monotonic() + timeout
    console = Console(stderr=True, quiet=quiet)
    with Progress(*columns, TimeElapsedColumn(), console=console, transient=True) as progress:
        task = progress.add_task("jobs", total=None)
        while True:
            states = [
                check(client.get(f"/v1/batches/{b}", params={"limit": 1})).json() for b in batch_ids
            ]
            ended = sum(s["counts"]["succeeded"] + s["counts"]["failed"] for s in states)
            progress.update(task, total=sum(s["total"] for s in states), completed=ended)
            if all(s["done"] for s in states) or time.monotonic() > deadline:
                return
            _wait_for_a_change(client, [s["id"] for s in states if not s["done"]][0], deadline)


def _wait_for_a_change(client: httpx.Client, batch_id: str, deadline: float) -> None:
    """Hold a long poll on a running (else queued) job of the batch until it changes."""
    for status in ("running", "queued"):
        params = {"batch_id": batch_id, "status": status, "limit": 1}
        jobs = check(client.get("/v1/jobs", params=params)).json()["items"]
        if jobs:
            wait = max(0.0, min(LONG_POLL_SECONDS, deadline - time.monotonic()))
            path = f"/v1/jobs/{jobs[0]['id']}"
            check(client.get(path, params={"wait": f"{wait:.1f}"}, timeout=wait + 30))
            return
    time.sleep(0.5)  # counted but not yet listed: a moment, not a spin


def _results(client: httpx.Client, batch_ids: list[str], items: list[Row]) -> list[Row]:
    """One result per input URL, in input order."""
    jobs = {j["id"]: j for b in batch_ids for j in pages(client, "/v1/jobs", batch_id=b)}
    results = []
    for item in items:
        if "id" not in item:
            detail = item["error"].get("detail", "rejected")
            results.append({"url": item["url"], "status": "rejected", "error": {"message": detail}})
            continue
        job = jobs.get(item["id"], item)
        row: Row = {"url": job["url"], "status": job["status"], "job_id": job["id"]}
        if job.get("error"):
            row["error"] = {k: job["error"][k] for k in ("code", "message")}
        if job["status"] == "succeeded" and job.get("article_id"):
            article = check(client.get(f"/v1/articles/{job['article_id']}")).json()
            row |= {"article_id": article["id"], "title": article["title"]}
            row["stats"] = article["stats"]
        results.append(row)
    return results


def _table(results: list[Row], width: int) -> Table:
    """One row per URL; the URL is never cut (on one line when it fits), the title wraps."""
    url_width = min(max((len(r["url"]) for r in results), default=3), 200)
    fits = width >= url_width + 62
    table = Table(box=box.SIMPLE_HEAD)
    table.add_column("url", min_width=url_width if fits else None, overflow="fold")
    table.add_column("status", no_wrap=True)
    table.add_column("title / error", overflow="fold", max_width=max(12, width - url_width - 50))
    for name in ("claims", "cited", "attr.", "src"):  # attributed claims, sources
        table.add_column(name, justify="right", no_wrap=True)
    colour = {"succeeded": "green", "queued": "yellow", "running": "yellow"}
    for r in results:
        stats = r.get("stats") or {}
        error = r.get("error") or {}
        reason = ": ".join(x for x in (error.get("code"), error.get("message")) if x)
        counts = [str(stats.get(k, "")) for k in ("claims", "cited_claims", "attributed_claims")]
        table.add_row(
            r["url"],
            f"[{colour.get(r['status'], 'red')}]{r['status']}",
            r.get("title") or reason,
            *counts,
            str(stats.get("sources", "")),
        )
    return table


def _submit(args: argparse.Namespace) -> int:
    urls = read_urls(args.items)
    if not urls:
        print("submit: no URLs given", file=sys.stderr)
        return 2
    batch_ids: list[str] = []
    try:
        with api_client(args) as client:
            batch_ids, items = _post_batches(client, urls, args)
            _wait(client, batch_ids, args.timeout, quiet=args.json)
            results = _results(client, batch_ids, items)
    except KeyboardInterrupt:
        running = ", ".join(f"{args.api}/v1/batches/{b}" for b in batch_ids) or "nothing sent"
        print(f"submit: interrupted; the jobs keep running: {running}", file=sys.stderr)
        return 130
    except httpx.TransportError as exc:
        print(f"submit: {unreachable(args.api, exc)}", file=sys.stderr)
        return 2
    except ApiError as exc:
        print(f"submit: {exc}", file=sys.stderr)
        return 2
    succeeded = sum(1 for r in results if r["status"] == "succeeded")
    unfinished = sum(1 for r in results if r["status"] in ("queued", "running"))
    failed = len(results) - succeeded - unfinished
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
    else:
        console = Console()
        console.print(_table(results, console.width))
        console.print(
            f"{succeeded} succeeded, {failed} failed or rejected, {unfinished} unfinished"
        )
    return 1 if failed or unfinished else 0


def add_submit_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register `claimtrail submit`."""
    submit = commands.add_parser(
        "submit",
        help="submit URLs (or files of URLs) as a batch, wait, print the results",
        description="Post the URLs as batches to a running claimtrail API, show progress "
        "until every job ends, then print one row per URL in input order. Exit 0 when all "
        "succeeded, 1 when any failed, was rejected or did not finish, 2 on a usage or "
        "connection error.",
    )
    submit.add_argument(
        "items", nargs="+", metavar="FILE_OR_URL", help="URLs, or files of one URL a line"
    )
    add_api_arguments(submit)
    submit.add_argument("--force", action="store_true", help="fetch again even if stored")
    submit.add_argument("--verify", action="store_true", help="also check every cited source")
    submit.add_argument("--json", action="store_true", help="print the results as JSON")
    submit.add_argument("--timeout", type=float, default=3600, help="seconds to wait at most")
    submit.set_defaults(run=_submit)

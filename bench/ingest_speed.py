"""Ingest speed as issue 12 measures it: the service against a bare fetch + trafilatura loop.

    uv run python bench/ingest_speed.py [--count 300] [--workers 1 2 4] [--submitters 16]
                                        [--read-seconds 10] [--use-env] [--repo PATH]

`--count` aeb pages (`../shared/corpus/aeb`, cycled) are served by four loopback servers
(127.0.0.2-5). In this process, on the same URLs: the bare loop (httpx fetch,
`trafilatura.bare_extraction(with_metadata=True)`, a regex sentence split), then
`run_pipeline` and `bare_extraction` alone on the fetched pages, interleaved. Then, for each
`--workers` count, a fresh `claimtrail up` (verification off, limiter off) gets every URL from
`--submitters` concurrent clients (`POST /v1/articles`), which then long-poll their jobs; the clock
is the client's, first submit to last job seen ended. Every succeeded job's article must hold
the sentences `run_pipeline` gives for its page. In the first run (fewest workers), 16
clients read the articles' summaries and claims (full 200 bodies), and one client reads while
`--count` more pages ingest. Every figure is printed beside its baseline from the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import trafilatura

from app.pipeline import run_pipeline
from bench._service import (
    REPO,
    TERMINAL,
    PageServer,
    Service,
    percentile,
    running_service,
    wait_for_job,
)
from bench.extraction_quality import AEB, load_pages
from bench.read_speed import load_reads

HOSTS = ("127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'“])")


@dataclass(frozen=True, slots=True)
class Target:
    """One URL of the run and the page it serves."""

    url: str
    html: str


def _serve(count: int) -> tuple[list[PageServer], list[Target]]:
    """Four loopback servers; `count` URLs cycling through the aeb pages and the hosts."""
    pages = list(load_pages(root=AEB))
    servers = [PageServer(host) for host in HOSTS]
    bodies = {f"/{p.id}.html": p.html.encode() for p in pages}
    for server in servers:
        server.pages = bodies.get
    targets = []
    for i in range(count):
        page, server = pages[i % len(pages)], servers[i % len(servers)]
        targets.append(Target(f"{server.origin}/{page.id}.html?rep={i // len(pages)}", page.html))
    return servers, targets


def _bare(client: httpx.Client, url: str) -> int:
    """The issue's bare loop for one page: fetch, trafilatura with metadata, split sentences."""
    html = client.get(url).text
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    text = getattr(doc, "text", None) or ""
    return len(_SENTENCE_END.split(text))


def _in_process(targets: list[Target]) -> dict[str, float]:
    """Pages/s of the bare loop, and of `run_pipeline` and trafilatura alone (interleaved)."""
    with httpx.Client(trust_env=False, timeout=30) as client:
        for t in targets[:10]:  # warm-up: imports, connections, lazy tables
            _bare(client, t.url)
            run_pipeline(t.html, t.url)
        started = time.perf_counter()
        for t in targets:
            _bare(client, t.url)
        bare = time.perf_counter() - started
    pipeline = trafilatura_only = 0.0
    for t in targets:
        began = time.perf_counter()
        run_pipeline(t.html, t.url)
        middle = time.perf_counter()
        trafilatura.bare_extraction(t.html, url=t.url, with_metadata=True)
        pipeline += middle - began
        trafilatura_only += time.perf_counter() - middle
    n = len(targets)
    return {"bare": n / bare, "pipeline": n / pipeline, "trafilatura": n / trafilatura_only}


def _submit_and_wait(service: Service, urls: list[str], submitters: int) -> tuple[float, list]:  # type: ignore[type-arg]
    """Seconds from the first submit to the last job seen ended, and the jobs as last seen."""
    jobs: list[dict[str, Any]] = []
    lock = threading.Lock()
    started = time.perf_counter()

    def submitter(part: list[str]) -> None:
        with httpx.Client(base_url=service.base_url, trust_env=False, timeout=120) as client:
            ids = []
            for url in part:
                answer = client.post("/v1/articles", json={"url": url})
                answer.raise_for_status()
                ids.append(answer.json()["id"])
            for job_id in ids:
                job = wait_for_job(client, job_id, timeout=900)
                with lock:
                    jobs.append(job)

    with ThreadPoolExecutor(submitters) as pool:
        list(pool.map(submitter, [urls[i::submitters] for i in range(submitters)]))
    return time.perf_counter() - started, jobs


def _stored_right(service: Service, jobs: list[dict[str, Any]], expected: dict[str, int]) -> int:
    """How many succeeded jobs' articles hold fewer or more sentences than the pipeline gives."""
    wrong = 0
    for job in jobs:
        if job["status"] != "succeeded":
            continue
        article = service.client.get(f"/v1/articles/{job['article_id']}").json()
        wrong += article["stats"]["sentences"] != expected[job["url"]]
    return wrong


def _service_run(
    args: argparse.Namespace,
    targets: list[Target],
    workers: int,
    expected: dict[str, int],
    reads: bool,
) -> dict[str, Any]:
    settings = {"CLAIMTRAIL_RATE_LIMIT_PER_MINUTE": "0"}
    with running_service(
        workers=workers, settings=settings, use_env=args.use_env, repo=args.repo
    ) as service:
        seconds, jobs = _submit_and_wait(service, [t.url for t in targets], args.submitters)
        row: dict[str, Any] = {
            "rate": sum(j["status"] == "succeeded" for j in jobs) / seconds,
            "succeeded": sum(j["status"] == "succeeded" for j in jobs),
            "failed": sum(j["status"] == "failed" for j in jobs),
            "lost": len(targets) - sum(j["status"] in TERMINAL for j in jobs),
            "wrong_rows": _stored_right(service, jobs, expected),
        }
        if reads:
            row |= _reads(args, service, jobs, targets)
    row["leftovers"] = service.leftovers
    return row


def _reads(
    args: argparse.Namespace, service: Service, jobs: list[dict[str, Any]], targets: list[Target]
) -> dict[str, Any]:
    """16 clients on the stored articles (idle service), then 1 client while more ingest."""
    port = int(service.base_url.rsplit(":", 1)[1])
    ids = [j["article_id"] for j in jobs if j["status"] == "succeeded"]
    summaries = [f"/v1/articles/{a}" for a in ids]
    claims = [f"/v1/articles/{a}/claims" for a in ids]
    for paths in (summaries, claims):  # warm every document in every API process
        asyncio.run(load_reads(port, paths, args.clients, 3))
    out: dict[str, Any] = {}
    for name, paths in (("summary", summaries), ("claims", claims)):
        started = time.perf_counter()
        latencies = asyncio.run(load_reads(port, paths, args.clients, args.read_seconds))
        out[name] = {
            "req_per_s": len(latencies) / (time.perf_counter() - started),
            "p50_ms": 1000 * percentile(latencies, 50),
            "p99_ms": 1000 * percentile(latencies, 99),
        }
    more = [f"{t.url}&more=1" for t in targets]
    ingest = threading.Thread(target=_submit_and_wait, args=(service, more, args.submitters))
    ingest.start()
    latencies = []
    while ingest.is_alive():
        latencies += asyncio.run(load_reads(port, summaries + claims, 1, 1))
    ingest.join()
    out["ingest_p99_ms"] = 1000 * percentile(latencies, 99)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--submitters", type=int, default=16)
    parser.add_argument("--clients", type=int, default=16, help="readers on the idle service")
    parser.add_argument("--read-seconds", type=float, default=10)
    parser.add_argument("--use-env", action="store_true", help="use DATABASE_URL/REDIS_URL")
    parser.add_argument("--repo", type=Path, default=REPO, help="run this checkout's service")
    args = parser.parse_args()
    servers, targets = _serve(args.count)
    try:
        rates = _in_process(targets)
        expected = {t.url: len(run_pipeline(t.html, t.url).sentences) for t in targets}
        runs = {
            w: _service_run(args, targets, w, expected, reads=w == args.workers[0])
            for w in args.workers
        }
    finally:
        for server in servers:
            server.stop()
    _print(args, rates, runs)
    bad = any(r["lost"] or r["failed"] or r["wrong_rows"] or r["leftovers"] for r in runs.values())
    return 1 if bad else 0


def _print(
    args: argparse.Namespace, rates: dict[str, float], runs: dict[int, dict[str, Any]]
) -> None:
    print(f"{args.repo}: the service's code")
    print(f"{args.count} aeb URLs over {len(HOSTS)} loopback hosts, {args.submitters} submitters\n")
    print(f"{'':<52}{'pages/s':>9}{'ratio':>8}")
    print(f"{'bare loop: fetch + trafilatura(metadata) + split':<52}{rates['bare']:>9.2f}{1:>8.3f}")
    for workers, run in runs.items():
        name = f"service, {workers} worker process(es)"
        print(f"{name:<52}{run['rate']:>9.2f}{run['rate'] / rates['bare']:>8.3f}", end="")
        print(f"   {run['succeeded']} ok, {run['failed']} failed, {run['lost']} lost, ", end="")
        print(f"{run['wrong_rows']} wrong rows")
    ratio = rates["pipeline"] / rates["trafilatura"]
    print(f"\nrun_pipeline alone {rates['pipeline']:.2f} pages/s = {ratio:.3f} x ", end="")
    print(f"trafilatura+metadata ({rates['trafilatura']:.2f})")
    last = runs[args.workers[0]]
    print(f"\nreads, {args.clients} clients, service idle ({args.workers[0]} worker(s) up):")
    for name in ("summary", "claims"):
        r = last[name]
        print(
            f"  {name:<8} {r['req_per_s']:>8.1f} req/s  "
            f"p50 {r['p50_ms']:.1f} ms  p99 {r['p99_ms']:.1f} ms"
        )
    print(f"  1 client while {args.count} more pages ingest: p99 {last['ingest_p99_ms']:.1f} ms")
    for run in runs.values():
        if run["leftovers"]:
            print("LEFTOVER processes (killed):", *run["leftovers"], sep="\n  ")


if __name__ == "__main__":
    sys.exit(main())

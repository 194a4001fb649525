"""Articles/s of the running service vs bare trafilatura.extract and the pure pipeline.

    uv run python bench/service_throughput.py [--repeat 5] [--workers 2] [--out results.json]

Serves the dev corpus from a loopback server in this process, runs `trafilatura.extract`
and `run_pipeline` in-process on the same pages (same count), then starts `claimtrail up`
on a temporary data dir and submits every page `--repeat` times (`?rep=N`) as one batch.
The figures are ratios to trafilatura: the service also fetches, stores and queues.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import trafilatura

from app.pipeline import run_pipeline
from bench._service import (
    TERMINAL,
    PageServer,
    Service,
    percentile,
    running_service,
    seconds_between,
    serve_dev_corpus,
    wait_for_batch,
)


def _in_process(extract: Callable[[str, str], object], pages: dict[str, str], repeat: int) -> float:
    """Seconds for `repeat` passes of `extract` over the pages, after one untimed warm-up pass."""
    for url, html in pages.items():
        extract(html, url)
    started = time.perf_counter()
    for _ in range(repeat):
        for url, html in pages.items():
            extract(html, url)
    return time.perf_counter() - started


def _submit_and_wait(service: Service, urls: list[str], timeout: float) -> list[dict]:
    """One batch; long-polls it until every job is terminal (or `timeout`); returns the jobs."""
    batch = service.client.post("/v1/batches", json={"urls": urls})
    batch.raise_for_status()
    wait_for_batch(service.client, batch.json()["id"], timeout)
    return _all_jobs(service, batch.json()["id"])


def _all_jobs(service: Service, batch_id: str) -> list[dict]:  # type: ignore[type-arg]
    """Every job of the batch, page by page (GET /v1/jobs?batch_id=)."""
    jobs: list[dict] = []  # type: ignore[type-arg]
    cursor = None
    while True:
        params: dict[str, str | int] = {"batch_id": batch_id, "limit": 500}
        if cursor:
            params["cursor"] = cursor
        page = service.client.get("/v1/jobs", params=params).json()
        jobs += page["items"]
        if not (cursor := page["next_cursor"]):
            return jobs


def _service_run(args: argparse.Namespace, pages: dict[str, str]) -> dict[str, Any]:
    settings = {"CLAIMTRAIL_WORKER_MAX_JOBS": str(args.max_jobs)}
    with running_service(workers=args.workers, settings=settings, use_env=args.use_env) as service:
        _submit_and_wait(service, [f"{u}?rep=warmup" for u in pages], args.timeout)
        urls = [f"{u}?rep={r}" for r in range(args.repeat) for u in pages]
        jobs = _submit_and_wait(service, urls, args.timeout)
    done = [j for j in jobs if j["status"] == "succeeded"]
    latencies = [seconds_between(j["created_at"], j["finished_at"]) for j in done]
    span = seconds_between(
        min(j["created_at"] for j in jobs), max(j["finished_at"] or j["created_at"] for j in jobs)
    )
    return {
        "jobs": len(jobs),
        "succeeded": len(done),
        "failed": sum(j["status"] == "failed" for j in jobs),
        "lost": sum(j["status"] not in TERMINAL for j in jobs),
        "seconds": span,
        "latency_ms": {f"p{p}": 1000 * percentile(latencies, p) for p in (50, 90, 99)},
        "log": str(service.log_path),
        "leftover_processes": service.leftovers,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--max-jobs", type=int, default=10, help="CLAIMTRAIL_WORKER_MAX_JOBS")
    parser.add_argument("--timeout", type=float, default=600, help="seconds to wait for jobs")
    parser.add_argument("--use-env", action="store_true", help="use DATABASE_URL/REDIS_URL")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    server = PageServer()
    try:
        pages = serve_dev_corpus(server)
        n = len(pages) * args.repeat
        bare = _in_process(lambda h, u: trafilatura.extract(h, url=u), pages, args.repeat)
        pipeline = _in_process(run_pipeline, pages, args.repeat)
        service = _service_run(args, pages)
    finally:
        server.stop()
    rates = {
        "trafilatura.extract": n / bare,
        "run_pipeline": n / pipeline,
        f"service ({args.workers} worker(s))": service["succeeded"] / service["seconds"],
    }
    print(f"{len(pages)} dev pages x {args.repeat} = {n} extractions per row\n")
    print(f"{'':<24}{'pages/s':>9}{'ratio':>8}")
    for name, rate in rates.items():
        print(f"{name:<24}{rate:>9.2f}{rate / rates['trafilatura.extract']:>8.3f}")
    lat = "  ".join(f"{k} {v:.0f}" for k, v in service["latency_ms"].items())
    print(
        f"\nservice jobs: {service['succeeded']} succeeded, {service['failed']} failed, "
        f"{service['lost']} not terminal, in {service['seconds']:.2f} s (first created → last "
        f"finished)\njob latency ms (finished_at - created_at): {lat}"
    )
    print(f"service log: {service['log']}")
    if service["leftover_processes"]:
        print("LEFTOVER processes (killed):", *service["leftover_processes"], sep="\n  ")
    if args.out:
        results = {"pages": len(pages), "repeat": args.repeat, "rates": rates, "service": service}
        args.out.write_text(json.dumps(results, indent=2) + "\n")
    return 1 if service["lost"] or service["leftover_processes"] else 0


if __name__ == "__main__":
    sys.exit(main())

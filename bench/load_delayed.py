"""Load run: many submissions of pages that answer only after a delay; GET /v1/jobs latency.

    uv run python bench/load_delayed.py [--count 1000] [--delay 2] [--hosts 100] [--workers 2]

Each page is served from its own loopback address (127.0.0.2, 127.0.0.3, ...: Linux routes
all of 127.0.0.0/8 to lo), because the fetcher allows 2 concurrent fetches per hostname.
URLs go in via `POST /v1/batches`, `--batch-size` (at most 1,000) per request. While the
jobs run, one thread GETs random jobs one after another and times each answer. Every job
must end succeeded or failed: any other is reported LOST and the exit status is 1.
Everything stops by itself after `--timeout` seconds.
"""

from __future__ import annotations

import argparse
import random
import secrets
import sys
import threading
import time
from collections import Counter
from typing import Any

import httpx

from bench._service import (
    TERMINAL,
    PageServer,
    Service,
    percentile,
    running_service,
    seconds_between,
)

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Reservoir report {i}</title></head><body><article><h1>Reservoir report {i}</h1>
<p>The Northfield water board said on 3 March 2026 that reservoir {i} held {pct}% of its
capacity, up from {prev}% a year earlier.</p>
<p>Rainfall in the catchment reached {rain} millimetres in February, the highest total since
2014, according to the regional weather office.</p>
<p>The board plans to spend {cost} million euros on a new pumping station for reservoir {i},
which would serve about {homes:,} households.</p>
<p>Officials expect the level to stay above {floor}% until the end of June.</p>
</article></body></html>"""


def _page(path: str) -> bytes | None:
    """A small, distinct article for `/article/<i>`; None (404) for anything else."""
    name, _, index = path.rpartition("/")
    if name != "/article" or not index.isdigit():
        return None
    i = int(index)
    values = {"pct": 40 + i % 50, "prev": 30 + i % 40, "rain": 200 + i % 300}
    values |= {"cost": 1 + i % 9, "homes": 1000 + 17 * i, "floor": 20 + i % 30}
    return PAGE.format(i=i, **values).encode()


def _submit(service: Service, urls: list[str], size: int) -> list[str]:
    """POST the URLs as batches of `size` (at most 1,000); returns the batch ids."""
    batches = []
    for start in range(0, len(urls), size):
        answer = service.client.post("/v1/batches", json={"urls": urls[start : start + size]})
        answer.raise_for_status()
        batches.append(answer.json()["id"])
    return batches


def _batch_jobs(service: Service, batch: str) -> list[dict[str, Any]]:
    """Every job of a batch, page by page (GET /v1/jobs?batch_id=)."""
    jobs: list[dict[str, Any]] = []
    cursor = None
    while True:
        params: dict[str, str | int] = {"batch_id": batch, "limit": 500}
        if cursor:
            params["cursor"] = cursor
        page = service.client.get("/v1/jobs", params=params).json()
        jobs += page["items"]
        if not (cursor := page["next_cursor"]):
            return jobs


def _jobs(service: Service, batches: list[str]) -> list[dict[str, Any]]:
    return [j for b in batches for j in _batch_jobs(service, b)]


def _probe(base_url: str, ids: list[str], stop: threading.Event, out: dict[str, Any]) -> None:
    """Sequential GET /v1/jobs/{random id} until `stop` or `out['max']` requests."""
    with httpx.Client(base_url=base_url, timeout=30, trust_env=False) as client:
        while not stop.is_set() and len(out["ms"]) < out["max"]:
            started = time.perf_counter()
            try:
                status = str(client.get(f"/v1/jobs/{random.choice(ids)}").status_code)
            except httpx.HTTPError as exc:
                status = type(exc).__name__
            out["ms"].append(1000 * (time.perf_counter() - started))
            out["codes"][status] += 1
            stop.wait(out["pause"])


def _run(args: argparse.Namespace, service: Service, urls: list[str]) -> dict[str, Any]:
    deadline = time.monotonic() + args.timeout
    started = time.perf_counter()
    batches = _submit(service, urls, min(args.batch_size, 1000))
    submitted = time.perf_counter() - started
    jobs = _jobs(service, batches)
    probes: dict[str, Any] = {"ms": [], "codes": Counter(), "max": args.probes, "pause": 0.005}
    stop = threading.Event()
    prober = threading.Thread(
        target=_probe, args=(service.base_url, [j["id"] for j in jobs], stop, probes)
    )
    prober.start()
    try:
        while any(j["status"] not in TERMINAL for j in jobs) and time.monotonic() < deadline:
            time.sleep(2)
            jobs = _jobs(service, batches)
    finally:
        stop.set()
        prober.join()
    return {"jobs": jobs, "wall": time.perf_counter() - started, "submit": submitted, **probes}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--delay", type=float, default=2.0, help="seconds before each page")
    parser.add_argument("--hosts", type=int, default=100, help="loopback addresses to spread on")
    parser.add_argument("--batch-size", type=int, default=1000, help="URLs per POST /v1/batches")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--max-jobs", type=int, default=50, help="CLAIMTRAIL_WORKER_MAX_JOBS")
    parser.add_argument("--probes", type=int, default=20_000, help="at most this many GETs")
    parser.add_argument("--timeout", type=float, default=600, help="global limit, seconds")
    parser.add_argument("--use-env", action="store_true", help="use DATABASE_URL/REDIS_URL")
    args = parser.parse_args()
    servers = [PageServer(f"127.0.0.{2 + h}", delay=args.delay) for h in range(args.hosts)]
    run = secrets.token_hex(3)  # fresh URLs even on a database that has seen a previous run
    urls = [f"{servers[i % args.hosts].origin}/article/{i}?run={run}" for i in range(args.count)]
    try:
        for server in servers:
            server.pages = _page
        settings = {"CLAIMTRAIL_WORKER_MAX_JOBS": str(args.max_jobs)}
        with running_service(workers=args.workers, settings=settings, use_env=args.use_env) as s:
            result = _run(args, s, urls)
    finally:
        for server in servers:
            server.stop()
    return _report(args, result, s)


def _report(args: argparse.Namespace, result: dict[str, Any], service: Service) -> int:
    jobs = result["jobs"]
    states = Counter(j["status"] if j["status"] in TERMINAL else "LOST" for j in jobs)
    errors = Counter(j["error"]["code"] for j in jobs if j["status"] == "failed")
    ms, ended = result["ms"], [j for j in jobs if j["status"] in TERMINAL]
    span = (
        seconds_between(min(j["created_at"] for j in jobs), max(j["finished_at"] for j in ended))
        if ended
        else float("nan")
    )
    latency = "  ".join(f"p{p} {percentile(ms, p):.1f} ms" for p in (50, 90, 99))
    lines = [
        f"{args.count} submissions, {args.delay:g} s pages on {args.hosts} loopback hosts, "
        f"{args.workers} workers x {args.max_jobs} jobs, batches of {args.batch_size}",
        f"jobs: {dict(states)}" + (f"  failed by code: {dict(errors)}" if errors else ""),
        f"wall {result['wall']:.1f} s (batches posted in {result['submit']:.2f} s; "
        f"first created -> last finished {span:.1f} s), {len(ended) / result['wall']:.1f} jobs/s",
        f"GET /v1/jobs/{{id}}: {len(ms)} requests {dict(result['codes'])}  {latency}",
    ]
    print("\n".join(lines))
    print(f"service log: {service.log_path}")
    if service.leftovers:
        print("LEFTOVER processes (killed):", *service.leftovers, sep="\n  ")
    return 1 if states["LOST"] or service.leftovers else 0


if __name__ == "__main__":
    sys.exit(main())

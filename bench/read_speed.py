"""Read speed: 16 clients on GET /v1/articles/{id} and /claims, full 200 bodies.

    uv run python bench/read_speed.py [--seconds 15] [--clients 16] [--baseline-repo ../main]
                                      [--ingest 300]

Serves the dev corpus on loopback, starts `claimtrail up` (embedded servers, or --use-env),
stores the dev pages, then has `--clients` keep-alive clients read the articles' summaries
and claims pages round-robin for `--seconds` (no conditional requests: every answer is a
full 200 body). Reports req/s, p50/p99 latency and the service's CPU ms per request
(API processes, PostgreSQL and Redis together), first for the baseline, then for this code:
the baseline is this code with the read cache off (CLAIMTRAIL_READ_CACHE_BYTES=0), or with
--baseline-repo, the service of another checkout (e.g. main) run the same way. With
--ingest N, each then submits N more pages and times one client's reads until they are stored.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import threading
import time
from pathlib import Path
from typing import Any

from bench._service import (
    PageServer,
    Service,
    percentile,
    running_service,
    serve_dev_corpus,
    wait_for_batch,
)

TICKS = os.sysconf("SC_CLK_TCK")


def _store(service: Service, urls: list[str]) -> list[str]:
    """Submit and wait; the read paths (summary and first claims page) of every article."""
    batch = service.client.post("/v1/batches", json={"urls": urls})
    batch.raise_for_status()
    wait_for_batch(service.client, batch.json()["id"], timeout=600)
    listing = service.client.get("/v1/jobs", params={"batch_id": batch.json()["id"]}).json()
    ids = [j["article_id"] for j in listing["items"] if j["status"] == "succeeded"]
    return [p for a in ids for p in (f"/v1/articles/{a}", f"/v1/articles/{a}/claims")]


def _service_cpu_seconds(service: Service) -> float:
    """User + system CPU of every process of the service (API, workers, servers)."""
    total = 0
    for pid in service.pids():
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / TICKS


async def _client(port: int, paths: list[str], start: int, until: float, out: list[float]) -> None:
    """One keep-alive HTTP/1.1 connection reading `paths` round-robin until `until`."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    loop, n = asyncio.get_running_loop(), start
    try:
        while loop.time() < until:
            path = paths[n % len(paths)]
            n += 1
            began = time.perf_counter()
            writer.write(f"GET {path} HTTP/1.1\r\nHost: bench\r\n\r\n".encode())
            head = await reader.readuntil(b"\r\n\r\n")
            status = head.split(b" ", 2)[1]
            length = next(
                int(line.split(b":", 1)[1])
                for line in head.lower().split(b"\r\n")
                if line.startswith(b"content-length:")
            )
            body = await reader.readexactly(length)
            if status != b"200" or not body:
                raise RuntimeError(f"{path}: {status!r}")
            out.append(time.perf_counter() - began)
    finally:
        writer.close()


async def load_reads(port: int, paths: list[str], clients: int, seconds: float) -> list[float]:
    """Latencies of `clients` keep-alive readers of `paths` for `seconds`; each starts at its
    own share of the list, so a short run still reads all of it (and a warm-up warms all)."""
    latencies: list[float] = []
    until = asyncio.get_running_loop().time() + seconds
    starts = [i * len(paths) // clients for i in range(clients)]
    await asyncio.gather(*(_client(port, paths, s, until, latencies) for s in starts))
    return latencies


def _while_ingesting(service: Service, urls: list[str], paths: list[str], count: int) -> float:
    """p99 ms of one client's reads while `count` more pages are stored."""
    port = int(service.base_url.rsplit(":", 1)[1])
    more = [f"{urls[i % len(urls)]}?ingest={i}" for i in range(count)]
    batch = service.client.post("/v1/batches", json={"urls": more})
    batch.raise_for_status()
    waiter = threading.Thread(
        target=wait_for_batch, args=(service.client, batch.json()["id"], 900), daemon=True
    )
    waiter.start()
    latencies: list[float] = []
    while waiter.is_alive():
        latencies += asyncio.run(load_reads(port, paths, 1, 2))
    return 1000 * percentile(latencies, 99)


def _measure(args: argparse.Namespace, urls: list[str], **run: Any) -> dict[str, Any]:
    with running_service(workers=1, use_env=args.use_env, **run) as service:
        paths = _store(service, urls)
        port = int(service.base_url.rsplit(":", 1)[1])
        asyncio.run(load_reads(port, paths, args.clients, 2))  # warm: connections, caches
        cpu = _service_cpu_seconds(service)
        started = time.perf_counter()
        latencies = asyncio.run(load_reads(port, paths, args.clients, args.seconds))
        wall = time.perf_counter() - started
        cpu = _service_cpu_seconds(service) - cpu
        ingest_p99 = _while_ingesting(service, urls, paths, args.ingest) if args.ingest else None
    if service.leftovers:
        print("LEFTOVER processes (killed):", *service.leftovers, sep="\n  ")
    return {
        "documents": len(paths),
        "requests": len(latencies),
        "req_per_s": len(latencies) / wall,
        "p50_ms": 1000 * percentile(latencies, 50),
        "p99_ms": 1000 * percentile(latencies, 99),
        "cpu_ms_per_request": 1000 * cpu / max(1, len(latencies)),
        "ingest_p99_ms": ingest_p99,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--api-workers", default="0", help="CLAIMTRAIL_API_WORKERS (0: per CPU)")
    parser.add_argument("--baseline-repo", type=Path, help="run the baseline from this checkout")
    parser.add_argument(
        "--ingest", type=int, default=0, help="then: 1 client's p99 while this many pages store"
    )
    parser.add_argument("--use-env", action="store_true", help="use DATABASE_URL/REDIS_URL")
    args = parser.parse_args()
    server = PageServer()
    workers = {"CLAIMTRAIL_API_WORKERS": args.api_workers}
    try:
        urls = list(serve_dev_corpus(server))
        if args.baseline_repo:
            label = f"baseline: {args.baseline_repo}"
            before = _measure(args, urls, repo=args.baseline_repo.resolve(), settings=workers)
        else:
            label = "baseline: read cache off"
            off = workers | {"CLAIMTRAIL_READ_CACHE_BYTES": "0"}
            before = _measure(args, urls, settings=off)
        after = _measure(args, urls, settings=workers)
    finally:
        server.stop()
    print(f"{after['documents']} documents, {args.clients} clients, {args.seconds:g} s each\n")
    print(f"{'':<34}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'CPU ms/req':>12}")
    keys = ("req_per_s", "p50_ms", "p99_ms", "cpu_ms_per_request")
    for name, row in ((label, before), ("this code (read cache on)", after)):
        print(f"{name[:33]:<34}" + "".join(f"{row[k]:>9.1f}" for k in keys[:3]), end="")
        print(f"{row[keys[3]]:>12.2f}")
    ratios = "".join(f"{after[k] / before[k]:>9.2f}" for k in keys[:3])
    print(f"{'after / before':<34}{ratios}{after[keys[3]] / before[keys[3]]:>12.2f}")
    if args.ingest:
        print(
            f"\n1 client while {args.ingest} pages store, p99 ms: before "
            f"{before['ingest_p99_ms']:.1f}, after {after['ingest_p99_ms']:.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

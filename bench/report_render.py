"""The report of a 10,000-word article: server time, and its ratio to the JSON claims endpoint.

    uv run python bench/report_render.py [--rounds 20] [--out results.json]

Starts `claimtrail up` on a temporary data dir, serves bench/fixtures/long-article.html
(`make_long_article.py` wrote it) from loopback, processes it, then times, alternately in
the same run, `GET /report/{id}` and reading every claim from `GET /v1/articles/{id}/claims`
(`limit=500` pages), both as the client sees them. The report's server time is its own
`Server-Timing` (loading + rendering). Targets: server time under 200 ms, and the report within
3x the JSON claims. Run it on a quiet machine: the ratio holds under load, the 200 ms less so.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import httpx

from bench._service import PageServer, running_service, wait_for_job

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "long-article.html"


def _timed(client: httpx.Client, url: str) -> tuple[float, httpx.Response]:
    start = time.perf_counter()
    response = client.get(url)
    response.raise_for_status()
    return time.perf_counter() - start, response


def _server_ms(response: httpx.Response) -> dict[str, float]:
    """The report's own account of its time (`Server-Timing: db;dur=…, render;dur=…`)."""
    parts = [part.strip().split(";dur=") for part in response.headers["server-timing"].split(",")]
    return {name: float(ms) for name, ms in parts}


def _all_claims(client: httpx.Client, article_id: str) -> tuple[float, int]:
    """Seconds to read every claim as JSON, and how many there are."""
    total, count, cursor = 0.0, 0, None
    while True:
        url = f"/v1/articles/{article_id}/claims?limit=500"
        url += f"&cursor={cursor}" if cursor else ""
        seconds, response = _timed(client, url)
        total += seconds
        page = response.json()
        count += len(page["items"])
        cursor = page["next_cursor"]
        if not cursor:
            return total, count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()

    server = PageServer()
    html = FIXTURE.read_text(encoding="utf-8").replace("{{BASE}}", server.origin)
    server.pages = lambda path: html.encode() if path == "/long-article.html" else None
    try:
        with running_service(workers=1) as service:
            client = service.client
            job = client.post("/v1/articles", json={"url": f"{server.origin}/long-article.html"})
            job_id = job.json()["id"]
            state = wait_for_job(client, job_id, timeout=600)
            if state["status"] != "succeeded":
                print(f"job failed: {state}", file=sys.stderr)
                return 1
            article_id = state["article_id"]
            words = client.get(f"/v1/articles/{article_id}").json()["word_count"]
            report_url = f"/report/{article_id}"
            for _ in range(3):  # warm both paths: connections, template compile
                _timed(client, report_url)
                _all_claims(client, article_id)
            reports, servers, jsons, claims = [], [], [], 0
            for _ in range(args.rounds):
                seconds, response = _timed(client, report_url)
                reports.append(seconds)
                servers.append(_server_ms(response))
                seconds, claims = _all_claims(client, article_id)
                jsons.append(seconds)
            size = len(client.get(report_url).content)
    finally:
        server.stop()
    report_ms = statistics.median(reports) * 1000
    json_ms = statistics.median(jsons) * 1000
    server_ms = statistics.median(sum(t.values()) for t in servers)
    load_ms = statistics.median(t["db"] for t in servers)
    render_ms = statistics.median(t["render"] for t in servers)
    result = {
        "words": words,
        "claims": claims,
        "report_bytes": size,
        "report_server_median_ms": round(server_ms, 1),
        "report_load_median_ms": round(load_ms, 1),
        "report_render_median_ms": round(render_ms, 1),
        "report_median_ms": round(report_ms, 1),
        "claims_json_median_ms": round(json_ms, 1),
        "ratio": round(report_ms / json_ms, 2),
        "under_200_ms": server_ms < 200,
        "within_3x": report_ms < 3 * json_ms,
    }
    print(json.dumps(result, indent=2))
    if args.out:
        args.out.write_text(json.dumps(result, indent=2) + "\n")
    return 0 if result["under_200_ms"] and result["within_3x"] else 1


if __name__ == "__main__":
    sys.exit(main())

"""What verification adds to an article: wall time of the extraction job, then of checking
every cited source (fetched fresh, then read from the stored snapshots), per dev page.

`uv run python bench/verification_time.py [--rounds N]`: runs `claimtrail up` on embedded
servers, serves the dev corpus and its sources on loopback, and prints per-page medians
and the ratios verification / extraction, both measured in the same run by the client's
clock (submit or POST .../verify until the job ends or the article reads `done`).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

from bench._service import (
    PageServer,
    Service,
    running_service,
    serve_dev_corpus,
    wait_for_job,
)


def _extract(service: Service, url: str) -> tuple[float, str]:
    started = time.monotonic()
    job = service.client.post("/v1/articles", json={"url": url, "force": True}).json()
    done = wait_for_job(service.client, job["id"], timeout=120)
    assert done["status"] == "succeeded", done
    return time.monotonic() - started, done["article_id"]


def _verify(service: Service, article_id: str, refresh: bool) -> tuple[float, int]:
    started = time.monotonic()
    asked = service.client.post(f"/v1/articles/{article_id}/verify", params={"refresh": refresh})
    assert asked.status_code == 202, asked.text
    while True:
        article = service.client.get(f"/v1/articles/{article_id}").json()
        if article["verification"] == "done":
            return time.monotonic() - started, sum(article["stats"]["verdicts"].values())
        if time.monotonic() - started > 120:
            raise RuntimeError(f"verification of {article_id} never ended")
        time.sleep(0.02)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    server = PageServer()
    urls = list(serve_dev_corpus(server))
    rows = []
    settings = {"CLAIMTRAIL_FETCH_RESPECT_ROBOTS": "false", "CLAIMTRAIL_LOG_LEVEL": "WARNING"}
    with running_service(workers=1, settings=settings) as service:
        for url in urls:
            extract, fresh, kept, verdicts = [], [], [], 0
            for _ in range(args.rounds):
                seconds, article_id = _extract(service, url)
                extract.append(seconds)
                seconds, verdicts = _verify(service, article_id, refresh=True)
                fresh.append(seconds)
                kept.append(_verify(service, article_id, refresh=False)[0])
            rows.append(
                (url.rsplit("/", 1)[1], verdicts, *map(statistics.median, (extract, fresh, kept)))
            )
    server.stop()
    print(f"{'page':<14}{'verdicts':>9}{'extract s':>11}{'verify s':>10}{'snapshot s':>12}")
    for page, verdicts, extract, fresh, kept in rows:
        print(f"{page:<14}{verdicts:>9}{extract:>11.3f}{fresh:>10.3f}{kept:>12.3f}")
    totals = [sum(r[i] for r in rows) for i in (2, 3, 4)]
    claims = sum(r[1] for r in rows) or 1
    print(
        f"all pages: verification adds {totals[1] / totals[0]:.2f}x the extraction job's wall "
        f"time fetching fresh ({1000 * totals[1] / claims:.0f} ms per verdict), "
        f"{totals[2] / totals[0]:.2f}x reading stored snapshots "
        f"({1000 * totals[2] / claims:.0f} ms per verdict)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Prometheus metrics: HTTP requests, job outcomes, stage durations, jobs by status."""

from __future__ import annotations

import time

from prometheus_client import Counter, Gauge, Histogram
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = [
    "RequestMetricsMiddleware",
    "HTTP_REQUESTS",
    "HTTP_SECONDS",
    "JOBS_BY_STATUS",
    "JOB_OUTCOMES",
    "STAGE_SECONDS",
]

HTTP_REQUESTS = Counter(
    "claimtrail_http_requests_total", "HTTP requests served", ["method", "route", "status"]
)
HTTP_SECONDS = Histogram(
    "claimtrail_http_request_seconds",
    "HTTP request latency",
    ["method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
)
JOB_OUTCOMES = Counter("claimtrail_job_outcomes_total", "Finished job attempts", ["status"])
STAGE_SECONDS = Histogram(
    "claimtrail_job_stage_seconds",
    "Time spent per job stage",
    ["stage"],
    buckets=(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
)
JOBS_BY_STATUS = Gauge("claimtrail_jobs", "Jobs in the database by status", ["status"])


class RequestMetricsMiddleware:
    """Counts and times requests by route template (bounded label values), as pure ASGI."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started, status = time.perf_counter(), [500]

        async def send_and_record(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_and_record)
        finally:
            template = getattr(scope.get("route"), "path", "unmatched")
            HTTP_REQUESTS.labels(scope["method"], template, str(status[0])).inc()
            HTTP_SECONDS.labels(scope["method"], template).observe(time.perf_counter() - started)

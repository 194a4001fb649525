"""Prometheus metrics: HTTP requests, job outcomes, stage durations, jobs by status."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

__all__ = ["HTTP_REQUESTS", "HTTP_SECONDS", "JOBS_BY_STATUS", "JOB_OUTCOMES", "STAGE_SECONDS"]

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

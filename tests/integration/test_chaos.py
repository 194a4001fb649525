"""Done-means of issue 14: 50 jobs through `up` while its worker, Redis and PostgreSQL fail."""

from __future__ import annotations

from bench.chaos import run_chaos


def test_fifty_jobs_survive_killed_workers_a_stopped_redis_and_a_postgres_restart() -> None:
    result = run_chaos(50, timeout=240)
    statuses = [job["status"] for job in result.jobs.values()]
    log = "\n".join(result.log[-40:])
    assert result.submit_failures == [], result.submit_failures
    assert result.health_failures == [], result.health_failures
    assert len(result.jobs) == 50, log
    assert statuses == ["succeeded"] * 50, [
        j for j in result.jobs.values() if j["status"] != "succeeded"
    ]
    assert result.article_count == 50  # one article per URL: nothing stored twice
    assert result.submit_failures == [], result.submit_failures
    assert result.health_failures == [], result.health_failures
    assert sum("worker 1 killed by SIGKILL" in line for line in result.log) == 2, log
    assert any("embedded PostgreSQL restarted" in line for line in result.log), log

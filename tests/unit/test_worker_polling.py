"""The worker looks for queued jobs often enough that polling never caps its throughput."""

from __future__ import annotations

from app.config import Settings
from workers.settings import build_worker

# building a worker connects to nothing: these addresses are never dialled
URLS = {
    "database_url": "postgresql+asyncpg://nobody@127.0.0.1:9/none",
    "redis_url": "redis://127.0.0.1:9/0",
}


def test_worker_polls_at_the_configured_interval() -> None:
    worker = build_worker(
        Settings(worker_poll_seconds=0.2, **URLS), burst=True, handle_signals=False
    )
    assert worker.poll_delay_s == 0.2


def test_default_poll_lets_a_worker_start_hundreds_of_jobs_a_second() -> None:
    # arq starts queued jobs only when it polls: max_jobs per poll interval is the ceiling
    settings = Settings(**URLS)
    worker = build_worker(settings, burst=True, handle_signals=False)
    assert settings.worker_max_jobs / worker.poll_delay_s >= 100

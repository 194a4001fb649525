"""One Settings object, read from the environment (DATABASE_URL, REDIS_URL, CLAIMTRAIL_*)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings", "get_settings"]


class Settings(BaseSettings):
    """Service settings; every field can be set as `CLAIMTRAIL_<NAME>`."""

    model_config = SettingsConfigDict(env_prefix="CLAIMTRAIL_", extra="ignore")

    database_url: str | None = Field(
        None, validation_alias=AliasChoices("DATABASE_URL", "CLAIMTRAIL_DATABASE_URL")
    )
    redis_url: str | None = Field(
        None, validation_alias=AliasChoices("REDIS_URL", "CLAIMTRAIL_REDIS_URL")
    )
    redis_prefix: str = "claimtrail:"
    environment: str = "development"
    data_dir: Path = Path(".claimtrail")
    fetch_allow_private: bool = False
    fetch_connect_timeout: float = 10.0
    fetch_deadline: float = 30.0
    fetch_max_bytes: int = 5 * 1024 * 1024
    fetch_respect_robots: bool = True
    fetch_per_host: int = 2  # concurrent fetches per host across all workers
    claim_threshold: float = 0.5
    extract_timeout: float = 20.0
    # a cited page fetched for verification is reused by later checks for this long (0: never)
    snapshot_max_age_seconds: float = 24 * 3600
    extract_processes: int = 2
    job_max_attempts: int = 4
    job_lease_seconds: float = 120.0
    retry_base_seconds: float = 5.0
    sweep_every_seconds: int = 30
    callback_retry_scale: float = 1.0  # multiplies the callback retry delays (tests shrink it)
    worker_max_jobs: int = 10
    # how often an idle or full worker looks for queued jobs: arq starts new jobs only when it polls
    worker_poll_seconds: float = Field(0.05, gt=0, le=5)
    worker_nice: int = 5  # background work yields the CPU to the API first
    worker_metrics_port: int = 0  # >0: the worker serves its own Prometheus metrics there
    worker_metrics_host: str = "127.0.0.1"
    # a worker's heartbeat lives this long: a holder of host slots silent for longer is dead
    worker_heartbeat_seconds: float = Field(15.0, gt=0)
    worker_lock_dir: Path | None = None  # where workers lock their lineage; None: under /tmp
    secret_key: str = "dev-only-secret-change-me"
    auth: Literal["off", "on"] = "off"
    api_keys: SecretStr = SecretStr("")
    rate_limit_per_minute: int = 600
    # Job status reads (GET /v1/jobs…, /v1/batches…, /report/jobs) count apart, on this budget.
    poll_limit_per_minute: int = 12000
    job_wait_max_seconds: float = 30.0  # ?wait= on GET /v1/jobs/{id} is cut to this (<= 30)
    read_cache_bytes: int = 64 * 1024 * 1024  # per API process; 0 turns the read cache off
    api_workers: int = 0  # API processes `claimtrail up` and `claimtrail api` run; 0: one per CPU
    auth_failures_per_minute: int = 30  # wrong keys per client address before 429
    max_pending_jobs: int = 1000
    max_body_bytes: int = 1024 * 1024
    max_json_depth: int = 32
    log_level: str = "INFO"
    log_json: bool = True

    @field_validator("database_url")
    @classmethod
    def _async_driver(cls, value: str | None) -> str | None:
        """Accept plain postgres URLs and use the asyncpg driver."""
        if value is None:
            return None
        for plain in ("postgres://", "postgresql://"):
            if value.startswith(plain):
                return "postgresql+asyncpg://" + value.removeprefix(plain)
        return value

    @model_validator(mode="after")
    def _real_secret_outside_development(self) -> Settings:
        """Refuse the placeholder secret anywhere but development."""
        if self.environment != "development" and self.secret_key.startswith("dev-only"):
            raise ValueError("set CLAIMTRAIL_SECRET_KEY outside development")
        return self

    @property
    def queue_name(self) -> str:
        """The arq queue this deployment reads and writes."""
        return f"{self.redis_prefix}queue"

    def require_urls(self) -> tuple[str, str]:
        """Both service URLs, or a clear error naming the missing one."""
        if not self.database_url or not self.redis_url:
            raise RuntimeError(
                "DATABASE_URL and REDIS_URL must be set (or run `claimtrail up`, "
                "which starts embedded servers when they are not)"
            )
        return self.database_url, self.redis_url


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings (tests build their own Settings instead)."""
    return Settings()

"""Keys under attack and over time: env list is the truth, guessing is limited, keyed hashes,
and `claimtrail keys` against the embedded database of a data dir."""

from __future__ import annotations

import asyncio
import contextlib
import io
import uuid
from pathlib import Path

import pytest
from pydantic import SecretStr
from sqlalchemy import select

from app.auth.keys import hash_key, legacy_hash
from app.auth.repository import ApiKeyRepository
from app.cli.main import main
from app.config import Settings, get_settings
from app.db import create_engine, session_factory
from app.models import ApiKey
from tests.integration.conftest import serve_api

KEY_A, KEY_B = "key-for-alice-0123456789", "key-for-bob-9876543210"
MINUTE_START = 1_000_000 * 60 + 20.0  # 20 s into a minute: Retry-After is 40


def _bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def _keyed(settings: Settings, keys: str, **update: object) -> Settings:
    prefix = f"{settings.redis_prefix}{uuid.uuid4().hex[:6]}:"
    return settings.model_copy(
        update={"auth": "on", "api_keys": SecretStr(keys), "redis_prefix": prefix, **update}
    )


async def _rows(settings: Settings) -> list[ApiKey]:
    engine = create_engine(settings.database_url or "", pool_size=1)
    try:
        async with session_factory(engine)() as session:
            return list(await session.scalars(select(ApiKey).order_by(ApiKey.name)))
    finally:
        await engine.dispose()


async def test_a_key_dropped_from_the_environment_is_revoked_at_start(
    settings: Settings,
) -> None:
    async with serve_api(_keyed(settings, f"alice:{KEY_A},bob:{KEY_B}")) as api:
        assert (await api.get("/v1/articles", headers=_bearer(KEY_A))).status_code == 200
    async with serve_api(_keyed(settings, f"bob:{KEY_B}")) as api:
        assert (await api.get("/v1/articles", headers=_bearer(KEY_A))).status_code == 401
        assert (await api.get("/v1/articles", headers=_bearer(KEY_B))).status_code == 200
    rows = {row.name: row for row in await _rows(settings)}
    assert rows["alice"].revoked_at is not None and rows["bob"].revoked_at is None
    # Listed again: live again, the same row (and so the same jobs).
    async with serve_api(_keyed(settings, f"alice:{KEY_A}")) as api:
        assert (await api.get("/v1/articles", headers=_bearer(KEY_A))).status_code == 200
    again = {row.name: row for row in await _rows(settings)}
    assert again["alice"].id == rows["alice"].id and again["alice"].revoked_at is None


async def test_keys_are_stored_keyed_and_old_sha256_rows_keep_working(
    settings: Settings,
) -> None:
    keyed = _keyed(settings, f"alice:{KEY_A}")
    engine = create_engine(settings.database_url or "", pool_size=1)
    try:
        async with session_factory(engine).begin() as session:
            old = await ApiKeyRepository(session).create(name="old", key_hash=legacy_hash(KEY_B))
            old_id = old.id
    finally:
        await engine.dispose()
    async with serve_api(keyed) as api:
        assert (await api.get("/v1/articles", headers=_bearer(KEY_A))).status_code == 200
        assert (await api.get("/v1/articles", headers=_bearer(KEY_B))).status_code == 200
        assert (await api.get("/v1/articles", headers=_bearer(KEY_B))).status_code == 200
    rows = {row.name: row for row in await _rows(settings)}
    assert rows["alice"].key_hash == hash_key(KEY_A, keyed.secret_key) != legacy_hash(KEY_A)
    assert rows["old"].id == old_id
    assert rows["old"].key_hash == hash_key(KEY_B, keyed.secret_key)  # moved on first use


async def test_wrong_keys_from_one_address_are_limited(settings: Settings) -> None:
    now = [MINUTE_START]
    limited = _keyed(settings, f"alice:{KEY_A}", auth_failures_per_minute=3)
    async with serve_api(limited, clock=lambda: now[0]) as api:
        guesses = [
            (await api.get("/v1/articles", headers=_bearer(f"guess-{n}"))).status_code
            for n in range(4)
        ]
        assert guesses == [401, 401, 401, 429]
        blocked = await api.get("/report", auth=("x", "guess-report"))
        assert blocked.status_code == 429 and blocked.headers["retry-after"] == "40"
        assert blocked.headers["content-type"].startswith("application/problem+json")
        assert (await api.get("/healthz")).status_code == 200
        now[0] += 40  # the next minute
        assert (await api.get("/v1/articles", headers=_bearer(KEY_A))).status_code == 200


async def test_report_pages_are_rate_limited_like_the_api(settings: Settings) -> None:
    now = [MINUTE_START]
    prefix = f"{settings.redis_prefix}{uuid.uuid4().hex[:6]}:"
    limited = settings.model_copy(update={"rate_limit_per_minute": 3, "redis_prefix": prefix})
    async with serve_api(limited, clock=lambda: now[0]) as api:
        statuses = [(await api.get("/report")).status_code for _ in range(4)]
        assert statuses == [200, 200, 200, 429]
        assert (await api.get("/v1/articles")).status_code == 429  # one budget per caller
        assert (await api.get("/healthz")).status_code == 200


def _keys_cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    get_settings.cache_clear()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["keys", *args])
    finally:
        get_settings.cache_clear()
    return code, out.getvalue(), err.getvalue()


async def test_keys_cli_without_a_database_says_so_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("REDIS_URL", raising=False)
    code, out, err = await asyncio.to_thread(_keys_cli, "--data-dir", str(tmp_path), "list")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"no running claimtrail database under {tmp_path}" in err


async def test_keys_cli_works_against_the_embedded_database_of_a_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.cli.embedded import EmbeddedPostgres
    from app.cli.migrate import upgrade

    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("REDIS_URL", raising=False)
    postgres = EmbeddedPostgres(tmp_path / "postgres")  # what `up --data-dir tmp_path` runs
    try:
        await asyncio.to_thread(upgrade, await asyncio.to_thread(postgres.start))
        data_dir = ["--data-dir", str(tmp_path)]
        code, created, _ = await asyncio.to_thread(_keys_cli, *data_dir, "create", "dora")
        assert code == 0
        key_id = next(line.split()[-1] for line in created.splitlines() if line.startswith("id:"))
        code, listed, _ = await asyncio.to_thread(_keys_cli, *data_dir, "list")
        assert code == 0 and key_id in listed and "live" in listed
        code, revoked, _ = await asyncio.to_thread(_keys_cli, *data_dir, "revoke", key_id)
        assert code == 0 and revoked.strip() == f"revoked {key_id}"
        code, listed, _ = await asyncio.to_thread(_keys_cli, *data_dir, "list")
        assert "revoked" in listed
    finally:
        await asyncio.to_thread(postgres.stop)

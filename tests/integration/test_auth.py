"""API keys over real HTTP: required on /v1, per-key job visibility, CLI-made and revoked keys."""

from __future__ import annotations

import asyncio
import contextlib
import io

import httpx
import pytest
from pydantic import SecretStr

from app.cli.main import main
from app.config import Settings, get_settings

PROBLEM = "application/problem+json"
KEY_A, KEY_B = "key-for-alice-0123456789", "plain-key-for-bob-9876543210"


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """Keys on, with one named and one plain key from the environment setting."""
    return settings.model_copy(
        update={"auth": "on", "api_keys": SecretStr(f"alice:{KEY_A}, {KEY_B}")}
    )


def _bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


async def _cli(monkeypatch: pytest.MonkeyPatch, settings: Settings, *args: str) -> str:
    """Run `claimtrail keys …` against the test database (in a thread: it owns its loop)."""
    monkeypatch.setenv("DATABASE_URL", settings.database_url or "")
    monkeypatch.setenv("REDIS_URL", "redis://unused")
    get_settings.cache_clear()
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            assert await asyncio.to_thread(main, ["keys", *args]) == 0
    finally:
        get_settings.cache_clear()
    return out.getvalue()


@pytest.mark.parametrize(
    "headers",
    [{}, _bearer("wrong"), {"X-API-Key": "wrong"}, {"Authorization": f"Basic {KEY_A}"}],
)
async def test_missing_or_invalid_key_is_a_401_problem(
    api: httpx.AsyncClient, headers: dict[str, str]
) -> None:
    for method, path in (("GET", "/v1/articles"), ("POST", "/v1/articles")):
        response = await api.request(method, path, headers=headers, json={"url": "https://a.test"})
        assert response.status_code == 401, (method, path)
        assert response.headers["www-authenticate"] == "Bearer"
        assert response.headers["content-type"].startswith(PROBLEM)
        assert response.json()["status"] == 401


async def test_operations_stay_open_and_docs_offer_authorize(api: httpx.AsyncClient) -> None:
    for path in ("/healthz", "/readyz", "/metrics", "/docs", "/openapi.json"):
        assert (await api.get(path)).status_code == 200, path
    spec = (await api.get("/openapi.json")).json()
    assert spec["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"
    assert spec["components"]["securitySchemes"]["apiKeyHeader"]["name"] == "X-API-Key"
    submit = spec["paths"]["/v1/articles"]["post"]
    assert {"bearerAuth": []} in submit["security"] and "401" in submit["responses"]
    assert "security" not in spec["paths"]["/healthz"]["get"]


async def test_jobs_are_visible_only_to_the_key_that_made_them(api: httpx.AsyncClient) -> None:
    made = await api.post("/v1/articles", json={"url": "https://a.test/x"}, headers=_bearer(KEY_A))
    assert made.status_code == 202
    location = made.headers["location"]
    assert (await api.get(location, headers={"X-API-Key": KEY_A})).status_code == 200
    hidden = await api.get(location, headers={"X-API-Key": KEY_B})
    assert hidden.status_code == 404
    assert hidden.headers["content-type"].startswith(PROBLEM)


async def test_cli_key_works_until_revoked(
    api: httpx.AsyncClient, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    created = await _cli(monkeypatch, settings, "create", "carol")
    fields = dict(line.split(":", 1) for line in created.splitlines() if line.count(":") >= 1)
    key, key_id = fields["key"].strip(), fields["id"].strip()
    assert fields["signing secret"].strip().startswith("whsec_")
    assert (await api.get("/v1/articles", headers=_bearer(key))).status_code == 200
    assert "carol" in await _cli(monkeypatch, settings, "list")
    await _cli(monkeypatch, settings, "revoke", key_id)
    revoked = await api.get("/v1/articles", headers=_bearer(key))
    assert revoked.status_code == 401
    assert revoked.headers["www-authenticate"] == "Bearer"
    assert "revoked" in await _cli(monkeypatch, settings, "list")


async def test_report_pages_need_a_key_and_browsers_can_send_it(api: httpx.AsyncClient) -> None:
    for path in ("/report", "/report?q=budget"):
        refused = await api.get(path)
        assert refused.status_code == 401
        assert refused.headers["www-authenticate"].startswith('Basic realm="claimtrail report"')
        assert (await api.get(path, auth=("reader", "wrong-key"))).status_code == 401
        assert (await api.get(path, auth=("reader", KEY_A))).status_code == 200
        assert (await api.get(path, headers=_bearer(KEY_B))).status_code == 200
    spec = (await api.get("/openapi.json")).json()
    assert {"reportBasic": []} in spec["paths"]["/report"]["get"]["security"]
    assert "429" in spec["paths"]["/report"]["get"]["responses"]  # limited like /v1
    # Basic credentials open report pages only, never the API.
    assert (await api.get("/v1/articles", auth=("reader", KEY_A))).status_code == 401

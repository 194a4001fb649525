"""/openapi.json as client generators read it: short operationIds, an example for every
operation, every property described, enums for codes and states."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import httpx

from app.api.openapi_docs import ERROR_CODES
from tests.conftest import REPO

SHORT_ID = re.compile(r"^[a-z][a-zA-Z0-9]*$")  # camelCase, one identifier in any language


async def _spec(api: httpx.AsyncClient) -> dict[str, Any]:
    response = await api.get("/openapi.json")
    assert response.status_code == 200
    return response.json()  # type: ignore[no-any-return]


def _operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [(m, p, op) for p, item in spec["paths"].items() for m, op in item.items()]


async def test_every_operation_has_a_short_id_and_examples(api: httpx.AsyncClient) -> None:
    spec = await _spec(api)
    operations = _operations(spec)
    assert len(operations) >= 20
    ids = [op["operationId"] for _, _, op in operations]
    assert len(ids) == len(set(ids))
    assert [i for i in ids if not SHORT_ID.match(i) or len(i) > 28] == []
    named = {(m, p): op["operationId"] for m, p, op in operations}
    assert named[("post", "/v1/articles")] == "createArticleJob"
    assert named[("get", "/v1/jobs/{job_id}")] == "getJob"
    assert named[("get", "/v1/articles/{article_id}/claims")] == "listClaims"
    for method, path, op in operations:
        successes = {c: r for c, r in op["responses"].items() if c.startswith("2")}
        assert successes, (method, path)
        for response in successes.values():
            for media_type, body in response["content"].items():
                assert "example" in body, (method, path, media_type)
        assert op.get("summary"), (method, path)
    submit = spec["paths"]["/v1/articles"]["post"]["requestBody"]["content"]["application/json"]
    assert submit["example"]["url"].startswith("https://")


async def test_every_property_is_described(api: httpx.AsyncClient) -> None:
    schemas = (await _spec(api))["components"]["schemas"]
    bare = [
        f"{name}.{prop}"
        for name, schema in schemas.items()
        for prop, spec in (schema.get("properties") or {}).items()
        if not spec.get("description")
    ]
    assert bare == []


async def test_codes_and_states_are_enums(api: httpx.AsyncClient) -> None:
    spec = await _spec(api)
    schemas = spec["components"]["schemas"]

    def enum(schema: dict[str, Any]) -> set[str]:
        options = schema.get("anyOf", [schema])
        return {v for option in options for v in option.get("enum", [])}

    assert enum(schemas["JobError"]["properties"]["code"]) == set(ERROR_CODES)
    assert enum(schemas["JobOut"]["properties"]["status"]) == {
        "queued", "running", "succeeded", "failed"
    }  # fmt: skip
    assert "extracting" in enum(schemas["JobOut"]["properties"]["stage"])
    assert enum(schemas["VerificationOut"]["properties"]["status"]) == {
        "supported",
        "partially_supported",
        "contradicted",
        "not_found",
        "unreachable",
        "unchecked",
    }  # fmt: skip
    states = {"cited", "attributed", "uncited"}
    assert enum(schemas["ClaimOut"]["properties"]["citation_state"]) == states
    params = {
        p["name"]: p for p in spec["paths"]["/v1/articles/{article_id}/claims"]["get"]["parameters"]
    }
    assert enum(params["citation_state"]["schema"]) == states
    assert "numeric" in enum(params["kind"]["schema"])
    assert enum(params["format"]["schema"]) == {"json", "csv", "jsonl"}


def test_every_error_code_raised_is_in_the_enum() -> None:
    """The codes in the source (fetch errors, job failures, requeues) are all documented."""
    pattern = re.compile(r'(?:FetchError|JobFailure)\(\s*"([a-z_]+)"|code="([a-z_]+)"')
    found: set[str] = set()
    for folder in ("app", "workers"):
        for path in Path(REPO, folder).rglob("*.py"):
            for match in pattern.finditer(path.read_text(encoding="utf-8")):
                found.add(match.group(1) or match.group(2))
    assert found and found <= set(ERROR_CODES), found - set(ERROR_CODES)

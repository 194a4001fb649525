"""OpenAPI as served: every error response documented as application/problem+json."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from app.api.openapi_docs import ERROR_CODES, FIELD_DOCS, example_for
from app.errors import Problem

__all__ = ["install_openapi", "problem_content"]

PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
COMMON_ERRORS = {
    "413": "Request body over the size limit",
    "415": "Request body is not JSON",
    "429": "Rate limit exceeded; see Retry-After",
    "503": "A backing service is unavailable; retry",
}


IDEMPOTENCY_KEY = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "description": "Same key + same body within 24 h replays the first response (one job); "
    "same key + another body is a 422; while the first is still running, a 409.",
    "schema": {"type": "string", "maxLength": 255},
}


# subclassed schemas whose inherited fields take their base's descriptions
_BASES = {"BatchJobOut": "JobOut"}

SUMMARIES = {
    ("get", "/v1/jobs"): "List jobs, by batch and status",
    ("get", "/v1/batches"): "List batches",
    ("get", "/v1/articles/{article_id}/text"): "Get an article's extracted text",
    ("get", "/v1/jobs/{job_id}"): "Get a job's status",
    ("get", "/v1/jobs/{job_id}/events"): "Stream a job's changes (Server-Sent Events)",
    ("get", "/v1/articles"): "List and search articles",
    ("get", "/v1/articles/{article_id}"): "Get an article's summary",
    ("get", "/v1/articles/{article_id}/claims"): "List an article's claims",
    ("get", "/v1/articles/{article_id}/sources"): "List an article's sources",
    ("get", "/v1/articles/{article_id}/sources/{source_id}"): "One source's claims, verified",
    ("get", "/v1/articles/{article_id}/provenance"): "Export the article as W3C PROV",
    ("post", "/v1/batches"): "Submit up to 1,000 URLs",
    ("get", "/v1/batches/{batch_id}"): "Get a batch's progress",
    ("get", "/v1/sources"): "Find sources across articles",
    ("get", "/v1/sources/{source_id}"): "Articles and claims resting on a source",
    ("get", "/healthz"): "Liveness",
    ("get", "/readyz"): "Readiness: database and Redis",
    ("get", "/metrics"): "Prometheus metrics",
    ("get", "/report"): "Articles as an HTML page",
    ("get", "/report/{article_id}"): "One article as an HTML report",
}


def problem_content() -> dict[str, Any]:
    """The response body of an error: a Problem as application/problem+json."""
    return {"application/problem+json": {"schema": PROBLEM_REF}}


def _errors_as_problems(operation: dict[str, Any], *, has_body: bool) -> None:
    responses = operation.setdefault("responses", {})
    for code, description in COMMON_ERRORS.items():
        if code in ("413", "415") and not has_body:
            continue
        responses.setdefault(code, {"description": description})
    responses.setdefault("400", {"description": "Malformed request"})
    for code, response in responses.items():
        if code.isdigit() and int(code) >= 400:
            response["content"] = problem_content()


REQUEST_EXAMPLES = {
    "createArticleJob": {"url": "https://example.com/news/story.html", "verify": True},
    "createBatch": {"urls": ["https://example.com/a.html", "https://example.com/b.html"]},
}


def _add_examples(operation: dict[str, Any]) -> None:
    """An example for every success body, and for the request body of the submit calls."""
    op_id = operation.get("operationId", "")
    for code, response in operation.get("responses", {}).items():
        if not code.startswith("2"):
            continue
        content = response.setdefault("content", {"text/plain": {"schema": {"type": "string"}}})
        for media_type, body in content.items():
            example = example_for(op_id, media_type)
            if example is not None and "example" not in body:
                body["example"] = example
    if op_id in REQUEST_EXAMPLES:
        body = operation["requestBody"]["content"]["application/json"]
        body.setdefault("example", REQUEST_EXAMPLES[op_id])


def _describe_fields(components: dict[str, Any]) -> None:
    """Fill undescribed properties from FIELD_DOCS; make error.code an enum."""
    for name, schema in components.items():
        for prop, spec in (schema.get("properties") or {}).items():
            doc = (
                FIELD_DOCS.get(f"{name}.{prop}")
                or FIELD_DOCS.get(f"{_BASES.get(name, name)}.{prop}")
                or FIELD_DOCS.get(prop)
            )
            if doc and "description" not in spec:
                spec["description"] = doc
    if "JobError" in components:
        components["JobError"]["properties"]["code"]["enum"] = list(ERROR_CODES)


def _drop_unused(schema: dict[str, Any]) -> None:
    """FastAPI's own 422 schemas are unused: every error is documented as a Problem."""
    for name in ("HTTPValidationError", "ValidationError"):  # the first refers to the second
        text = str(schema.get("paths")) + str(schema["components"]["schemas"])
        if f"#/components/schemas/{name}'" not in text:
            schema["components"]["schemas"].pop(name, None)


def install_openapi(app: FastAPI) -> None:
    """Replace FastAPI's schema builder with one that documents our problem responses."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(
            title=app.title, version=app.version, description=app.description, routes=app.routes
        )
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components["Problem"] = Problem.model_json_schema(
            ref_template="#/components/schemas/{model}"
        )
        for path, item in schema.get("paths", {}).items():
            for method, operation in item.items():
                if (method, path) in SUMMARIES and isinstance(operation, dict):
                    operation["summary"] = SUMMARIES[(method, path)]
                if isinstance(operation, dict) and path.startswith("/v1"):
                    _errors_as_problems(operation, has_body="requestBody" in operation)
                    if path in ("/v1/articles", "/v1/batches") and "requestBody" in operation:
                        operation.setdefault("parameters", []).append(IDEMPOTENCY_KEY)
                        operation["responses"].setdefault(
                            "409",
                            {
                                "description": "A request with this Idempotency-Key is in flight",
                                "content": problem_content(),
                            },
                        )
                if isinstance(operation, dict):
                    _add_examples(operation)
        _describe_fields(components)
        _drop_unused(schema)
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]

"""The API key security scheme in the OpenAPI document (the Authorize button of /docs)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from app.api.openapi import problem_content
from app.auth.paths import is_protected, is_report

__all__ = ["document_security"]

SCHEMES: dict[str, dict[str, Any]] = {
    "bearerAuth": {
        "type": "http",
        "scheme": "bearer",
        "description": "`Authorization: Bearer <key>`; required when CLAIMTRAIL_AUTH=on",
    },
    "apiKeyHeader": {
        "type": "apiKey",
        "in": "header",
        "name": "X-API-Key",
        "description": "The same key in `X-API-Key`; required when CLAIMTRAIL_AUTH=on",
    },
    "reportBasic": {
        "type": "http",
        "scheme": "basic",
        "description": "Report pages only: any user name, the key as password (browsers prompt)",
    },
}
UNAUTHORIZED = {"description": "Missing, invalid or revoked API key", "content": problem_content()}
TOO_MANY = {
    "description": "Rate limit or pending-jobs limit reached (see Retry-After)",
    "content": problem_content(),
}


def document_security(app: FastAPI) -> None:
    """Wrap `app.openapi` so protected operations name the key schemes, 401 and 429."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        schema = build()
        components = schema.setdefault("components", {})
        if "securitySchemes" in components:
            return schema
        components["securitySchemes"] = SCHEMES
        for path, operations in schema.get("paths", {}).items():
            if not is_protected(path):
                continue
            for operation in operations.values():
                operation["security"] = [{"bearerAuth": []}, {"apiKeyHeader": []}]
                operation.setdefault("responses", {}).setdefault("401", UNAUTHORIZED)
                if is_report(path):
                    operation["security"].insert(0, {"reportBasic": []})
                operation["responses"].setdefault("429", TOO_MANY)
        return schema

    app.openapi = openapi  # type: ignore[method-assign]

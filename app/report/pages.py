"""Shared bits of the HTML pages: security headers and the rendered response."""

from __future__ import annotations

from typing import Any

from fastapi.responses import HTMLResponse

from app.report.templating import render

__all__ = ["LIVE_HEADERS", "PAGE_HEADERS", "page"]

# Pages load only our own stylesheet; nothing inline, nothing remote, forms post here.
_CSP = (
    "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
PAGE_HEADERS = {
    "Content-Security-Policy": _CSP,
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}
# The job status page also runs our own script, which opens the job event streams.
LIVE_HEADERS = PAGE_HEADERS | {
    "Content-Security-Policy": _CSP + "; script-src 'self'; connect-src 'self'",
    "Cache-Control": "no-store",
}


def page(
    template: str, *, status: int = 200, headers: dict[str, str] | None = None, **context: Any
) -> HTMLResponse:
    """The template as an HTML response with the pages' security headers."""
    return HTMLResponse(
        render(template, **context), status_code=status, headers=headers or PAGE_HEADERS
    )

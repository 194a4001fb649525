"""Jinja2 for the pages: autoescape always on, templates and static files from this package."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from app.articles.schemas import verification_state
from app.report.markup import safe_href

__all__ = ["STATIC", "macros", "render"]

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"

_ENV = Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=True,  # every page is HTML: whatever came from a fetched page is text
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
_ENV.globals["safe_href"] = safe_href
_ENV.globals["verification_state"] = verification_state


def _percent(value: object) -> int:
    """A 0..1 share as a whole percentage, clipped."""
    try:
        share = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        share = 0.0
    return round(min(max(share, 0.0), 1.0) * 100)


_ENV.filters["percent"] = _percent


def render(template: str, **context: Any) -> str:
    """The named template rendered with `context`."""
    return _ENV.get_template(template).render(**context)


def macros() -> Any:
    """The shared macros (`link`, `piece`, `card`…) as callables, for tests and reuse."""
    return _ENV.get_template("_macros.html").module

"""Article documents served from the read cache, keyed by the article's version."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable

from fastapi import Request, Response
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.documents import DocumentCache, document_response, make_document
from app.api.hot_reads import on_read_pool
from app.articles.repository import article_version
from app.errors import NotFound

__all__ = ["NOT_MODIFIED", "cached_document"]

NOT_MODIFIED: dict[int | str, dict[str, object]] = {
    304: {"description": "Unchanged: `If-None-Match` names the document's current ETag"}
}


async def _version(request: Request, article_id: uuid.UUID) -> str | None:
    """The article's version, on the bare pool."""
    return await on_read_pool(request, lambda pool: article_version(pool, article_id))


def cache_control(request: Request) -> str:
    """Always revalidate (a verdict may arrive any time); with keys on, never a shared cache."""
    return "private, no-cache" if request.app.state.settings.auth == "on" else "no-cache"


async def cached_document(
    request: Request,
    session: AsyncSession,
    article_id: uuid.UUID,
    build: Callable[[], Awaitable[BaseModel]],
) -> Response:
    """The document of this path and query at the article's current version, built once.

    Article documents are the same for every caller (reads are not scoped by API key), so
    the key is the path, the query and the version; auth has run before this. A hit costs
    one statement on the bare pool; `session` is touched only to build the document.
    """
    version = await _version(request, article_id)
    if version is None:
        raise NotFound(f"No article {article_id}")
    cache: DocumentCache = request.app.state.read_cache
    key = f"{request.url.path}?{request.url.query}@{version}"
    document = cache.get(key)
    if document is None:
        document = make_document((await build()).model_dump_json().encode())
        cache.put(key, document)
    return document_response(request, document, cache_control=cache_control(request))

"""JSON documents with strong ETags: `If-None-Match` -> 304, and a byte-bounded LRU cache."""

from __future__ import annotations

import hashlib
from collections import OrderedDict

from starlette.requests import Request
from starlette.responses import Response

__all__ = ["Document", "DocumentCache", "document_response", "etag_matches", "make_document"]

Document = tuple[str, bytes]  # (strong ETag, JSON body)


def make_document(body: bytes) -> Document:
    """The body with its strong ETag: a hash of exactly these bytes."""
    return f'"{hashlib.blake2b(body, digest_size=16).hexdigest()}"', body


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    """RFC 9110 `If-None-Match`: `*` or any listed tag equal to `etag` (weak comparison)."""
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    return any(tag.strip().removeprefix("W/") == etag for tag in if_none_match.split(","))


def document_response(
    request: Request,
    document: Document,
    *,
    cache_control: str,
    media_type: str = "application/json",
) -> Response:
    """200 with the body, or 304 when the caller's `If-None-Match` names its ETag."""
    etag, body = document
    headers = {"ETag": etag, "Cache-Control": cache_control}
    if etag_matches(request.headers.get("if-none-match"), etag):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=media_type, headers=headers)


class DocumentCache:
    """Rendered documents by key, least recently used dropped past `max_bytes` (0: off).

    Keys must name everything the body depends on, its version included: an entry is
    never invalidated, only outlived by the entry of the next version.
    """

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self._entries: OrderedDict[str, Document] = OrderedDict()

    def get(self, key: str) -> Document | None:
        """The cached document, marked as recently used."""
        document = self._entries.get(key)
        if document is not None:
            self._entries.move_to_end(key)
        return document

    def put(self, key: str, document: Document) -> None:
        """Keep `document` unless it alone is over the bound; evict the oldest to fit."""
        cost = len(document[1]) + len(key)
        if cost > self.max_bytes:
            return
        old = self._entries.pop(key, None)
        if old is not None:
            self.size -= len(old[1]) + len(key)
        self._entries[key] = document
        self.size += cost
        while self.size > self.max_bytes:
            dropped_key, dropped = self._entries.popitem(last=False)
            self.size -= len(dropped[1]) + len(dropped_key)

    def __len__(self) -> int:
        return len(self._entries)

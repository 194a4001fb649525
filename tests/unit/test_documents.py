"""The document cache's bound and the If-None-Match comparison."""

from __future__ import annotations

from app.api.documents import DocumentCache, etag_matches, make_document


def test_the_etag_names_the_exact_bytes() -> None:
    etag, body = make_document(b'{"a":1}')
    assert etag.startswith('"') and etag.endswith('"') and body == b'{"a":1}'
    assert make_document(b'{"a":1}')[0] == etag
    assert make_document(b'{"a": 1}')[0] != etag


def test_if_none_match_lists_star_and_weak_tags() -> None:
    assert etag_matches('"x"', '"x"')
    assert etag_matches('"y", W/"x"', '"x"')
    assert etag_matches("*", '"x"')
    assert not etag_matches('"y"', '"x"')
    assert not etag_matches(None, '"x"') and not etag_matches("", '"x"')


def test_the_cache_drops_the_least_recently_used_past_its_bound() -> None:
    cache = DocumentCache(max_bytes=30)
    for key in ("a", "b", "c"):
        cache.put(key, make_document(b"x" * 9))  # 10 bytes each with the key
    assert len(cache) == 3 and cache.size == 30
    assert cache.get("a") is not None  # now the most recently used
    cache.put("d", make_document(b"y" * 9))
    assert cache.get("b") is None and cache.get("a") and cache.get("c") and cache.get("d")
    cache.put("huge", make_document(b"z" * 100))  # larger than the whole cache: not kept
    assert cache.get("huge") is None and cache.size == 30
    cache.put("a", make_document(b"w" * 4))  # replacing an entry frees its old size
    assert cache.size == 25 and cache.get("a") == make_document(b"w" * 4)


def test_a_cache_of_zero_bytes_keeps_nothing() -> None:
    cache = DocumentCache(max_bytes=0)
    cache.put("a", make_document(b"{}"))
    assert cache.get("a") is None and len(cache) == 0

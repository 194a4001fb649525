"""Fixtures for the fetcher tests; the stand-ins live in fetch_testkit."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import pytest
from fetch_testkit import LocalServer, RecordingBackend


@pytest.fixture
async def server() -> AsyncIterator[LocalServer]:
    local = LocalServer()
    await local.start()
    yield local
    await local.stop()


@pytest.fixture
def network() -> RecordingBackend:
    return RecordingBackend()


@pytest.fixture
def key_prefix(redis_prefix: str) -> str:
    """Redis keys of one test, inside the run's prefix (tests/conftest.py)."""
    return f"{redis_prefix}{uuid.uuid4().hex[:8]}:"

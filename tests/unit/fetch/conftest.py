"""Fixtures for the fetcher tests; the stand-ins live in fetch_testkit."""

from __future__ import annotations

import os
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
def redis_url() -> str:
    """The shared Redis of this machine (overridable by REDIS_URL)."""
    return os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def key_prefix() -> str:
    return f"test:{uuid.uuid4().hex}:"

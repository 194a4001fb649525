"""Typed dependencies shared by the routers."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Request

from app.api.pagination import CursorCodec
from app.config import Settings
from app.queue import Queue

__all__ = ["CallerDep", "CursorDep", "QueueDep", "SettingsDep"]


def _settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def _queue(request: Request) -> Queue:
    return request.app.state.queue  # type: ignore[no-any-return]


def _cursor(request: Request) -> CursorCodec:
    return request.app.state.cursors  # type: ignore[no-any-return]


def _caller(request: Request) -> uuid.UUID | None:
    """The API key id of the caller (None when keys are off)."""
    return getattr(request.state, "api_key_id", None)


SettingsDep = Annotated[Settings, Depends(_settings)]
QueueDep = Annotated[Queue, Depends(_queue)]
CursorDep = Annotated[CursorCodec, Depends(_cursor)]
CallerDep = Annotated[uuid.UUID | None, Depends(_caller)]

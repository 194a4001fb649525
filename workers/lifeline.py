"""Child processes that die with their parent: no orphan survives a `kill -9` of it."""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

__all__ = ["die_with_parent"]

_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int | None = None) -> None:
    """Ask the kernel to SIGKILL this process when its parent dies (Linux), else watch it.

    Call first thing in the child. `parent` is the pid expected to be the parent; if it is
    already gone by then (it died before the request was made) the child exits at once.
    """
    parent = parent if parent is not None else os.getppid()
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
            if os.getppid() != parent:
                os._exit(1)
            return
    threading.Thread(target=_watch, args=(parent,), daemon=True, name="lifeline").start()


def _watch(parent: int) -> None:
    """Where prctl is missing: exit once this process is re-parented."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)

"""Keeps `claimtrail up` running: a dead API, worker or embedded server is started again.

Each watched thing says whether it is alive and how to start it. A dead one is restarted
after a backoff that doubles with every quick death (0.5 s up to 15 s) and resets once it
has stayed up for a while; every death and restart is logged. Only `stop()` (SIGINT or
SIGTERM in `up`) ends them, children first and servers last.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from workers.lifeline import die_with_parent

__all__ = ["Managed", "ProcessChild", "Supervisor", "Watched"]


class Managed(Protocol):
    """Something the supervisor keeps alive."""

    def alive(self) -> bool: ...

    def start(self) -> None: ...

    def stop(self) -> None: ...

    def describe_exit(self) -> str: ...


class ProcessChild:
    """A child process started from a command; it gets SIGKILL if `up` itself is killed."""

    def __init__(self, command: list[str], env: dict[str, str]) -> None:
        self.command, self.env = command, env
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        parent = os.getpid()
        self.process = subprocess.Popen(
            self.command, env=self.env, preexec_fn=lambda: die_with_parent(parent)
        )

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def describe_exit(self) -> str:
        code = self.process.poll() if self.process else None
        if code is not None and code < 0:
            return f"killed by {signal.Signals(-code).name}"
        return f"exited with status {code}"

    def stop(self, timeout: float = 20.0) -> None:
        """SIGTERM (a worker hands its jobs back), then SIGKILL after `timeout`."""
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@dataclass
class Watched:
    """One managed thing and its restart bookkeeping."""

    name: str
    thing: Managed
    quick_deaths: int = 0
    started_at: float = 0.0
    restart_at: float | None = None
    restarts: int = field(default=0)


class Supervisor:
    """Start things in order, restart the dead with backoff, stop them in reverse order."""

    def __init__(
        self,
        *,
        clock: Callable[[], float] = time.monotonic,
        log: Callable[[str], None] | None = None,
        base_delay: float = 0.5,
        max_delay: float = 15.0,
        stable_after: float = 30.0,
    ) -> None:
        self.clock = clock
        self.log = log or _stderr
        self.base_delay, self.max_delay, self.stable_after = base_delay, max_delay, stable_after
        self.watched: list[Watched] = []

    def add(self, name: str, thing: Managed, *, started: bool = False) -> None:
        """Watch `thing`; start it now unless it is already running."""
        entry = Watched(name, thing)
        if not started:
            thing.start()
        entry.started_at = self.clock()
        self.watched.append(entry)

    def check(self) -> None:
        """One round: note deaths, restart what is due. Call it a few times a second."""
        now = self.clock()
        for entry in self.watched:
            if entry.restart_at is None:
                if entry.thing.alive():
                    continue
                if now - entry.started_at >= self.stable_after:
                    entry.quick_deaths = 0
                delay = min(self.max_delay, self.base_delay * 2**entry.quick_deaths)
                entry.quick_deaths += 1
                entry.restart_at = now + delay
                self.log(
                    f"claimtrail: {entry.name} {entry.thing.describe_exit()}; "
                    f"restarting in {delay:g} s"
                )
            elif now >= entry.restart_at:
                self._restart(entry, now)

    def _restart(self, entry: Watched, now: float) -> None:
        try:
            entry.thing.start()
        except Exception as exc:  # try again later, with a longer wait
            delay = min(self.max_delay, self.base_delay * 2**entry.quick_deaths)
            entry.quick_deaths += 1
            entry.restart_at = now + delay
            self.log(f"claimtrail: {entry.name} failed to start ({exc}); retrying in {delay:g} s")
            return
        entry.restart_at, entry.started_at = None, self.clock()
        entry.restarts += 1
        self.log(f"claimtrail: {entry.name} restarted")

    def stop(self) -> None:
        """Stop everything, last started first."""
        for entry in reversed(self.watched):
            try:
                entry.thing.stop()
            except Exception as exc:  # keep stopping the others
                self.log(f"claimtrail: stopping {entry.name} failed: {exc}")


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)

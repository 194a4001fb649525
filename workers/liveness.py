"""Who this worker process is, for the per-host fetch slots: a lineage and a heartbeat.

A worker locks (flock) the lowest-numbered lock file it can in the lock directory; the
random id kept in that file is its lineage, and a fresh random id names this incarnation.
The kernel drops the lock when the process dies, however it dies, so no two live processes
share a lineage, and a restarted worker on the same machine usually gets its predecessor's.
Its first heartbeat then names the new incarnation, which marks every slot the old one
held as dead: the next acquire on a full host frees them. A worker that does not come back
is known dead once its heartbeat key lapses (`heartbeat` seconds). See app/fetch/host_slots.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import os
import re
import secrets
import stat
import tempfile
from pathlib import Path

import structlog
from redis.asyncio import Redis
from redis.exceptions import RedisError

from app.fetch.host_slots import SlotHolder, beat

__all__ = ["Liveness", "claim_lineage", "default_lock_dir"]

log = structlog.get_logger()
_LINEAGE = re.compile(r"[0-9a-f]{12}")
_MAX_LOCKS = 256
_OUTAGES = (RedisError, OSError, asyncio.TimeoutError)


def default_lock_dir() -> Path:
    """A directory of this user's own under the system's temporary directory."""
    return Path(tempfile.gettempdir()) / f"claimtrail-workers-{os.getuid()}"


def claim_lineage(lock_dir: Path) -> tuple[str, int | None]:
    """The lineage of the first free lock file in `lock_dir`, and the descriptor that holds
    it (close it to let go); a lineage of its own (None) if no file can be locked."""
    try:
        _own_directory(lock_dir)
        for number in range(_MAX_LOCKS):
            fd = os.open(lock_dir / f"{number}.lock", os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                continue
            return _lineage_in(fd), fd
    except OSError as exc:
        log.warning("worker_lineage_unlocked", lock_dir=str(lock_dir), error=str(exc))
    return secrets.token_hex(6), None


def _own_directory(path: Path) -> None:
    """Create `path` for this user alone; refuse one that is a link or someone else's."""
    with contextlib.suppress(FileExistsError):
        path.mkdir(mode=0o700, parents=True)
    info = path.lstat()
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
        raise PermissionError(f"{path} is not a directory of this user")


def _lineage_in(fd: int) -> str:
    """The lineage written in a locked file, written there first if it has none."""
    written = os.pread(fd, 64, 0).decode("ascii", "replace").strip()
    if _LINEAGE.fullmatch(written):
        return written
    lineage = secrets.token_hex(6)
    os.ftruncate(fd, 0)
    os.pwrite(fd, lineage.encode() + b"\n", 0)
    return lineage


class Liveness:
    """This process's `SlotHolder`, kept alive by a heartbeat every fifth of its lifetime."""

    def __init__(self, redis: Redis, holder: SlotHolder, lock: int | None) -> None:
        self.redis, self.holder, self._lock = redis, holder, lock
        self._task: asyncio.Task[None] | None = None

    @classmethod
    async def start(
        cls, redis: Redis, *, prefix: str, heartbeat: float, lock_dir: Path
    ) -> Liveness:
        """Take a lineage, beat once (so the predecessor's slots are free) and keep beating."""
        lineage, lock = claim_lineage(lock_dir)
        holder = SlotHolder(prefix, lineage, secrets.token_hex(6), heartbeat)
        liveness = cls(redis, holder, lock)
        await liveness._beat()
        liveness._task = asyncio.create_task(liveness._beat_forever())
        log.info("worker_lineage", lineage=lineage, incarnation=holder.incarnation)
        return liveness

    async def _beat(self) -> bool:
        """One heartbeat; False when Redis did not answer in time."""
        try:
            lapsed = await asyncio.wait_for(
                beat(self.redis, self.holder), self.holder.heartbeat / 5
            )
        except _OUTAGES as exc:  # a Redis outage: the next beat may get through
            log.debug("worker_heartbeat_failed", error=type(exc).__name__)
            return False
        if lapsed and self._task is not None:
            # Stalled (or cut off from Redis) past the heartbeat's life: others may already
            # have taken the slots this process holds.
            log.warning("worker_heartbeat_lapsed", lineage=self.holder.lineage)
        return True

    async def _beat_forever(self) -> None:
        while True:
            await asyncio.sleep(self.holder.heartbeat / 5)
            await self._beat()

    async def close(self) -> None:
        """Stop beating and let go of the lineage (call once no slot is held any more)."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None

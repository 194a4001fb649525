"""A `kill -9` of a worker takes its extraction processes with it: no orphan is left."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import psutil

from tests.conftest import REPO

# A stand-in worker: one extraction, then it prints its pool's pids and waits to be killed.
HOLDER = """
import asyncio, os, sys, time
from workers.extraction_pool import ExtractionPool

async def main():
    pool = ExtractionPool(processes=1, timeout=60)
    html = "<html><body><article><p>The council approved $4 million.</p></article></body></html>"
    await pool.extract(html, "https://example.org/a", claim_threshold=0.5)
    print(" ".join(str(p.pid) for p in pool._executor._processes.values()), flush=True)
    time.sleep(600)

asyncio.run(main())
"""


def test_extraction_processes_die_with_a_killed_worker() -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER], cwd=REPO, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None
        pids = [int(pid) for pid in holder.stdout.readline().split()]
        assert pids, "the pool started no process"
        holder.send_signal(signal.SIGKILL)
        holder.wait(30)
        deadline = time.monotonic() + 30
        while any(_alive(pid) for pid in pids):
            assert time.monotonic() < deadline, f"orphaned extraction processes: {pids}"
            time.sleep(0.1)
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()


def _alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False

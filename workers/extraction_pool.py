"""Runs the CPU-bound pipeline in worker processes with a timeout, off the event loop."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor

from app.pipeline import run_pipeline
from app.pipeline.types import Extraction
from workers.lifeline import die_with_parent

__all__ = ["ExtractionPool", "ExtractionTimeout"]


class ExtractionTimeout(Exception):
    """The pipeline ran past its deadline on one page; its process was killed."""


class ExtractionPool:
    """A process pool that is torn down and rebuilt when a page hangs it."""

    def __init__(
        self,
        *,
        processes: int = 2,
        timeout: float = 20.0,
        target: Callable[..., Extraction] | None = None,
    ) -> None:
        self.processes = processes
        self.timeout = timeout
        self.target = target or _run  # a module-level function: it is pickled to the children
        self._executor = self._new_executor()

    def _new_executor(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(
            max_workers=self.processes,
            mp_context=context,
            initializer=_prepare_child,
            initargs=(os.getpid(),),
        )

    async def extract(self, html: str, url: str, *, claim_threshold: float) -> Extraction:
        """`run_pipeline` in a child process; raises ExtractionTimeout past the deadline."""
        loop = asyncio.get_running_loop()
        executor = self._executor
        future = loop.run_in_executor(executor, self.target, html, url, claim_threshold)
        try:
            return await asyncio.wait_for(future, self.timeout)
        except TimeoutError:
            self._replace(executor)
            raise ExtractionTimeout(f"extraction took longer than {self.timeout:g}s") from None

    def _replace(self, executor: ProcessPoolExecutor) -> None:
        """Kill a pool stuck on a page; jobs sharing it fail retryably and run again."""
        if executor is self._executor:
            self._executor = self._new_executor()
        # a pool already shut down by a page timing out beside this one has no processes
        for process in list((getattr(executor, "_processes", None) or {}).values()):
            process.kill()
        executor.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        """Stop the child processes."""
        self._executor.shutdown(wait=True, cancel_futures=True)


def _prepare_child(parent: int) -> None:
    """Die with the worker (a `kill -9` of it leaves no orphan), and yield the CPU.

    Extraction yields the CPU to the API and the workers' event loops when both want it.
    """
    die_with_parent(parent)
    _lower_priority()


def _lower_priority() -> None:
    os.nice(10)


def _run(html: str, url: str, claim_threshold: float) -> Extraction:
    return run_pipeline(html, url, claim_threshold=claim_threshold)

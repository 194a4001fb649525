"""The extraction pool's processes: spawned, at lower priority, bounded, cut off, killed, closed.

The targets below run in the pool's child processes and report on themselves, so each test
reads what the child saw (its pid, its nice value, whether it was forked) instead of timing it.
"""

from __future__ import annotations

import asyncio
import os
import threading
import time
from pathlib import Path

import pytest

from app.pipeline import run_pipeline
from workers.extraction_pool import ExtractionPool, ExtractionTimeout, _lower_priority, _run

PAGE = "<html><body><article><p>The council approved $4 million.</p></article></body></html>"
URL = "https://example.com/a"
MARK = {"set_by_parent": False}  # the parent sets it at run time; a spawned child never sees it


def _report(html: str, url: str, claim_threshold: float) -> tuple[object, ...]:
    """What the child process is: pid, nice value, forked or spawned, and what it was given."""
    return os.getpid(), os.getpriority(os.PRIO_PROCESS, 0), MARK["set_by_parent"], html, url, \
        claim_threshold  # fmt: skip


def _hang(html: str, url: str, claim_threshold: float) -> None:
    time.sleep(60)  # a page the pipeline never finishes


def _is_gone(pid: int) -> bool:
    """No such process, or only its zombie left for the pool's manager thread to reap."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8")
    except (FileNotFoundError, ProcessLookupError):  # reaped between the open and the read
        return True
    return stat.rpartition(")")[2].split()[0] == "Z"


async def _wait_gone(pids: list[int]) -> bool:
    # SIGKILL acts at once: the 10 s only bound the scheduler on a loaded machine.
    for _ in range(200):
        if all(_is_gone(pid) for pid in pids):
            return True
        await asyncio.sleep(0.05)
    return all(_is_gone(pid) for pid in pids)


def _nice_after_lowering() -> tuple[int, int]:
    """(before, after) nice of a thread that lowers its own priority (Linux: per thread)."""
    seen: list[int] = []

    def lower() -> None:
        seen.append(os.getpriority(os.PRIO_PROCESS, 0))
        _lower_priority()
        seen.append(os.getpriority(os.PRIO_PROCESS, 0))

    thread = threading.Thread(target=lower)
    thread.start()
    thread.join()
    return seen[0], seen[1]


def test_lowering_priority_adds_ten_to_nice() -> None:
    before, after = _nice_after_lowering()
    assert after == min(before + 10, 19)


def test_the_default_target_is_the_pipeline_with_the_threshold_passed_on() -> None:
    strict, lenient = _run(PAGE, URL, 1.01), _run(PAGE, URL, 0.0)
    assert strict == run_pipeline(PAGE, URL, claim_threshold=1.01)
    assert lenient == run_pipeline(PAGE, URL, claim_threshold=0.0)
    assert strict != lenient  # the threshold reached the pipeline
    assert "council" in strict.text
    pool = ExtractionPool(processes=1)
    try:
        assert pool.target is _run
    finally:
        pool.close()


async def test_children_are_spawned_niced_no_more_than_asked_and_closed() -> None:
    MARK["set_by_parent"] = True
    pool = ExtractionPool(processes=1, timeout=120, target=_report)
    try:
        parent_nice = os.getpriority(os.PRIO_PROCESS, 0)
        first, second = await asyncio.gather(
            pool.extract("<p>a</p>", URL, claim_threshold=0.25),
            pool.extract("<p>b</p>", URL + "?2", claim_threshold=0.75),
        )
        pids = [p.pid for p in pool._executor._processes.values()]  # type: ignore[attr-defined]
    finally:
        MARK["set_by_parent"] = False
        pool.close()
    assert all(_is_gone(pid) for pid in pids)  # close() waits for the children to end
    assert pids == [first[0]] and second[0] == first[0]  # one process ran both
    assert first[1] == min(parent_nice + 10, 19)
    assert first[2] is False  # spawned: a fresh interpreter, not a fork of this one
    assert first[3:] == ("<p>a</p>", URL, 0.25)
    assert second[3:] == ("<p>b</p>", URL + "?2", 0.75)


async def test_a_hung_page_is_cut_off_its_process_killed_and_the_pool_replaced() -> None:
    pool = ExtractionPool(processes=1, timeout=1.5, target=_hang)
    try:
        stuck = pool._executor
        extracting = asyncio.ensure_future(pool.extract(PAGE, URL, claim_threshold=0.5))
        await asyncio.sleep(0)  # submitting spawns the child
        pids = [p.pid for p in stuck._processes.values()]  # type: ignore[attr-defined]
        assert len(pids) == 1
        with pytest.raises(ExtractionTimeout) as caught:
            # 30 s: a pool that never gives up fails here instead of hanging the test
            await asyncio.wait_for(extracting, 30)
        assert str(caught.value) == "extraction took longer than 1.5s"
        assert await _wait_gone(pids), f"the hung extraction process {pids} is still running"
        assert pool._executor is not stuck
        pool.target, pool.timeout = _report, 120.0  # a fresh child imports first
        child = await pool.extract("<p>c</p>", URL, claim_threshold=0.5)
        assert child[0] not in pids and child[3] == "<p>c</p>"
    finally:
        pool.close()


async def test_two_pages_hung_on_one_pool_both_time_out() -> None:
    """The second timeout finds the pool already shut down by the first: still a timeout."""
    pool = ExtractionPool(processes=2, timeout=1.0, target=_hang)
    try:
        both = asyncio.gather(
            pool.extract(PAGE, URL, claim_threshold=0.5),
            pool.extract(PAGE, URL + "?2", claim_threshold=0.5),
            return_exceptions=True,
        )
        for _ in range(3):
            await asyncio.sleep(0)  # both pages submitted, both deadlines set
        # Both deadlines pass while the loop is held, so both expire in one loop turn, as
        # two pages started together do. Left to the clock, the second deadline comes a
        # spawn later: on a loaded machine the first timeout's kill has broken the pool by
        # then, and the second page (a bystander now) fails with BrokenProcessPool.
        time.sleep(1.5)
        outcomes = await asyncio.wait_for(both, 30)
        assert [type(o) for o in outcomes] == [ExtractionTimeout, ExtractionTimeout]
    finally:
        pool.close()


def _wait_for_file(path: str, url: str, claim_threshold: float) -> int:
    """Runs until the file named by `html` exists (10 s at most), then reports its pid."""
    for _ in range(200):
        if Path(path).exists():
            break
        time.sleep(0.05)
    return os.getpid()


async def test_closing_cancels_the_pages_not_yet_started(tmp_path: Path) -> None:
    # One process: page a runs, b may wait in the call queue, c waits in the pool's own queue.
    pool = ExtractionPool(processes=1, timeout=120, target=_wait_for_file)
    paths = [tmp_path / name for name in "abc"]
    tasks = [
        asyncio.ensure_future(pool.extract(str(path), URL, claim_threshold=0.5)) for path in paths
    ]
    await asyncio.sleep(0)  # all three submitted
    closing = asyncio.ensure_future(asyncio.to_thread(pool.close))
    for _ in range(200):  # until close() has cancelled c (10 s bounds a stalled machine)
        if tasks[2].done():
            break
        await asyncio.sleep(0.05)
    for path in paths[:2]:
        path.touch()
    await asyncio.wait_for(closing, 60)
    a, b, c = await asyncio.gather(*tasks, return_exceptions=True)
    assert isinstance(a, int)
    assert b == a or isinstance(b, asyncio.CancelledError)  # cancelled unless already queued
    assert isinstance(c, asyncio.CancelledError)

"""Mutated real pages never crash the pipeline; a hanging page is cut off at the timeout."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.pipeline import run_pipeline
from tests.conftest import DEV, REPO
from workers.extraction_pool import ExtractionPool, ExtractionTimeout

PAGES = [p.read_text(encoding="utf-8") for p in sorted(DEV.glob("*.html"))]


@st.composite
def mutated_page(draw: st.DrawFn) -> str:
    """A dev page with slices deleted, duplicated or replaced by random markup."""
    page = draw(st.sampled_from(PAGES))
    for _ in range(draw(st.integers(1, 6))):
        start = draw(st.integers(0, len(page) - 1))
        end = min(len(page), start + draw(st.integers(0, 400)))
        noise = draw(
            st.sampled_from(
                [
                    "",
                    page[start:end] * 2,
                    "<",
                    "</div>",
                    "<sup>[",
                    "]</sup>",
                    "\x00",
                    "&#91;3&#93;",
                    "<ol><li>",
                    draw(st.text(max_size=40)),
                ]
            )
        )
        page = page[:start] + noise + page[end:]
    return page


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_page())
def test_mutated_pages_never_crash(html: str) -> None:
    extraction = run_pipeline(html, "https://example.com/a")
    for sentence in extraction.sentences:
        assert extraction.text[sentence.start : sentence.end] == sentence.text


def _hang(html: str, url: str, claim_threshold: float) -> None:
    time.sleep(60)  # a page the pipeline never finishes


def _is_gone(pid: int) -> bool:
    """No such process, or only its zombie left for the pool's manager thread to reap."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8")
    except FileNotFoundError:
        return True
    return stat.rpartition(")")[2].split()[0] == "Z"


async def test_a_page_that_hangs_is_cut_off_and_its_process_killed() -> None:
    hanging = ExtractionPool(processes=1, timeout=1.0, target=_hang)
    try:
        executor = hanging._executor
        started = time.monotonic()
        extracting = asyncio.ensure_future(
            hanging.extract("<p>x</p>", "https://example.com/a", claim_threshold=0.5)
        )
        await asyncio.sleep(0)  # submitting spawns the child
        pids = [p.pid for p in executor._processes.values()]  # type: ignore[attr-defined]
        assert len(pids) == 1
        with pytest.raises(ExtractionTimeout, match=r"longer than 1s"):
            await extracting
        # The child sleeps 60 s: returning well before that means the deadline cut it off,
        # however slowly a loaded machine ran it.
        assert time.monotonic() - started < 30
        # Shutting the pool down does not stop a busy child (it would sleep on); kill() must.
        # SIGKILL acts at once: the 10 s only bound the scheduler on a loaded machine.
        deadline = time.monotonic() + 10
        while not _is_gone(pids[0]) and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        assert _is_gone(pids[0]), f"the hung extraction process {pids[0]} is still running"
        hanging.target, hanging.timeout = (
            run_pipeline_with_threshold,
            60.0,
        )  # a fresh child imports first
        page = (
            "<html><body><article><p>The council approved $4 million.</p></article></body></html>"
        )
        extraction = await hanging.extract(page, "https://example.com/a", claim_threshold=0.5)
        assert "council" in extraction.text
    finally:
        hanging.close()


def run_pipeline_with_threshold(html: str, url: str, claim_threshold: float) -> object:
    return run_pipeline(html, url, claim_threshold=claim_threshold)


def test_atheris_target_runs(tmp_path) -> None:
    # A crash input lands in tmp_path, not in the checkout.
    options = ["-runs=300", "-max_len=4096", "-seed=1", f"-artifact_prefix={tmp_path}/"]
    result = subprocess.run(
        [sys.executable, str(REPO / "tests" / "fuzz" / "fuzz_pipeline.py"), *options],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Done 300 runs" in result.stderr

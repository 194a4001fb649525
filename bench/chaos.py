"""Chaos run: `claimtrail up` on embedded servers of its own while its parts are broken.

Submits N dev-corpus pages (loopback corpus server) while the worker is killed twice, Redis
is stopped (SIGSTOP) for 10 s and PostgreSQL is restarted once; then checks every job ended
`succeeded` once, no duplicate rows, `/healthz` always answered, every submit answered in
2 s (a 503 with Retry-After counts, and is retried). `uv run python -m bench.chaos [N]`.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path

import httpx
import psutil

from app.cli.embedded import free_port
from app.cli.up import port_problem
from app.evaluation.corpus_server import CorpusHandler

REPO = Path(__file__).resolve().parent.parent
DEV = REPO / "tests" / "corpus" / "dev"
PAGES = sorted(p.name for p in DEV.glob("dev-*.html"))


@dataclass
class ChaosResult:
    jobs: dict[str, dict] = field(default_factory=dict)  # type: ignore[type-arg]
    submit_failures: list[str] = field(default_factory=list)
    health_failures: list[str] = field(default_factory=list)
    retried_503: int = 0
    article_count: int = 0
    log: list[str] = field(default_factory=list)


def _corpus_server() -> ThreadingHTTPServer:
    port = free_port()
    handler = partial(CorpusHandler, directory=str(DEV), origin=f"http://127.0.0.1:{port}")
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _port_pair() -> int:
    for _ in range(100):
        port = free_port()
        if port < 65535 and port_problem("127.0.0.1", port + 1) is None:
            return port
    raise RuntimeError("no two free ports in a row")


def _start_up(data_dir: Path, port: int, lines: list[str]) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env |= {
        "CLAIMTRAIL_FETCH_ALLOW_PRIVATE": "true",
        "CLAIMTRAIL_FETCH_RESPECT_ROBOTS": "false",
        "CLAIMTRAIL_JOB_LEASE_SECONDS": "5",
        "CLAIMTRAIL_SWEEP_EVERY_SECONDS": "1",
        "CLAIMTRAIL_JOB_MAX_ATTEMPTS": "20",
        "CLAIMTRAIL_RETRY_BASE_SECONDS": "0.5",
        "CLAIMTRAIL_EXTRACT_PROCESSES": "1",
        "CLAIMTRAIL_LOG_JSON": "false",
        "CLAIMTRAIL_LOG_LEVEL": "WARNING",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "up", "--port", str(port), "--data-dir", str(data_dir)],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True,
    )  # fmt: skip

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(line.rstrip("\n"))

    threading.Thread(target=read, daemon=True).start()
    return process


def _wait(condition, timeout: float, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


def _child(up: subprocess.Popen[str], word: str) -> psutil.Process | None:
    for child in psutil.Process(up.pid).children():
        try:
            if child.status() != psutil.STATUS_ZOMBIE and any(word in p for p in child.cmdline()):
                return child
        except psutil.NoSuchProcess:
            continue
    return None


def _postmaster(data_dir: Path) -> int:
    return int((data_dir / "postgres" / "postmaster.pid").read_text().split()[0])


class _Load:
    """Submits the pages one by one and polls /healthz, in threads, recording every miss."""

    def __init__(self, base: str, urls: list[str], result: ChaosResult) -> None:
        self.base, self.urls, self.result = base, urls, result
        self.done = threading.Event()
        self.threads = [
            threading.Thread(target=self._submit, daemon=True),
            threading.Thread(target=self._health, daemon=True),
        ]
        for thread in self.threads:
            thread.start()

    def _submit(self) -> None:
        with httpx.Client(base_url=self.base, timeout=2) as client:
            for url in self.urls:
                while True:
                    try:
                        answer = client.post("/v1/articles", json={"url": url})
                    except httpx.HTTPError as exc:
                        self.result.submit_failures.append(f"{url}: {type(exc).__name__}")
                        time.sleep(0.5)
                        continue
                    if answer.status_code == 503 and "retry-after" in answer.headers:
                        self.result.retried_503 += 1
                        time.sleep(float(answer.headers["retry-after"]))
                        continue
                    if answer.status_code not in (200, 202):
                        self.result.submit_failures.append(f"{url}: {answer.status_code}")
                    else:
                        self.result.jobs[answer.json()["id"]] = answer.json()
                    break
                time.sleep(0.05)

    def _health(self) -> None:
        with httpx.Client(base_url=self.base, timeout=2) as client:
            while not self.done.is_set():
                try:
                    status = client.get("/healthz").status_code
                    if status != 200:
                        self.result.health_failures.append(str(status))
                except httpx.HTTPError as exc:
                    self.result.health_failures.append(type(exc).__name__)
                time.sleep(0.2)

    def submitted_all(self) -> bool:
        return not self.threads[0].is_alive()


def run_chaos(jobs: int = 50, timeout: float = 240) -> ChaosResult:
    """Run the whole scenario; raises AssertionError only if a stage never completes."""
    result = ChaosResult()
    corpus = _corpus_server()
    origin = f"http://127.0.0.1:{corpus.server_address[1]}"
    urls = [f"{origin}/{PAGES[n % len(PAGES)]}?n={n}" for n in range(jobs)]
    root = Path(tempfile.mkdtemp(prefix="claimtrail-chaos-"))
    port = _port_pair()
    up = _start_up(root / "data", port, result.log)
    base = f"http://127.0.0.1:{port}"
    load: _Load | None = None
    try:
        _wait(lambda: any("claimtrail is up" in line for line in result.log), 180, "up")
        load = _Load(base, urls, result)
        _wait(lambda: len(result.jobs) >= jobs // 5, 60, "first submits")
        _kill_worker(up)  # 1
        _wait(lambda: len(result.jobs) >= 2 * jobs // 5, 60, "more submits")
        redis = _child(up, "redis-server")
        assert redis is not None
        redis.suspend()  # Redis stops answering for 10 s
        time.sleep(10)
        redis.resume()
        _kill_worker(up)  # 2
        _wait(lambda: len(result.jobs) >= 3 * jobs // 5, 60, "submits after Redis")
        os.kill(_postmaster(root / "data"), signal.SIGINT)  # fast shutdown; up restarts it
        _wait(lambda: any("PostgreSQL restarted" in line for line in result.log), 60, "pg")
        _wait(load.submitted_all, timeout, "all submits")
        _wait(lambda: _all_done(base, result), timeout, "every job to finish")
        _count_rows(base, result)
    finally:
        if load is not None:
            load.done.set()
        up.send_signal(signal.SIGTERM)
        try:
            up.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(up.pid, signal.SIGKILL)
            up.wait()
        if up.stdout is not None:
            up.stdout.close()
        corpus.shutdown()
        corpus.server_close()
    return result


def _kill_worker(up: subprocess.Popen[str]) -> None:
    worker = _child(up, "worker")
    assert worker is not None, "no worker to kill"
    worker.kill()
    _wait(lambda: (w := _child(up, "worker")) is not None and w.pid != worker.pid, 60, "worker")


def _all_done(base: str, result: ChaosResult) -> bool:
    with httpx.Client(base_url=base, timeout=5) as client:
        for job_id in list(result.jobs):
            try:
                job = client.get(f"/v1/jobs/{job_id}").json()
            except (httpx.HTTPError, ValueError):
                return False
            result.jobs[job_id] = job
            if job.get("status") not in ("succeeded", "failed"):
                return False
    return True


def _count_rows(base: str, result: ChaosResult) -> None:
    with httpx.Client(base_url=base, timeout=10) as client:
        result.article_count = len(client.get("/v1/articles?limit=500").json()["items"])


def main() -> int:
    jobs = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    started = time.monotonic()
    result = run_chaos(jobs, timeout=600)
    statuses = [job["status"] for job in result.jobs.values()]
    print(f"{jobs} jobs under chaos in {time.monotonic() - started:.0f} s")
    print(
        f"  succeeded {statuses.count('succeeded')}/{len(statuses)}, articles "
        f"{result.article_count}, 503s retried {result.retried_503}"
    )
    print(f"  submit failures {len(result.submit_failures)}, health failures "
          f"{len(result.health_failures)}")  # fmt: skip
    ok = (
        statuses.count("succeeded") == jobs
        and result.article_count == jobs
        and not result.submit_failures
        and not result.health_failures
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

"""CPU per article by process of the service (issue 12): `docs/PERFORMANCE.md`'s table.

    uv run python bench/service_cpu.py [--count 300] [--warmup 20] [--repo PATH]
                                       [--profile DIR]

`claimtrail up` of `--repo`'s code (one worker, limiter off, embedded PostgreSQL and Redis)
ingests `--warmup` aeb pages, then `--count` more from 16 submitters that long-poll their
jobs. User + system CPU of every process of the service is read from `/proc/PID/stat`
before and after the `--count` jobs and divided by them, grouped by role. With `--profile`,
`py-spy record --gil --format raw` samples the worker and the API during the measured jobs.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from bench._service import REPO, running_service
from bench.ingest_speed import Target, _serve, _submit_and_wait

TICK = os.sysconf("SC_CLK_TCK")


def _own_role(command: str) -> str | None:
    for needle, role in (
        ("postgres", "PostgreSQL"),
        ("redis", "Redis"),
        ("app.cli worker", "worker"),
        ("app.cli api", "API"),
        ("app.cli up", "up (supervisor)"),
    ):
        if needle in command:
            return role
    return None


def _command(pid: int) -> str:
    return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()


def _cpu(pids: list[int]) -> dict[int, tuple[str, float]]:
    """pid -> (role, CPU seconds so far); a worker's children are its extraction pool, the
    API's are its server processes."""
    table = {}
    for pid in pids:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            command = _command(pid)
        except OSError:
            continue
        table[pid] = (int(stat[1]), command, (int(stat[11]) + int(stat[12])) / TICK)
    out = {}
    for pid, (parent, command, cpu) in table.items():
        role = _own_role(command)
        if role is None and parent in table:
            role = {"worker": "extraction pool", "API": "API"}.get(
                _own_role(table[parent][1]) or "", "other"
            )
        out[pid] = (role or "other", cpu)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--submitters", type=int, default=16)
    parser.add_argument("--repo", type=Path, default=REPO)
    parser.add_argument("--profile", type=Path)
    parser.add_argument("--native", action="store_true", help="with --profile: C frames too")
    args = parser.parse_args()
    servers, targets = _serve(args.count + args.warmup)
    settings = {"CLAIMTRAIL_RATE_LIMIT_PER_MINUTE": "0"}
    try:
        with running_service(workers=1, settings=settings, repo=args.repo) as service:
            warm = [Target(t.url + "&warm=1", t.html) for t in targets[: args.warmup]]
            _submit_and_wait(service, [t.url for t in warm], args.submitters)
            before = _cpu(service.pids())
            spies = []
            if args.profile:
                args.profile.mkdir(parents=True, exist_ok=True)
                for pid, (role, _) in before.items():
                    command = ["py-spy", "record", "--format", "raw", "-r", "200", "--gil"]
                    if args.native:  # uvloop's and asyncpg's C frames too
                        command.append("--native")
                    if role == "API":  # the server processes are its children
                        command.append("--subprocesses")
                    if role in ("worker", "API") and _own_role(_command(pid)) == role:
                        out = args.profile / f"{role.lower()}-{pid}.txt"
                        command += ["-o", str(out), "-p", str(pid)]
                        spies.append(subprocess.Popen(command, stdout=subprocess.DEVNULL))
            measured = targets[args.warmup :]
            seconds, jobs = _submit_and_wait(service, [t.url for t in measured], args.submitters)
            after = _cpu(service.pids())
            for spy in spies:
                spy.send_signal(2)
                spy.wait()
    finally:
        for server in servers:
            server.stop()
    ok = sum(j["status"] == "succeeded" for j in jobs)
    n = len(measured)
    by_role: dict[str, float] = {}
    for pid, (role, cpu) in after.items():
        by_role[role] = by_role.get(role, 0.0) + cpu - before.get(pid, (role, 0.0))[1]
    print(f"{args.repo}: {ok}/{n} succeeded in {seconds:.1f} s = {ok / seconds:.2f} articles/s")
    for role in sorted(by_role, key=lambda r: -by_role[r]):
        print(f"  {role:<18}{1000 * by_role[role] / n:>8.1f} ms CPU per article")
    print(f"  {'total':<18}{1000 * sum(by_role.values()) / n:>8.1f}")
    return 0 if ok == n else 1


if __name__ == "__main__":
    sys.exit(main())

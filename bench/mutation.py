"""Mutation score of the safety-critical modules, each against its own tests (mutmut).

    uv run python bench/mutation.py [MODULE ...] [--timeout 1800] [--jobs 1] [--out FILE]

For each module, a copy of the checkout in a temporary folder gets a `[tool.mutmut]` that
mutates that module only and selects that module's own tests (MODULES below), then
`mutmut run` scores it: a mutant is killed when a selected test fails. The table gives
killed / all per module and the name and diff of every surviving mutant, to be answered
with a test or an argument that it is equivalent. The checkout itself is never touched.

Too slow for CI: each mutant reruns the module's tests. Tests that need PostgreSQL or Redis
read DATABASE_URL / REDIS_URL as the suite does. Exit status 1 if a run did not finish.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

__all__ = ["MODULES", "score_module"]

REPO = Path(__file__).resolve().parents[1]
# module -> its own tests (the ones that exercise it directly, and fast enough to rerun)
MODULES: dict[str, list[str]] = {
    "app/api/pagination.py": ["tests/unit/api/test_cursor_codec.py"],
    "app/fetch/address_guard.py": ["tests/unit/fetch/test_fetch_address_guard.py"],
    "app/fetch/host_slots.py": [
        "tests/unit/fetch/test_fetch_host_slots.py",
        "tests/unit/fetch/test_host_slots_mutants.py",
        "tests/unit/fetch/test_slot_holders.py",
    ],
    "app/jobs/repository.py": [
        "tests/unit/jobs/test_job_repository.py",
        "tests/unit/jobs/test_job_repository_mutants.py",
        "tests/unit/jobs/test_job_repository_submissions.py",
    ],
    "app/api/idempotency.py": ["tests/unit/api/test_idempotency_middleware.py"],
    "app/jobs/callbacks.py": ["tests/unit/jobs/test_callback_signing.py"],
    "workers/extraction_pool.py": ["tests/unit/test_extraction_pool.py"],
    "app/verify/verdict.py": [
        "tests/unit/verify/test_verify_verdicts.py",
        "tests/unit/verify/test_verify_page_text.py",
        "tests/unit/verify/test_verify_values.py",
        "tests/unit/verify/test_verify_verdict_features.py",
    ],
}
_COPIED = ("app", "workers", "tests", "bench", "migrations", "pyproject.toml", "uv.lock")


def _config(module: str, tests: list[str]) -> str:
    """The `[tool.mutmut]` table for one module."""
    package = module.split("/")[0]
    # migrations/: tests that make their own database migrate it from the copy
    others = [p for p in ("app/", "workers/", "bench/", "migrations/") if p != package + "/"]
    return (
        "\n[tool.mutmut]\n"
        f'source_paths = ["{package}/"]\n'
        f'only_mutate = ["{module}"]\n'
        f"pytest_add_cli_args_test_selection = {json.dumps(tests)}\n"
        'pytest_add_cli_args = ["-p", "no:cacheprovider", "-x", "-q"]\n'
        # a mutant past 10x its tests' CPU time is caught looping (mutmut's default is 30x;
        # 4x stopped correct runs on a loaded machine)
        "timeout_multiplier = 5.0\n"
        f"also_copy = {json.dumps(others)}\n"
    )


def _workspace(module: str, tests: list[str]) -> Path:
    root = Path(tempfile.mkdtemp(prefix="claimtrail-mutation-"))
    for name in _COPIED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, root / name)
    with (root / "pyproject.toml").open("a", encoding="utf-8") as config:
        config.write(_config(module, tests))
    return root


def _mutmut(
    root: Path, *args: str, timeout: float, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "mutmut", *args]
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", **(env or {}))
    # A session of its own: on timeout the forked mutant runs are stopped with mutmut.
    with subprocess.Popen(
        command, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True,
    ) as process:  # fmt: skip
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def _admin(sql: str) -> None:
    """Run one statement on the server of DATABASE_URL (its own database)."""
    import asyncio

    import asyncpg
    from sqlalchemy.engine import make_url

    dsn = make_url(os.environ["DATABASE_URL"]).set(drivername="postgresql")

    async def run() -> None:
        connection = await asyncpg.connect(dsn.render_as_string(hide_password=False))
        try:
            await connection.execute(sql)
        finally:
            await connection.close()

    asyncio.run(run())


def _template_database(root: Path) -> str | None:
    """A database migrated once, that each run's tests copy instead of migrating their own."""
    from sqlalchemy.engine import make_url

    if not os.environ.get("DATABASE_URL"):
        return None
    name = f"claimtrail_mutation_{uuid.uuid4().hex[:10]}"
    _admin(f'CREATE DATABASE "{name}"')
    url = make_url(os.environ["DATABASE_URL"]).set(drivername="postgresql+asyncpg", database=name)
    migrate = "import sys; from app.cli.migrate import upgrade; upgrade(sys.argv[1])"
    subprocess.run(
        [sys.executable, "-c", migrate, url.render_as_string(hide_password=False)],
        cwd=root,
        check=True,
        capture_output=True,
    )
    return name


def score_module(module: str, tests: list[str], *, timeout: float, jobs: int = 1) -> dict[str, Any]:
    """Run mutmut on one module; killed, survived and the surviving mutants' diffs."""
    root = _workspace(module, tests)
    started = time.monotonic()
    template = _template_database(root)
    env = {"CLAIMTRAIL_TEST_TEMPLATE_DB": template} if template else {}
    run: subprocess.CompletedProcess[str] | None = None
    try:
        run = _mutmut(root, "run", "--max-children", str(jobs), timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        pass  # cut: score the mutants checked so far (the rest show as "not checked")
    finally:
        elapsed = time.monotonic() - started
        if template:
            _admin(f'DROP DATABASE IF EXISTS "{template}" WITH (FORCE)')
    try:
        results = _mutmut(root, "results", "--all", "true", timeout=120).stdout
    except subprocess.TimeoutExpired:
        return {"module": module, "finished": False, "seconds": round(elapsed, 1)}
    states: dict[str, str] = {}
    for line in results.splitlines():
        found = re.match(r"\s*([\w.]+__mutmut_\d+): (.+)$", line)
        if found:
            states[found[1]] = found[2].strip()
    survivors = [name for name, state in states.items() if state == "survived"]
    diffs = {name: _mutmut(root, "show", name, timeout=60).stdout for name in survivors}
    shutil.rmtree(root, ignore_errors=True)
    # a mutant that makes its tests loop past the CPU limit is caught too, as mutmut counts it
    killed = sum(1 for state in states.values() if state in ("killed", "timeout"))
    return {
        "module": module,
        "tests": tests,
        "finished": run is not None and run.returncode == 0,
        "seconds": round(elapsed, 1),
        "mutants": len(states),
        "killed": killed,
        "states": {s: list(states.values()).count(s) for s in sorted(set(states.values()))},
        "survivors": diffs,
        "log_tail": run.stdout[-1500:] + run.stderr[-1500:] if run and run.returncode else "",
    }


def _print(report: dict[str, Any]) -> None:
    if not report.get("mutants"):
        print(f"{report['module']}: no result ({report})", flush=True)
        return
    share = report["killed"] / report["mutants"]
    cut = "" if report["finished"] else "  (cut at --timeout)"
    print(
        f"{report['module']:<32} killed {report['killed']:>3}/{report['mutants']:<3} "
        f"{share:6.1%}  {report['seconds']:>6.0f} s  {report['states']}{cut}"
    )
    for name, diff in report["survivors"].items():
        print(f"  survived {name}\n" + "\n".join("    " + x for x in diff.splitlines()))
    sys.stdout.flush()


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("modules", nargs="*", default=sorted(MODULES))
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds per module")
    parser.add_argument("--jobs", type=int, default=1, help="mutants tested at once")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    reports = []
    for module in args.modules:  # each module's table as soon as it is scored
        report = score_module(module, MODULES[module], timeout=args.timeout, jobs=args.jobs)
        reports.append(report)
        _print(report)
    if args.out:
        args.out.write_text(json.dumps(reports, indent=2), encoding="utf-8")
    return 0 if all(r.get("finished") for r in reports) else 1


if __name__ == "__main__":
    sys.exit(main())

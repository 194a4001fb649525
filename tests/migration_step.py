"""Run one migration file's upgrade or downgrade on a connection (for the migration tests)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection


def run_migration_step(connection: Connection, path: Path, step: str) -> None:
    """`step` ("upgrade" or "downgrade") of the migration in `path`, inside `connection`."""
    spec = importlib.util.spec_from_file_location(path.stem.replace("-", "_"), path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with Operations.context(MigrationContext.configure(connection)):
        getattr(module, step)()

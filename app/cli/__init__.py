"""The `claimtrail` command line: one module per command group."""

from app.cli.main import main

__all__ = ["main"]

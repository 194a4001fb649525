"""`claimtrail submit`'s table never cuts a URL or a column, at any terminal width."""

from __future__ import annotations

import pytest
from rich.console import Console

from app.cli.submit import _table

ROWS = [
    {
        "url": "http://127.0.0.1:18765/a-rather-long-path/dev-06.html?page=2",
        "status": "succeeded",
        "title": "US fines three airlines record $140 million over delayed refunds",
        "stats": {"claims": 20, "cited_claims": 6, "attributed_claims": 7, "sources": 3},
    },
    {"url": "not-a-url", "status": "rejected", "error": {"message": "Invalid url: not a URL"}},
]


@pytest.mark.parametrize("width", [80, 100, 120, 200])
def test_nothing_is_cut(width: int) -> None:
    console = Console(width=width, record=True)
    console.print(_table(ROWS, width))
    text = console.export_text()
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= width
    assert "…" not in text and "src" in text and "attr." in text
    flat = "".join(line.strip().split("   ")[0] for line in lines)  # the url column, unfolded
    assert ROWS[0]["url"] in flat
    row = next(line for line in lines if "succeeded" in line)
    assert row.split()[-4:] == ["20", "6", "7", "3"]
    if width >= len(ROWS[0]["url"]) + 62:  # room for the other columns beside it
        assert ROWS[0]["url"] in row  # on one line

"""`claimtrail eval DIR -v`: per-article rows, overall figures, and each mismatched pair."""

from __future__ import annotations

import json
import shutil

import pytest

from app.cli.main import main
from tests.conftest import DEV


def test_verbose_eval_lists_a_pair_the_pipeline_cannot_find(
    tmp_path, capsys: pytest.CaptureFixture[str]
) -> None:
    dev = DEV
    shutil.copy(dev / "dev-03.html", tmp_path / "page.html")
    gold = json.loads((dev / "dev-03.json").read_text(encoding="utf-8"))
    sentence = gold["cited"][0]["sentence"]
    gold["cited"][0]["urls"].append("https://nowhere.example/never-cited")
    (tmp_path / "page.json").write_text(json.dumps(gold), encoding="utf-8")

    assert main(["eval", str(tmp_path), "-v", "--threshold", "0.5"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("dev-03 ")
    assert "missing: https://nowhere.example/never-cited <- " + sentence[:20].lower() in out
    assert "\noverall " in out

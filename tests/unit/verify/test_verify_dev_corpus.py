"""dev-08's verification entries, checked against the local copies of their sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.evaluation.verify import main
from app.evaluation.verify_cases import run_dev_cases

DEV = Path(__file__).resolve().parents[3] / "tests" / "corpus" / "dev"


def test_every_dev_verdict_is_the_gold_one() -> None:
    cases = run_dev_cases(DEV)
    assert len(cases) == 8
    wrong = [(c.sentence[:60], c.expected, c.got) for c in cases if c.expected != c.got]
    assert wrong == []


def test_the_contradiction_points_at_the_other_figure() -> None:
    (case,) = [c for c in run_dev_cases(DEV) if c.expected == "contradicted"]
    assert "28%" in case.evidence


def test_supported_evidence_holds_the_claimed_figure() -> None:
    cases = [c for c in run_dev_cases(DEV) if "terawatt-hours" in c.sentence]
    assert cases and "21.4" in cases[0].evidence


def test_the_command_prints_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--dev-corpus", str(DEV)]) == 0
    assert "8/8 verdicts as expected" in capsys.readouterr().out

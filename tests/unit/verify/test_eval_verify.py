"""`claimtrail eval-verify` on a small WiCE-format fixture: prediction lines and the table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli.main import main

EVIDENCE = [
    "(meta data) TITLE: Harbor City Transit annual report",
    "Ridership on the Harbor City light rail rose to 48 million trips in 2024.",
    "The agency opened the Eastside extension on 14 March 2024.",
    "Bus ridership fell 4% over the same period.",
]
ROWS = [
    (
        "r1",
        "supported",
        "Harbor City light rail ridership rose to 48 million trips in 2024.",
        [[1]],
    ),
    (
        "r2",
        "contradicted",
        "Harbor City light rail ridership rose to 48 million trips in 2019.",
        [],
    ),
    ("r3", "not_supported", "The city council approved a new stadium for the Harbor Hawks.", []),
    (
        "r4",
        "partially_supported",
        "The agency opened the Eastside extension and a new depot.",
        [[2]],
    ),
]


def _write(path: Path) -> None:
    lines = [
        {
            "label": label,
            "claim": claim,
            "evidence": EVIDENCE,
            "supporting_sentences": sets,
            "meta": {"id": rid},
        }  # fmt: skip
        for rid, label, claim, sets in ROWS
    ]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")


def test_eval_verify_writes_one_line_per_row_and_prints_the_figures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows, out = tmp_path / "rows.jsonl", tmp_path / "out" / "pred.jsonl"
    _write(rows)
    assert main(["eval-verify", str(rows), "--predictions", str(out)]) == 0
    preds = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [p["id"] for p in preds] == ["r1", "r2", "r3", "r4"]
    for p in preds:
        assert set(p) == {"id", "status", "score", "evidence", "ms"}
        assert 0.0 <= p["score"] <= 1.0 and p["ms"] >= 0.0
        assert all(isinstance(i, int) and 0 <= i < len(EVIDENCE) for i in p["evidence"])
    by_id = {p["id"]: p for p in preds}
    assert by_id["r1"]["status"] == "supported" and by_id["r1"]["evidence"][0] == 1
    assert by_id["r2"]["status"] == "contradicted"
    assert by_id["r3"]["status"] == "not_found"
    table = dict(line.split() for line in capsys.readouterr().out.splitlines())
    assert table["rows"] == "4"
    assert float(table["roc_auc"]) == 1.0
    assert float(table["evidence_hit_at_3"]) == 1.0
    assert float(table["contradicted_precision"]) == 1.0
    assert float(table["contradicted_recall"]) == 1.0
    assert float(table["contradicted_false_rate"]) == 0.0
    assert {"accuracy_3way", "partially_supported_f1", "unsupported_caught", "p50_ms",
            "p95_ms"} <= table.keys()  # fmt: skip

"""Every gold file of tests/corpus fits its page, checked without the pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.evaluation.corpus import BASE
from app.evaluation.gold_check import check_gold

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
GOLD = sorted(p for p in CORPUS.glob("*/*.json") if p.with_suffix(".html").exists())


@pytest.mark.parametrize("gold", GOLD, ids=lambda p: p.stem)
def test_gold_fits_its_page(gold: Path) -> None:
    assert check_gold(gold.with_suffix(".html"), gold, base=BASE) == []


def test_every_corpus_has_gold() -> None:
    assert {p.parent.name for p in GOLD} >= {"dev", "holdout", "holdout4"}


def test_checker_reports_what_is_wrong(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(
        "<html><head><title>T</title></head><body><nav>Home</nav><article><h1>T</h1>"
        '<p>Rates fell 5% in May, <a href="https://stats.example/may">the office said</a>.</p>'
        "<p>Is that good news?</p></article></body></html>",
        encoding="utf-8",
    )
    gold = {
        "id": "p", "title": "T", "byline": None, "published": None, "language": "en",
        "references": [{"label": "x", "url": "https://stats.example/june"}],
        "cited": [
            {"sentence": "Rates fell 5% in May, the office said.", "via": "hyperlink",
             "urls": ["https://stats.example/may"], "attributed_to": []},
        ],
        "uncited_claims": ["Rates rose 9% in April."],
        "not_claims": ["Is that good news?", "Rates fell 5% in May, the office said."],
        "boilerplate": ["Home", "Subscribe now", "the office said"],
    }  # fmt: skip
    (tmp_path / "p.json").write_text(json.dumps(gold), encoding="utf-8")
    problems = check_gold(page, tmp_path / "p.json")
    assert problems == [
        "uncited_claims: not on the page: 'Rates rose 9% in April.'",
        "in cited and not_claims: 'Rates fell 5% in May, the office said.'",
        "boilerplate not on the page: 'Subscribe now'",
        "boilerplate inside a claim: 'the office said'",
        "cited url not in references: https://stats.example/may",
        "reference url is neither a link nor printed on the page: https://stats.example/june",
    ]

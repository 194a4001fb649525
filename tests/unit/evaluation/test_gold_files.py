"""Every gold file of tests/corpus fits its page, checked without the pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest

from app.evaluation.corpus import BASE
from app.evaluation.gold_check import check_gold, visible_text

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


def test_screen_reader_only_text_is_no_part_of_a_visible_sentence() -> None:
    root = lxml.html.fromstring(
        '<html><body><p>Prices rose <a href="https://x.example/">tenfold<span class="ext">'
        '<span class="element-invisible"> (link is external)</span></span></a>.'
        ' <span class="sr-only">Opens in a new tab</span>Then they fell.</p></body></html>'
    )
    assert visible_text(root) == "Prices rose tenfold. Then they fell."
    assert "(link is external)" in visible_text(root, hidden=True)  # chrome may still be listed


def test_text_an_inline_style_hides_is_no_part_of_a_visible_sentence() -> None:
    root = lxml.html.fromstring(
        '<html><body><p>As of late 2015<sup style="display:none;"><a href="/edit">[update]</a>'
        '</sup>, Firefox had 10% of usage.<span style="visibility: hidden">Flattr this</span>'
        "</p></body></html>"
    )
    assert visible_text(root) == "As of late 2015, Firefox had 10% of usage."

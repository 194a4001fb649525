"""The whole pipeline against the hand-annotated dev corpus (targets of the brief)."""

from __future__ import annotations

from pathlib import Path

from app.evaluation.corpus import evaluate

REPO = Path(__file__).resolve().parents[3]
DEV = REPO / "tests" / "corpus" / "dev"


def test_no_dev_article_lists_a_source_it_does_not_cite() -> None:
    # The overall figures and their floors: test_corpus_figures.py (tests/floors.py).
    for article in evaluate(DEV)["articles"]:
        assert article["sources"]["precision"] == 1.0, article["id"]


def test_dev_01_marker_and_attribution_links() -> None:
    from app.pipeline import run_pipeline

    html = (DEV / "dev-01.html").read_text(encoding="utf-8")
    ext = run_pipeline(html, "http://127.0.0.1:8765/dev-01.html")
    techcrunch = next(s.url for s in ext.sources if "techcrunch.com" in s.url)
    verge = next(s.url for s in ext.sources if "theverge.com" in s.url)
    with_four = [s for s in ext.sentences if any(c.marker == "[4]" for c in s.citations)]
    assert with_four and all(techcrunch in {c.url for c in s.citations} for s in with_four)
    marked = [
        s
        for s in ext.sentences
        if any(c.url == techcrunch and c.via == "marker" for c in s.citations)
    ]
    assert marked == with_four
    according = [s for s in ext.sentences if "according to The Verge" in s.text]
    assert according and all(verge in {c.url for c in s.citations} for s in according)

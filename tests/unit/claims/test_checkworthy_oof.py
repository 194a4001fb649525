"""Out-of-fold check-worthiness through the pipeline: no page is scored by a model that saw it."""

from __future__ import annotations

from pathlib import Path

from app.evaluation.checkworthy_data import read_corpus, read_tsv
from app.evaluation.checkworthy_oof import fold_rows, out_of_fold
from app.evaluation.checkworthy_train import TrainSettings
from app.evaluation.corpus import evaluate

FIXTURE = Path(__file__).resolve().parent / "checkworthy_fixture"
HELD = Path(__file__).resolve().parents[2] / "corpus" / "holdout2"
SMALL = TrainSettings(top_k=2_000, buckets=2**16, folds=3)


def test_each_fold_trains_without_the_pages_it_scores() -> None:
    held, debates = read_corpus(HELD), read_tsv(FIXTURE / "train.tsv")
    folds = list(fold_rows(debates, [], held, folds=3))
    scored = [pages for _, pages in folds]
    assert sorted(p for pages in scored for p in pages) == sorted(
        p.stem for p in HELD.glob("*.json")
    )
    for rows, pages in folds:
        kept = rows[len(debates) :]
        assert pages and not any(row.group.split("/", 1)[1] in pages for row in kept)
        assert len(kept) == sum(1 for row in held if row.group.split("/", 1)[1] not in pages)


def test_counts_cover_every_page_and_fall_as_the_threshold_rises() -> None:
    totals = out_of_fold(FIXTURE / "train.tsv", [FIXTURE / "news"], HELD, SMALL, [-3.0, 0.0, 3.0])
    articles = evaluate(HELD)["articles"]
    low, mid, high = totals[-3.0], totals[0.0], totals[3.0]
    for counts in (low, mid, high):
        assert counts["uncited_total"] == sum(a["uncited_total"] for a in articles)
        assert counts["not_claim_total"] == sum(a["not_claim_total"] for a in articles)
    assert low["uncited_found"] >= mid["uncited_found"] >= high["uncited_found"]
    assert low["not_claim_fp"] >= mid["not_claim_fp"] >= high["not_claim_fp"]
    assert low["uncited_found"] > high["uncited_found"]

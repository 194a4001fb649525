"""`claimtrail oof-checkworthy DIR`: what training on a folder of article gold gives on pages
the model never saw, measured through the whole pipeline.

The trainer's own out-of-fold figures score gold sentences alone. Here each fold of DIR's
pages is run through `run_pipeline` with a scorer fitted on the debates, the other corpora
and the rest of DIR, so the rules around the scorer (headings, notices, advice, what-ifs)
count too. Uncited-claim recall and the not-claim false-positive rate are summed over the
folds at thresholds around the chosen one (in logit units, as the trainer reports them).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

from app.evaluation.checkworthy_data import Row, read_corpus, read_tsv
from app.evaluation.checkworthy_data import sentence_features as _features
from app.evaluation.checkworthy_train import TrainSettings, with_page_priors
from app.evaluation.corpus import evaluate
from app.pipeline.checkworthiness.learned import LearnedScorer

__all__ = ["fold_rows", "other_folders", "out_of_fold", "run"]

_COUNTS = ("uncited_found", "uncited_total", "not_claim_fp", "not_claim_total")


def fold_rows(
    debates: list[Row], others: list[Row], held: list[Row], folds: int
) -> Iterator[tuple[list[Row], set[str]]]:
    """Per fold: the training rows and the page names (file stems) they leave out."""
    pages = sorted({row.group for row in held})
    fold = {page: i % folds for i, page in enumerate(pages)}
    for k in range(folds):
        kept = [row for row in held if fold[row.group] != k]
        yield debates + others + kept, {p.split("/", 1)[1] for p in pages if fold[p] == k}


def other_folders(corpora: Sequence[Path], held: Path) -> list[Path]:
    """The gold folders trained on beside `held`'s other folds: never `held` itself, however
    its path is written ("tests/corpus/real" is the trainer's absolute .../real)."""
    return [folder for folder in corpora if folder.resolve() != held.resolve()]


def out_of_fold(
    train_tsv: Path, corpora: Sequence[Path], held: Path, settings: TrainSettings,
    thresholds: Sequence[float],
) -> dict[float, Counter[str]]:  # fmt: skip
    """Summed counts per threshold (logit) over every fold of `held`'s pages."""
    from app.evaluation.checkworthy_fit import fit_export

    debates = read_tsv(train_tsv)
    others = [row for folder in other_folders(corpora, held) for row in read_corpus(folder)]
    totals: dict[float, Counter[str]] = {t: Counter() for t in thresholds}
    for rows, pages in fold_rows(debates, others, read_corpus(held), settings.folds):
        features = [_features(row.text) for row in rows]
        weights = fit_export(rows, features, len(debates), settings, threshold=0.0)
        scorer = LearnedScorer.from_json(with_page_priors(weights))
        for t in thresholds:  # the score is 0.5 at logit 0, so logit t is sigmoid(t)
            claim_threshold = 1 / (1 + math.exp(-t))
            result = evaluate(held, claim_threshold=claim_threshold, scorer=scorer, pages=pages)
            for article in result["articles"]:
                totals[t].update({key: article[key] for key in _COUNTS})
    return totals


def run(
    held: Path, *, train_tsv: Path, corpora: Sequence[Path], settings: TrainSettings,
    thresholds: Sequence[float],
) -> int:  # fmt: skip
    """Print recall and FP rate per threshold; 0 on success."""
    totals = out_of_fold(train_tsv, corpora, held, settings, thresholds)
    print(f"{held.name}: {settings.folds}-fold out-of-fold through the pipeline")
    for t, c in totals.items():
        recall = c["uncited_found"] / (c["uncited_total"] or 1)
        fp = c["not_claim_fp"] / (c["not_claim_total"] or 1)
        print(
            f"  threshold {t:+.2f}  uncited recall {c['uncited_found']}/{c['uncited_total']} "
            f"= {recall:.3f}  not-claim FP {c['not_claim_fp']}/{c['not_claim_total']} = {fp:.3f}"
        )
    return 0

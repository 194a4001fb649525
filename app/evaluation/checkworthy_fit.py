"""Fitting with scikit-learn (a dev dependency): cross-validation and the exported weights.

Imported only by the trainer; the service reads the exported JSON with plain Python.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from app.evaluation.checkworthy_data import Row
from app.evaluation.checkworthy_matrix import Design, build_design
from app.evaluation.checkworthy_metrics import figures

if TYPE_CHECKING:
    from app.evaluation.checkworthy_train import TrainSettings

__all__ = ["cross_validate", "fit_export"]

# thresholds tried, in logit units
_THRESHOLDS = [round(-2.0 + 0.05 * i, 2) for i in range(81)]
_DIGITS = 4  # weights are rounded so that the file is stable and small


def _sample_weights(rows: Sequence[Row], n_debates: int, share: float) -> np.ndarray:
    n_articles = len(rows) - n_debates
    article = share * n_debates / n_articles if n_articles else 0.0
    return np.array([1.0] * n_debates + [article] * n_articles)


def _fit(design: Design, x: Any, y: np.ndarray, w: np.ndarray, settings: TrainSettings) -> Any:
    model = LogisticRegression(
        C=settings.c, solver="liblinear", max_iter=2000, random_state=settings.seed
    )
    model.fit(x, y, sample_weight=w)
    coef = model.coef_.ravel().copy()
    # keep every named feature and the top_k n-gram buckets by |weight|
    buckets = coef[len(design.named) :]
    order = np.argsort(-np.abs(buckets), kind="stable")
    buckets[order[settings.top_k :]] = 0.0
    return coef, float(model.intercept_[0])


def _folds(rows: Sequence[Row], n_debates: int, settings: TrainSettings) -> np.ndarray:
    """Fold of each row: debate rows stratified by label, article rows by page."""
    fold = np.zeros(len(rows), dtype=int)
    labels = [row.label for row in rows[:n_debates]]
    split = StratifiedKFold(settings.folds, shuffle=True, random_state=settings.seed)
    for k, (_, held) in enumerate(split.split(np.zeros(n_debates), labels)):
        fold[held] = k
    pages = sorted({row.group for row in rows[n_debates:]})
    page_fold = {page: i % settings.folds for i, page in enumerate(pages)}
    for i in range(n_debates, len(rows)):
        fold[i] = page_fold[rows[i].group]
    return fold


def cross_validate(
    rows: Sequence[Row], features: Sequence[Mapping[str, float]], n_debates: int,
    settings: TrainSettings,
) -> dict[str, Any]:  # fmt: skip
    """Out-of-fold scores; the threshold that serves debates and articles best; figures."""
    design = build_design(features, settings.buckets)
    x = design.matrix([r.text for r in rows], features)
    y = np.array([r.label for r in rows])
    w = _sample_weights(rows, n_debates, settings.news_share)
    fold = _folds(rows, n_debates, settings)
    scores = np.zeros(len(rows))
    for k in range(settings.folds):
        coef, bias = _fit(design, x[fold != k], y[fold != k], w[fold != k], settings)
        scores[fold == k] = x[fold == k] @ coef + bias
    return _choose_threshold(rows, n_debates, y, scores, fold, settings.folds)


def _choose_threshold(
    rows: Sequence[Row], n_debates: int, y: np.ndarray, scores: np.ndarray, fold: np.ndarray,
    folds: int,
) -> dict[str, Any]:  # fmt: skip
    debate = np.arange(len(rows)) < n_debates

    def fold_f1(t: float) -> list[float]:
        return [
            figures(list(y[m]), list(scores[m]), t).f1
            for k in range(folds)
            if (m := debate & (fold == k)).any()
        ]

    def article_f1(t: float) -> float:
        return figures(list(y[~debate]), list(scores[~debate]), t).f1 if (~debate).any() else 0.0

    # one threshold for both kinds of text: the best sum of debate F1 and article F1
    best = max(_THRESHOLDS, key=lambda t: (statistics.mean(fold_f1(t)) + article_f1(t), -t))
    f1s = fold_f1(best)
    auc = figures(list(y[debate]), list(scores[debate]), best).auc
    return {
        "threshold": best,
        "fold_f1": [round(f, 4) for f in f1s],
        "f1_mean": round(statistics.mean(f1s), 4),
        "f1_sd": round(statistics.pstdev(f1s), 4),
        "auc": round(auc, 4),
        "articles": _article_figures(rows[n_debates:], scores[n_debates:] >= best),
    }


def _article_figures(rows: Sequence[Row], claimed: np.ndarray) -> dict[str, dict[str, float]]:
    out = {}
    for name in sorted({row.source for row in rows}):
        pos = [bool(c) for r, c in zip(rows, claimed, strict=True) if r.source == name and r.label]
        neg = [
            bool(c) for r, c in zip(rows, claimed, strict=True) if r.source == name and not r.label
        ]  # noqa: E501
        out[name] = {
            "recall": round(sum(pos) / len(pos), 4) if pos else 1.0,
            "fp_rate": round(sum(neg) / len(neg), 4) if neg else 0.0,
            "rows": len(pos) + len(neg),
        }
    return out


def fit_export(
    rows: Sequence[Row], features: Sequence[Mapping[str, float]], n_debates: int,
    settings: TrainSettings, *, threshold: float,
) -> dict[str, Any]:  # fmt: skip
    """Fit on every row and export: named weights, n-gram weights by text, bias, threshold."""
    design = build_design(features, settings.buckets)
    x = design.matrix([r.text for r in rows], features)
    y = np.array([r.label for r in rows])
    coef, bias = _fit(design, x, y, _sample_weights(rows, n_debates, settings.news_share), settings)
    named = {n: round(float(coef[i]), _DIGITS) for i, n in enumerate(design.named)}
    ngrams = {}
    for column in np.flatnonzero(coef[len(design.named) :]):
        weight = round(float(coef[len(design.named) + column]), _DIGITS)
        for text in design.bucket_texts.get(int(column), ()):
            if weight:
                ngrams[text] = weight
    return {
        "bias": round(bias, _DIGITS),
        "threshold": threshold,
        "named": {n: v for n, v in named.items() if v},
        "ngrams": ngrams,
    }

"""Figures for a binary check-worthiness scorer, in plain Python: P, R, F1 and ROC AUC."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Figures", "figures", "roc_auc"]


@dataclass(frozen=True, slots=True)
class Figures:
    """Precision, recall and F1 of the positive class, ROC AUC, and the row count."""

    precision: float
    recall: float
    f1: float
    auc: float
    rows: int

    def line(self) -> str:
        """One printable line."""
        return (
            f"P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}  "
            f"ROC AUC {self.auc:.3f}  ({self.rows} rows)"
        )


def figures(labels: Sequence[bool], scores: Sequence[float], threshold: float) -> Figures:
    """Figures of `scores >= threshold` against `labels`."""
    tp = sum(1 for y, s in zip(labels, scores, strict=True) if y and s >= threshold)
    predicted = sum(1 for s in scores if s >= threshold)
    positives = sum(labels)
    precision = tp / predicted if predicted else 0.0
    recall = tp / positives if positives else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Figures(precision, recall, f1, roc_auc(labels, scores), len(labels))


def roc_auc(labels: Sequence[bool], scores: Sequence[float]) -> float:
    """Area under the ROC curve: the chance a positive outscores a negative (ties count half)."""
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    rank_sum = 0.0
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        mid_rank = (i + j) / 2 + 1  # tied scores share the mean of their ranks
        rank_sum += mid_rank * sum(1 for k in order[i : j + 1] if labels[k])
        i = j + 1
    positives = sum(labels)
    negatives = len(labels) - positives
    if not positives or not negatives:
        return 0.5
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)

"""`claimtrail eval-checkworthy FILE.tsv`: the shipped scorer on a lab TSV file.

Prints P, R and F1 of the positive class at the shipped threshold and ROC AUC; `--scores`
writes one line per sentence (id, score, label, prediction).
"""

from __future__ import annotations

from pathlib import Path

from app.evaluation.checkworthy_data import Row, read_tsv, sentence_features
from app.evaluation.checkworthy_metrics import Figures, figures
from app.pipeline.checkworthiness.assessment import CLAIM_THRESHOLD
from app.pipeline.checkworthiness.learned import LearnedScorer, load_scorer

__all__ = ["evaluate_file", "run", "score_rows"]


def score_rows(rows: list[Row], scorer: LearnedScorer | None = None) -> list[float]:
    """Each row's check-worthiness as the service scores an uncited sentence."""
    scorer = scorer or load_scorer()
    return [scorer.score(sentence_features(row.text), row.text)[0] for row in rows]


def evaluate_file(path: Path, *, scores_out: Path | None = None) -> Figures:
    """Figures of the shipped scorer on one TSV file; optionally write the scores."""
    rows = read_tsv(path)
    scores = score_rows(rows)
    if scores_out is not None:
        lines = ["Sentence_id\tscore\tclass_label\tpredicted"]
        lines += [
            f"{row.group}\t{score:.4f}\t{'Yes' if row.label else 'No'}\t"
            f"{'Yes' if score >= CLAIM_THRESHOLD else 'No'}"
            for row, score in zip(rows, scores, strict=True)
        ]
        scores_out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return figures([row.label for row in rows], scores, CLAIM_THRESHOLD)


def run(path: Path, *, scores_out: Path | None = None) -> int:
    """Print the figures of the shipped scorer on `path`; 0 on success."""
    result = evaluate_file(path, scores_out=scores_out)
    print(f"{path.name}: {result.line()}")
    return 0

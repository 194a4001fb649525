"""`claimtrail train-checkworthy`: fit the learned check-worthiness scorer, write its weights.

Inputs: the lab's train TSV (debate sentences) and every corpus folder of article gold
(tests/corpus/*, so a new folder joins by being there; `claimtrail oof-checkworthy` measures
what a folder's training gives on its own pages out of fold). Article rows weigh
`news_share` of the debate rows in total, so news is not drowned by debate speech. The
settings are checked by k-fold cross-validation (debate rows stratified, article rows
kept together by page); the threshold is the one that serves both kinds of text best in
that cross-validation. The dev TSV is scored once, after the weights are written.
Everything is seeded: the same inputs give the same bytes.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from app.evaluation.checkworthy_data import Row, corpus_folders, read_corpus, read_tsv
from app.evaluation.checkworthy_data import sentence_features as _features
from app.evaluation.checkworthy_eval import score_rows
from app.evaluation.checkworthy_metrics import figures
from app.pipeline.checkworthiness.learned import WEIGHTS_PATH, LearnedScorer
from app.pipeline.checkworthiness.scorer import WEIGHTS as RULE_WEIGHTS

__all__ = ["REPO", "TrainSettings", "run", "train", "with_page_priors"]

REPO = Path(__file__).resolve().parents[2]
CHECKTHAT = REPO.parent / "shared" / "corpus" / "checkthat"


@dataclass(frozen=True, slots=True)
class TrainSettings:
    """What cross-validation on train chose (see docs/checkworthiness.md)."""

    c: float = 1.0  # inverse L2 strength of the logistic regression
    news_share: float = 2.0  # article rows' total weight as a share of the debate rows'
    top_k: int = 50_000  # n-grams kept, the largest |weight| first (file well under 5 MB)
    buckets: int = 2**22  # hash columns: ~170k distinct n-grams in train seldom share one
    folds: int = 5
    seed: int = 0


def train(debates: list[Row], articles: list[Row], settings: TrainSettings) -> dict[str, Any]:
    """The weights file's content: fitted weights, threshold and the cross-validation."""
    from app.evaluation.checkworthy_fit import cross_validate, fit_export

    rows = debates + articles
    features = [_features(row.text) for row in rows]
    cv = cross_validate(rows, features, len(debates), settings)
    weights = fit_export(rows, features, len(debates), settings, threshold=cv["threshold"])
    return with_page_priors(weights) | {"training": {"settings": asdict(settings), "cv": cv}}


def with_page_priors(weights: dict[str, Any]) -> dict[str, Any]:
    """Page-level evidence that sentences read alone never show (see sentence_features):
    the hand-set weights stand in for it."""
    for name in ("cited", "attributed"):
        weights["named"][name] = RULE_WEIGHTS[name]
    return weights


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_weights(weights: dict[str, Any], out: Path) -> str:
    """Write the weights as canonical JSON and `<out>.sha256` beside it; return the sha256."""
    data = json.dumps(weights, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    out.write_text(data + "\n", encoding="utf-8")
    digest = _digest(out)
    out.with_suffix(".sha256").write_text(f"{digest}  {out.name}\n", encoding="utf-8")
    return digest


def run(
    *, train_tsv: Path, dev_tsv: Path | None, corpora: list[Path] | None, out: Path = WEIGHTS_PATH,
    settings: TrainSettings = TrainSettings(),
) -> int:  # fmt: skip
    """Train, write the weights, print the figures; 0 on success."""
    folders = corpora if corpora is not None else corpus_folders(REPO / "tests" / "corpus")
    debates = read_tsv(train_tsv)
    articles = [row for folder in folders for row in read_corpus(folder)]
    inputs = {train_tsv.name: _digest(train_tsv)[:16]} | {
        f"{f.name}/": f"{sum(1 for r in articles if r.source == f.name)} rows" for f in folders
    }
    weights = train(debates, articles, settings)
    weights["training"]["inputs"] = inputs
    digest = write_weights(weights, out)
    _report(weights, out, digest)
    if dev_tsv is not None:
        dev = read_tsv(dev_tsv)
        scorer = LearnedScorer.from_json(weights)
        gate = figures([r.label for r in dev], score_rows(dev, scorer), 0.5)
        print(f"dev gate  {dev_tsv.name}: {gate.line()}")
    return 0


def _report(weights: dict[str, Any], out: Path, digest: str) -> None:
    cv = weights["training"]["cv"]
    print(f"inputs    {', '.join(f'{k} {v}' for k, v in weights['training']['inputs'].items())}")
    print(
        f"{len(cv['fold_f1'])}-fold CV on train: F1 {cv['f1_mean']:.3f} ± {cv['f1_sd']:.3f} "
        f"at threshold {cv['threshold']:+.2f} (logit), ROC AUC {cv['auc']:.3f}"
    )
    for name, corpus in cv["articles"].items():
        print(
            f"  {name:<10} out-of-fold uncited recall {corpus['recall']:.3f}  "
            f"not-claim FP rate {corpus['fp_rate']:.3f}  ({corpus['rows']} rows)"
        )
    named = sorted(weights["named"].items(), key=lambda kv: -abs(kv[1]))[:8]
    grams = sorted(weights["ngrams"].items(), key=lambda kv: (-abs(kv[1]), kv[0]))[:12]
    print("named     " + ", ".join(f"{k} {v:+.2f}" for k, v in named))
    print("n-grams   " + ", ".join(f"{k!r} {v:+.2f}" for k, v in grams))
    size = out.stat().st_size
    print(f"weights   {out.name}: {len(weights['ngrams'])} n-grams, {size / 1e6:.2f} MB")
    print(f"sha256    {digest}")

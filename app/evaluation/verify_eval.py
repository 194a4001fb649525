"""`claimtrail eval-verify FILE.jsonl --predictions OUT.jsonl`: the verifier on WiCE-format rows.

Each row (claim, evidence sentences, label, supporting_sentences, meta.id) is verified
against its evidence with the service's own verifier; one JSON line per row goes to OUT:
{"id", "status", "score", "evidence": [indices, best first], "ms"}. Printed: ROC AUC
(supported vs. rest), 3-way accuracy, partially_supported F1, unsupported caught, evidence
hit@3, p50/p95 ms, and for rows labelled `contradicted`, that status's precision, recall and
the false rate on the other rows, and per perturbation kind how many were caught.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from app.evaluation.verify import roc_auc
from app.verify.verdict import verify_claim

__all__ = ["Prediction", "caught_by_kind", "metrics", "predict", "run"]

Prediction = dict[str, Any]
_THREE_WAY = {"supported": "supported", "partially_supported": "partially_supported"}


def _three_way(status: str) -> str:
    """WiCE's three labels: contradicted, not_found and unreachable are not_supported."""
    return _THREE_WAY.get(status, "not_supported")


def predict(row: dict[str, Any]) -> Prediction:
    """One row verified against its evidence, timed."""
    started = time.perf_counter()
    verdict = verify_claim(row["claim"], row["evidence"])
    ms = 1000 * (time.perf_counter() - started)
    return {
        "id": row["meta"]["id"],
        "status": verdict.status,
        "score": verdict.score,
        "evidence": list(verdict.evidence_indices),
        "ms": round(ms, 3),
    }


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def _f1(gold: list[str], got: list[str], label: str) -> float:
    tp = sum(g == label == p for g, p in zip(gold, got, strict=True))
    predicted, actual = got.count(label), gold.count(label)
    return 2 * tp / (predicted + actual) if predicted + actual else 0.0


def metrics(rows: list[dict[str, Any]], preds: list[Prediction]) -> dict[str, float]:
    """The figures of the issue for rows and their predictions (same order)."""
    labels = [r["label"] for r in rows]
    gold3 = [_three_way(label) for label in labels]
    got3 = [_three_way(p["status"]) for p in preds]
    out: dict[str, float] = {
        "rows": float(len(rows)),
        "roc_auc": roc_auc([p["score"] for p in preds], [y == "supported" for y in labels]),
        "accuracy_3way": sum(g == p for g, p in zip(gold3, got3, strict=True)) / len(rows),
        "partially_supported_f1": _f1(gold3, got3, "partially_supported"),
    }
    unsupported = [p for p, g in zip(preds, gold3, strict=True) if g == "not_supported"]
    if unsupported:
        caught = sum(p["status"] != "supported" for p in unsupported)
        out["unsupported_caught"] = caught / len(unsupported)
    hits = [
        any(i in s for i in p["evidence"][:3] for s in r["supporting_sentences"])
        for r, p in zip(rows, preds, strict=True)
        if r["label"] == "supported" and any(r.get("supporting_sentences") or [])
    ]
    if hits:
        out["evidence_hit_at_3"] = sum(hits) / len(hits)
    ms = [float(p.get("ms", 0.0)) for p in preds]
    out["p50_ms"], out["p95_ms"] = _percentile(ms, 0.5), _percentile(ms, 0.95)
    if "contradicted" in labels:
        said = [p["status"] == "contradicted" for p in preds]
        truth = [y == "contradicted" for y in labels]
        tp = sum(s and t for s, t in zip(said, truth, strict=True))
        others = len(truth) - sum(truth)
        out["contradicted_precision"] = tp / sum(said) if any(said) else 0.0
        out["contradicted_recall"] = tp / sum(truth)
        out["contradicted_false_rate"] = (sum(said) - tp) / others if others else 0.0
    return out


def caught_by_kind(rows: list[dict[str, Any]], preds: list[Prediction]) -> dict[str, str]:
    """For perturbed rows (`meta.perturbation.kind`), how many of each kind were contradicted."""
    counts: dict[str, list[int]] = {}
    for row, pred in zip(rows, preds, strict=True):
        kind = (row.get("meta") or {}).get("perturbation", {}).get("kind")
        if row["label"] == "contradicted" and kind:
            seen = counts.setdefault(kind, [0, 0])
            seen[0] += pred["status"] == "contradicted"
            seen[1] += 1
    return {kind: f"{got}/{total}" for kind, (got, total) in sorted(counts.items())}


def print_table(figures: dict[str, float]) -> None:
    """One line per figure."""
    for name, value in figures.items():
        shown = f"{int(value)}" if name == "rows" else f"{value:.3f}"
        print(f"{name:<26} {shown}")


def run(path: Path, predictions: Path | None = None) -> int:
    """Verify every row of `path`, write predictions, print the figures."""
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    if not rows:
        print("no rows")
        return 1
    preds = [predict(row) for row in rows]
    if predictions is not None:
        predictions.parent.mkdir(parents=True, exist_ok=True)
        predictions.write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
    print_table(metrics(rows, preds))
    for kind, caught in caught_by_kind(rows, preds).items():
        print(f"{'contradicted ' + kind:<26} {caught}")
    return 0

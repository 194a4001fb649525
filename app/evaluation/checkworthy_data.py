"""Labelled sentences for the check-worthiness scorer: the lab's TSV files and corpus gold.

A TSV row is `Sentence_id`, `Text`, `class_label` (Yes/No). A corpus folder is any folder
of NAME.json gold (tests/corpus/FORMAT.md): `uncited_claims` are positives, `not_claims`
negatives, each page one group so that cross-validation keeps a page's sentences together.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from app.evaluation.corpus import strip_citation_markers
from app.pipeline.checkworthiness.assessment import named_features
from app.pipeline.checkworthiness.kinds import detect_kinds
from app.pipeline.checkworthiness.quantities import parse_quantities

__all__ = ["Row", "corpus_folders", "read_corpus", "read_tsv", "sentence_features"]

# The train file has one line holding two rows ("…grow.\tNo29286\tYou can't…"): the label
# runs into the next row's id.
_GLUED_LABEL = re.compile(r"^(Yes|No)(\d+)$")


@dataclass(frozen=True, slots=True)
class Row:
    """One labelled sentence; `source` is the file or corpus folder, `group` its page or id."""

    text: str
    label: bool
    source: str
    group: str


def read_tsv(path: Path) -> list[Row]:
    """The rows of a lab TSV file (header skipped, glued rows split)."""
    rows: list[Row] = []
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    for line in lines:
        fields = line.split("\t")
        while len(fields) >= 3:
            sentence_id, text, label = fields[:3]
            glued = _GLUED_LABEL.match(label)
            if glued:
                label, fields = glued.group(1), [glued.group(2), *fields[3:]]
            else:
                fields = []
            if label not in ("Yes", "No"):
                raise ValueError(f"{path}: row {sentence_id} has label {label!r}")
            rows.append(Row(text, label == "Yes", path.name, sentence_id))
    return rows


def corpus_folders(root: Path) -> list[Path]:
    """Every folder under `root` that holds scored gold (the real pages too: `claimtrail
    oof-checkworthy` measures what training on a folder gives on its unseen pages)."""
    return sorted(
        folder for folder in root.iterdir()
        if folder.is_dir() and any(_claim_gold(p) for p in folder.glob("*.json"))
    )  # fmt: skip


def _claim_gold(path: Path) -> dict[str, list[str]] | None:
    """A page's gold if it scores claims, else None (a README, a source's metadata)."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(gold, dict) and "uncited_claims" in gold and "not_claims" in gold:
        return gold
    return None


def read_corpus(folder: Path) -> list[Row]:
    """Uncited claims and not-claims of every page of one corpus folder, markers removed."""
    rows = []
    for path in sorted(folder.glob("*.json")):
        gold = _claim_gold(path)
        if gold is None:
            continue
        for key, label in (("uncited_claims", True), ("not_claims", False)):
            for sentence in gold[key]:
                text = strip_citation_markers(sentence)
                rows.append(Row(text, label, folder.name, f"{folder.name}/{path.stem}"))
    return rows


def sentence_features(text: str) -> dict[str, float]:
    """The named features of a sentence read alone, as `assess` computes them on a page.

    Read alone, a sentence has no link and no attribution: those come from the page
    (citations, the sources the linking matches names to), so `cited` and `attributed`
    are never learned; the trainer carries the rule scorer's weights for them.
    """
    quantities = parse_quantities(text)
    kinds = detect_kinds(text, quantities, ())
    return named_features(text, quantities, kinds, cited=False, attributed_to=())

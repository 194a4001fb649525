"""The dev gold of tests/corpus/dev as (page, label, sentence) rows, citation markers removed."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
DEV = ROOT / "tests" / "corpus" / "dev"

# "[4]", "[2, 3]", "[2–4]", "[citation needed]", "[by whom?]" and a footnote digit after the
# final punctuation ("three years.1").
MARKER = re.compile(r"\s*\[(?:\d+(?:\s*[,–-]\s*\d+)*|[a-z][a-z ]*\??)\]|(?<=[.!?”\"])\d{1,2}$")


@dataclass(frozen=True, slots=True)
class GoldSentence:
    """One scored gold sentence: `label` is "claim" (uncited_claims) or "not" (not_claims)."""

    page: str
    label: str
    text: str


def strip_markers(sentence: str) -> str:
    """The sentence as the pipeline sees it: citation markers removed, ends trimmed."""
    return MARKER.sub("", sentence).strip()


def load_gold() -> list[GoldSentence]:
    """Uncited claims and not-claims of every dev page; not-claims with a marker are skipped."""
    rows = []
    for path in sorted(DEV.glob("*.json")):
        page = json.loads(path.read_text(encoding="utf-8"))
        for sentence in page["uncited_claims"]:
            rows.append(GoldSentence(page["id"], "claim", strip_markers(sentence)))
        for sentence in page["not_claims"]:
            if not MARKER.search(sentence):
                rows.append(GoldSentence(page["id"], "not", sentence.strip()))
    return rows

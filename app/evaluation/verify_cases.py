"""The dev corpus's verification cases run against the local copies of their sources."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from app.verify.page_text import source_text_from_html
from app.verify.verdict import verify_claim

__all__ = ["DevCase", "run_dev_cases"]

_BASE = "{{BASE}}/"


@dataclass(frozen=True, slots=True)
class DevCase:
    """One gold verification entry with the verdict we reached."""

    article: str
    sentence: str
    url: str
    expected: str
    got: str
    evidence: str
    score: float


def _check(folder: Path, article: str, entry: dict[str, str]) -> DevCase:
    """Verify one entry; a source file that is not there is unreachable."""
    url = entry["url"]
    path = folder / url.removeprefix(_BASE) if url.startswith(_BASE) else None
    base = DevCase(article, entry["sentence"], url, entry["verdict"], "unreachable", "", 0.0)
    if path is None or not path.is_file():
        return base
    passages = source_text_from_html(path.read_text(encoding="utf-8"), url)
    verdict = verify_claim(entry["sentence"], passages)
    return DevCase(
        article, base.sentence, url, base.expected, verdict.status, verdict.evidence, verdict.score
    )


def run_dev_cases(folder: Path) -> list[DevCase]:
    """Every `verification` entry of every dev-*.json in `folder`."""
    cases = []
    for gold_path in sorted(folder.glob("dev-*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        for entry in gold.get("verification", []):
            cases.append(_check(folder, gold["id"], entry))
    return cases

"""Cost of the learned check-worthiness scorer vs the hand-set rule scorer, in one run.

    uv run python bench/checkworthiness_cost.py [--repeat 5] [--out results.json]

Sentences: every sentence the pipeline finds on the pages of tests/corpus/* (as the
service assesses them: cited flag and attributed names from the page), plus the lab's
dev sentences when ../shared is there. Per-sentence cost is the best of `--repeat`
interleaved passes of `assess` with each scorer; pages/s is the best of `--repeat`
interleaved `run_pipeline` passes over the same pages with each scorer plugged in.
Passes are timed in process CPU time, so that a neighbour holding the cores (the bench
machine has two, shared) does not count against whichever scorer it happened to overlap.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import app.pipeline as pipeline
from app.evaluation.checkworthy_data import read_tsv
from app.evaluation.corpus import BASE
from app.fetch.charset import decode_html
from app.pipeline.checkworthiness import assessment
from app.pipeline.checkworthiness.scorer import score_features
from app.pipeline.types import Assessment

ROOT = Path(__file__).resolve().parents[1]
DEV_TSV = ROOT.parent / "shared" / "corpus" / "checkthat" / "dev.tsv"
Sentence = tuple[str, bool, list[str]]
Assess = Callable[..., Assessment]


class RuleScorer:
    """The hand-set rule scorer behind the learned scorer's interface."""

    def score(self, features: Mapping[str, float], text: str) -> tuple[float, list[str]]:
        """`score_features`; the text is not read."""
        return score_features(features)


_RULE = RuleScorer()


def rule_assess(
    text: str, *, cited: bool, attributed_to: Sequence[str] = (), scorer: object = None
) -> Assessment:
    """`assess` as it was before the learned scorer: the same steps and features (a quotation
    scored on its quoted words too), hand-set weights."""
    rule: Any = _RULE
    return assessment.assess(text, cited=cited, attributed_to=attributed_to, scorer=rule)


def load_pages() -> list[tuple[str, str]]:
    """(html, url) of every corpus page, decoded as the evaluation does."""
    pages = []
    for gold in sorted((ROOT / "tests" / "corpus").glob("*/*.json")):
        html_path = gold.with_suffix(".html")
        if html_path.exists():
            html = decode_html(html_path.read_bytes(), None)[0].replace("{{BASE}}", BASE)
            url = json.loads(gold.read_text(encoding="utf-8")).get("original_url")
            pages.append((html, url or f"{BASE}/{html_path.name}"))
    return pages


def load_sentences(pages: list[tuple[str, str]]) -> list[Sentence]:
    """Sentences of the pages as assessed there, then the lab's dev sentences."""
    found: list[Sentence] = []
    for html, url in pages:
        for s in pipeline.run_pipeline(html, url).sentences:
            found.append((s.text, any(c.url for c in s.citations), list(s.attributed_to)))
    if DEV_TSV.exists():
        found += [(row.text, False, []) for row in read_tsv(DEV_TSV)]
    return found


def _time_sentences(assess: Assess, sentences: list[Sentence]) -> float:
    started = time.process_time()
    for text, cited, names in sentences:
        assess(text, cited=cited, attributed_to=names)
    return time.process_time() - started


def _time_pages(assess: Assess, pages: list[tuple[str, str]]) -> float:
    pipeline.assess = assess  # run_pipeline looks the name up in its module at call time
    started = time.process_time()
    for html, url in pages:
        pipeline.run_pipeline(html, url)
    return time.process_time() - started


def run(repeat: int) -> dict[str, float]:
    """Best-of-`repeat` figures for both scorers and their ratios."""
    learned: Assess = assessment.assess
    pages = load_pages()
    sentences = load_sentences(pages)
    learned("Warm-up loads the weights once.", cited=False)
    best: dict[str, float] = {}
    for _ in range(repeat):
        for name, fn in (("rule", rule_assess), ("learned", learned)):
            for kind, timed in (
                ("sentences", _time_sentences(fn, sentences)),
                ("pages", _time_pages(fn, pages)),
            ):
                key = f"{name}_{kind}_s"
                best[key] = min(best.get(key, float("inf")), timed)
    pipeline.assess = learned
    n, p = len(sentences), len(pages)
    return {
        "sentences": n,
        "pages": p,
        "rule_us_per_sentence": best["rule_sentences_s"] / n * 1e6,
        "learned_us_per_sentence": best["learned_sentences_s"] / n * 1e6,
        "cost_ratio": best["learned_sentences_s"] / best["rule_sentences_s"],
        "rule_pages_per_s": p / best["rule_pages_s"],
        "learned_pages_per_s": p / best["learned_pages_s"],
        "pages_per_s_ratio": best["rule_pages_s"] / best["learned_pages_s"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    result = run(args.repeat)
    print(
        f"{result['sentences']} sentences: rule {result['rule_us_per_sentence']:.0f} µs, "
        f"learned {result['learned_us_per_sentence']:.0f} µs per sentence "
        f"(assess, ratio {result['cost_ratio']:.2f}x)\n"
        f"{result['pages']} pages: rule {result['rule_pages_per_s']:.1f} pages/s, "
        f"learned {result['learned_pages_per_s']:.1f} pages/s "
        f"(ratio {result['pages_per_s_ratio']:.3f})"
    )
    if args.out:
        args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

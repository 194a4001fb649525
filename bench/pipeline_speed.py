"""`run_pipeline` speed as ratios measured in one process: vs trafilatura with metadata, and
with the learned vs the rule check-worthiness scorer.

    uv run python bench/pipeline_speed.py [--limit N] [--repeat 5] [--out results.json]

On the aeb pages (../shared/corpus/aeb), each page runs through every contender once per
pass, passes interleaved; a page's time is its best of `--repeat` passes, so a busy
neighbour on a shared machine slows the figure less. Contenders:

- `pipeline`: `run_pipeline(html, url)` (learned scorer, as shipped);
- `rules`: the same with the hand-set rule scorer plugged in (issue 10: the learned scorer
  may cost the pipeline at most 5 % of its pages/s);
- `trafilatura`: `trafilatura.bare_extraction(html, url=url, with_metadata=True)`, defaults
  otherwise (the issue 12 baseline).

Ratios above 1.0 mean the pipeline is faster. Main-text F1 is the aeb 4-shingle F1 of
`bench/extraction_quality.py`.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

import trafilatura

import app.pipeline as pipeline
from app.pipeline.checkworthiness import assessment
from bench.checkworthiness_cost import rule_assess
from bench.extraction_quality import Page, load_pages, mean_score, score_text

__all__ = ["run"]


def _pipeline(page: Page) -> object:
    return pipeline.run_pipeline(page.html, page.url)


def _rules(page: Page) -> object:
    learned, pipeline.assess = pipeline.assess, rule_assess  # looked up at call time
    try:
        return pipeline.run_pipeline(page.html, page.url)
    finally:
        pipeline.assess = learned


def _trafilatura(page: Page) -> object:
    return trafilatura.bare_extraction(page.html, url=page.url, with_metadata=True)


CONTENDERS: dict[str, Callable[[Page], object]] = {
    "pipeline": _pipeline,
    "rules": _rules,
    "trafilatura": _trafilatura,
}


def best_seconds(pages: list[Page], repeat: int) -> dict[str, float]:
    """Seconds per contender: each page's fastest of `repeat` interleaved runs, summed."""
    for page in pages[:3]:  # warm-up: lazy imports, compiled patterns, the weights
        for run_one in CONTENDERS.values():
            run_one(page)
    best = {name: [float("inf")] * len(pages) for name in CONTENDERS}
    for _ in range(repeat):
        for i, page in enumerate(pages):
            for name, run_one in CONTENDERS.items():
                started = time.perf_counter()
                run_one(page)
                best[name][i] = min(best[name][i], time.perf_counter() - started)
    return {name: sum(times) for name, times in best.items()}


def run(limit: int | None, repeat: int) -> dict[str, float]:
    """Ms/page of each contender, the two ratios and the pipeline's aeb main-text F1."""
    pages = list(load_pages())[:limit]
    assert pipeline.assess is assessment.assess
    f1 = mean_score([score_text(pipeline.run_pipeline(p.html, p.url).text, p.body) for p in pages])
    seconds = best_seconds(pages, repeat)
    figures: dict[str, float] = {"pages": len(pages), "main_text_f1": round(f1.f1, 4)}
    figures |= {f"{name}_ms_per_page": s / len(pages) * 1e3 for name, s in seconds.items()}
    figures["pipeline_vs_trafilatura"] = seconds["trafilatura"] / seconds["pipeline"]
    figures["learned_vs_rules"] = seconds["rules"] / seconds["pipeline"]
    return figures


def main() -> None:
    """Print the figures (and write them as JSON with --out)."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N aeb pages only")
    parser.add_argument("--repeat", type=int, default=5, help="timed passes per page")
    parser.add_argument("--out", type=Path, default=None, help="write the figures as JSON")
    args = parser.parse_args()
    f = run(args.limit, args.repeat)
    print(f"aeb, {f['pages']} pages, best of {args.repeat} interleaved passes, one process")
    for name in CONTENDERS:
        print(f"  {name:<12} {f[f'{name}_ms_per_page']:7.1f} ms/page")
    print(f"  main-text F1 {f['main_text_f1']:.4f}")
    print(
        f"  pipeline / trafilatura+metadata speed: {f['pipeline_vs_trafilatura']:.3f}x"
        " (goal >= 1.0)"
    )
    print(f"  learned / rule scorer pipeline speed:  {f['learned_vs_rules']:.3f}x (goal >= 0.95)")
    if args.out:
        args.out.write_text(json.dumps(f, indent=2) + "\n")


if __name__ == "__main__":
    main()

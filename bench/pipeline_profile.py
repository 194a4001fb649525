"""Where `run_pipeline` spends its time on the aeb pages: wall-clock ms/page by component.

    uv run python bench/pipeline_profile.py [--limit N] [--repeat 3]

Each component is a function the pipeline calls, timed by a wrapper put in place of the name
where it is looked up (no profiler overhead on the code between). A nested part is taken out
of its parent's figure ("trafilatura: metadata" out of "trafilatura: body"), so the rows add
up to the total. Best of `--repeat` passes per component; other processes on the machine
still move the absolute figures, so compare rows within one run.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from collections.abc import Callable
from types import ModuleType
from typing import Any

import trafilatura.core

import app.pipeline as pipeline
from app.pipeline import document
from app.pipeline.checkworthiness import assessment, learned
from app.pipeline.linking import sentence_walk
from app.pipeline.page import article_text

try:
    from app.pipeline.page import trafilatura_meta
except ImportError:  # an older pipeline
    trafilatura_meta = None
from bench.extraction_quality import load_pages

_FEATURES = "check-worthiness: features"
_BODY = "trafilatura: body"
_META = "page metadata (ours)"
# (row, module or class, attribute, parent row or None)
COMPONENTS: list[tuple[str, Any, str, str | None]] = [
    ("HTML parse (lxml, ours)", document, "parse_html", None),
    (_BODY, document, "find_article_text", None),
    ("trafilatura: its HTML tree", article_text, "_trafilatura_tree", _BODY),
    ("trafilatura: its HTML tree", trafilatura.core, "load_html", _BODY),
    ("trafilatura: metadata + htmldate", article_text, "TrafilaturaMeta", _BODY),
    ("trafilatura: metadata + htmldate", trafilatura.core, "extract_metadata", _BODY),
    ("page metadata (ours)", document, "_metadata", None),
    ("trafilatura: metadata + htmldate", trafilatura_meta, "extract_author", _META),
    ("trafilatura: metadata + htmldate", trafilatura_meta, "find_date", _META),
    ("reference lists", document, "find_references", None),
    ("article location", document, "_containers", None),
    ("embeds", document, "find_embeds", None),
    ("blocks / body text", document, "walk_body", None),
    ("markers, summary, pull quotes", document, "_strip_text_markers", None),
    ("markers, summary, pull quotes", document, "_drop_summary", None),
    ("markers, summary, pull quotes", document, "_drop_pull_quotes", None),
    ("sentences", pipeline, "split_sentences", None),
    ("citation index", pipeline, "build_index", None),
    ("linking (citations)", pipeline, "link_sentences", None),
    ("attribution (speakers, names)", sentence_walk, "resolve_speakers", "linking (citations)"),
    (_FEATURES, pipeline, "assess", None),
    ("check-worthiness: learned scorer", learned.LearnedScorer, "score", _FEATURES),
]


class Clock:
    """Seconds spent per row in the current pass."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = defaultdict(float)

    def wrap(self, row: str, parent: str | None, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                took = time.perf_counter() - started
                self.spent[row] += took
                if parent is not None:
                    self.spent[parent] -= took

        return timed


def _install(clock: Clock) -> list[tuple[Any, str, Any]]:
    saved = []
    for row, owner, name, parent in COMPONENTS:
        original = getattr(owner, name, None)
        if original is None:  # an older pipeline, profiled with PYTHONPATH set to it
            continue
        saved.append((owner, name, original))
        setattr(owner, name, clock.wrap(row, parent, original))
    assert isinstance(assessment, ModuleType)
    return saved


def profile(limit: int | None, repeat: int) -> tuple[int, dict[str, float]]:
    """Pages and best ms/page per row (plus "other" and "total")."""
    pages = list(load_pages())[:limit]
    for page in pages[:3]:
        pipeline.run_pipeline(page.html, page.url)
    best: dict[str, float] = {}
    for _ in range(repeat):
        clock = Clock()
        saved = _install(clock)
        try:
            started = time.perf_counter()
            for page in pages:
                pipeline.run_pipeline(page.html, page.url)
            total = time.perf_counter() - started
        finally:
            for owner, name, original in reversed(saved):
                setattr(owner, name, original)
        rows = dict(clock.spent) | {"other": total - sum(clock.spent.values()), "total": total}
        for row, seconds in rows.items():
            best[row] = min(best.get(row, float("inf")), seconds / len(pages) * 1e3)
    return len(pages), best


def main() -> None:
    """Print the breakdown as a Markdown table."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N aeb pages only")
    parser.add_argument("--repeat", type=int, default=3, help="passes; best per row")
    args = parser.parse_args()
    count, rows = profile(args.limit, args.repeat)
    print(f"| component ({count} aeb pages, best of {args.repeat}) | ms/page |")
    print("|---|---|")
    for row, ms in rows.items():
        print(f"| {row} | {ms:.1f} |")


if __name__ == "__main__":
    main()

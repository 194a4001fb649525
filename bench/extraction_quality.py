"""Main-text quality and speed of the pipeline vs bare trafilatura on the aeb news pages.

    uv run python bench/extraction_quality.py [--limit N] [--repeat 3] [--out results.json]

Scores `run_pipeline(html, url).text` and `trafilatura.extract(html, url=url)` on the same
pages in the same run with the article-extraction benchmark's metric: precision, recall and
F1 of the sets of 4-word shingles (lower-cased `\\w+` tokens), averaged over pages. Time is
the best of `--repeat` interleaved passes per page, reported as ours / trafilatura.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

import trafilatura

from app.pipeline import run_pipeline

__all__ = ["AEB", "Page", "Report", "Score", "load_pages", "mean_score", "run", "score_text"]

AEB = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "aeb"
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Page:
    """One aeb page with its ground-truth article body."""

    id: str
    url: str
    html: str
    body: str


@dataclass(frozen=True, slots=True)
class Score:
    """Shingle precision, recall and F1 of one extraction."""

    precision: float
    recall: float
    f1: float


def _shingles(text: str) -> set[tuple[str, ...]]:
    """The benchmark's 4-token shingles; a text shorter than four tokens is one shingle."""
    words = _WORD.findall(text.lower())
    return {tuple(words[i : i + 4]) for i in range(max(len(words) - 3, 1))} if words else set()


def score_text(predicted: str, truth: str) -> Score:
    """How well `predicted` reproduces the ground-truth body (all zero when either is empty)."""
    found, wanted = _shingles(predicted), _shingles(truth)
    if not found or not wanted:
        return Score(0.0, 0.0, 0.0)
    common = len(found & wanted)
    precision, recall = common / len(found), common / len(wanted)
    f1 = 2 * precision * recall / (precision + recall) if common else 0.0
    return Score(precision, recall, f1)


def mean_score(scores: list[Score]) -> Score:
    """Per-page scores averaged, as the benchmark reports them."""
    n = len(scores) or 1
    return Score(
        sum(s.precision for s in scores) / n,
        sum(s.recall for s in scores) / n,
        sum(s.f1 for s in scores) / n,
    )


def load_pages(ids: list[str] | None = None, root: Path = AEB) -> Iterator[Page]:
    """The aeb pages (all, or `ids`), in id order."""
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    for page_id in sorted(truth) if ids is None else ids:
        html = gzip.decompress((root / f"{page_id}.html.gz").read_bytes()).decode("utf-8")
        yield Page(page_id, truth[page_id]["url"], html, truth[page_id]["articleBody"])


def _ours(page: Page) -> str:
    """The pipeline's body text."""
    return run_pipeline(page.html, page.url).text


def _trafilatura(page: Page) -> str:
    """Bare trafilatura with its defaults, as the speed baseline."""
    return trafilatura.extract(page.html, url=page.url) or ""


_EXTRACTORS: dict[str, Callable[[Page], str]] = {"ours": _ours, "trafilatura": _trafilatura}


def _best_times(pages: list[Page], repeat: int) -> dict[str, float]:
    """Seconds per extractor: each page's fastest of `repeat` interleaved runs, summed."""
    for page in pages[:3]:  # warm-up: lazy imports and compiled patterns
        for extract in _EXTRACTORS.values():
            extract(page)
    best = {name: [float("inf")] * len(pages) for name in _EXTRACTORS}
    for _ in range(repeat):
        for i, page in enumerate(pages):
            for name, extract in _EXTRACTORS.items():
                started = time.perf_counter()
                extract(page)
                best[name][i] = min(best[name][i], time.perf_counter() - started)
    return {name: sum(times) for name, times in best.items()}


@dataclass(frozen=True, slots=True)
class Report:
    """Both extractors on the same pages."""

    pages: int
    quality: dict[str, Score]
    seconds: dict[str, float]

    @property
    def time_ratio(self) -> float:
        """Our seconds per trafilatura second."""
        return self.seconds["ours"] / self.seconds["trafilatura"]


def run(limit: int | None, repeat: int) -> Report:
    """Quality of both extractors and their best times on the first `limit` pages."""
    pages = list(load_pages())[:limit]
    quality = {
        name: mean_score([score_text(extract(p), p.body) for p in pages])
        for name, extract in _EXTRACTORS.items()
    }
    return Report(len(pages), quality, _best_times(pages, repeat))


def main() -> None:
    """Print the comparison table (and write it as JSON with --out)."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N pages only")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes per page")
    parser.add_argument("--out", type=Path, default=None, help="write the figures as JSON")
    args = parser.parse_args()
    report = run(args.limit, args.repeat)
    print(f"aeb main text, {report.pages} pages (4-shingle P/R/F1, mean per page)")
    for name, score in report.quality.items():
        print(
            f"  {name:<12} P {score.precision:.3f}  R {score.recall:.3f}  F1 {score.f1:.3f}"
            f"  {report.seconds[name]:6.2f} s"
        )
    print(f"  time ratio ours / trafilatura: {report.time_ratio:.2f}")
    if args.out:
        figures = asdict(report) | {"time_ratio": report.time_ratio}
        args.out.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()

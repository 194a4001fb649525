"""atheris target: random and mutated HTML into the pure pipeline; any exception is a bug.

Run: uv run python tests/fuzz/fuzz_pipeline.py -runs=100000 [corpus_dir]
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from app.pipeline import run_pipeline


def fuzz_one(data: bytes) -> None:
    """Decode like the fetcher would, then extract; offsets must point at their text."""
    html = data.decode("utf-8", errors="replace")
    extraction = run_pipeline(html, "https://example.com/article")
    for sentence in extraction.sentences:
        assert extraction.text[sentence.start : sentence.end] == sentence.text


if __name__ == "__main__":
    atheris.Setup(sys.argv, fuzz_one)
    atheris.Fuzz()

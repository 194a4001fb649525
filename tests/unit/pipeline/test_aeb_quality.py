"""Body text of real news pages must not regress: a fixed sample of the aeb benchmark."""

from __future__ import annotations

import json

import pytest

from app.pipeline import run_pipeline
from bench.extraction_quality import AEB, load_pages, mean_score, score_text

# Measured 0.941 on this sample (again 0.9415 on 2026-12-03; trafilatura defaults: 0.947 on
# all 181). Shingle F1 has no gold pair or sentence to count, so "one item" is one page: the
# floor is what the mean falls to when one of the 26 pages loses about half its F1
# (0.941 - 0.55 / 26). To move it, re-measure (bench/extraction_quality.py, this sample) and
# keep that one-page margin.
_F1_FLOOR = 0.92


@pytest.mark.skipif(not AEB.is_dir(), reason="shared aeb corpus not present")
def test_body_text_of_every_seventh_aeb_page_keeps_its_f1() -> None:
    ids = sorted(json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8")))[::7]
    scores = [score_text(run_pipeline(p.html, p.url).text, p.body) for p in load_pages(ids)]
    assert len(scores) == 26
    assert mean_score(scores).f1 >= _F1_FLOOR

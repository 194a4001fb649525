"""Score the pure pipeline against a gold corpus: `python -m app.evaluation.corpus CORPUS_DIR`.

Figures (micro-averaged over the corpus in "overall"):

- citation P/R/F1 over unique (sentence, source URL) pairs; sentences compare after removing
  markers ("[4]", "[citation needed]", "(Chen et al., 2025)", "(Lindqvist 2019, p. 44)", a
  trailing footnote digit or superscript) and
  folding white space and case; URLs go through `normalize_source_url`.
- source P/R/F1 over the article's normalized source URLs (gold `references` with a URL).
- title and date accuracy (exact, after white-space folding).
- uncited-claim recall: gold `uncited_claims` reported as claims with no *linked* citation
  (an unlinked attribution, `Citation(url=None)`, does not make a claim "cited").
- not-claim false-positive rate: gold `not_claims` reported as claims.
- boilerplate leaks: gold `boilerplate` strings found in a claim (or a claim inside one).
- attribution: gold `cited` entries with `urls: []` have no URL pair, so they are scored
  here instead: the share whose every gold `attributed_to` name is among the sentence's
  `attributed_to` (names match when one's content words contain the other's). "names" is
  the same recall over every gold entry that names a source.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections.abc import Container, Iterable
from pathlib import Path
from typing import Any

from app.evaluation.markers import normalize_sentence, strip_citation_markers
from app.fetch.charset import decode_html
from app.pipeline import run_pipeline
from app.pipeline.checkworthiness.learned import LearnedScorer
from app.pipeline.types import Extraction, Sentence
from app.urls import normalize_source_url

__all__ = [
    "BASE",
    "evaluate",
    "main",
    "normalize_sentence",
    "score_article",
    "strip_citation_markers",
    "summarize",
]

BASE = "http://127.0.0.1:8765"

_NAME_STOP = frozenset({"the", "of", "and", "&", "a", "an", "s"})


def _url(url: str, base: str = BASE) -> str:
    return normalize_source_url(url.replace("{{BASE}}", base))


def _name_tokens(name: str) -> frozenset[str]:
    words = re.sub(r"[’'`]s\b|[^\w&]+", " ", name.lower()).split()
    return frozenset(w for w in words if w not in _NAME_STOP)


def _names_match(gold: str, found: Iterable[str]) -> bool:
    mine = _name_tokens(gold)
    return any(mine and (t := _name_tokens(f)) and (mine <= t or t <= mine) for f in found)


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1}


def _compare(gold: set[Any], mine: set[Any]) -> dict[str, float]:
    return _prf(len(gold & mine), len(mine - gold), len(gold - mine))


def _fold(text: str | None) -> str:
    return " ".join((text or "").split())


def _linked(sentence: Sentence) -> bool:
    return any(c.url for c in sentence.citations)


def score_article(gold: dict[str, Any], ext: Extraction, *, base: str = BASE) -> dict[str, Any]:
    """All figures for one article; `base` is the origin that replaced `{{BASE}}`."""
    by_text = {normalize_sentence(s.text): s for s in ext.sentences}
    gold_pairs = {
        (normalize_sentence(c["sentence"]), _url(u, base)) for c in gold["cited"] for u in c["urls"]
    }
    mine_pairs = {
        (normalize_sentence(s.text), c.url) for s in ext.sentences for c in s.citations if c.url
    }
    gold_sources = {_url(r["url"], base) for r in gold["references"] if r.get("url")}
    mine_sources = {s.url for s in ext.sources}
    uncited = [by_text.get(normalize_sentence(t)) for t in gold["uncited_claims"]]
    not_claims = [by_text.get(normalize_sentence(t)) for t in gold["not_claims"]]
    claims = [normalize_sentence(s.text) for s in ext.sentences if s.is_claim]
    leaks = [
        b for b in gold["boilerplate"]
        if (nb := normalize_sentence(b))  # "[SpaceX via Nasa]" reads as a marker: nothing left
        and any(nb in c or (len(c) >= 20 and c in nb) for c in claims)
    ]  # fmt: skip
    named = [c for c in gold["cited"] if c.get("attributed_to")]
    found_names = [
        c for c in named
        if (s := by_text.get(normalize_sentence(c["sentence"])))
        and all(_names_match(n, s.attributed_to) for n in c["attributed_to"])
    ]  # fmt: skip
    unlinked = [c for c in named if not c["urls"]]
    return {
        "id": gold.get("id"),
        "citation": _compare(gold_pairs, mine_pairs),
        "sources": _compare(gold_sources, mine_sources),
        "title_ok": _fold(ext.title) == _fold(gold.get("title")),
        "date_ok": ext.published == gold.get("published"),
        "uncited_found": sum(1 for s in uncited if s and s.is_claim and not _linked(s)),
        "uncited_total": len(uncited),
        "not_claim_fp": sum(1 for s in not_claims if s and s.is_claim),
        "not_claim_total": len(not_claims),
        "leaks": leaks,
        "attribution_found": sum(1 for c in found_names if not c["urls"]),
        "attribution_total": len(unlinked),
        "names_found": len(found_names),
        "names_total": len(named),
        "missing_names": [
            (c["sentence"], c["attributed_to"]) for c in named if c not in found_names
        ],
        "missing_pairs": sorted(gold_pairs - mine_pairs),
        "extra_pairs": sorted(mine_pairs - gold_pairs),
    }  # fmt: skip


def summarize(articles: list[dict[str, Any]]) -> dict[str, Any]:
    """Micro-averaged figures over all articles."""

    def total(key: str) -> int:
        return sum(a[key] for a in articles)

    def summed(part: str) -> dict[str, float]:
        return _prf(*(sum(a[part][k] for a in articles) for k in ("tp", "fp", "fn")))

    n = len(articles) or 1
    return {
        "citation": summed("citation"),
        "sources": summed("sources"),
        "title_accuracy": sum(a["title_ok"] for a in articles) / n,
        "date_accuracy": sum(a["date_ok"] for a in articles) / n,
        "uncited_claim_recall": total("uncited_found") / (total("uncited_total") or 1),
        "not_claim_fp_rate": total("not_claim_fp") / (total("not_claim_total") or 1),
        "boilerplate_leaks": sum(len(a["leaks"]) for a in articles),
        "attribution_recall": total("attribution_found") / (total("attribution_total") or 1),
        "name_recall": total("names_found") / (total("names_total") or 1),
        "max_ms": max((a["ms"] for a in articles), default=0.0),
    }


def evaluate(
    corpus_dir: str | Path, *, claim_threshold: float = 0.5, scorer: LearnedScorer | None = None,
    pages: Container[str] | None = None,
) -> dict[str, Any]:  # fmt: skip
    """Run the pipeline over every NAME.html/NAME.json pair (or those NAMEs in `pages`) and
    score it; `scorer` replaces the shipped check-worthiness weights."""
    articles = []
    for gold_path in sorted(Path(corpus_dir).glob("*.json")):
        html_path = gold_path.with_suffix(".html")
        if not html_path.exists() or (pages is not None and gold_path.stem not in pages):
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        # decoded as the fetcher would (no charset header: BOM, <meta>, then detection)
        html = decode_html(html_path.read_bytes(), None)[0].replace("{{BASE}}", BASE)
        # real pages name their own URL, so that relative and same-site links resolve
        url = gold.get("original_url") or f"{BASE}/{html_path.name}"
        started = time.perf_counter()
        ext = run_pipeline(html, url, claim_threshold=claim_threshold, scorer=scorer)
        elapsed = (time.perf_counter() - started) * 1000
        articles.append(
            score_article(gold, ext) | {"ms": elapsed, "id": gold.get("id", gold_path.stem)}
        )
    return {"articles": articles, "overall": summarize(articles)}


def _row(name: str, a: dict[str, Any]) -> str:
    c, s = a["citation"], a["sources"]
    return (
        f"{name:<8} cit P {c['precision']:.3f} R {c['recall']:.3f} F1 {c['f1']:.3f} | "
        f"src P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f} | "
    )


def _report(result: dict[str, Any], *, verbose: bool) -> None:
    for a in result["articles"]:
        print(
            _row(a["id"], a)
            + f"title {'ok' if a['title_ok'] else 'NO'} date {'ok' if a['date_ok'] else 'NO'} | "
            f"uncited {a['uncited_found']}/{a['uncited_total']} "
            f"notclaim-FP {a['not_claim_fp']}/{a['not_claim_total']} "
            f"leaks {len(a['leaks'])} attrib {a['attribution_found']}/{a['attribution_total']} "
            f"names {a['names_found']}/{a['names_total']} | {a['ms']:.0f} ms"
        )
        if verbose:
            for sentence, url in a["missing_pairs"]:
                print(f"    missing: {url} <- {sentence[:110]}")
            for sentence, url in a["extra_pairs"]:
                print(f"    extra:   {url} <- {sentence[:110]}")
            for sentence, names in a["missing_names"]:
                print(f"    name:    {', '.join(names)} <- {sentence[:110]}")
            for leak in a["leaks"]:
                print(f"    leak:    {leak[:110]}")
    o = result["overall"]
    print(_row("overall", o) + f"title {o['title_accuracy']:.3f} date {o['date_accuracy']:.3f}")
    print(
        f"overall  uncited-claim recall {o['uncited_claim_recall']:.3f} | not-claim FP rate "
        f"{o['not_claim_fp_rate']:.3f} | boilerplate leaks {o['boilerplate_leaks']} | "
        f"attribution recall {o['attribution_recall']:.3f} | name recall {o['name_recall']:.3f}"
        f" | slowest {o['max_ms']:.0f} ms"
    )


def main(argv: list[str] | None = None) -> int:
    """CLI entry point: print per-article and overall figures; 0 on success."""
    parser = argparse.ArgumentParser(prog="claimtrail eval", description=__doc__.splitlines()[0])
    parser.add_argument("corpus_dirs", type=Path, nargs="+", metavar="corpus_dir")
    parser.add_argument("--threshold", type=float, default=0.5, help="claim threshold")
    parser.add_argument("-v", "--verbose", action="store_true", help="list mismatched pairs")
    args = parser.parse_args(argv)
    for folder in args.corpus_dirs:
        if not folder.is_dir():
            parser.error(f"not a directory: {folder}")
    overall = {}
    for folder in args.corpus_dirs:
        if len(args.corpus_dirs) > 1:
            print(f"== {folder}")
        result = evaluate(folder, claim_threshold=args.threshold)
        _report(result, verbose=args.verbose)
        overall[folder.name] = result["overall"]
    if len(overall) > 1:
        _table(overall)
    return 0


def _table(overall: dict[str, dict[str, Any]]) -> None:
    """One line per corpus: the figures the README's table shows."""
    print(f"\n{'corpus':<10} cit F1  src F1  uncited  notclaim-FP  leaks  title  date")
    for name, o in overall.items():
        print(
            f"{name:<10} {o['citation']['f1']:.3f}   {o['sources']['f1']:.3f}   "
            f"{o['uncited_claim_recall']:.3f}    {o['not_claim_fp_rate']:.3f}        "
            f"{o['boilerplate_leaks']:<5}  {o['title_accuracy']:.3f}  {o['date_accuracy']:.3f}"
        )


if __name__ == "__main__":
    raise SystemExit(main())

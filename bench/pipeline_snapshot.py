"""Hash `run_pipeline`'s whole output on every corpus and aeb page, to prove a change keeps it.

    uv run python bench/pipeline_snapshot.py --write snapshot.json   # before a change
    uv run python bench/pipeline_snapshot.py --check snapshot.json   # after: exit 1 on a diff

Each page's `Extraction` is serialised in full (every field, floats as `repr`, so a score
that moves in its last bit shows) and hashed with sha256. Pages: every `*.html` with a gold
file under tests/corpus/*/ (decoded as `claimtrail eval` decodes them) and the aeb pages of
../shared/corpus/aeb when they are there. The script re-runs itself with PYTHONHASHSEED=0:
the learned scorer sums n-gram weights in set order, so a score's last bit depends on the
process's string hashing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from dataclasses import asdict
from pathlib import Path

from app.evaluation.corpus import BASE
from app.fetch.charset import decode_html
from app.pipeline import run_pipeline
from app.pipeline.types import Extraction

ROOT = Path(__file__).resolve().parents[1]
AEB = ROOT.parent / "shared" / "corpus" / "aeb"


def corpus_pages() -> list[tuple[str, str, str]]:
    """(name, html, url) of every annotated page under tests/corpus/*/."""
    pages = []
    for gold_path in sorted((ROOT / "tests" / "corpus").glob("*/*.json")):
        html_path = gold_path.with_suffix(".html")
        if not html_path.exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        html = decode_html(html_path.read_bytes(), None)[0].replace("{{BASE}}", BASE)
        url = gold.get("original_url") or f"{BASE}/{html_path.name}"
        pages.append((str(html_path.relative_to(ROOT)), html, url))
    return pages


def aeb_pages() -> list[tuple[str, str, str]]:
    """(name, html, url) of every aeb page, or none when ../shared is absent."""
    if not (AEB / "ground-truth.json").exists():
        return []
    from bench.extraction_quality import load_pages

    return [(f"aeb/{p.id}", p.html, p.url) for p in load_pages(root=AEB)]


def digest(extraction: Extraction) -> str:
    """sha256 of the whole extraction, serialised deterministically."""
    blob = json.dumps(asdict(extraction), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def snapshot() -> dict[str, str]:
    """Page name -> digest of its extraction."""
    return {
        name: digest(run_pipeline(html, url)) for name, html, url in corpus_pages() + aeb_pages()
    }


def main() -> None:
    """Write or check a snapshot; exit 1 listing the pages whose output changed."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path, help="store the digests here")
    group.add_argument("--check", type=Path, help="compare with digests stored here")
    args = parser.parse_args()
    if os.environ.get("PYTHONHASHSEED") != "0":
        env = os.environ | {"PYTHONHASHSEED": "0"}
        os.execve(sys.executable, [sys.executable, *sys.argv], env)
    found = snapshot()
    if args.write:
        args.write.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n")
        print(f"{len(found)} pages hashed -> {args.write}")
        return
    stored = json.loads(args.check.read_text())
    changed = sorted(k for k in stored.keys() | found.keys() if stored.get(k) != found.get(k))
    for name in changed:
        print(f"CHANGED {name}")
    print(f"{len(found)} pages, {len(changed)} changed")
    sys.exit(1 if changed else 0)


if __name__ == "__main__":
    main()

"""Check a gold file against its page: every sentence and boilerplate string is on the page,
every cited URL is a reference, every reference URL is a link of the page, no sentence twice.

Independent of the pipeline on purpose: it reads the page with plain lxml, so a gold file can
be checked before anyone has seen what the pipeline makes of the page.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import lxml.html
from lxml.html import HtmlElement

from app.evaluation.markers import normalize_sentence

__all__ = ["check_gold", "visible_text"]

_BLOCK = frozenset(
    {"p", "div", "li", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th",
     "tr", "table", "section", "article", "header", "footer", "nav", "aside", "figure",
     "figcaption", "br", "dd", "dt", "dl", "pre", "main", "form", "hr", "title", "body"}
)  # fmt: skip
_SKIP = frozenset({"script", "style", "noscript", "template", "head", "annotation"})
# classes that hide text from the eye and keep it for screen readers: no visible sentence holds it
_SCREEN_READER_ONLY = frozenset(
    {"sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "element-invisible"}
)
# an inline style that hides the element: "display: none" (a share widget's copy of the text)
_STYLED_AWAY = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_FIELDS = ("id", "title", "byline", "published", "language", "references", "cited",
           "uncited_claims", "not_claims", "boilerplate")  # fmt: skip
_VIA = frozenset({"marker", "footnote", "hyperlink", "attribution", "author-year"})


def _fold(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def _decode(raw: bytes) -> str:
    """UTF-8 when it decodes (pages without a charset declaration are), else Windows-1252."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    text = text.lstrip("\ufeff")
    return text.split("?>", 1)[1] if text.startswith("<?xml") else text


def visible_text(root: HtmlElement, *, hidden: bool = False) -> str:
    """The page's rendered text (with `hidden`, also hidden elements), white space folded."""
    out: list[str] = []

    def walk(el: HtmlElement) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        unseen = (
            el.get("hidden") is not None
            or _STYLED_AWAY.search(el.get("style") or "") is not None
            or not _SCREEN_READER_ONLY.isdisjoint((el.get("class") or "").split())
        )
        if tag in _SKIP or (unseen and not hidden):
            out.append(el.tail or "")
            return
        out.append(" " if tag in _BLOCK else "")
        if tag:
            out.append(el.text or "")
        for child in el:
            walk(child)
        out.append((" " if tag in _BLOCK else "") + (el.tail or ""))

    walk(root)
    return _fold("".join(out))


def _hrefs(root: HtmlElement, base: str) -> set[str]:
    found = set()
    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        if href:
            found.add(urljoin(base, "https:" + href if href.startswith("//") else href))
    return found


def check_gold(page: Path, gold_path: Path, *, base: str = "") -> list[str]:
    """Problems found; an empty list when the gold fits the page."""
    root = lxml.html.fromstring(_decode(page.read_bytes()).replace("{{BASE}}", base))
    text = visible_text(root)
    gold: dict[str, Any] = json.loads(
        gold_path.read_text(encoding="utf-8").replace("{{BASE}}", base)
    )
    problems = [f"missing field {key}" for key in _FIELDS if key not in gold]
    lists = {
        "cited": [c["sentence"] for c in gold.get("cited", [])],
        "uncited_claims": gold.get("uncited_claims", []),
        "not_claims": gold.get("not_claims", []),
    }
    seen: dict[str, str] = {}
    for name, sentences in lists.items():
        for sentence in sentences:
            if _fold(sentence) not in text:
                problems.append(f"{name}: not on the page: {sentence!r}")
            key = _fold(sentence).lower()
            if seen.setdefault(key, name) != name:
                problems.append(f"in {seen[key]} and {name}: {sentence!r}")
    # chrome may be hidden (a collapsed transcript) and still must never become a claim
    everything = visible_text(root, hidden=True)
    problems += [
        f"boilerplate not on the page: {b!r}"
        for b in gold.get("boilerplate", [])
        if _fold(b) not in everything
    ]
    # the evaluation counts a boilerplate string inside any claim as a leak, so a gold claim
    # that holds one ("By Jo Smith" in "The column is written by Jo Smith") can never pass
    # (compared as the scorer compares them: markers out, so "X (ATF) [Fig 1]" is "x (atf)")
    claims = [normalize_sentence(s) for s in lists["cited"] + lists["uncited_claims"]]
    problems += [
        f"boilerplate inside a claim: {b!r}"
        for b in gold.get("boilerplate", [])
        if (nb := normalize_sentence(b)) and any(nb in c for c in claims)
    ]
    references = {r["url"] for r in gold.get("references", []) if r.get("url")}
    for cited in gold.get("cited", []):
        if cited.get("via") not in _VIA:
            problems.append(f"bad via {cited.get('via')!r}: {cited['sentence'][:60]!r}")
        problems += [
            f"cited url not in references: {u}" for u in cited["urls"] if u not in references
        ]
    hrefs = _hrefs(root, gold.get("original_url") or "")
    problems += [
        f"reference url is neither a link nor printed on the page: {u}"
        for u in references - hrefs
        if u not in text
    ]
    return problems

"""Citation markers written in HTML: "<sup><a href="#fn1">1</a></sup>", "<a>[4]</a>",
grouped "<sup><a>1</a>,<a>2</a></sup>" and bare "<sup>3</sup>" footnote numbers."""

from __future__ import annotations

import re
from collections.abc import Mapping

from lxml.html import HtmlElement

from app.pipeline.citations.markers import bare_footnote_labels

__all__ = ["marker_labels"]

_RANGE = re.compile(r"\d\s*[–—-]\s*\d")
_MARKER_TEXT = re.compile(r"^\[?\s*(\d{1,3}(?:\s*[,–—-]\s*\d{1,3})*|[a-z])\s*\]?$")


def marker_labels(
    el: HtmlElement, anchor_labels: Mapping[str, str], before: str
) -> tuple[list[str], str] | None:
    """Labels and printed text when `el` is a footnote/reference marker link, or the <sup> or
    LaTeX-made <cite> ("[<a>12</a>, <a>15</a>]") around marker links."""
    links = [el] if el.tag == "a" else list(el.iter("a"))
    raw = el.text_content().strip()
    if len(links) > 1 and el.tag in ("sup", "cite"):
        return _grouped_labels(links, raw, anchor_labels)
    if not links and el.tag == "sup":
        labels = bare_footnote_labels(raw, before)
        return (labels, raw) if labels else None
    if len(links) != 1 or not (links[0].get("href") or "").startswith("#"):
        return None
    target = links[0].get("href", "")[1:]
    if not _MARKER_TEXT.match(raw) and target not in anchor_labels:
        return None
    if el.tag == "a" and target not in anchor_labels and not raw.startswith("["):
        return None  # "see Section <a href=#S4>4</a>": a bare number to no reference
    if target in anchor_labels:
        return [anchor_labels[target]], raw
    return [raw.strip("[] ")], raw


def _grouped_labels(
    links: list[HtmlElement], raw: str, anchor_labels: Mapping[str, str]
) -> tuple[list[str], str] | None:
    """ "<sup><a>1</a>,<a>2</a></sup>": one marker, so the comma between links goes too."""
    if not _MARKER_TEXT.match(raw):
        return None
    labels: list[str] = []
    for link in links:
        target = (link.get("href") or "").removeprefix("#")
        if not (link.get("href") or "").startswith("#"):
            return None
        labels.append(anchor_labels.get(target) or link.text_content().strip("[] \n"))
    if len(labels) == 2 and _RANGE.search(raw) and all(x.isdigit() for x in labels):
        low, high = int(labels[0]), int(labels[1])
        if 0 < high - low <= 50:  # "[<a>3</a>–<a>5</a>]" cites 3, 4 and 5
            labels = [str(n) for n in range(low, high + 1)]
    return labels, raw

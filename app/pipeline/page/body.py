"""Find the element(s) that hold the article body, by where the prose paragraphs sit."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection

from lxml.html import HtmlElement

from app.pipeline.page.boilerplate import is_boilerplate_element

__all__ = ["find_containers"]


_BLOCKY = frozenset({"p", "div", "section", "article", "ul", "ol", "table", "blockquote", "h2"})
_MIN_CHARS = 25
_SIBLING_SHARE = 0.25


def _prose_length(el: HtmlElement) -> int:
    """Characters of prose in a paragraph-like element; 0 for link lists and short bits."""
    text = el.text_content().strip()
    if len(text) < _MIN_CHARS:
        return 0
    linked = sum(len(a.text_content()) for a in el.iter("a"))
    return 0 if linked > 0.5 * len(text) else len(text)


def _is_paragraph(el: HtmlElement) -> bool:
    """<p>, or a <div> that holds text and no block children (wire-style paragraphs)."""
    if el.tag == "p":
        return True
    return (
        el.tag == "div"
        and not any(isinstance(c.tag, str) and c.tag in _BLOCKY for c in el)
        and bool((el.text or "").strip())
    )


def _chrome_map(root: HtmlElement, excluded: Collection[HtmlElement]) -> dict[HtmlElement, bool]:
    """Whether each element is chrome or sits inside chrome (parents come before children)."""
    chrome: dict[HtmlElement, bool] = {root: False}
    for el in root.iterdescendants():
        if not isinstance(el.tag, str):
            continue
        parent = el.getparent()
        chrome[el] = chrome.get(parent, False) or el in excluded or is_boilerplate_element(el)
    return chrome


def find_containers(tree: HtmlElement, excluded: Collection[HtmlElement] = ()) -> list[HtmlElement]:
    """The best-scoring prose container plus any strong siblings, in page order.

    `excluded` subtrees (reference lists) never count as prose.
    """
    body = tree.find("body")
    root = body if body is not None else tree
    chrome = _chrome_map(root, excluded)
    scores: dict[HtmlElement, float] = defaultdict(float)
    for el, is_chrome in chrome.items():
        if is_chrome or not _is_paragraph(el):
            continue
        length = _prose_length(el)
        parent = el.getparent()
        if not length or parent is None:
            continue
        scores[parent] += length
        grand = parent.getparent()
        if grand is not None:
            scores[grand] += length / 2
    if not scores:
        return [root]
    top = max(scores, key=lambda e: scores[e])
    parent = top.getparent()
    if parent is None:
        return [top]
    threshold = _SIBLING_SHARE * scores[top]
    return [
        el for el in parent
        if el is top or (scores.get(el, 0) >= threshold and not chrome.get(el, False))
    ]  # fmt: skip

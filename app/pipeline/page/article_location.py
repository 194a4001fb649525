"""Where in our tree the text trafilatura chose sits: the container to walk."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterator

from lxml import etree
from lxml.html import HtmlElement

from app.pipeline.page.article_text import ArticleText, tokens
from app.pipeline.page.boilerplate import is_boilerplate_element, named_like_chrome

__all__ = ["continuations", "locate_article"]


_CORE_SHARE = 0.9  # the container holds this share of the matched words
# Selected in C, so blank runs between tags never reach Python.
_TEXT_NODES = etree.XPath(
    ".//text()[normalize-space()][not(parent::script or parent::style or parent::noscript"
    " or parent::template)]"
)


def _text_runs(root: HtmlElement) -> Iterator[tuple[HtmlElement, str]]:
    """Each non-blank text node of the tree with the element it renders inside, in page order."""
    for text in _TEXT_NODES(root):
        owner = text.getparent()
        if owner is not None and text.is_tail:
            owner = owner.getparent()
        if owner is not None:
            yield owner, str(text)


def _matched_words(root: HtmlElement, article: ArticleText) -> Counter[HtmlElement]:
    """Words of each element that fall inside a shingle of the article text."""
    words: list[str] = []
    spans: list[tuple[HtmlElement, int, int]] = []
    for el, text in _text_runs(root):
        found = tokens(text)
        if found:
            spans.append((el, len(words), len(words) + len(found)))
            words.extend(found)
    hit = bytearray(len(words))
    runs = zip(words, words[1:], words[2:], words[3:], strict=False)
    for i, run in enumerate(runs):
        if run in article.shingles:
            hit[i : i + 4] = b"\x01\x01\x01\x01"
    counts: Counter[HtmlElement] = Counter()
    for owner, start, end in spans:
        matched = hit.count(1, start, end)
        if matched:
            counts[owner] += matched
    return counts


def _subtree_counts(root: HtmlElement, own: Counter[HtmlElement]) -> Counter[HtmlElement]:
    """Matched words per element, including its descendants."""
    total: Counter[HtmlElement] = Counter()
    for el, n in own.items():
        node: HtmlElement | None = el
        while node is not None:
            total[node] += n
            if node is root:
                break
            node = node.getparent()
    return total


def locate_article(
    tree: HtmlElement, article: ArticleText, excluded: Collection[HtmlElement] = ()
) -> HtmlElement | None:
    """The smallest element holding nearly all the article text; None when it is not in the tree.

    Only the reference lists of `excluded` are never entered: the body walk skips them anyway.
    """
    body = tree.find("body")
    root = body if body is not None else tree
    counts = _subtree_counts(root, _matched_words(root, article))
    total = counts.get(root, 0)
    if not total:
        return None
    node = root
    while True:
        inner = [c for c in node if c not in excluded and counts[c] >= _CORE_SHARE * total]
        if not inner:
            return _story_named_like_chrome(node, counts)
        node = inner[0]


_CHROME_STORY_SHARE = 0.95  # nearly all: a comments block or a widget beside the story stays chrome


def _story_named_like_chrome(node: HtmlElement, counts: Counter[HtmlElement]) -> HtmlElement:
    """The element inside the container that holds nearly all the story though its name says
    chrome (a CMS's `<div id="blog_detail" class="blog_teaser_text">` around the whole post):
    the body walk, which skips chrome by name, starts there."""
    least = _CHROME_STORY_SHARE * counts[node]
    for el in node.iterdescendants():
        if counts.get(el, 0) >= least and named_like_chrome(el):
            return el
    return node


_PROSE_CHARS = 80  # a paragraph this long is story text, not a promo's line
# A class that names story text: a chunk built like the located one may add a modifier class
# to it ("articletext" then "articletextwithad articletext"), not to a generic "row".
_STORY_CLASS = re.compile(r"article|story|body|text|content|entry|post", re.IGNORECASE)


def continuations(tree: HtmlElement, located: HtmlElement) -> list[HtmlElement]:
    """Later elements built like the located one (same tag, its classes) that hold prose: the
    story split into chunks around a subscribe box or an ad, where trafilatura stopped; the
    paragraphs that broken markup spilt into <body> after it; and the "Sources:" line that
    closes it just outside its container."""
    return _alike_chunks(tree, located) + _spilt_paragraphs(tree, located) + _sources_line(located)


def _alike_chunks(tree: HtmlElement, located: HtmlElement) -> list[HtmlElement]:
    classes = located.get("class")
    if not classes:
        return []
    own = set(classes.split())
    widened = any(_STORY_CLASS.search(c) for c in own)
    found = []
    after = False
    try:
        alike_tags = list(tree.iter(located.tag))
    except ValueError:  # broken markup made a tag of control characters lxml will not look up
        return []
    for el in alike_tags:
        after = after or el is located
        if not after or el is located or located in el.iterancestors():
            continue
        theirs = el.get("class") or ""
        alike = theirs == classes or (widened and own < set(theirs.split()))
        if alike and _has_prose(el) and not _in_chrome(el):
            found.append(el)
    return found


def _in_chrome(el: HtmlElement) -> bool:
    """Inside the sidebar or another chrome region: a teaser card built like the story's own
    text box ("div.txt" in Yahoo's `yom-secondary` column), not a later chunk of the story."""
    return any(is_boilerplate_element(a) for a in el.iterancestors())


def _spilt_paragraphs(tree: HtmlElement, located: HtmlElement) -> list[HtmlElement]:
    """<p> children of <body> after the block that holds the story: a stray closing tag ended
    the story's container early and the parser hung the rest of its paragraphs on <body>."""
    body = tree.find("body")
    top = next((a for a in [located, *located.iterancestors()] if a.getparent() is body), None)
    if body is None or top is None:
        return []
    spilt = [
        el for el in top.itersiblings()
        if el.tag == "p" and el.text_content().strip()
    ]  # fmt: skip
    return spilt if any(_has_prose(p) for p in spilt) else []


_SOURCES = re.compile(r"^\s*sources?\s*:", re.IGNORECASE)
_SOURCES_REACH = 3  # levels above the container whose next siblings may hold the line


def _sources_line(located: HtmlElement) -> list[HtmlElement]:
    """The first linked "Sources: …" paragraph after the story, beside the container or one of
    its nearest ancestors ("Sources: Great Again, Washington Examiner / Photo Credit: …")."""
    node: HtmlElement | None = located
    for _ in range(_SOURCES_REACH):
        if node is None:
            return []
        for el in node.itersiblings():
            if el.tag == "p" and _SOURCES.match(el.text_content()) and el.find(".//a") is not None:
                return [el]
        node = node.getparent()
    return []


def _has_prose(el: HtmlElement) -> bool:
    return any(len(p.text_content().strip()) >= _PROSE_CHARS for p in el.iter("p"))

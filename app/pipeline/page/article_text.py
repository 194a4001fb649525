"""What trafilatura judges to be the article, as word shingles we can match our own blocks to."""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import dataclass, field
from typing import Any

import trafilatura
from lxml.html import Element, HtmlElement
from trafilatura.settings import Document as TrafilaturaDocument
from trafilatura.settings import set_date_params
from trafilatura.utils import DOCTYPE_TAG, is_dubious_html, load_html

from app.pipeline.page.trafilatura_meta import TrafilaturaMeta

__all__ = ["XML_FORBIDDEN", "ArticleText", "find_article_text", "shingles", "tokens"]


_WORD = re.compile(r"\w+")
_MIN_WORDS = 12  # below this trafilatura found no article worth following


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens."""
    return _WORD.findall(text.lower())


def shingles(words: list[str]) -> set[tuple[str, ...]]:
    """Every run of four consecutive words (the shingle of the article-extraction benchmark)."""
    return set(zip(words, words[1:], words[2:], words[3:], strict=False))


@dataclass(slots=True)
class ArticleText:
    """The article text trafilatura chose, plus the page metadata it read on the way."""

    shingles: set[tuple[str, ...]] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    metadata: TrafilaturaMeta | None = None

    @property
    def found(self) -> bool:
        """Whether trafilatura found an article at all."""
        return bool(self.shingles)

    def covers(self, words: list[str]) -> float:
        """Share of the shingles of `words` that the article text holds (1.0 for short runs)."""
        runs = shingles(words)
        if not runs:
            return 1.0 if all(w in self.words for w in words) else 0.0
        return len(runs & self.shingles) / len(runs)


def find_article_text(html: str, url: str, tree: HtmlElement | None = None) -> ArticleText:
    """Run trafilatura on the page; an empty ArticleText when it finds nothing.

    `tree` is our parse of `html` (without comments and processing instructions), which is
    the tree trafilatura's own loader would build: trafilatura reads it unless its loader
    would treat the page differently (see `_trafilatura_tree`). Its body extraction and its
    metadata share that tree and leave it as it was: the body extraction, the author search
    and htmldate each work on a copy of their own. Tables
    and comments are left out because our body walk never keeps them; `fast` skips the
    fallback extractors, which cost time and gained nothing on the aeb pages; they run only
    when the fast pass keeps a teaser's worth of a page that holds a story's worth of prose.
    """
    try:
        tree = _trafilatura_tree(html, tree)
        if tree is None:
            return ArticleText()
        # htmldate without its extensive text search: on a page with no marked-up date it
        # hands each date-like string to dateparser, which tries all of its ~800 locales (4 s
        # on an arXiv page). Stated dates we read ourselves (`dates._stated_date`).
        dates = set_date_params(extensive=False)
        meta = TrafilaturaMeta(tree, url, dates)
        region, prose = _prose_region(tree)
        words = _extracted_words(region, url, dates, fast=True)
        if len(words) < _FAST_SHORT and region is not tree:
            words = _extracted_words(tree, url, dates, fast=True)
        if (len(words) < _FAST_SHORT and prose >= _PAGE_PROSE) or (
            len(words) < _TEASER
            and _prose_outside_paragraphs(tree) >= max(_PAGE_PROSE, 3 * len(words))
        ):
            # the fast pass kept a teaser of a story the page holds in full: the fallback
            # extractors (readability, jusText) find the story
            words = max(words, _extracted_words(tree, url, dates, fast=False), key=len)
    except Exception:  # noqa: BLE001 - trafilatura/htmldate raise many types on bad input
        return ArticleText()
    if len(words) < _MIN_WORDS:
        return ArticleText(metadata=meta)
    return ArticleText(shingles(words), set(words), meta)


_FAST_SHORT = 100  # words: below this the fast pass may have kept a teaser only
_TEASER = 250  # words: ... or below this, on a page with three times as many outside <p>
_LONG_TEXT = 20  # words in one text node: prose, whatever element holds it
_NO_TEXT = frozenset({"script", "style", "noscript", "template", "head", "title"})


def _prose_outside_paragraphs(tree: HtmlElement) -> int:
    """Words in the page's long runs of text (`_LONG_TEXT` words or more) outside <p> and
    scripts: a story told in <div>s (DER SPIEGEL's), which trafilatura's fast pass passes over."""
    total = 0
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in _NO_TEXT or el.tag == "p":
            continue
        parent = el.getparent()
        texts = (el.text, el.tail if parent is None or parent.tag != "p" else None)
        if any(a.tag == "p" for a in el.iterancestors()):
            continue
        for text in texts:
            if text and len(words := text.split()) >= _LONG_TEXT:
                total += len(words)
    return total


_PAGE_PROSE = 300  # words in the page's <p> elements: a story longer than a teaser


def _extracted_words(
    tree: HtmlElement, url: str, dates: dict[str, Any], *, fast: bool
) -> list[str]:
    """The words of trafilatura's article body ([] when it finds none)."""
    doc = trafilatura.bare_extraction(
        tree, url=url, include_tables=False, include_comments=False, fast=fast,
        date_extraction_params=dates,
    )  # fmt: skip
    if not isinstance(doc, TrafilaturaDocument) or doc.body is None:
        return []
    return tokens(" ".join(doc.body.itertext()))


_REGION_SHARE = 0.95  # of the words in the page's <p> elements


def _prose_region(tree: HtmlElement) -> tuple[HtmlElement, int]:
    """The page cut down to the deepest element that holds nearly all of its paragraphs'
    words (a copy in a document of its own; the page itself when that is <body>), and the
    number of those words.

    trafilatura's cost grows with the tree it prunes and copies; outside that element lie
    the navigation, sidebars and footer it would discard anyway.
    """
    held: dict[HtmlElement, int] = {}
    total = 0
    for p in tree.iter("p"):
        n = len(p.text_content().split())
        if n:
            total += n
            for el in p.iterancestors():
                held[el] = held.get(el, 0) + n
    if total < _PAGE_PROSE:
        return tree, total
    region = max(
        (el for el, n in held.items() if n >= _REGION_SHARE * total),
        key=lambda el: sum(1 for _ in el.iterancestors()),
    )
    if region.tag in ("html", "body"):
        return tree, total
    # the element inside empty copies of its ancestors, whose tags and attributes
    # trafilatura's choice of the body container reads
    cut = deepcopy(region)
    cut.tail = None
    for el in region.iterancestors():
        try:
            shell = Element(el.tag, dict(el.attrib))
        except ValueError:  # a tag name broken markup garbled ("<di\x01v>"): lxml makes none
            return tree, total
        shell.append(cut)
        cut = shell
    return cut, total


# lxml.html.fromstring, as trafilatura calls it, parses a whole document only when the text
# opens like one; otherwise it may return a fragment's element instead of the page.
_FULL_HTML = re.compile(r"^\s*<(?:html|!doctype)", re.IGNORECASE)
# The characters of trafilatura's INVALID_XML_CHARS, which its loader deletes: one substring
# test each (a C scan) costs a quarter of that character class's search over a whole page.
XML_FORBIDDEN = (*map(chr, (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20))), "\ufffe", "\uffff")


def _trafilatura_tree(html: str, ours: HtmlElement | None) -> HtmlElement | None:
    """The tree trafilatura's `load_html(html)` would build: ours when that is the same tree
    (a whole document it would neither reject nor repair)."""
    beginning = html[:50].lower()
    first_line = html.partition("\n")[0]
    if (
        ours is None
        or not _FULL_HTML.match(html)
        or is_dubious_html(beginning)
        or ("doctype" in beginning and DOCTYPE_TAG.match(first_line))
        or any("<html" in line and line.endswith("/>") for line in html[:4096].splitlines()[:4])
        or any(c in html for c in XML_FORBIDDEN)
    ):
        return load_html(html)
    return ours

"""HTML page -> Document: metadata, structured body text, links, markers and references."""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable, Collection
from dataclasses import replace
from urllib.parse import urlsplit

from lxml import etree
from lxml import html as lxml_html
from lxml.html import HtmlElement

from app.pipeline.blocks import walk_body
from app.pipeline.body_text import BodyText
from app.pipeline.citations.author_year import find_author_year
from app.pipeline.citations.link_filter import site_domains, site_hosts
from app.pipeline.citations.markers import MarkerHit, find_text_markers
from app.pipeline.citations.reference_list import find_references
from app.pipeline.page.article_location import continuations, locate_article
from app.pipeline.page.article_text import ArticleText, find_article_text, tokens
from app.pipeline.page.body import find_containers
from app.pipeline.page.embeds import find_embeds
from app.pipeline.page.metadata import PageMetadata, extract_metadata
from app.pipeline.page.pull_quotes import doubled_blocks, pull_quotes
from app.pipeline.page.remarks import find_remarks
from app.pipeline.page.script_body import SHELL_WORDS, script_body
from app.pipeline.page.script_language import language_of_script
from app.pipeline.page.summary import leading_summary
from app.pipeline.page.text_edit import delete_spans
from app.pipeline.page.trafilatura_meta import TrafilaturaMeta
from app.pipeline.types import Block, Document, Marker, Reference

__all__ = ["parse_document", "parse_html"]


_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
# lxml.html's parser picks each element's class in Python (a call per element touched, and
# the pipeline and trafilatura touch thousands per page); a fixed lookup runs in C. It
# differs only in giving <form>, <input>, <select>, <textarea> and <label> plain HtmlElement
# classes, whose form APIs nothing here uses.
# Comments and processing instructions are left out, as trafilatura's loader leaves them out:
# the page shows neither, and trafilatura then reads our tree itself instead of a copy.
# One parser per thread: lxml parsers are not to be shared between threads.
_LOOKUP = etree.ElementDefaultClassLookup(
    element=HtmlElement,
    comment=lxml_html.HtmlComment,
    pi=lxml_html.HtmlProcessingInstruction,
    entity=lxml_html.HtmlEntity,
)
_parsers = threading.local()


def _parser() -> lxml_html.HTMLParser:
    """This thread's HTML parser (lxml.html's defaults but for comments and processing
    instructions, the C class lookup)."""
    parser: lxml_html.HTMLParser | None = getattr(_parsers, "parser", None)
    if parser is None:
        parser = _parsers.parser = lxml_html.HTMLParser(remove_comments=True, remove_pis=True)
        parser.set_element_class_lookup(_LOOKUP)
    return parser


_KEEP_SHARE = 0.5  # a block belongs to the article when this share of it is in trafilatura's text


def parse_html(html: str) -> HtmlElement | None:
    """The page as an lxml tree, or None when there is nothing to parse."""
    source = _XML_DECL.sub("", html)
    if not source.strip():
        return None
    try:
        return lxml_html.document_fromstring(source, parser=_parser())
    except (etree.ParserError, ValueError):
        return None


def _metadata(
    html: str, tree: HtmlElement, url: str, found: TrafilaturaMeta | None
) -> PageMetadata:
    """Metadata, tolerating libraries that choke on broken pages."""
    try:
        return extract_metadata(html, tree, url, found=found)
    except Exception:  # noqa: BLE001 - trafilatura/htmldate raise many types on bad input
        return PageMetadata()


def _gaps_before_markers(text: str, markers: list[Marker]) -> list[tuple[int, int]]:
    """The space a removed marker leaves before punctuation: "Grok” [1]." -> "Grok”."."""
    gaps = []
    for m in markers:
        after = text[m.start : m.start + 1]
        if m.start > 0 and text[m.start - 1] == " " and (not after or after in ".,;:!?)\n"):
            gaps.append((m.start - 1, m.start))
    return gaps


def _remap(body: BodyText, spans: list[tuple[int, int]], extra: list[Marker]) -> BodyText:
    """Delete `spans` from the body text and carry blocks, links and markers along."""
    text, remap = delete_spans(body.text, spans)
    markers = [Marker(remap(m.start), m.labels, m.raw, m.kind) for m in body.markers + extra]
    blocks = [Block(b.kind, remap(b.start), remap(b.end)) for b in body.blocks]
    links = [replace(ln, start=remap(ln.start), end=remap(ln.end)) for ln in body.links]
    return BodyText(text, blocks, links, sorted(markers, key=lambda m: m.start))


def _drop_empty_blocks(body: BodyText) -> BodyText:
    """Blocks that held nothing but markers go, with the blank line that separated them."""
    spans = []
    for i, block in enumerate(body.blocks):
        if block.start == block.end:
            if i > 0:
                spans.append((body.blocks[i - 1].end, block.end))
            elif i + 1 < len(body.blocks):
                spans.append((block.start, body.blocks[i + 1].start))
    kept = _remap(body, spans, []) if spans else body
    kept.blocks = [b for b in kept.blocks if b.end > b.start]
    return kept


def _strip_text_markers(body: BodyText, references: list[Reference]) -> BodyText:
    """Remove printed markers and author-year citations from the text, keeping them as Markers."""
    hits: list[MarkerHit] = find_text_markers(body.text) + find_author_year(body.text, references)
    gaps = _gaps_before_markers(body.text, body.markers)
    if not hits and not gaps:
        return body
    extra = [Marker(h.start, h.labels, h.raw.strip(), h.kind) for h in hits if h.labels]
    stripped = _remap(body, [(h.start, h.end) for h in hits] + gaps, extra)
    return _drop_empty_blocks(stripped)


def _drop_summary(body: BodyText) -> BodyText:
    """Key-point bullets that open the body and repeat it are not sentences of their own."""
    cited = [
        any(b.start <= m.start <= b.end for m in body.markers)
        or any(ln.citation and ln.start < b.end and b.start < ln.end for ln in body.links)
        for b in body.blocks
    ]
    count = leading_summary(body.text, body.blocks, cited)
    if not count:
        return body
    kept = _remap(body, [(body.blocks[0].start, body.blocks[count].start)], [])
    kept.blocks = [b for b in kept.blocks if b.end > b.start]
    return kept


def _drop_pull_quotes(body: BodyText) -> BodyText:
    """A quotation that repeats a paragraph of the story word for word is a pull quote; a
    block the next one opens with word for word is a summary of it."""
    repeats = sorted(
        {*pull_quotes(body.text, body.blocks), *doubled_blocks(body.text, body.blocks)}
    )
    if not repeats:
        return body
    ends = [b.start for b in body.blocks[1:]] + [len(body.text)]
    kept = _remap(body, [(body.blocks[i].start, ends[i]) for i in repeats], [])
    kept.blocks = [b for b in kept.blocks if b.end > b.start]
    return kept


def _containers(
    tree: HtmlElement, article: ArticleText, excluded: Collection[HtmlElement], url: str = ""
) -> tuple[list[HtmlElement], Callable[[str], bool] | None, list[HtmlElement]]:
    """Where to walk, which blocks to keep (trafilatura's choice, else our heuristics), and the
    later chunks of the story that trafilatura did not reach, kept whole."""
    if article.found:
        located = _beside_quotation(locate_article(tree, article, excluded))
        if located is not None:
            named = _named_post(located, url)
            if named is not None:  # one story of a list: its siblings are other stories
                return [named], lambda t: article.covers(tokens(t)) >= _KEEP_SHARE, []
            post = _post_of(located)
            more = [c for c in continuations(tree, located) if _post_of(c) is post]
            return [located, *more], lambda t: article.covers(tokens(t)) >= _KEEP_SHARE, more
    return find_containers(tree, excluded), None, []


def _local_fragments(tree: HtmlElement, url: str, html: str) -> None:
    """Note markers that link to a place on this very page with its whole address ("<sup><a
    href='https://en.wikipedia.org/wiki/X#cite_note-14'>[14]</a></sup>" on page X) link to
    "#cite_note-14", as markers are read (a saved copy of a page writes them out in full). A
    comment count's "…/X/#disqus_thread" is no marker and stays."""
    parts = urlsplit(url)
    if f"{parts.netloc}{parts.path.rstrip('/')}" not in html:
        return  # the page never writes its own address: nothing to rewrite (most pages)
    page = parts._replace(fragment="", query="").geturl().rstrip("/")
    for link in tree.xpath('//a[contains(@href, "#")]'):
        address, _, fragment = link.get("href", "").partition("#")
        if not (address and fragment and address.rstrip("/") == page):
            continue
        parent = link.getparent()
        if (parent is not None and parent.tag == "sup") or _BRACKETED.match(link.text_content()):
            link.set("href", "#" + fragment)


_BRACKETED = re.compile(r"^\s*\[[^\[\]]{1,12}\]\s*$")  # "[14]", "[a]", "[note 3]"


def _beside_quotation(located: HtmlElement | None) -> HtmlElement | None:
    """A story that is one long quotation is found as the <blockquote>: its lead-in and the
    line that credits it ("Lire la suite sur <a>…</a>") sit beside it, in its parent."""
    parent = None if located is None or located.tag != "blockquote" else located.getparent()
    return located if parent is None or parent.tag in ("body", "html") else parent


def _named_post(located: HtmlElement, url: str) -> HtmlElement | None:
    """Of a list of whole stories (CORRECTIV's "Aktuelle Artikel": thirteen <article>s, each
    with its slug as id), the one the page's address names; None unless exactly one is."""
    slug = next((p for p in reversed(urlsplit(url).path.split("/")) if p), "")
    if not slug:
        return None
    posts = [a for a in located.iter("article") if a is not located]
    if len(posts) < 2:
        return None
    named = [
        a for a in posts
        if slug in (a.get("id"), a.get("data-slug")) or (a.get("data-path") or "").rstrip("/")
        .endswith("/" + slug)
    ]  # fmt: skip
    return named[0] if len(named) == 1 else None


def _post_of(el: HtmlElement) -> HtmlElement | None:
    """The <article> an element sits in: a chunk of another post of a feed ("minutes", a live
    blog) is not a continuation of this one."""
    return next((a for a in el.iterancestors("article")), None)


# a soft hyphen, as a character or an entity: a place a browser may break a word, unseen
_SOFT_HYPHEN = re.compile("\u00ad|&shy;|&#173;|&#[xX]0*[aA][dD];")


def parse_document(html: str, url: str) -> Document:
    """Everything the page says, before sentences and claims (in composed Unicode: "é" written
    as e + U+0301 becomes one character, and without soft hyphens, so a claim reads and
    searches the same whichever form its page used)."""
    if not unicodedata.is_normalized("NFC", html):
        html = unicodedata.normalize("NFC", html)
    if "\u00ad" in html or "&shy;" in html:  # soft hyphens: "a­van­cée" is "avancée"
        html = _SOFT_HYPHEN.sub("", html)
    tree = parse_html(html)
    if tree is None:
        return Document(url=url, text="")
    _local_fragments(tree, url, html)
    article = find_article_text(html, url, tree)
    meta = _metadata(html, tree, url, article.metadata)
    refs = find_references(tree, base_url=url)
    anchors = {a: r.label for r in refs.references for a in r.anchors}
    containers, keep, unfiltered = _containers(
        tree, article, refs.elements, meta.canonical_url or url
    )
    embeds = find_embeds(containers, base_url=url)
    body = walk_body(
        containers,
        base_url=url,
        own_domains=site_domains(url, meta.canonical_url),
        own_hosts=site_hosts(url, meta.canonical_url),
        anchor_labels=anchors,
        excluded=refs.elements,
        title=meta.title,
        keep=keep,
        unfiltered=unfiltered,
    )
    body = _drop_pull_quotes(_drop_summary(_strip_text_markers(body, refs.references)))
    remarks = find_remarks(containers, base_url=url, text=body.text)
    if len(body.text.split()) < SHELL_WORDS and (shell := script_body(tree)) is not None:
        body = shell  # a script-rendered page: the story is only in its data
    return Document(
        url=url, text=body.text, title=meta.title, byline=meta.byline,
        published=meta.published, site_name=meta.site_name,
        language=meta.language or language_of_script(body.text),
        canonical_url=meta.canonical_url, blocks=body.blocks, links=body.links,
        markers=body.markers, references=refs.references + [e.reference for e in embeds] + remarks,
    )  # fmt: skip

"""Walk the article container into blocks of text with inline links and footnote markers."""

from __future__ import annotations

import copy
import re
from collections import Counter
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from app.pipeline.body_text import BodyText, Run
from app.pipeline.citations.credit_links import note_links, quote_credit_links, quotes_start
from app.pipeline.citations.html_markers import marker_labels
from app.pipeline.citations.link_filter import (
    is_own_headline,
    is_own_story,
    is_shop_link,
    is_source_link,
    names_a_site,
    opens_dated_entry,
    opens_own_sentence,
)
from app.pipeline.citations.quote_credits import (
    credit_span,
    is_credit_line,
    is_lead_in,
    lead_in_start,
    names_spoken_words,
)
from app.pipeline.citations.source_notes import is_source_line
from app.pipeline.page.boilerplate import (
    is_boilerplate_element,
    is_boilerplate_text,
    is_chrome_heading,
    is_chrome_label,
    is_hidden,
    is_notice_heading,
    is_notice_text,
    named_like_chrome,
)
from app.pipeline.page.element_roles import (
    is_caption,
    is_styled_heading,
    prose_cells,
    row_markers,
)
from app.pipeline.page.embeds import (
    AFTER_POST,
    embed_platform,
    embedded_post_url,
    post_anchor,
    post_mentions,
)
from app.pipeline.types import Block, Link, Marker
from app.urls import join_url

__all__ = ["BodyText", "walk_body"]


_BLOCK_TAGS = frozenset(
    {"p", "div", "section", "article", "main", "blockquote", "ul", "ol", "li", "dl", "dt", "dd",
     "pre", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "center", "address"}
    | {"table", "figure", "aside", "nav", "form", "hr", "details", "iframe", "video"}
)  # fmt: skip
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


@dataclass(slots=True)
class _Context:
    base_url: str
    own_domains: Collection[str]
    own_hosts: Collection[str]
    anchor_labels: Mapping[str, str]
    excluded: Collection[HtmlElement]
    title: str | None
    keep: Callable[[str], bool] | None = None
    body: BodyText = field(default_factory=BodyText)
    pieces: list[str] = field(default_factory=list)
    skip_level: int = 0
    inset: set[HtmlElement] = field(default_factory=set)  # chrome boxes inside the story
    notice: bool = False  # inside a press release's tail: text kept, never claims
    lead_in: list[Link] = field(default_factory=list)  # "As the Times explains:" links
    sourced_list: bool = False  # the lead-in names where the list below comes from
    credited_until: int = 0  # the end of the last quotation a credit line took
    deck: set[HtmlElement] = field(default_factory=set)  # the standfirst under the headline
    post: str | None = None  # the last embedded post, while paragraphs under it may speak of it
    under_post: int = 0  # paragraphs since it


_PROSE_WORDS = 12


def _inline_chrome(el: HtmlElement, parent: HtmlElement) -> bool:
    """Inline chrome, left out; not a span named like chrome that carries its paragraph's
    whole prose (text pasted from Facebook keeps "_fbReactionComponent__…ContentTags")."""
    if not is_boilerplate_element(el):
        return False
    if el.tag != "span" or not named_like_chrome(el) or is_hidden(el):
        return True
    text = el.text_content()
    return len(text.split()) < _PROSE_WORDS or len(text) < 0.9 * len(parent.text_content())


def _inline(node: HtmlElement, run: Run, ctx: _Context, kind: str) -> None:
    """Append the inline content of `node` (not its tail) to the run."""
    for child in node:
        if isinstance(child.tag, str) and not _inline_chrome(child, node):
            _inline_element(child, run, ctx, kind)
        if child.tail:
            run.add(child.tail)


def _inline_element(el: HtmlElement, run: Run, ctx: _Context, kind: str) -> None:
    """One inline element: a line break, a marker, a link or plain inline markup."""
    if el.tag == "br":
        run.newline()
        return
    if el.tag in ("ul", "ol", "dl", "table"):
        return  # nested lists are walked as their own blocks
    if el.tag in ("sup", "a", "cite"):
        marker = marker_labels(el, ctx.anchor_labels, run.parts[-1] if run.parts else "")
        if marker is not None:
            kind_name = "bracket" if marker[1].startswith("[") else "footnote"
            run.markers.append(Marker(run.size, marker[0], marker[1], kind_name))
            return
    start = run.size
    if el.text:
        run.add(el.text)
    _inline(el, run, ctx, kind)
    if el.tag == "a" and el.get("href") and run.size > start:
        _add_link(el, start, run, ctx, kind)


def _add_link(el: HtmlElement, start: int, run: Run, ctx: _Context, kind: str) -> None:
    """Record an inline link, flagged when it can stand for a cited source."""
    raw = el.get("href", "").strip()
    absolute = join_url(ctx.base_url, raw)
    if absolute is None:  # a href no URL parser accepts is no link
        return
    joined = "".join(run.parts)
    anchor = joined[start:]
    text = anchor.strip()
    lead = len(anchor) - len(anchor.lstrip())
    filters = {
        "text": text, "rel": el.get("rel", ""), "own_domains": ctx.own_domains,
        "before": joined[:start], "page_hosts": ctx.own_hosts,
    }  # fmt: skip
    beneath = _beneath_page(raw, absolute, ctx.base_url) or _is_page_itself(absolute, ctx.base_url)
    citation = not beneath and is_source_link(raw, absolute, **filters)
    shop = not (beneath or citation) and is_shop_link(raw, absolute, **filters)
    if kind == "list_item" and _shows_address(text, absolute):
        citation = False  # "ELKI … https://github.com/…": an address listed to visit
    own = is_own_story(raw, absolute, own_domains=ctx.own_domains, page_hosts=ctx.own_hosts)
    span = (start + lead, start + lead + len(text))
    run.links.append(Link(*span, absolute, text, citation, own=own, shop=shop))
    run.sourced = run.sourced or (not own and (citation or names_a_site(absolute, text)))


def _is_page_itself(absolute: str, page: str) -> bool:
    """A link to the article's own address ("Leave a comment" on "…/story#respond"): the page
    is no source of itself."""

    def bare(url: str) -> tuple[str, str, str]:
        parts = urlsplit(url)
        host = (parts.hostname or "").removeprefix("www.")
        return host, parts.path.rstrip("/"), parts.query

    return bare(absolute) == bare(page)


def _beneath_page(raw: str, absolute: str, page: str) -> bool:
    """A bare relative href that lands beneath the article's own address
    ("lly-screwed-queen-…/" on ".../royal-arrogance/"): a truncated link, no source."""
    if not raw or raw.startswith(("/", "#", "?", ".")) or "://" in raw or raw.startswith("//"):
        return False
    path = urlsplit(page).path
    return path.count("/") >= 2 and path.endswith("/") and absolute.startswith(page)


def _cites(run: Run) -> bool:
    """Whether the block carries an outside source or a footnote marker (kept whatever `keep`
    says)."""
    return bool(run.markers) or run.sourced


def _emit(run: Run, kind: str, ctx: _Context) -> None:
    """Close a block: trim it, drop chrome, and append it to the body."""
    raw = "".join(run.parts)
    text = raw.strip()
    if is_source_line(text, [ln.text for ln in run.links]):
        if ctx.body.blocks:
            ctx.body.links += note_links(run.links, ctx.body.blocks[-1], ctx.own_domains)
        return
    if _headline_under(text, run, ctx):
        ctx.body.links += note_links(run.links, ctx.body.blocks[-1], ctx.own_domains)
        return
    quoted = quotes_start(ctx.body.blocks, ctx.credited_until)
    if (
        kind != "quote"
        and quoted is not None
        and is_credit_line(text, [ln.text for ln in run.links])
    ):
        ctx.body.links += quote_credit_links(  # "[Engadget]" under the quotation
            run.links, quoted, len(ctx.body.text), ctx.own_domains
        )
        ctx.credited_until = len(ctx.body.text)
        return
    if not text or is_boilerplate_text(text, link_texts=[ln.text for ln in run.links]):
        return
    if kind == "heading" and ctx.title and " ".join(text.split()) == " ".join(ctx.title.split()):
        return
    kind = "notice" if ctx.notice or is_notice_text(text) or _cut_off(text) else kind
    if ctx.keep is not None and not (_cites(run) or ctx.keep(text)):
        return
    body = ctx.body
    offset = len(body.text) + (2 if body.text else 0) - (len(raw) - len(raw.lstrip()))
    body.text = f"{body.text}\n\n{text}" if body.text else text
    body.blocks.append(Block(kind, len(body.text) - len(text), len(body.text)))
    low, high = len(body.text) - len(text), len(body.text)

    def clamp(position: int) -> int:
        return min(max(position + offset, low), high)

    credit = credit_span(raw)  # "… Portland, Oregon. (Boing Boing)": a picture's credit
    for ln in run.links:  # a notice ("Originally published by <a>…</a>") cites nothing
        credited = credit and credit[0] <= ln.start < credit[1]
        citation = ln.citation and kind != "notice" and not credited
        own_lead = ln.own and not ln.citation and kind != "notice" and not credited
        before, after = raw[: ln.start], raw[ln.end :]
        headline = own_lead and is_own_headline(ln.href, text=ln.text, before=before, after=after)
        opening = own_lead and (
            opens_own_sentence(ln.href, text=ln.text, before=before, after=after)
            or opens_dated_entry(ln.href, text=ln.text, before=before, after=after)
        )
        cited = citation or headline or opening
        kept = Link(clamp(ln.start), clamp(ln.end), ln.href, ln.text, cited, own=ln.own)
        kept.headline = headline
        kept.shop = ln.shop and kind != "notice" and not credited
        body.links.append(kept)
    for mk in run.markers:
        body.markers.append(Marker(clamp(mk.start), mk.labels, mk.raw, mk.kind))
    if ctx.post and kind == "paragraph":
        ctx.under_post += 1
        for start, end in post_mentions(text):  # "Sie kommentierte ihren Post mit …"
            body.links.append(Link(low + start, low + end, ctx.post, _EMBEDDED, True))
        if ctx.under_post >= AFTER_POST:
            ctx.post = None
    if kind == "quote":  # "As the Times explains:" above the quotation
        ctx.body.links += quote_credit_links(ctx.lead_in, low, high, ctx.own_domains)
    elif kind == "list_item" and ctx.sourced_list and not run.links:
        # "The details come to us from <a>Reuters</a>:" above a list of them
        ctx.body.links += quote_credit_links(ctx.lead_in, low, high, ctx.own_domains)
    else:
        linked_at = [ln.start for ln in run.links if ln.citation]
        opens = lead_in_start(raw, linked_at) if is_lead_in(text) else len(raw)
        ctx.lead_in = [
            ln for ln in run.links
            if ln.citation and ln.start >= opens and (not ln.own or names_spoken_words(ln.text))
        ]  # fmt: skip
        ctx.sourced_list = (
            len(ctx.lead_in) == 1
            and kind == "paragraph"
            and _SOURCED_BY.search(raw, opens, ctx.lead_in[0].start) is not None
            and raw.rstrip().endswith(":")
        )


def _block(el: HtmlElement, kind: str, ctx: _Context) -> None:
    """Emit `el` as one block of the given kind."""
    run = Run()
    if el.text:
        run.add(el.text)
    _inline(el, run, ctx, kind)
    _emit(run, kind, ctx)
    for nested in el:
        if isinstance(nested.tag, str) and nested.tag in ("ul", "ol", "dl"):
            _walk(nested, ctx, "list_item")


def _heading(el: HtmlElement, ctx: _Context) -> None:
    """Headings open sections; chrome headings ("See also", "Related") close the body to them."""
    level = _HEADINGS[el.tag]
    text = el.text_content().strip()
    if ctx.title and " ".join(text.split()) == " ".join(ctx.title.split()):
        ctx.deck.update(_standfirst(el))
    if level == 1:
        return
    if is_chrome_heading(text):
        box = _inset_box(el)
        if box is not None:  # a "Related" list set inside the running text: skip it alone
            ctx.inset.add(box)
            return
        ctx.skip_level = level
        return
    if ctx.skip_level and level > ctx.skip_level:
        return
    ctx.skip_level = 0
    ctx.notice = is_notice_heading(text)
    _block(el, "heading", ctx)


_DECK_WORDS = 50
# "The details come to us from <a>Reuters</a>:", "according to <a>the agency</a>:": a lead-in
# whose one link is where the list below it comes from (not a list of links of its own)
_SOURCED_BY = re.compile(
    r"\b(?:from|according to|via|per|by|reports?|reported|says|said|writes|wrote|notes|lists)"
    r"\s+(?:the\s+|a\s+|an\s+)?$",
    re.IGNORECASE,
)


def _standfirst(headline: HtmlElement) -> list[HtmlElement]:
    """What shares the headline's own box after it, when that is one or two short lines: the
    standfirst ("<div class='post-title-top'><h2>…</h2><div><p>More diverse speakers…"),
    which sums the story up above its byline rather than telling it."""
    after = [s for s in headline.itersiblings() if isinstance(s.tag, str)]
    words = sum(len(s.text_content().split()) for s in after)
    paragraphs = sum(1 for s in after for _ in s.iter("p"))
    return after if 0 < len(after) <= 2 and words <= _DECK_WORDS and paragraphs <= 1 else []


# a blurb cut off by a length limit: "…with over 500 million users. It..." (a profile box's
# excerpt of another page): shown, never a claim
_CUT_OFF = re.compile(r"[.!?][\"”’]?\s+[A-Z]\w*(?:\s+\w+)?(?:\.\.\.|…)$")


def _cut_off(text: str) -> bool:
    return _CUT_OFF.search(text) is not None


_PROSE_WORDS = 12  # a paragraph of running text, not a teaser line
_HEADLINE_WORDS = (3, 12)


def _headline_under(text: str, run: Run, ctx: _Context) -> bool:
    """A line that is only another site's linked headline, right under a paragraph of the
    story that links nothing: the story the paragraph tells of (a link post: "…got a spot on
    CNN for his critique…" over "<a>The generation we love to dump on</a>")."""
    if len(run.links) != 1 or not ctx.body.blocks:
        return False
    link, above = run.links[0], ctx.body.blocks[-1]
    low, high = _HEADLINE_WORDS
    return (
        link.citation
        and not link.own
        and text.strip(" .") == link.text.strip(" .")
        and low <= len(text.split()) <= high
        and above.kind == "paragraph"
        and len(ctx.body.text[above.start : above.end].split()) >= _PROSE_WORDS
        and not any(ln.citation and above.start <= ln.start < above.end for ln in ctx.body.links)
        and _POINTS_BELOW.search(ctx.body.text, above.start, above.end) is not None
    )


# "Click through for the whole thing.", "Read the full story at the link.": the paragraph
# sends the reader on to the line below
_POINTS_BELOW = re.compile(
    r"\b(?:click through|read (?:the|it) (?:whole|full|rest)|the whole thing|at the link|"
    r"link below|(?:full|whole|entire) (?:story|piece|strip|comic|article|interview|report))\b",
    re.IGNORECASE,
)


def _prose(el: HtmlElement | None) -> bool:
    return el is not None and el.tag == "p" and len(el.text_content().split()) >= _PROSE_WORDS


def _inset_box(heading: HtmlElement) -> HtmlElement | None:
    """The list a chrome heading labels when both sit between paragraphs of the story
    ("…devastating.” | Related | • … | The announcement by…"), else None."""
    box = heading.getnext()
    if box is None or box.tag not in ("ul", "ol"):
        return None
    return box if _prose(heading.getprevious()) and _prose(box.getnext()) else None


def _mixed(el: HtmlElement, ctx: _Context, kind: str) -> None:
    """A container holding both loose inline content and block children."""
    run = Run()
    if el.text:
        run.add(el.text)
    for child in el:
        if isinstance(child.tag, str) and child.tag in _BLOCK_TAGS:
            _emit(run, kind, ctx)
            run = Run()
            _walk(child, ctx, kind)
        elif isinstance(child.tag, str) and not is_boilerplate_element(child):
            _inline_element(child, run, ctx, kind)
        if child.tail:
            run.add(child.tail)
    _emit(run, kind, ctx)


def _shows_address(text: str, absolute: str) -> bool:
    """Whether the anchor is the link's own address written out ("https://x.org/tsne/")."""

    def bare(url: str) -> str:
        return re.sub(r"^(?:https?://)?(?:www\.)?", "", url.strip().lower()).rstrip("/")

    return "." in text and bare(text) == bare(absolute)


def _cite_embed(el: HtmlElement, url: str, ctx: _Context) -> None:
    """An embedded post is the source of the sentence that quotes or introduces it."""
    spans = [(b.start, b.end) for b in ctx.body.blocks if b.kind in ("paragraph", "list_item")]
    at = post_anchor(ctx.body.text, spans, el.text_content(), embed_platform(url))
    if at is not None:
        ctx.body.links.append(Link(at, at + 1, url, _EMBEDDED, True))
    ctx.post, ctx.under_post = url, 0


def _walk(el: HtmlElement, ctx: _Context, kind: str = "paragraph") -> None:
    """Walk one element of the container in document order."""
    if not isinstance(el.tag, str) or el in ctx.excluded or el in ctx.inset:
        return
    if el in ctx.deck:
        kind = "notice"
    if el.tag in ("blockquote", "div") and (post := embedded_post_url(el, ctx.base_url)):
        _cite_embed(el, post, ctx)
        _mixed(el, ctx, "notice")  # the post's words stay text the page shows, never claims
    elif is_boilerplate_element(el):
        for inner in el.iter("blockquote"):  # a post in a "social-media-embed" wrapper
            if post := embedded_post_url(inner, ctx.base_url):
                _cite_embed(inner, post, ctx)
    elif el.tag in _HEADINGS:
        _heading(el, ctx)
    elif ctx.skip_level:
        return
    elif is_styled_heading(el) and is_chrome_heading(el.text_content()):
        ctx.skip_level = (
            6  # "<div class='heading-h3'>More Great Stories</div>": to the next heading
        )
    elif el.tag == "p" and _reading_list_label(el):
        ctx.inset.update(_linked_after(el))  # "A lire aussi :" over linked blurbs: skip them
    elif is_caption(el):
        _block(el, "notice", ctx)  # a picture's caption: kept as text, never a claim
    elif el.tag == "p" and is_chrome_label(el):
        ctx.notice = True  # a bold "About Acme": the rest is the release's standing notices
        _block(el, "notice", ctx)
    elif el.tag in ("ul", "ol", "dl"):
        for item in el:
            _walk(item, ctx, "list_item")
    elif el.tag == "table":
        for cell in prose_cells(el):  # the one-line descriptions, not the names and years
            if cell.get(_REFS_MOVED) is None:  # "[14]" in the row's "Ref." column, once
                cell.set(_REFS_MOVED, "")
                for marker in row_markers(cell):
                    cell.append(copy.deepcopy(marker))
                    cell[-1].tail = None
            _block(cell, "paragraph", ctx)
    elif el.tag == "blockquote":
        _mixed(el, ctx, "quote")
    elif any(isinstance(c.tag, str) and c.tag in _BLOCK_TAGS for c in el):
        _mixed(el, ctx, kind)
    else:
        _block(el, "list_item" if el.tag in ("li", "dt", "dd") else kind, ctx)


_REFS_MOVED = "data-claimtrail-row-markers"


def _reading_list_label(el: HtmlElement) -> bool:
    """A paragraph that is only a chrome heading's words and a colon ("A lire aussi :",
    "Related:"), linking nothing: the label of the linked lines under it."""
    text = el.text_content().strip()
    return (
        text.endswith(":")
        and len(text) < _LABEL_CHARS
        and el.find(".//a") is None
        and (is_chrome_heading(text))
    )


_LABEL_CHARS = 40


def _linked_after(label: HtmlElement) -> list[HtmlElement]:
    """The run of paragraphs and lists right after a reading list's label that each link
    somewhere: the list it labels (the story's next paragraph without a link ends it)."""
    run = []
    for el in label.itersiblings():
        if not isinstance(el.tag, str) or el.tag not in ("p", "ul", "ol", "div"):
            break
        if not _opens_with_link(el):
            break  # the story goes on (a paragraph may link a source further in)
        run.append(el)
    return run


# characters of a label before the line's link: "Revue Mots Les langages du politique : <a>…"
_LINK_OPENS_WITHIN = 60


def _opens_with_link(el: HtmlElement) -> bool:
    """Whether the element's text opens with a link, or with a short label and a colon before
    one ("Revue Projet : <a>…</a>"), as a reading list's lines do; a story's paragraph does
    not ("The vote was 7 to 2, and the mayor said the plan <a>follows the audit</a>…")."""
    link = el.find(".//a")
    if link is None:
        return False
    text, anchor = el.text_content(), link.text_content()
    lead = text[: max(text.find(anchor), 0)].strip() if anchor.strip() else text.strip()
    return not lead or (len(lead) <= _LINK_OPENS_WITHIN and lead.endswith(":"))


def walk_body(
    containers: list[HtmlElement],
    *,
    base_url: str,
    own_domains: Collection[str],
    own_hosts: Collection[str],
    anchor_labels: Mapping[str, str],
    excluded: Collection[HtmlElement],
    title: str | None,
    keep: Callable[[str], bool] | None = None,
    unfiltered: Collection[HtmlElement] = (),
) -> BodyText:
    """Blocks, links and HTML markers of the article containers, in order.

    `keep`, when given, decides which finished blocks belong to the article, except in the
    `unfiltered` containers.
    """
    ctx = _Context(base_url, own_domains, own_hosts, anchor_labels, excluded, title, keep)
    for container in containers:
        ctx.keep = None if container in unfiltered else keep
        if any(isinstance(c.tag, str) and c.tag in _BLOCK_TAGS for c in container):
            _mixed(container, ctx, "paragraph")  # the container itself is never chrome
        else:
            _block(container, "paragraph", ctx)
    ctx.body.links = _without_galleries(ctx.body.links)
    return ctx.body


_EMBEDDED = "embedded post"
_GALLERY = 3  # embedded posts under one sentence that make a gallery of reactions


def _without_galleries(links: list[Link]) -> list[Link]:
    """Drop the embedded posts that share their sentence with two or more others: "…began
    posting photos and video" over eight posts shows what people posted, each post no source
    of the sentence."""
    shared = Counter(ln.start for ln in links if ln.text == _EMBEDDED)
    return [ln for ln in links if ln.text != _EMBEDDED or shared[ln.start] < _GALLERY]

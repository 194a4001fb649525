"""Links that cite more than the sentence they sit in: a "Source:" line's, and a quotation's
credit (a line under it, or a lead-in above it)."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from app.pipeline.citations.link_filter import is_source_link
from app.pipeline.types import Block, Link

__all__ = ["note_links", "quote_credit_links", "quotes_start"]


def _sources(links: Sequence[Link], own_domains: Collection[str]) -> list[Link]:
    """The links that can stand for a source, the site's own pages included."""
    return [
        ln for ln in links
        if is_source_link(ln.href, ln.href, text=ln.text, rel="", own_domains=own_domains,
                          cited=True)
    ]  # fmt: skip


def note_links(links: Sequence[Link], above: Block, own_domains: Collection[str]) -> list[Link]:
    """The links of a "Source:" line, spanning the block above it, whose statements they cite.

    A line of several sources ("Sources: Great Again, Washington Examiner") cites no one
    paragraph: its links span nothing, and the sentences that name them ("notes the
    Washington Examiner") cite them by name.
    """
    found = _sources(links, own_domains)
    if len({ln.href for ln in found}) > 1:
        return [Link(above.end, above.end, ln.href, ln.text, True, True) for ln in found]
    return [Link(above.start, above.end, ln.href, ln.text, True, True) for ln in found]


def quote_credit_links(
    links: Sequence[Link], start: int, end: int, own_domains: Collection[str]
) -> list[Link]:
    """A quotation credit's links, spanning every sentence of the quotation."""
    return [
        Link(start, end, ln.href, ln.text, True, True, True) for ln in _sources(links, own_domains)
    ]


def quotes_start(blocks: Sequence[Block], credited_until: int) -> int | None:
    """Where the run of quotation blocks that ends the body starts, if it ends in one (and no
    credit line took it already)."""
    start = None
    for block in reversed(blocks):
        if block.kind != "quote" or block.start < credited_until:
            break
        start = block.start
    return start

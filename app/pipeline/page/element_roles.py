"""Elements that play a part their tag does not say: a caption in a <div>, a heading in a <p>."""

from __future__ import annotations

import re

from lxml.html import HtmlElement

__all__ = ["is_caption", "is_styled_heading", "prose_cells", "row_markers"]

_CAPTION_WORDS = 60


def is_caption(el: HtmlElement) -> bool:
    """A picture with a few words under it, in a <div> or <p> rather than a <figure>."""
    if el.tag not in ("div", "p") or next(el.iter("img"), None) is None:
        return False
    if any(isinstance(c.tag, str) and c.tag in ("p", "div", "ul", "ol", "blockquote") for c in el):
        return False
    text = el.text_content()
    words = len(text.split())
    if words >= _PARAGRAPH_WORDS and not _CREDIT.search(text) and len(_STOPS.findall(text)) >= 2:
        return False  # a paragraph under its picture (two sentences and more, no credit)
    return 0 < words <= _CAPTION_WORDS


_PARAGRAPH_WORDS = 30
_STOPS = re.compile(r"[a-z][.!?][\"”’)]?(?=\s|$)")
# the credit of a picture: "Photo: …", "(Getty Images)", "Courtesy of …"
_CREDIT = re.compile(
    r"\b(?:photo(?:graph)?s?|image|picture|credit|courtesy|illustration|getty|reuters|afp|"
    r"shutterstock|associated press|pictured)\b|©",
    re.IGNORECASE,
)


def is_styled_heading(el: HtmlElement) -> bool:
    """A <div> or <p> dressed as a heading by its class ("heading-h3", "section-title")."""
    classes = el.get("class", "").lower()
    return el.tag in ("div", "p", "span") and ("heading" in classes or "title" in classes)


_PROSE_WORDS = 8  # a cell that says something: "Office worker Barry Thomas is forced to…"
_PROSE_ROWS = 3
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?(?:\s*\[\d+\])*\s*$")


def prose_cells(table: HtmlElement) -> list[HtmlElement]:
    """The cells of a table that tells things row by row (a list article's "Film | Year |
    Description [14]"): each row's cell of a sentence or more. Empty for a table of data,
    names or layout, whose rows hold no sentences."""
    if table.tag != "table" or table.find(".//table") is not None:
        return []
    cells = []
    rows = table.findall(".//tr")
    for row in rows:
        for cell in row:
            if cell.tag != "td":
                continue
            text = cell.text_content().strip()
            if len(text.split()) >= _PROSE_WORDS and _SENTENCE_END.search(text):
                cells.append(cell)
    return cells if len(cells) >= _PROSE_ROWS and 2 * len(cells) >= len(rows) else []


_ONLY_MARKERS = re.compile(r"^(?:\s*\[[^\[\]]{1,12}\])+\s*$")  # a "Ref." cell: "[14][15]"


def row_markers(cell: HtmlElement) -> list[HtmlElement]:
    """The note markers of the prose cell's row that stand in a cell of their own (a list's
    "Ref." column): they cite what the cell says."""
    row = cell.getparent()
    if row is None:
        return []
    found = []
    for other in row:
        if other is not cell and other.tag == "td" and _ONLY_MARKERS.match(other.text_content()):
            found += [el for el in other if isinstance(el.tag, str) and el.tag in ("sup", "a")]
    return found

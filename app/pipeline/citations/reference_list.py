"""Reference lists wherever they sit: numbered lines, `ol.references`, footnotes, bibliographies."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import html as lxml_html
from lxml.html import HtmlElement

from app.pipeline.citations.author_year import bibliography_label
from app.pipeline.citations.ibid import resolve_ibid
from app.pipeline.citations.reference_entry import parse_entry
from app.pipeline.page.boilerplate import is_bold_paragraph
from app.pipeline.types import Reference

__all__ = ["ReferenceSections", "find_references", "is_reference_heading"]


_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
_REF_HEADING = re.compile(
    r"^(references?|sources?|notes?|citations?|bibliography|works cited|footnotes|endnotes|"
    r"notes and references|references and notes|sources and notes|source notes|cited works|"
    r"literature cited|literature"
    # the same lists in German, French, Spanish, Italian, Dutch and Portuguese pages
    r"|quellen|quellen?angaben?|einzelnachweise|nachweise|anmerkungen|fußnoten|belege|"
    r"literaturverzeichnis|références|notes et références|referencias|notas|fuentes|"
    r"fonti|bronnen|referenties|referências|fontes)$",
    re.IGNORECASE,
)
_CONTAINER_PARTS = frozenset(
    {"references", "reflist", "refs", "footnotes", "endnotes", "bibliography", "citations",
     "sources", "works-cited", "reference-list", "sources-list", "source-list", "doc-endnotes",
     "doc-bibliography"}
)  # fmt: skip
_BLOCKER_PARTS = frozenset(
    {"comment", "comments", "related", "newsletter", "promo", "share", "sidebar", "widget",
     "nav", "menu", "navbox", "popular", "trending", "readmore", "teaser", "recirc"}
)  # fmt: skip
# Cheap test on the raw attributes before splitting them into parts: every container part
# is a substring of the raw value, so a miss here is a miss for `_parts` too.
_CONTAINER_HINT = re.compile("|".join(sorted(_CONTAINER_PARTS)))
# The list's own tools ("Download references"), not one of its entries.
_LIST_TOOL = re.compile(r"^(?:download|export)\s+(?:all\s+)?(?:references|citations?)\b", re.I)
_EXPLICIT_LABEL = re.compile(r"^\s*(?:\[\s*(\w{1,4})\s*\]|(\d{1,3})[.)]\s)")
_MARKER_LINK = re.compile(r"^\[?\s*(\d{1,3})\s*\]?$")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # lxml refuses them in new text nodes


@dataclass(slots=True)
class ReferenceSections:
    """References found on the page and the elements that hold them (kept out of the body)."""

    references: list[Reference] = field(default_factory=list)
    elements: set[HtmlElement] = field(default_factory=set)


def _parts(el: HtmlElement) -> set[str]:
    """Class/id/role tokens and their hyphen parts."""
    raw = f"{el.get('class', '')} {el.get('id', '')} {el.get('role', '')}".lower().split()
    return set(raw) | {p for token in raw for p in re.split(r"[-_]+", token) if p}


def is_reference_heading(text: str) -> bool:
    """ "References", "Sources", "Notes", "Works cited"... (with any "[edit]" or colon)."""
    cleaned = re.sub(r"\[\s*edit\s*\]|[:#¶]", "", text).strip()
    return bool(_REF_HEADING.match(cleaned))


def _is_container(el: HtmlElement) -> bool:
    """An element named like a reference list ("references", "footnotes") holding items."""
    raw = f"{el.get('class', '')} {el.get('id', '')} {el.get('role', '')}"
    if el.tag == "body" or not _CONTAINER_HINT.search(raw.lower()):
        return False
    return bool(_parts(el) & _CONTAINER_PARTS) and bool(el.xpath(".//li"))


def _blocked(el: HtmlElement) -> bool:
    """Inside comments, related lists, navigation, the site's footer or other chrome."""
    return any(
        anc.tag == "nav"
        or (anc.tag == "footer" and _site_footer(anc))
        or (anc.tag not in ("html", "body") and _parts(anc) & _BLOCKER_PARTS)
        for anc in el.iterancestors()
    )  # <html class="vector-toc-available">: page-wide state, not a region


def _site_footer(footer: HtmlElement) -> bool:
    """A <footer> outside any <article>: the site's (its "Quellen" are a blogroll), not a
    story's own footer, where a story may keep its sources."""
    return not any(a.tag == "article" for a in footer.iterancestors())


def _entries(root: HtmlElement) -> list[tuple[HtmlElement, int]]:
    """List items of the outermost lists under root (with their position), else its lines."""
    items: list[tuple[HtmlElement, int]] = []
    for lst in root.iter("ol", "ul"):
        if any(a.tag == "li" for a in lst.iterancestors()) or lst in {i for i, _ in items}:
            continue
        start = int(lst.get("start", "1")) if lst.get("start", "1").isdigit() else 1
        items.extend((li, start + n) for n, li in enumerate(c for c in lst if c.tag == "li"))
    if items or root.tag in ("ol", "ul"):
        return items
    return [(line, n + 1) for n, line in enumerate(_lines(root))]


def _lines(root: HtmlElement) -> list[HtmlElement]:
    """Paragraph-like children split at <br>: one element per printed line."""
    blocks = [el for el in root.iter("p", "div") if not len(el.xpath(".//p|.//div"))] or [root]
    lines: list[HtmlElement] = []
    for block in blocks:
        markup = _CONTROL.sub("", lxml_html.tostring(block, encoding="unicode"))
        for fragment in _BR.split(markup):
            if fragment.strip():
                node = lxml_html.fragment_fromstring(fragment, create_parent="span")
                if node.text_content().strip():
                    lines.append(node)
    return lines


def _label(text: str, position: int, ordered: bool) -> str:
    """Printed "[n]"/"n." label, else the author-year of an APA entry, else the position."""
    m = _EXPLICIT_LABEL.match(text)
    if m:
        return m.group(1) or m.group(2)
    if not ordered:
        author_year = bibliography_label(text)
        if author_year:
            return author_year
    return str(position)


def _collect(root: HtmlElement, base_url: str, found: ReferenceSections, seen: set) -> None:
    """Parse every entry under root into `found`."""
    for el, position in _entries(root):
        if el in seen:
            continue
        seen.add(el)
        text, url, title, publisher = parse_entry(el, base_url=base_url)
        if len(text) < 3 or _LIST_TOOL.match(text):
            continue
        ordered = el.getparent() is not None and el.getparent().tag == "ol"
        anchors = [i for i in (el.get("id"), *(d.get("id") for d in el.iter())) if i]
        found.references.append(
            Reference(
                label=_label(text, position, ordered), url=url, publisher=publisher,
                title=title, text=text, anchors=list(dict.fromkeys(anchors)), refers_to=_inward(el),
            )
        )  # fmt: skip


def _heading_section(heading: HtmlElement) -> list[HtmlElement]:
    """The heading's wrapper and the siblings after it, up to the next heading."""
    anchor = heading
    parent = heading.getparent()
    if (
        parent is not None
        and parent.tag in ("div", "header")
        and all(c is heading or c.tag in ("span", "a", "button", "small") for c in parent)
    ):
        anchor = parent  # MediaWiki wraps headings: <div class="mw-heading"><h2/><span/></div>
    section = [anchor]
    for sib in anchor.itersiblings():
        if not isinstance(sib.tag, str):
            continue
        if _is_heading(sib) or sib.tag == "h1" or sib.xpath(".//h2|.//h3|.//h4"):
            break
        section.append(sib)
    return section


def _is_heading(el: HtmlElement) -> bool:
    """<h2>–<h6>, a paragraph that is nothing but bold text ("<p><b>Sources:</b></p>"), or a
    plain paragraph naming a reference list right over its first numbered entry
    ("<p>Quellenangabe</p><p>[1] Josef Hesse, …</p>")."""
    return el.tag in _HEADINGS or is_bold_paragraph(el) or _plain_list_heading(el)


_HEADING_CHARS = 40


def _plain_list_heading(el: HtmlElement) -> bool:
    if el.tag != "p" or len(text := el.text_content().strip()) > _HEADING_CHARS:
        return False
    entry = el.getnext()
    return (
        entry is not None
        and _EXPLICIT_LABEL.match(entry.text_content()) is not None
        and is_reference_heading(text)
    )


def _footnote_targets(tree: HtmlElement, found: ReferenceSections) -> list[tuple[HtmlElement, str]]:
    """Elements that numbered in-page links point forward to, with the number shown."""
    known = {a for r in found.references for a in r.anchors}
    targets: dict[str, tuple[HtmlElement, str]] = {}
    order: dict[HtmlElement, int] = {}
    by_id: dict[str, HtmlElement] = {}
    for a in tree.iter("a"):
        href = a.get("href") or ""
        if not href.startswith("#") or href[1:] in known or href[1:] in targets:
            continue
        m = _MARKER_LINK.match(a.text_content().strip())
        if not m:
            continue
        if not order:  # walked once, on the first page link that looks like a note number
            order, by_id = _document_order(tree)
        entry = by_id.get(href[1:])
        if entry is None or order[entry] <= order[a]:
            continue  # a backlink from the note to the marker, or nothing at all
        if len(entry.text_content().strip()) < 15 and entry.getparent() is not None:
            entry = entry.getparent()  # <a id="fn-1">1</a> inside the note's wrapper
        if len(entry.text_content()) < 2000 and not _is_division(entry):
            targets[href[1:]] = (entry, m.group(1))
    return list(targets.values())


def _document_order(tree: HtmlElement) -> tuple[dict[HtmlElement, int], dict[str, HtmlElement]]:
    """Every node's position in document order, and the first element bearing each id."""
    order: dict[HtmlElement, int] = {}
    by_id: dict[str, HtmlElement] = {}
    for i, el in enumerate(tree.iter()):
        order[el] = i
        if isinstance(el.tag, str) and (ident := el.get("id")) is not None:
            by_id.setdefault(ident, el)
    return order, by_id


def _is_division(el: HtmlElement) -> bool:
    """A part of the document ("see Section <a href=#S4>4</a>"), never a note."""
    if el.tag in ("body", "html", "section", "article", "main"):
        return True
    return next(el.iter("h1", "h2", "h3", "h4", "h5", "h6"), None) is not None


def _add_target_entries(tree: HtmlElement, base_url: str, found: ReferenceSections) -> None:
    """Footnotes that are not in any list: the elements the body's note numbers link to."""
    for entry, label in _footnote_targets(tree, found):
        if entry in found.elements or any(a in found.elements for a in entry.iterancestors()):
            continue
        text, url, title, publisher = parse_entry(entry, base_url=base_url)
        found.elements.add(entry)
        ids = [i for i in (d.get("id") for d in entry.iter()) if i]
        found.references.append(
            Reference(label, url, publisher, title, text, ids, refers_to=_inward(entry))
        )


def _inward(el: HtmlElement) -> list[str]:
    """Ids the entry's in-page links point to."""
    return [h[1:] for a in el.iter("a") if (h := a.get("href") or "").startswith("#")]


def _resolve_short_notes(references: list[Reference]) -> None:
    """ "Pennick 1998, p. 41." linking to the full entry in "Sources" cites that entry's URL."""
    full = {a: r for r in references if r.url for a in r.anchors}
    for ref in references:
        target = next((full[i] for i in ref.refers_to if i in full), None)
        if ref.url is None and target is not None and target is not ref:
            ref.url, ref.title = target.url, ref.title or target.title
            ref.publisher = ref.publisher or target.publisher


def find_references(tree: HtmlElement, *, base_url: str) -> ReferenceSections:
    """All reference entries of the page, each once, in page order of their lists."""
    found = ReferenceSections()
    seen: set[HtmlElement] = set()
    for el in tree.iter():
        if not isinstance(el.tag, str) or el in found.elements:
            continue
        if _is_heading(el) and is_reference_heading(el.text_content()) and not _blocked(el):
            section = _heading_section(el)
            found.elements.update(section)
            for part in section[1:]:
                _collect(part, base_url, found, seen)
        elif _is_container(el) and not _blocked(el):
            found.elements.add(el)
            _collect(el, base_url, found, seen)
    _add_target_entries(tree, base_url, found)
    resolve_ibid(found.references)
    _resolve_short_notes(found.references)
    return found

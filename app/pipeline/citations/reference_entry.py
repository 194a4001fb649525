"""One entry of a reference list: its source URL, title and publisher."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from app.urls import join_url

__all__ = ["entry_text", "parse_entry", "pick_url"]


_WS = re.compile(r"\s+")
_URL_IN_TEXT = re.compile(r"https?://[^\s<>\"“”]+")
_DOI = re.compile(r"\bdoi:\s*(10\.\d{4,9}/\S+)", re.IGNORECASE)
_QUOTED = re.compile(r"[“\"]([^”\"]{3,300}?)[,.]?[”\"]")
_APA_TITLE = re.compile(r"\(\d{4}[a-z]?(?:, [^)]*)?\)\.\s+(.+?[.?!])(?:\s|$)")
_ARCHIVE = re.compile(r"^https?://(?:web\.)?archive\.org/web/[^/]+/(https?://.+)$")
_BACKLINK = re.compile(r"^(#cite_ref|#fnref|#ref-?back)", re.IGNORECASE)
_AUTHOR_LIST = re.compile(r"(et al\b|^[A-Z][\w'’-]+,? [A-Z]{1,3}(,|$| and | &))")
_JUNK_SEGMENT = re.compile(
    r"^(\(?(pdf|report|press release|in [a-z]+)\)?|retrieved\b.*|archived\b.*|accessed\b.*|"
    r"updated\b.*|p{1,2}\.\s*\d.*|\d.*|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*"
    r"\.? \d.*|vol\..*|no\..*)$",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"\s+[—–|]\s+|\s+-\s+")
_LEADING_LABEL = re.compile(r"^\s*(?:\^\s*)?(?:\[\s*\w{1,4}\s*\]|\d{1,3}[.)])\s*")


def _clean(text: str) -> str:
    """Collapse white space and trim."""
    return _WS.sub(" ", text).strip()


def _is_backlink(el: HtmlElement) -> bool:
    """Footnote "↩" and Wikipedia "^ a b" links back into the body."""
    cls = el.get("class", "")
    return (
        "backref" in cls
        or "backlink" in cls
        or el.get("role") == "doc-backlink"
        or bool(_BACKLINK.match(el.get("href", "")))
    )


def entry_text(el: HtmlElement) -> str:
    """The entry's visible text without backlinks."""
    parts: list[str] = []

    def walk(node: HtmlElement) -> None:
        if isinstance(node.tag, str) and (_is_backlink(node) or node.tag in ("script", "style")):
            if node.tail:
                parts.append(node.tail)
            return
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
        if node is not el and node.tail:
            parts.append(node.tail)

    walk(el)
    return _clean("".join(parts)).lstrip("^↩ ").strip()


# Wiki pages explaining an identifier ("doi", "ISBN") sit before the identifier's own link.
_IDENTIFIER_HELP = re.compile(
    r"/wiki/(?:Doi|ISBN|ISSN|OCLC|Bibcode|PMID|PMC|S2CID|JSTOR|ArXiv|Hdl|LCCN)_\(identifier\)"
    r"|/wiki/Special:BookSources",
    re.IGNORECASE,
)


def pick_url(candidates: list[str], *, own_host: str | None = None) -> str | None:
    """The cited work: the first original URL off the page's own site (a wiki's links to its
    own articles, "ISBN" or "Tea (poem)", name a thing, not the work), else one of the site's
    own documents (a PDF, a report); an archive.org copy only when no original is given."""
    originals = [u for u in candidates if not _ARCHIVE.match(u) and _splits(u)]
    external = [u for u in originals if not own_host or _host(u) != own_host]
    published = [u for u in originals if _OWN_PUBLICATION.search(urlsplit(u).path)]
    if external or published:
        return (external or published)[0]
    for url in candidates:
        m = _ARCHIVE.match(url)
        if m:
            return m.group(1)
    return None


_OWN_PUBLICATION = re.compile(
    r"\.(?:pdf|docx?|xlsx?|csv)$|/(?:publications?|reports?|research|documents?|papers?)/",
    re.IGNORECASE,
)


def _splits(url: str) -> bool:
    """Whether the URL has parts at all ("http://[2001:db8" is no IPv6 host: urlsplit raises)."""
    try:
        urlsplit(url)
    except ValueError:
        return False
    return True


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").removeprefix("www.")


def _urls(el: HtmlElement, text: str, base_url: str) -> list[str]:
    """External link targets, then URLs and DOIs printed in the text."""
    found: list[str] = []
    for a in el.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith("#") or _is_backlink(a) or _IDENTIFIER_HELP.search(href):
            continue
        absolute = join_url(base_url, href)
        if absolute and urlsplit(absolute).scheme in ("http", "https"):
            found.append(absolute)
    found.extend(m.group(0).rstrip(".,;)") for m in _URL_IN_TEXT.finditer(text))
    found.extend(f"https://doi.org/{m.group(1).rstrip('.,;')}" for m in _DOI.finditer(text))
    return found


def _looks_like_url(text: str) -> bool:
    """ "https://…" or a bare domain such as "worldathletics.org" / "GOV.UK"."""
    return bool(re.match(r"^(https?://|www\.)", text)) or (
        " " not in text and "." in text.strip(".")
    )


def _title(el: HtmlElement, text: str) -> str | None:
    """Quoted title, else APA title after "(Year).", else the link text if it is not a URL."""
    quoted = _QUOTED.search(text)
    if quoted:
        return quoted.group(1).strip().rstrip(",.")
    apa = _APA_TITLE.search(text)
    if apa:
        return apa.group(1).rstrip(".")
    for a in el.iter("a"):
        label = _clean(a.text_content()).strip('"“”')
        if label and not _is_backlink(a) and not _looks_like_url(label) and len(label) > 3:
            return label
    return None


def _italic_publisher(el: HtmlElement, title: str | None) -> str | None:
    """The last italic name outside the title that is not a bare domain."""
    names = []
    for node in el.iter("i", "em"):
        name = _clean(node.text_content()).strip(".,")
        if not name or len(name) < 2 or _looks_like_url(name):
            continue
        if title and name in title:
            continue
        names.append(name)
    return names[-1] if names else None


def _segment_publisher(text: str, title: str | None) -> str | None:
    """Publisher from the words around the title: "Publisher — Title — URL" or "Org, “Title”"."""
    body = _LEADING_LABEL.sub("", text)
    parts = [p.strip() for p in _SEPARATORS.split(body) if p.strip()]
    if len(parts) >= 2 and not _looks_like_url(parts[0]):
        return parts[0].strip(" .,")
    if title and title in body:
        before = body[: body.index(title)].strip(' “"”,.:')
        if before and len(before) <= 80 and not _AUTHOR_LIST.search(before):
            return before
        after = body[body.index(title) + len(title) :]
        for segment in re.split(r"(?<=[.”\"])\s+|\.\s+", after):
            candidate = re.sub(r"\([^)]*\)", "", segment).strip(' .,“”"')
            if candidate and not _JUNK_SEGMENT.match(candidate) and not _looks_like_url(candidate):
                return candidate
    return None


def parse_entry(
    el: HtmlElement, *, base_url: str
) -> tuple[str, str | None, str | None, str | None]:
    """(text, url, title, publisher) of one reference-list entry."""
    text = entry_text(el)
    url = pick_url(_urls(el, text, base_url), own_host=_host(base_url))
    title = _title(el, text)
    publisher = _italic_publisher(el, title) or _segment_publisher(text, title)
    return text, url, title, publisher

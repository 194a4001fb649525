"""Page metadata: title, byline, publication date, site name, language, canonical URL."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import trafilatura
from lxml.html import HtmlElement
from trafilatura.settings import Document as TrafilaturaDocument

from app.pipeline.page.dates import published_date
from app.pipeline.page.markup import json_ld_objects, meta_content
from app.pipeline.page.trafilatura_meta import TrafilaturaMeta
from app.urls import join_url

__all__ = ["PageMetadata", "extract_metadata"]


_PERSON_TYPES = frozenset({"Person"})
_WS = re.compile(r"\s+")


@dataclass(slots=True)
class PageMetadata:
    """What the page says about itself."""

    title: str | None = None
    byline: str | None = None
    published: str | None = None
    site_name: str | None = None
    language: str | None = None
    canonical_url: str | None = None


def _clean(text: str | None) -> str | None:
    """Collapse white space; None for empty strings."""
    if not text:
        return None
    return _WS.sub(" ", text).strip() or None


def _json_ld_people(tree: HtmlElement) -> str | None:
    """Person authors of the JSON-LD article, joined; organisations are not bylines."""
    for obj in json_ld_objects(tree):
        authors = obj.get("author")
        if authors is None:
            continue
        people = [
            a["name"]
            for a in (authors if isinstance(authors, list) else [authors])
            if isinstance(a, dict) and a.get("@type") in _PERSON_TYPES and a.get("name")
        ]
        if people:
            return ", ".join(str(p) for p in people)
    return None


def _title(tree: HtmlElement, candidate: str | None, site: str | None) -> str | None:
    """The headline as the page shows it: the <h1> marked as the article's headline or named by
    the page's titles (og:title and <title> often reword it), else the metadata title without
    its site suffix."""
    titles = [n for n in _other_titles(tree) if n and not _SLUG.match(n)]
    if candidate and _SLUG.match(candidate):
        candidate = titles[0] if titles else None  # og:title "adac-kindersitztest-herbst-2018"
    if candidate and _FORM_HEADING.match(candidate):
        candidate = titles[0] if titles else None  # "Join the Discussion Cancel reply"
    if candidate and titles and not any(_same_story(candidate, n) for n in titles):
        candidate = _heading_in(tree, titles) or candidate  # a masthead no title names
    suffixes = {s.lower() for s in (site,) if s}
    if candidate:
        candidate = _other_part(tree, candidate, titles, suffixes) or candidate
    names = [n for n in (candidate, *titles) if n]
    for h1 in tree.iter("h1"):
        heading = _clean(h1.text_content())
        if not heading or _links_home(h1):
            continue  # "<h1><a href='http://lostinjit.blogspot.fr/'>Lost in JIT</a></h1>"
        heading = _first_line(h1, heading, names)
        if h1.get("itemprop") == "headline" and next(h1.iter("a"), None) is None:
            return heading  # marked as the article's headline, and no card linking elsewhere
        labelled = [n[: -len(heading)] for n in names if n.endswith(heading) and n != heading]
        if any(_SECTION_LABEL.match(prefix) or _KICKER_LABEL.match(prefix) for prefix in labelled):
            return heading  # "Opinion | Republicans Are…": a section label, then the story
        if labelled or _in_site_part(heading, names):
            suffixes.add(heading.lower())  # "A grant to … - The GiveWell Blog": the site
        elif (
            (bare := _without_kicker(h1)) and bare != heading and _names_bare(bare, heading, titles)
        ):
            return bare  # "<span class='category'>Verbraucherschutz</span>Mehr Transparenz…"
        elif any(_same_story(heading, n) for n in names):
            return heading
    shown = _marked_headline(tree)
    if shown and candidate and not any(_same_story(shown, n) for n in names):
        return shown  # the titles give a social headline the page never shows
    if shown and candidate and not _same_story(candidate, shown) and any(shown in n for n in names):
        return shown  # "Lost in JIT: PyPy and the road…": the guess was the blog's masthead
    named = shown is not None and any(_same_story(shown, t) for t in titles)
    if named and not (candidate and any(_same_story(candidate, t) for t in titles)):
        return shown  # the guess ("See Also") is a rail's heading no title of the page names
    if candidate and candidate.lower() in suffixes:  # the guess is the site's masthead
        candidate = _heading_in(tree, titles) or candidate
    return _without_site(candidate, suffixes, tree) if candidate else None


# a headline's kicker or hidden label inside the <h1>: "Thema Verbraucherschutz" over the story
_KICKER_PARTS = frozenset(
    {"category", "kicker", "topline", "overline", "dachzeile", "roofline", "spitzmarke",
     "eyebrow", "rubric", "supertitle", "aural", "pretitle", "surtitre",
     "label", "badge",  # "<span class='label abo'>Abonnés</span>": a subscribers' badge
     "hide", "hidden",  # Bootstrap's display:none
     "sr-only", "visually-hidden", "screen-reader-text", "element-invisible"}
)  # fmt: skip


def _names_bare(bare: str, heading: str, titles: list[str]) -> bool:
    """Whether the page's titles (<title>, og:title…) name the headline without its kicker:
    one holds the bare headline and none the kicker with it (ZEIT's titles carry the kicker:
    it stays)."""
    lowered = [t.lower() for t in titles]
    if any(heading.lower() in t for t in lowered):
        return False
    return any(bare.lower() in t for t in lowered) or any(_same_story(bare, t) for t in titles)


def _is_kicker(el: HtmlElement) -> bool:
    """A kicker or screen-reader label by its class, BEM parts included
    ("article-header__roofline", "headline--kicker")."""
    classes = (el.get("class") or "").lower().split()
    parts = {p for c in classes for p in (c, *re.split(r"__|--", c))}
    return not _KICKER_PARTS.isdisjoint(parts)


def _without_kicker(h1: HtmlElement) -> str | None:
    """The heading's text without the kicker and screen-reader labels inside it."""
    out: list[str] = [h1.text or ""]

    def walk(el: HtmlElement) -> None:
        if _is_kicker(el):
            out.append(el.tail or "")
            return
        out.append(el.text or "")
        for child in el:
            walk(child)
        out.append(el.tail or "")

    for child in h1:
        walk(child)
    return _clean("".join(out))


def _first_line(h1: HtmlElement, heading: str, names: list[str]) -> str:
    """The headline alone where the <h1> adds a line after it ("…<br/>編集委員 中沢克二") or a link
    to the edition's front page ("…Infanta<a href='/mallorca.html'>Ultima Hora Mallorca</a>")
    that no title of the page has after the headline."""
    first = h1.text or ""
    for child in h1:
        if child.tag in ("br", "a"):
            break
        first += child.text_content() + (child.tail or "")
    else:
        return heading
    line = _clean(first)
    if not line or any(heading in n for n in names) or not any(n.startswith(line) for n in names):
        return heading
    return line


def _links_home(heading: HtmlElement) -> bool:
    """A masthead: a heading that is only a link to a site's home page."""
    links = list(heading.iter("a"))
    if len(links) != 1 or _clean(links[0].text_content()) != _clean(heading.text_content()):
        return False
    return urlsplit(links[0].get("href", "").strip()).path in ("", "/")


# "<header class="article-header"><h2>…", "<h1 class="entry-title">": the story's headline
_HEADLINE_MARK = re.compile(r"\b(?:article|entry|post|story)[-_]{0,2}(?:header|title|headline)\b")


def _marked_headline(tree: HtmlElement) -> str | None:
    """The first <h1>/<h2>/<h3> that the markup marks as the story's title, or that opens the
    story's header."""
    for el in tree.iter("h1", "h2", "h3"):  # Blogger's "post-title entry-title" is an <h3>
        around = (el, el.getparent(), *el.iterancestors("header"))
        marks = " ".join((n.get("class") or "").lower() for n in around if n is not None)
        heading = _clean(el.text_content()) or _hoisted(el)
        if heading and _headline_long(heading) and _HEADLINE_MARK.search(marks):
            return heading
    return None


def _hoisted(heading: HtmlElement) -> str | None:
    """The text of "<h1><p>Headline</p></h1>", which the parser turns into an empty <h1> and the
    <p> after it."""
    after = heading.getnext()
    if after is None or after.tag != "p" or heading.text or len(heading):
        return None
    return _clean(after.text_content())


# a comment form's or a rail's heading, which a title guess can land on: never the headline
_FORM_HEADING = re.compile(
    r"^(?:join the discussion|leave a (?:reply|comment)|post a comment|cancel reply|comments?"
    r"|\d+ comments?|related (?:articles|posts|stories)|post navigation|you may also like)\b",
    re.IGNORECASE,
)


def _in_site_part(heading: str, names: list[str]) -> bool:
    """Whether the heading is only in a title's site part ("WordPress.com" of "Want to See…
    — The WordPress.com Blog"): a masthead <h1>."""
    parts = [m for n in names if (m := _SUFFIX.match(n))]
    if any(heading in m.group(2) and heading not in m.group(1) for m in parts):
        return True
    # "Android Developers Blog: Android Things Developer Preview 7" beside the og:title
    # "Android Things Developer Preview 7": what the one title adds to the other is the site
    return any(
        other in n and heading not in other and heading in n.replace(other, "")
        for n in names
        for other in names
        if other != n and len(other) > len(heading)  # the site's name is the shorter part
    )


def _heading_in(tree: HtmlElement, titles: list[str]) -> str | None:
    """The first <h1>/<h2> that the page's titles hold: the headline, where the guessed title
    is a masthead ("Hi, I'm Nicolas.") that no title of the page names."""
    for el in tree.iter("h1", "h2"):
        heading = _clean(el.text_content())
        if heading and _headline_long(heading) and any(heading in t for t in titles):
            return heading
    return None


_HEADLINE_WORDS = 3
_HEADLINE_CHARS = 8  # a headline in a script written without spaces (Chinese, Japanese)


def _headline_long(heading: str) -> bool:
    """Long enough for a headline: three words, or eight characters of a spaceless script."""
    words = heading.split()
    return len(words) >= _HEADLINE_WORDS or (
        len(heading) >= _HEADLINE_CHARS and any(ord(c) >= _CJK_START for c in heading)
    )


_CJK_START = 0x2E80  # CJK radicals, kana and ideographs lie above this point


def _other_titles(tree: HtmlElement) -> list[str | None]:
    titles = [meta_content(tree, "og:title", "twitter:title"), _clean(tree.findtext(".//title"))]
    return titles + [
        _clean(obj["headline"])
        for obj in json_ld_objects(tree)
        if isinstance(obj.get("headline"), str)
    ]


_WORD = re.compile(r"\w+")
_SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+){2,}$")  # a CMS's item name, not a title
_SECTION_LABEL = re.compile(r"^\s*\w+(?:[ -]\w+)?\s*[|:–—-]\s*$")  # "Opinion | ", "Op-Ed: "
# a kicker the titles put before the headline: "Die Arbeitswelt von morgen: Sieben Berufe, …"
_KICKER_LABEL = re.compile(r"^[^|:–—]{3,60}?:\s+$")


def _same_story(heading: str, title: str) -> bool:
    """Whether a heading and a title name one story: one holds the other, or they share
    most of the heading's words ("Julian Assange: Sweden drops…" / "Sweden drops Assange…")."""
    if heading in title or title in heading:
        return True
    mine = set(_WORD.findall(heading.lower()))
    shared = mine & set(_WORD.findall(title.lower()))
    return len(shared) >= 3 and len(shared) >= 0.6 * len(mine)


_SUFFIX = re.compile(r"^(.{8,}?)\s+[-|–—:]\s+([^-|–—:]{2,40})$")


_TWO_PARTS = re.compile(r"\s+[-|–—]\s+")


def _other_part(
    tree: HtmlElement, candidate: str, titles: list[str], suffixes: set[str]
) -> str | None:
    """The headline where the guess is the site's half of a "Site - Headline" title: the
    guess is a web address ("www.Heimicke.de"), or the page shows the other half alone as a
    heading (<h1>–<h4>, or an element named for its headline)."""
    for title in titles:
        parts = [p.strip() for p in _TWO_PARTS.split(title)]
        if len(parts) != 2 or candidate not in parts:  # noqa: PLR2004 (two halves)
            continue
        other = parts[1 - parts.index(candidate)]
        if _DOMAIN.match(candidate) or _names_site(candidate, suffixes, tree):
            return other
        shown = _shown_as_headline(tree)
        if other in shown and candidate not in shown:
            return other
    return None


_HEADLINE_NAME = re.compile(r"headline", re.IGNORECASE)


def _shown_as_headline(tree: HtmlElement) -> set[str]:
    """The texts of the page's <h1>s and of elements whose class or id names a headline."""
    shown = set()
    for el in tree.iter("h1", "div", "span", "p"):
        named = el.tag == "h1" or _HEADLINE_NAME.search(
            f"{el.get('class') or ''} {el.get('id') or ''}"
        )
        if named and (text := _clean(el.text_content())):
            shown.add(text)
    return shown


_PREFIX = re.compile(r"^([^-|–—:]{2,40}?)\s+[-|–—]\s+(.{8,})$")
_DOMAIN = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$", re.IGNORECASE)


def _squeezed(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _names_site(part: str, suffixes: set[str], tree: HtmlElement) -> bool:
    """Whether a title's part is the site's name: its own, its domain's, or a section of its
    address ("/shows/heresthething/2013/…"; not the story's own slug, which repeats the
    headline)."""
    squeezed = _squeezed(part)
    if part.lower() in suffixes:
        return True
    if len(squeezed) < 3:  # noqa: PLR2004 (too short to name anything)
        return False
    address = urlsplit(meta_content(tree, "og:url") or "")
    segments = address.path.rstrip("/").split("/")[1:-1]
    return squeezed in _squeezed(address.netloc) or squeezed in {_squeezed(p) for p in segments}


def _without_site(title: str, suffixes: set[str], tree: HtmlElement) -> str:
    """ "Story - Digg" -> "Story" when the tail is the site's name (its own or its domain's);
    "www.Heimicke.de - Zahlen und Daten" -> "Zahlen und Daten" when the head is."""
    m = _SUFFIX.match(title)
    if m is not None and _names_site(m.group(2).strip(), suffixes, tree):
        return m.group(1).strip()
    m = _PREFIX.match(title)
    if m is not None and (
        _names_site(head := m.group(1).strip(), suffixes, tree) or _DOMAIN.match(head)
    ):
        return m.group(2).strip()
    return title


def _language(tree: HtmlElement) -> str | None:
    """Primary language subtag from <html lang> or og:locale."""
    raw = tree.get("lang") or meta_content(tree, "og:locale", "content-language") or ""
    primary = re.split(r"[-_]", raw.strip())[0].lower()
    return primary or None


def _canonical(tree: HtmlElement, url: str) -> str | None:
    """rel=canonical, else og:url, resolved against the page URL."""
    for link in tree.iter("link"):  # in C, where an XPath compiled for each page
        if link.get("rel") == "canonical" and (href := link.get("href")) is not None:
            return join_url(url, href.strip())
    og = meta_content(tree, "og:url")
    return join_url(url, og) if og else None


def _byline(tree: HtmlElement, guess: Callable[[], str | None], site: str | None) -> str | None:
    """Person authors from JSON-LD, else <meta name=author>, else trafilatura's guess (asked
    for only then: its search of the page is the dearest part of its metadata)."""
    people = _json_ld_people(tree) or meta_content(tree, "author", "article:author")
    if people and not people.startswith("http"):
        return people
    fallback = guess()
    if fallback and fallback != site:
        return fallback.replace("; ", ", ")
    return None


def extract_metadata(
    html: str, tree: HtmlElement, url: str, *, found: TrafilaturaMeta | None = None
) -> PageMetadata:
    """Metadata of one page, from trafilatura (dates via htmldate) plus the page's own markup.

    `found` is what trafilatura read from its parse when it extracted the article.
    """
    meta: TrafilaturaMeta | TrafilaturaDocument | None = None
    if _has_head(tree):
        # no extensive date search: see `article_text.find_article_text`
        meta = found
        if meta is None:
            meta = trafilatura.extract_metadata(html, default_url=url, extensive=False)
    site = _clean(meta.sitename) if meta else None
    return PageMetadata(
        title=_title(tree, _clean(meta.title) if meta else None, site),
        byline=_byline(tree, lambda: _clean(meta.author) if meta else None, site),
        published=published_date(tree, lambda: meta.date if meta else None, url),
        site_name=site,
        language=_language(tree),
        canonical_url=_canonical(tree, url),
    )


def _has_head(tree: HtmlElement) -> bool:
    """Fragments without a <head> carry no metadata worth a second parse."""
    head = tree.find("head")
    return head is not None and len(head) > 0

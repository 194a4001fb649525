"""Which sources each sentence rests on: markers, footnotes, author-year, links, attribution."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.pipeline.attribution import Attribution, find_attributions
from app.pipeline.names import NameSpan, find_names, resolve_descriptor, resolve_short_name
from app.pipeline.sources import SourceIndex, normalize_url
from app.pipeline.types import Citation, Document, Link, Marker, Reference

__all__ = ["SentenceLinks", "build_index", "link_sentences"]

_VIA = {"bracket": "marker", "footnote": "footnote", "author-year": "author-year"}
_PRONOUN_REACH = 2  # sentences back, within the paragraph, that "it"/"she" may point to


@dataclass(slots=True)
class SentenceLinks:
    """The citations and attributed names of one sentence."""

    citations: list[Citation] = field(default_factory=list)
    attributed_to: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Named:
    """A resolved attribution: display name, absolute span, and whether it needs a source."""

    name: str
    start: int
    end: int
    needs_source: bool = False


def build_index(doc: Document) -> SourceIndex:
    """Sources from the reference lists and from the body's citation links."""
    index = SourceIndex()
    for ref in doc.references:
        if ref.url:
            index.add(ref.url, publisher=ref.publisher, title=ref.title, label=ref.label)
    for link in doc.links:
        if link.citation:
            index.add(link.href, label=link.text)
    return index


def _resolve(
    item: Attribution, offset: int, earlier: list[str], recent: list[str], lowered: str
) -> _Named | None:
    """Turn an attribution phrase into the name it stands for, or None when it cannot."""
    name = item.name
    if item.kind == "pronoun":
        if not recent:
            return None
        name = recent[-1]
    elif item.kind == "descriptor":
        name = resolve_descriptor(item.name, earlier) or f"the {item.name}"
    elif item.kind in ("name", "weak"):
        if item.start == 0 and " " not in name and f" {name.lower()} " in lowered:
            return None  # "Airlines have said": a common noun that opens the sentence
        name = resolve_short_name(name, earlier)
    return _Named(name, item.start + offset, item.end + offset, item.kind == "weak")


class _Resolver:
    """Resolves attributions sentence by sentence, remembering recent speakers per block."""

    def __init__(self, doc: Document) -> None:
        self.names: list[NameSpan] = find_names(doc.text)
        self.starts = [n.start for n in self.names]
        self.lowered = f" {doc.text.lower()} "
        self.recent: list[tuple[int, int, str]] = []  # (block, sentence, name)

    def sentence(self, text: str, start: int, block: int, number: int) -> list[_Named]:
        """Resolved attributions of the sentence `text` that starts at `start`."""
        end = start + len(text)
        lo, hi = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        earlier = [n.text for n in self.names[:hi]]
        own = [
            NameSpan(n.start - start, n.end - start, n.text, n.possessive)
            for n in self.names[lo:hi]
            if n.end <= end
        ]
        recent = [n for b, s, n in self.recent if b == block and number - s <= _PRONOUN_REACH]
        found: list[_Named] = []
        for item in find_attributions(text, own):
            named = _resolve(item, start, earlier, recent + [f.name for f in found], self.lowered)
            if named is not None and named.name.lower() not in {f.name.lower() for f in found}:
                found.append(named)
        self.recent += [(block, number, f.name) for f in found if not f.needs_source]
        return found


def _cite_markers(markers: Sequence[Marker], labels: dict[str, Reference]) -> list[Citation]:
    """Citations for the markers of one sentence."""
    cites = []
    for marker in markers:
        for label in marker.labels:
            ref = labels.get(label)
            url = normalize_url(ref.url) if ref and ref.url else None
            if url:
                via = _VIA.get(marker.kind, "marker")
                cites.append(Citation(url, via, marker=marker.raw))
    return cites


def _attach(cites: list[Citation], named: _Named, urls: list[str], *, joint: bool) -> None:
    """Add an attribution: onto an existing citation of the same URL, else a new one.

    Several matching sources are kept only for a joint name ("The Verge and Ars Technica") or
    when the sentence already cites them; otherwise the name is too ambiguous to link.
    """
    cited = {c.url for c in cites}
    if len(urls) > 1 and not joint:
        urls = [u for u in urls if u in cited]
        urls = urls if len(urls) == 1 else []
    if not urls:
        if not named.needs_source:
            cites.append(Citation(None, "attribution", attributed_to=named.name))
        return
    for url in urls:
        existing = next((c for c in cites if c.url == url), None)
        if existing is not None:
            existing.attributed_to = existing.attributed_to or named.name
        else:
            cites.append(Citation(url, "attribution", attributed_to=named.name))


def _match(index: SourceIndex, name: str) -> list[str]:
    """Sources named by `name`; "The Verge and Ars Technica" matches each part."""
    if " and " in name:
        parts = [index.match(p.strip()) for p in name.split(" and ")]
        if all(len(p) == 1 for p in parts):
            return [p[0] for p in parts]
    return index.match(name)


def _dedupe(cites: list[Citation]) -> list[Citation]:
    """One citation per URL (the first, usually the marker), one per unlinked name."""
    seen: set[tuple[str | None, str | None]] = set()
    unique = []
    for cite in cites:
        key = (cite.url, None) if cite.url else (None, cite.attributed_to)
        if key not in seen:
            seen.add(key)
            unique.append(cite)
    return unique


def _by_label(references: Sequence[Reference]) -> dict[str, Reference]:
    """Reference per label; when two lists reuse a label, the one with a URL wins."""
    labels: dict[str, Reference] = {}
    for ref in references:
        current = labels.get(ref.label)
        if current is None or (current.url is None and ref.url):
            labels[ref.label] = ref
    return labels


def link_sentences(
    doc: Document, spans: Sequence[tuple[int, int]], index: SourceIndex
) -> list[SentenceLinks]:
    """Citations and attributed names of every sentence span of `doc.text`."""
    labels = _by_label(doc.references)
    resolver = _Resolver(doc)
    block_starts = [b.start for b in doc.blocks]
    named_per_sentence = []
    for number, (start, end) in enumerate(spans):
        block = bisect.bisect_right(block_starts, start) - 1
        named = resolver.sentence(doc.text[start:end], start, block, number)
        named_per_sentence.append(named)
        _learn_aliases(index, doc.links, named, start, end)
    marker_starts = [m.start for m in doc.markers]
    results = []
    for (start, end), named in zip(spans, named_per_sentence, strict=True):
        lo, hi = bisect.bisect_left(marker_starts, start), bisect.bisect_right(marker_starts, end)
        cites = _cite_markers(doc.markers[lo:hi], labels)
        cites += _cite_links(doc.links, start, end, named)
        for item in named:
            urls = _match(index, item.name)
            if item.needs_source and not urls:
                continue
            _attach(cites, item, urls, joint=" and " in item.name and len(urls) > 1)
        names = [n.name for n in named if not n.needs_source or _match(index, n.name)]
        results.append(SentenceLinks(_dedupe(cites), list(dict.fromkeys(names))))
    return results


def _span(link: Link) -> tuple[int, int]:
    """A link's span in the text."""
    return link.start, link.end


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Whether two half-open spans share a character."""
    return a_start < b_end and b_start < a_end


def _cite_links(links: Sequence[Link], start: int, end: int, named: list[_Named]) -> list[Citation]:
    """Hyperlink citations of the sentence, credited to the attribution phrase they carry."""
    cites = []
    for link in links:
        if link.citation and _overlaps(link.start, max(link.end, link.start + 1), start, end):
            url = normalize_url(link.href)
            who = next(
                (n.name for n in named if _overlaps(n.start, n.end, link.start, link.end)), None
            )
            if url:
                cites.append(Citation(url, "hyperlink", attributed_to=who))
    return cites


def _learn_aliases(
    index: SourceIndex, links: Sequence[Link], named: list[_Named], start: int, end: int
) -> None:
    """A name whose phrase is (part of) a source link's anchor is that source's name."""
    for link in links:
        if not link.citation or not _overlaps(link.start, link.end, start, end):
            continue
        url = normalize_url(link.href)
        for item in named:
            if (
                url
                and not item.needs_source
                and _overlaps(item.start, item.end, link.start, link.end)
            ):
                index.add_alias(url, item.name)

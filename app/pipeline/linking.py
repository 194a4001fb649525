"""Which sources each sentence rests on: markers, footnotes, author-year, links, attribution."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.pipeline.advice import gives_advice
from app.pipeline.attribution.document_refs import medium, mentions
from app.pipeline.attribution.lexicon import REPORT_NOUNS
from app.pipeline.attribution.names import NameSpan, find_names, with_article
from app.pipeline.attribution.polls import POLL_NOUNS, names_respondents, reports_shares
from app.pipeline.attribution.quoted_runs import (
    QuotedSentence,
    opened_quotation_sources,
    quoted_run_sources,
)
from app.pipeline.attribution.speakers import Named, SpeakerResolver
from app.pipeline.attribution.statements import statement_sources
from app.pipeline.attribution.unnamed import UnnamedSources
from app.pipeline.citations.link_filter import is_document_url
from app.pipeline.citations.marker_citations import by_label, cite_markers
from app.pipeline.citations.source_notes import note_targets
from app.pipeline.citations.sources import SourceIndex, is_scholarly, normalize_url
from app.pipeline.relayed import (
    OWN_REACH,
    points_to_own_piece,
    poster_of,
    recalls_own_verdict,
    relayed_by,
    told_by_poster,
    via_outlet,
)
from app.pipeline.types import Citation, Document, Link

__all__ = ["SentenceLinks", "build_index", "link_sentences"]


@dataclass(slots=True)
class SentenceLinks:
    """The citations and attributed names of one sentence."""

    citations: list[Citation] = field(default_factory=list)
    attributed_to: list[str] = field(default_factory=list)


def build_index(doc: Document) -> SourceIndex:
    """Sources from the reference lists and from the body's citation links."""
    index = SourceIndex()
    for ref in doc.references:
        if ref.url:
            url = index.add(ref.url, publisher=ref.publisher, title=ref.title, label=ref.label)
            if url and ref.speaker:
                index.add_alias(url, ref.speaker)
    for link in doc.links:
        if link.citation:
            index.add(link.href, label=link.text)
    return index


def _attach(cites: list[Citation], named: Named, urls: list[str], *, joint: bool) -> None:
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


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Whether two half-open spans share a character."""
    return a_start < b_end and b_start < a_end


def _credited(named: list[Named], start: int, end: int) -> str | None:
    """The shown name whose phrase overlaps the span."""
    return next((n.name for n in named if n.shown and _overlaps(n.start, n.end, start, end)), None)


# the reader addressed: "you should aim to…", "what you need to do", "would you go back…?"
_TO_READER = re.compile(
    r"\byou(?:[’']ll|[’']re)?\s+(?:\w+\s+)?(?:should|need|must|can|may|might|will|want|"
    r"have to)\b(?!\s+(?:recall|remember|know|have (?:heard|seen|read)))"  # "as you may recall"
    r"|\b(?:would|could|should|can|will|do)\s+you\b(?!\s+(?:recall|remember))",
    re.IGNORECASE,
)
_YOUR = re.compile(r"\byou(?:rs?)?\b", re.IGNORECASE)
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def _further_reading(text: str, link: Link, named: list[Named]) -> bool:
    """The site's own page on a sentence of advice to the reader ("you should max out <a>your
    retirement accounts</a>", "would you go back to work?"): where to read more, not what the
    sentence rests on (unless the sentence credits a speaker)."""
    if not link.own or any(n.shown for n in named):
        return False
    own_words = _QUOTED.sub(" ", text)  # a title or a quotation speaks to its own readers
    to_reader = _TO_READER.search(own_words) or gives_advice(own_words.lstrip())
    return bool(to_reader or _YOUR.search(_QUOTED.sub(" ", link.text)))


def _cite_links(
    links: Sequence[Link], start: int, end: int, named: list[Named], text: str
) -> list[Citation]:
    """Hyperlink citations of the sentence, credited to the attribution phrase they carry."""
    cites = []
    for link in links:
        if not link.citation or link.note or _further_reading(text, link, named):
            continue
        url = normalize_url(link.href)
        if url and _overlaps(link.start, max(link.end, link.start + 1), start, end):
            cites.append(Citation(url, "hyperlink", attributed_to=_credited(named, *_span(link))))
    return cites


def _span(link: Link) -> tuple[int, int]:
    """A link's span in the text."""
    return link.start, link.end


def _cite_notes(notes: list[Link], named: list[Named]) -> list[Citation]:
    """Citations from the "Source:" line under the sentence's paragraph."""
    who = next((n.name for n in named if n.shown and not n.needs_source), None)
    cites = []
    for link in notes:  # a quotation's credit names its source: "[Engadget]"
        if url := normalize_url(link.href):
            cites.append(
                Citation(url, "attribution", attributed_to=link.text if link.quote else who)
            )
    return cites


def _learn_aliases(
    index: SourceIndex, links: Sequence[Link], named: list[Named], text: str, start: int, end: int
) -> None:
    """A name whose phrase is (part of) a source link's anchor is that source's name, and so
    is a reporter of the linked outlet."""
    for link in links:
        if not link.citation or link.note or not _overlaps(link.start, link.end, start, end):
            continue
        url = normalize_url(link.href)
        if url is None:
            continue
        for item in named:
            if (
                item.shown
                and not item.needs_source
                and _overlaps(*_span(link), item.start, item.end)
            ):
                index.add_alias(url, item.name)
        for m in _REPORTER.finditer(text[start:end]):
            if index.goes_by(url, m.group("outlet")):  # "Sui-Lee Wee of the New York Times"
                index.add_name(url, m.group("person"))


# a reporter named with the outlet whose story the sentence links: "Emily Feng reports for
# NPR", "Alex Horton of the Washington Post"; "reports Wee" later points at that story
_REPORTER = re.compile(
    r"(?P<person>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2})\s+(?:(?:reports|writes|reported|wrote)"
    r"\s+)?(?:of|for|at)\s+(?:the\s+)?(?P<outlet>[A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*){0,3})"
)


# "Wee of the Times reports that…", "Alex Horton of the Washington Post writes": the outlet's
# reporter telling the sentence
_REPORTER_TELLS = re.compile(
    r"^(?P<person>(?:[A-Z][\w’'-]+\s+){1,3})(?:of|for|at)\s+(?:the\s+)?"
    r"(?P<outlet>[A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*){0,3})\s+"
    r"(?:reports|reported|writes|wrote|says|said|notes|noted|explains|explained)\b"
)


def _reporter_of(index: SourceIndex, text: str) -> list[str]:
    """The story of the outlet whose reporter opens the sentence as its teller (one at most)."""
    m = _REPORTER_TELLS.match(text)
    if m is None:
        return []
    found = index.match(m.group("outlet"))  # "the Times" alone may fit several outlets…
    if len(found) != 1:  # …"Wee", whose story the article linked, fits one
        found = [u for u in index.match(m.group("person").strip()) if u in found or not found]
    return found if len(found) == 1 else []


def _speakers(
    doc: Document, spans: Sequence[tuple[int, int]], index: SourceIndex
) -> list[list[Named]]:
    """Resolved attributions of every sentence, teaching the index the names of linked sources."""
    resolver = SpeakerResolver(doc)
    block_starts = [b.start for b in doc.blocks]
    found = []
    for number, (start, end) in enumerate(spans):
        block = bisect.bisect_right(block_starts, start) - 1
        named = resolver.sentence(doc.text[start:end], start, block, number)
        _learn_aliases(index, doc.links, named, doc.text, start, end)
        found.append(named)
    return found


def _fits(
    index: SourceIndex, urls: list[str], said_in: tuple[str, ...] | None, cited: set[str]
) -> list[str]:
    """Sources a speaker's words can come from: when the sentence names the medium ("in a
    statement", "told NWN News", "tweeted"), only those of that kind, or those it already
    cites; when it does not, anything but a social post.
    """
    if said_in is None:  # "Apte said": words to the reporter, not his embedded post
        return [u for u in urls if u in cited or not mentions(index.describe(u), ("post",))]
    return [u for u in urls if u in cited or mentions(index.describe(u), said_in)]


def _back_reference(index: SourceIndex, noun: str, history: list[str]) -> str | None:
    """The latest source cited so far that the document noun describes ("the same review")."""
    for url in reversed(history):
        if mentions(index.describe(url), (noun,)):
            return url
    return None


def _pointed_at(
    noun: str, index: SourceIndex, history: list[str], previous: set[str], papers: list[str]
) -> str | None:
    """The source a document phrase points back to: "it" is the one source the sentence
    before cited (if it cited exactly one), "the same review" the latest of that kind."""
    if noun == "it":
        return next(iter(previous)) if len(previous) == 1 else None
    found = _back_reference(index, noun, history)
    if found is None and noun in _STUDY_NOUNS and len(papers) == 1:
        return papers[0]  # "the study found": the one paper linked
    just_cited = next(iter(previous)) if len(previous) == 1 else None
    if found is None and noun == "report" and just_cited and is_document_url(just_cited):
        return just_cited  # "That report found…": the document just cited, of whatever kind
    return found


# a sentence that presents a paper: "According to the study, published in BMJ Case Reports"
_PRESENTS_PAPER = re.compile(
    r"\b(?:study|paper|journal|published in|findings|researchers|authors)\b", re.IGNORECASE
)


def _the_papers(doc: Document, spans: Sequence[tuple[int, int]], index: SourceIndex) -> list[str]:
    """The papers "the study" can mean: every paper the article links, or, when it links
    several, those linked from a sentence that presents a study (not the background papers
    linked on a term)."""
    papers = [s.url for s in index.sources() if is_scholarly(s.url) and not _BOOK.search(s.url)]
    if len(papers) < 2:
        return papers
    starts = [start for start, _ in spans]
    presented = set()
    for link in doc.links:
        i = bisect.bisect_right(starts, link.start) - 1
        url = normalize_url(link.href) if link.citation else None
        if url and i >= 0 and _PRESENTS_PAPER.search(doc.text[spans[i][0] : spans[i][1]]):
            presented.add(url)
    return [u for u in papers if u in presented]


# a reference work on a scholarly site (NCBI Bookshelf) explains terms; it is no study
_BOOK = re.compile(r"/books?/|/reference/|/encyclop", re.IGNORECASE)
_STUDY_NOUNS = frozenset({"study", "paper", "analysis", "research", "findings", "review"})


def _spoken_in(item: Named) -> tuple[str, ...] | None:
    """A spokesperson speaks in statements and releases, never in the body's reports."""
    return ("statement", "release", "interview", "briefing") if item.spoken else None


def _attribute(
    cites: list[Citation], named: list[Named], index: SourceIndex, said_in: tuple[str, ...] | None,
    history: list[str], previous: set[str], papers: list[str], the_medium: bool = False,
) -> None:  # fmt: skip
    """Add the sources the sentence's attributions name or point back to."""
    cited = {c.url for c in cites if c.url}
    for item in named:
        if item.document:
            url = None if cited else _pointed_at(item.name, index, history, previous, papers)
            if url:
                cites.append(Citation(url, "attribution"))
            continue
        if any(c.via == "hyperlink" and c.attributed_to == item.name for c in cites):
            continue  # "according to <a>Reuters</a>": the link on the name is the source
        medium_of = None if item.reported else said_in  # "according to NPR, Li wrote in a post"
        urls = _fits(index, _match(index, item.name), medium_of or _spoken_in(item), cited)
        if not urls and said_in and the_medium:  # "…, Zurbuchen said in the statement"
            urls = [u for u in [_back_reference(index, said_in[0], history)] if u]
        if item.needs_source and not urls:
            continue
        _attach(cites, item, urls, joint=" and " in item.name and len(urls) > 1)


# "the TechCrunch filing", "the Reddit editorial board’s post": the source's own document
_ITS_DOCUMENT = re.compile(rf"^(?:[’']s)?(?:\s+[\w’'-]+){{0,3}}?\s+(?:{REPORT_NOUNS}|filings?)\b")


def _name_parts(span: NameSpan) -> list[tuple[int, int]]:
    """The span, and each part of "The Verge and Ars Technica" (markers stood between them)."""
    parts = [(span.start, span.end)]
    offset = span.start
    for part in span.text.split(" and ") if " and " in span.text else []:
        parts.append((offset, offset + len(part)))
        offset += len(part) + len(" and ")
    return parts


def _cited_by_name(
    text: str, start: int, cites: list[Citation], index: SourceIndex, markers: set[int]
) -> list[str]:
    """Sources the sentence cites and names as the teller: "TechCrunch [4] covers", "the
    TechCrunch filing suggests", "on Reddit’s forum" (not "Alpha Energy bought the plant [1]").
    """
    if not any(c.url for c in cites):
        return []
    found = []
    for span in find_names(text):
        for a, b in _name_parts(span):
            told = (
                start + b in markers
                or start + b + 1 in markers
                or (span.possessive and b == span.end)
                or _ITS_DOCUMENT.match(text[b:])
            )
            name = with_article(text, NameSpan(a, b, text[a:b], False))
            cite = next((c for c in cites if c.url and index.goes_by(c.url, name)), None)
            if told and cite is not None:
                cite.attributed_to = cite.attributed_to or name
                found.append(name)
    return found


def _names(cites: list[Citation], named: list[Named], index: SourceIndex) -> list[str]:
    """Narrative authors ("Ruiz (2023) found") and the shown names of the sentence."""
    authors = [c.attributed_to for c in cites if c.via == "author-year" and c.attributed_to]
    names = [n.name for n in named if n.shown and (not n.needs_source or _match(index, n.name))]
    return list(dict.fromkeys(authors + names))


# "in the statement", "in the same release": the one the article already linked
_DOCUMENT_OPENS = re.compile(r"^the (statement|release|letter|filing)\b", re.IGNORECASE)
# "…,” the statement continued.": the statement the article linked as one
_THE_DOCUMENT_SAYS = re.compile(
    r"\bthe (statement|release|letter|filing) (?:continued|added|said|says|read|reads|noted)\b",
    re.IGNORECASE,
)
# "It doesn't mention Hemsworth.", "It does not say when": the document the sentence before cited
_IT_MENTIONS = re.compile(
    r"^(?:but\s+)?it\s+(?:(?:does|did)\s*(?:not|n[’']t)\s+)?"
    r"(?:mentions?|says?|names?|lists?|includes?|address(?:es)?|cites?|specify|specifies)\b",
    re.IGNORECASE,
)
# "…, they wrote.": the authors of the paper the sentence before cited, writing in it
_THEY_WROTE = re.compile(
    r"\b(?:they|the authors) (?:wrote|write|concluded|conclude)\b"
    r"(?!\s+(?:in|on)\s+(?:a|an|their|his|her)\b)",  # "they wrote in a newsletter": elsewhere
    re.IGNORECASE,
)
_IT_SAYS = re.compile(r"[,.!?][\"”’]\s+it (?:says|said|reads|read|adds|added|continued)\b")
_THE_MEDIUM = re.compile(
    r"\bin the (?:same |separate )?(statement|release|press release|paper|study|case report|"
    r"case study)\b"
    # "according to a new case report", "in a patient perspective accompanying the case
    # report": the one paper linked
    r"|\b(?:according to|accompanying) (?:a|the) (?:new |recent |published )?"
    r"(paper|study|case report|case study)\b",
    re.I,
)
# "according to the office release", "said in the release": a press release the article linked
_THE_RELEASE = re.compile(
    r"\b(?:according to|in) (?:the|its|their) (?:[\w’'.-]+\s+){0,2}?(?:press |news )?release\b",
    re.I,
)
# where institutions publish their press releases
_RELEASE_URL = re.compile(
    r"/(?:pr|press|newsroom|news-?releases?|press-?releases?|media-?releases?|pressroom)/"
    r"|press-release|news-release",
    re.I,
)
# "these sites offered no evidence", "the articles published on these websites": the sources
# the article just cited together; "They do not…" right after goes on about them
_THESE = re.compile(
    r"\b(?:these|those)\s+(?:[\w-]+\s+)?(?:sites|websites|articles|pages|posts|reports|"
    r"stories|tweets|studies|papers|outlets)\b",
    re.IGNORECASE,
)
_THEY = re.compile(r"^(?:(?:but|instead|yet|and|however),?\s+)?they\b", re.IGNORECASE)


@dataclass(slots=True)
class _Group:
    """The last sources cited together (two or more), which "these sites" points back to."""

    urls: list[str] = field(default_factory=list)
    open: bool = False  # the sentence before pointed at them

    def cite(self, text: str, cites: list[Citation]) -> list[Citation]:
        """Citations of the group when the sentence points back at it; learn new groups."""
        linked = list(dict.fromkeys(c.url for c in cites if c.url))
        if len(linked) >= 2:
            self.urls, self.open = linked, False
            return []
        pointed = (
            not cites  # a named speaker's words are theirs: "Ferreira cautions that these…"
            and self.urls
            and not text.rstrip(' "”’)').endswith("?")
            and (_THESE.search(text) or (self.open and _THEY.match(text)))
        )
        self.open = bool(pointed)
        return [Citation(u, "attribution") for u in self.urls] if pointed else []


def link_sentences(
    doc: Document, spans: Sequence[tuple[int, int]], index: SourceIndex
) -> list[SentenceLinks]:
    """Citations and attributed names of every sentence span of `doc.text`."""
    labels = by_label(doc.references)
    named_per_sentence = _speakers(doc, spans, index)
    notes = note_targets(doc.links, spans, [bool(n) for n in named_per_sentence])
    marker_starts = [m.start for m in doc.markers]
    history: list[str] = []
    previous: set[str] = set()
    group = _Group()
    unnamed = UnnamedSources()
    papers = _the_papers(doc, spans, index)
    recent: list[tuple[int, list[str]]] = []  # the block and URLs of the last few sentences
    stated: dict[str, str] = {}  # "statement" -> the statement the article linked as one
    block_starts = [b.start for b in doc.blocks]
    results: list[SentenceLinks] = []
    vias: list[int] = []  # sentences whose words came "via" a linked outlet
    poster: tuple[str, str, int] | None = None  # a social post's named author, its URL, where
    for (start, end), named, note in zip(spans, named_per_sentence, notes, strict=True):
        lo, hi = bisect.bisect_left(marker_starts, start), bisect.bisect_right(marker_starts, end)
        cites = cite_markers(doc.markers[lo:hi], labels)
        text = doc.text[start:end]
        cites += _cite_links(doc.links, start, end, named, text) + _cite_notes(note, named)
        _attribute(
            cites, named, index, medium(text), history, previous, papers,
            bool(_THE_MEDIUM.search(text)),
        )  # fmt: skip
        cites += group.cite(doc.text[start:end], cites)
        if not any(c.url for c in cites) and (via := via_outlet(index, text)):
            cites.append(Citation(via[0], "attribution", attributed_to=via[1]))
            vias.append(len(results))
        if (
            not any(c.url for c in cites)
            and poster
            and len(results) - poster[2] <= _POSTER_REACH
            and told_by_poster(text, poster[0], just_told=poster[1] in previous)
        ):
            cites.append(Citation(poster[1], "attribution", attributed_to=poster[0]))
        if not any(c.url for c in cites) and (
            the := _THE_MEDIUM.search(text) or _THE_DOCUMENT_SAYS.search(text)
        ):
            noun = the.group(1) or the.group(2)
            cites += [Citation(u, "attribution") for u in _the_one(noun, stated, papers)]
        if not any(c.url for c in cites) and _THE_RELEASE.search(text):
            releases = list(dict.fromkeys(u for u in history if _RELEASE_URL.search(u)))
            cites += [Citation(u, "attribution") for u in releases if len(releases) == 1]
        if not any(c.url for c in cites) and "post" in (medium(text) or ()):
            cites += [Citation(u, "attribution") for u in _embedded_post_of(doc, text)]
        cites += [Citation(u, "attribution") for u in unnamed.again(text)]
        if not any(c.url for c in cites):
            cites += [Citation(u, "attribution") for u in unnamed.cite(text, history)]
        if not any(c.url for c in cites) and reports_shares(text):  # "51 percent say…"
            block = bisect.bisect_right(block_starts, start) - 1
            cites += [Citation(u, "attribution") for u in _latest_poll(index, recent, block)]
        if not any(c.url for c in cites) and _IT_MENTIONS.match(text) and len(previous) == 1:
            cites.append(Citation(next(iter(previous)), "attribution"))  # the report just cited
        if not any(c.url for c in cites) and _THEY_WROTE.search(text):  # the paper just cited
            papers_before = [u for u in previous if is_scholarly(u)]
            cites += [Citation(u, "attribution") for u in papers_before if len(papers_before) == 1]
        if not any(c.url for c in cites):  # "Wee of the Times reports that…"
            cites += [Citation(u, "attribution") for u in _reporter_of(index, text)]
        if not any(c.url for c in cites) and names_respondents(text):  # the survey's people
            polls = [u for u in history if mentions(f"{index.describe(u)} {u}", POLL_NOUNS)]
            cites += [Citation(u, "attribution") for u in polls[-1:]]
        urls = [c.url for c in cites if c.url]
        unnamed.learn(text, urls)
        linked = [c.url for c in cites if c.url and c.via == "hyperlink"]
        if who := poster_of(text, linked):  # "Posted on social media by … Digital Foundry"
            poster = (who, linked[0], len(results))
        subject = _DOCUMENT_OPENS.match(text)  # "The statement, obtained by <a>Variety</a>, …"
        nouns = (*(medium(text) or ()), *((subject.group(1).lower(),) if subject else ()))
        for noun in nouns:  # "said in a NASA <a>statement</a>": the statement; "in a
            if len(set(linked)) == 1:  # statement shared to its website": a new one, unlinked
                stated[noun] = linked[0]
            elif not linked and not _THE_DOCUMENT_SAYS.search(text):
                stated.pop(noun, None)
        recent = (recent + [(bisect.bisect_right(block_starts, start) - 1, urls)])[-_POLL_REACH:]
        history += urls
        previous = set(urls)
        names = _names(cites, named, index)
        markers = {m.start for m in doc.markers[lo:hi]}
        names += _cited_by_name(doc.text[start:end], start, cites, index, markers)
        results.append(SentenceLinks(_dedupe(cites), list(dict.fromkeys(names))))
    _paraphrased_before(doc, spans, results, vias)
    _own_earlier_piece(doc, spans, results, index)
    _backed_by_examples(doc, spans, results)
    _study_cited_next(doc, spans, results)
    _report_statement(doc, spans, results)
    _continue_quotations(doc, spans, results)
    _asterisk_notes(doc, spans, results)
    for (start, end), found in zip(spans, results, strict=True):
        if _rests_on_nothing(doc.text[start:end]):  # only what it carries itself
            found.citations = [c for c in found.citations if c.via != "attribution" or not c.url]
    return results


_POSTER_REACH = 8  # sentences after a post's link that "Tests by <its author> reveal" may sit


def _embedded_post_of(doc: Document, text: str) -> list[str]:
    """The one embedded post whose author the sentence names by surname as posting ("Omar
    asked … in a letter posted on Twitter" over Rep. Ilhan Omar's embedded post)."""
    found = {
        url
        for ref in doc.references
        if ref.speaker and ref.url and (url := normalize_url(ref.url))
        and re.search(rf"\b{re.escape(ref.speaker.split()[-1])}\b", text)
    }  # fmt: skip
    return list(found) if len(found) == 1 else []


def _paraphrased_before(
    doc: Document, spans: Sequence[tuple[int, int]], results: list[SentenceLinks], vias: list[int]
) -> None:
    """The speaker's paraphrase just before "…, Lynn said, via the Los Angeles Times" rests on
    the same outlet's story."""
    block_starts = [b.start for b in doc.blocks]
    blocks = [bisect.bisect_right(block_starts, start) - 1 for start, _ in spans]
    cited = [any(c.url for c in r.citations) for r in results]
    for at in vias:
        speakers = [r.attributed_to for r in results]
        via = next(c for c in results[at].citations if c.url)
        for i in relayed_by(speakers, cited, blocks, at):
            results[i].citations.append(Citation(via.url, "attribution"))


def _own_earlier_piece(
    doc: Document, spans: Sequence[tuple[int, int]], results: list[SentenceLinks],
    index: SourceIndex,
) -> None:  # fmt: skip
    """ "We called it “…”" rests on the piece that "Read our review here" then links."""
    block_starts = [b.start for b in doc.blocks]
    blocks = [bisect.bisect_right(block_starts, start) - 1 for start, _ in spans]
    for at, (start, end) in enumerate(spans):
        if not points_to_own_piece(doc.text[start:end]):
            continue
        link = next((ln for ln in doc.links if not ln.note and start <= ln.start < end), None)
        url = index.add(link.href, label=link.text) if link else None
        for i in range(at - 1, max(at - 1 - OWN_REACH, -1), -1):
            if url is None or blocks[i] != blocks[at] or any(c.url for c in results[i].citations):
                break
            if recalls_own_verdict(doc.text[spans[i][0] : spans[i][1]]):
                results[i].citations.append(Citation(url, "attribution"))
                break


_STARRED = re.compile(r"[.!?”\")](\*{1,3})$")  # "…on almost all wikis.*"
_STAR_NOTE = re.compile(r"^(\*{1,3})(?=[^*\s])")  # "*The exceptions are nine wikis…"


def _asterisk_notes(
    doc: Document, spans: Sequence[tuple[int, int]], results: list[SentenceLinks]
) -> None:
    """A sentence starred like "…all wikis.*" rests on the links of its note below ("*The
    exceptions are…"); the note is the source's place, not a claim of its own."""
    texts = [doc.text[start:end] for start, end in spans]
    notes = {}
    for i, text in enumerate(texts):
        m = _STAR_NOTE.match(text)
        if m and m.group(1) not in notes:
            notes[m.group(1)] = i
    for i, text in enumerate(texts):
        m = _STARRED.search(text)
        note = notes.get(m.group(1)) if m else None
        if note is None or note <= i:
            continue
        linked = [c for c in results[note].citations if c.url and c.via == "hyperlink"]
        results[i].citations += [Citation(c.url, "marker") for c in linked]
        results[note].citations = [c for c in results[note].citations if c not in linked]


_FRAGMENT_WORDS = 2  # "Possibly.", "Sort of.": no statement to rest on anything


def _rests_on_nothing(text: str) -> bool:
    """A question of the writer's own ("Is it the future?", not a quoted one) or a fragment
    asserts nothing, so it takes no source from the quotation or speaker around it."""
    bare = text.rstrip()
    return bare.endswith("?") or len(bare.split()) <= _FRAGMENT_WORDS


def _report_statement(
    doc: Document, spans: Sequence[tuple[int, int]], results: list[SentenceLinks]
) -> None:
    """Uncited "…, prosecutors said." lines rest on the institution's one linked statement."""
    texts = [doc.text[start:end] for start, end in spans]
    linked = [[c.url for c in r.citations if c.url and c.via == "hyperlink"] for r in results]
    cited = [any(c.url for c in r.citations) for r in results]
    for found, urls in zip(results, statement_sources(texts, linked, cited), strict=True):
        found.citations += [Citation(u, "attribution") for u in urls]


def _given_in(text: str) -> tuple[str, ...] | None:
    """Where the sentence says its words were given: "in a statement", "the statement read"."""
    said = _THE_DOCUMENT_SAYS.search(text)
    if said is None and _IT_SAYS.search(text):
        return ("statement",)  # '"…," it says.': the document the sentence before linked
    if said is None and (paper := _THE_MEDIUM.search(text)):  # "…," wrote in the case study.
        return ((paper.group(1) or paper.group(2)).lower(),)
    return medium(text) or ((said.group(1).lower(),) if said else None)


def _continue_quotations(
    doc: Document, spans: Sequence[tuple[int, int]], results: list[SentenceLinks]
) -> None:
    """A quotation running on past its credited sentence rests on what that sentence cites."""
    block_starts = [b.start for b in doc.blocks]
    sentences = [
        QuotedSentence(
            doc.text[start:end],
            bisect.bisect_right(block_starts, start) - 1,
            tuple(dict.fromkeys(c.url for c in found.citations if c.url)),
            bool(found.attributed_to or found.citations),
            _given_in(doc.text[start:end]),
        )
        for (start, end), found in zip(spans, results, strict=True)
    ]
    for found, urls in zip(results, quoted_run_sources(sentences), strict=True):
        found.citations += [Citation(u, "attribution") for u in urls]
    marked = [tuple(c.url for c in r.citations if c.url and c.via == "marker") for r in results]
    for found, urls in zip(results, opened_quotation_sources(sentences, marked), strict=True):
        found.citations += [Citation(u, "marker") for u in urls]


def _the_one(noun: str, stated: dict[str, str], papers: list[str]) -> list[str]:
    """What "in the statement" / "in the paper" means: the statement the article linked as
    one, or the one paper it links."""
    noun = noun.lower()
    if noun in stated:
        return [stated[noun]]
    papers_nouns = ("paper", "study", "case report", "case study")
    return papers[:1] if noun in papers_nouns and len(papers) == 1 else []


_POLL_REACH = 3  # sentences back that "51 percent say…" may report a poll from


def _latest_poll(index: SourceIndex, recent: list[tuple[int, list[str]]], block: int) -> list[str]:
    """The poll or survey the last few sentences of this paragraph or the one before cited,
    latest first (one at most)."""
    for where, urls in reversed(recent):
        polls = [u for u in urls if mentions(f"{index.describe(u)} {u}", POLL_NOUNS)]
        if polls and block - where <= 1:
            return polls[:1]
    return []


# "Another large study showed…" whose source comes with the sentence that goes on about it:
# "Additionally, sleeping less was linked to weight gain (25)."
_A_STUDY_SHOWED = re.compile(
    r"^(?:in fact,?\s+)?(?:another|one|a)\s+(?:[\w-]+\s+){0,3}?(?:study|trial|review|analysis)"
    r"\s+(?:[\w-]+\s+){0,4}?(?:showed|found|reported|suggested|observed)\b",
    re.IGNORECASE,
)
_GOES_ON = re.compile(
    r"^(?:additionally|also|moreover|furthermore|in addition|the (?:same )?study also|it also)\b",
    re.IGNORECASE,
)


def _study_cited_next(
    doc: Document, spans: Sequence[tuple[int, int]], results: list[SentenceLinks]
) -> None:
    """An uncited "Another study showed…" rests on the one source of the next sentence (in its
    paragraph or the next) when that sentence goes on about it ("Additionally, … (25)")."""
    block_starts = [b.start for b in doc.blocks]
    for i in range(len(spans) - 1):
        (start, end), (nstart, nend) = spans[i], spans[i + 1]
        urls = list(dict.fromkeys(c.url for c in results[i + 1].citations if c.url))
        gap = bisect.bisect_right(block_starts, nstart) - bisect.bisect_right(block_starts, start)
        if (
            gap <= 1
            and len(urls) == 1
            and not any(c.url for c in results[i].citations)
            and _A_STUDY_SHOWED.match(doc.text[start:end])
            and _GOES_ON.match(doc.text[nstart:nend])
        ):
            results[i].citations.append(Citation(urls[0], "attribution"))


# "Studies show that…", "Some research suggests…": a generalisation about research…
_RESEARCH_SAYS = re.compile(
    r"\b(?:studies|research|evidence)\s+(?:also\s+)?(?:shows?|suggests?|indicates?|finds?)\b",
    re.IGNORECASE,
)
# …that the next sentences back with examples: "For example, one study in 496 girls found…"
_EXAMPLE = re.compile(
    r"^(?:(?:for (?:example|instance)|similarly|likewise|in fact|also|plus),?\s+)?"
    r"(?:(?:one|another|a|in one|in another)\s+(?:\S+\s+){0,3}?"
    r"(?:study|review|trial|analysis|survey|experiment)|(?:for (?:example|instance)|similarly),)",
    re.IGNORECASE,
)


def _backed_by_examples(
    doc: Document, spans: Sequence[tuple[int, int]], results: list[SentenceLinks]
) -> None:
    """An uncited "studies show…" rests on the cited examples that follow it right away."""
    for i, (start, end) in enumerate(spans):
        if any(c.url for c in results[i].citations) or not _RESEARCH_SAYS.search(
            doc.text[start:end]
        ):
            continue
        found: list[str] = []
        for j in range(i + 1, len(spans)):
            s, e = spans[j]
            urls = [c.url for c in results[j].citations if c.url]
            if not urls or not _EXAMPLE.match(doc.text[s:e]):
                break
            found += urls
        results[i].citations += [Citation(u, "attribution") for u in dict.fromkeys(found)]

"""Studies, papers and polls a sentence refers to, and the examples that back "studies show"."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from app.pipeline.attribution.document_refs import mentions
from app.pipeline.attribution.polls import POLL_NOUNS
from app.pipeline.citations.sources import SourceIndex, is_scholarly, normalize_url
from app.pipeline.linking.sentence_links import SentenceLinks
from app.pipeline.types import Citation, Document

__all__ = [
    "POLL_REACH",
    "STUDY_NOUNS",
    "authors_of_the_last_study",
    "backed_by_examples",
    "latest_poll",
    "study_cited_next",
    "the_papers",
]

# a sentence that presents a paper: "According to the study, published in BMJ Case Reports"
_PRESENTS_PAPER = re.compile(
    r"\b(?:study|paper|journal|published in|findings|researchers|authors)\b", re.IGNORECASE
)


def the_papers(doc: Document, spans: Sequence[tuple[int, int]], index: SourceIndex) -> list[str]:
    """The papers "the study" can mean: every paper the article links, or, when it links
    several, those linked from a sentence that presents a study (not the background papers
    linked on a term)."""
    papers = [s.url for s in index.sources() if is_scholarly(s.url) and not _BOOK.search(s.url)]
    if len(papers) < 2:
        return papers
    starts = [start for start, _ in spans]
    presented, new = set(), set()
    for link in doc.links:
        i = bisect.bisect_right(starts, link.start) - 1
        url = normalize_url(link.href) if link.citation else None
        text = doc.text[spans[i][0] : spans[i][1]] if i >= 0 else ""
        if url and _PRESENTS_PAPER.search(text):
            presented.add(url)
            if _NEW_PAPER.search(text):
                new.add(url)
    found = [u for u in papers if u in presented]
    newest = [u for u in found if u in new]
    return newest if len(found) > 1 and len(newest) == 1 else found


# "A new research paper published in…": the study the article is about, not its background
_NEW_PAPER = re.compile(r"\b(?:new|latest)\s+(?:[\w-]+\s+)?(?:study|paper)\b", re.IGNORECASE)


# a reference work on a scholarly site (NCBI Bookshelf) explains terms; it is no study
_BOOK = re.compile(r"/books?/|/reference/|/encyclop", re.IGNORECASE)
STUDY_NOUNS = frozenset({"study", "paper", "analysis", "research", "findings", "review"})


POLL_REACH = 3  # sentences back that "51 percent say…" may report a poll from


def latest_poll(index: SourceIndex, recent: list[tuple[int, list[str]]], block: int) -> list[str]:
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


def study_cited_next(
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


def backed_by_examples(
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


# "the authors note…", "They also noted…", "…, the authors found.", "The study indicates…":
# the writers of a paper the article has just presented speak through it ("they found" alone
# is the researchers at work, no citation)
_AUTHORS_SAY = re.compile(
    r"\b(?:the authors|the study|the trial|the paper)\s+(?:also\s+)?(?:note|noted|notes|"
    r"found|find|concluded|concludes|wrote|write|writes|explain|explained|say|said|report|"
    r"reported|indicates?|indicated|suggests?|suggested|shows?|showed)\b"
    r"|^they\s+(?:also\s+)?(?:note|noted|concluded|wrote|write)\b",
    re.IGNORECASE,
)
_STUDY_REACH = 6  # sentences back, within the section, that "the authors" may mean a paper of


def authors_of_the_last_study(
    doc: Document, spans: Sequence[tuple[int, int]], results: list[SentenceLinks]
) -> None:
    """ "The authors note…" rests on the paper the last few sentences of its section linked,
    when the article links several: the nearest one, not an earlier study of the same kind."""
    headings = [b.start for b in doc.blocks if b.kind == "heading"]
    for i, (start, end) in enumerate(spans):
        found = results[i].citations
        if any(c.url and c.via != "attribution" for c in found):
            continue
        if not _AUTHORS_SAY.search(doc.text[start:end]):
            continue
        section = bisect.bisect_right(headings, start)
        for j in range(i - 1, max(-1, i - 1 - _STUDY_REACH), -1):
            if bisect.bisect_right(headings, spans[j][0]) != section:
                break
            if not _PRESENTS_PAPER.search(doc.text[spans[j][0] : spans[j][1]]):
                continue  # a term linked to a reference work, not the study at hand
            papers = [
                c.url for c in results[j].citations
                if c.url and c.via == "hyperlink"
                and is_scholarly(c.url) and not _BOOK.search(c.url)
            ]  # fmt: skip
            if papers:
                if len(set(papers)) == 1:
                    kept = [c for c in found if not c.url]
                    results[i].citations = [*kept, Citation(papers[0], "attribution")]
                break

"""The walk over the sentences: each one's citations and attributed names, then the passes
that carry sources between neighbouring sentences."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from app.pipeline.attribution.document_refs import medium, mentions
from app.pipeline.attribution.polls import POLL_NOUNS, names_respondents, reports_shares
from app.pipeline.attribution.unnamed import UnnamedSources
from app.pipeline.citations.marker_citations import by_label, cite_markers
from app.pipeline.citations.source_notes import note_targets
from app.pipeline.citations.sources import SourceIndex, is_scholarly, normalize_url
from app.pipeline.linking.attributions import attribute
from app.pipeline.linking.documents import (
    DOCUMENT_OPENS,
    IT_MENTIONS,
    RELEASE_URL,
    THE_DOCUMENT_SAYS,
    THE_MEDIUM,
    THE_RELEASE,
    THE_REPORT_OPENS,
    THEY_WROTE,
    another_post,
    embedded_post_of,
    embedded_statement_of,
    report_statement,
    the_one,
)
from app.pipeline.linking.headlines import headline_summaries
from app.pipeline.linking.hyperlinks import cite_links
from app.pipeline.linking.notes import asterisk_notes, cite_notes
from app.pipeline.linking.pointers import pointed_to
from app.pipeline.linking.quotations import (
    continue_quotations,
    own_earlier_piece,
    paraphrased_before,
    rests_on_nothing,
)
from app.pipeline.linking.remarks import retold_remarks
from app.pipeline.linking.reports import the_linked_report
from app.pipeline.linking.rulings import court_rulings, reported_speech
from app.pipeline.linking.sentence_links import SentenceLinks, dedupe
from app.pipeline.linking.source_groups import SourceGroup
from app.pipeline.linking.source_index import resolve_speakers, statement_link
from app.pipeline.linking.statements import confirmed_in_statement, quoted_writing
from app.pipeline.linking.studies import (
    POLL_REACH,
    authors_of_the_last_study,
    backed_by_examples,
    latest_poll,
    study_cited_next,
    the_papers,
)
from app.pipeline.linking.tellers import (
    attributed_names,
    cited_by_name,
    reporter_of,
    told_outlet,
)
from app.pipeline.linking.transcripts import quoted_from_transcript
from app.pipeline.linking.works import (
    learn_work_author,
    linked_titles,
    named_works,
    told_writer,
)
from app.pipeline.relayed import poster_of, told_by_poster, via_outlet
from app.pipeline.types import Citation, Document

__all__ = ["link_sentences"]

# "…,” said Stefanko in a Monday analysis of the ransomware": a document the speaker wrote
_SAID_IN_WRITING = re.compile(
    r"\b(?:said|says|wrote|writes|explained|noted)\s+(?P<who>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2})"
    r"\b[^.;]{0,40}?\bin (?:a|an|the|his|her|their|its) (?:[\w-]+ ){0,2}?"
    r"(?:analysis|report|blog post|paper|study|advisory|write-up)\b"
)
# "Banzi broke his silence about the dispute in a <a>story</a> published at MAKE": his say
_SPOKE_IN_PIECE = re.compile(
    r"\b(?P<who>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})\s+(?:[\w’'-]+\s+){1,6}?"
    r"in (?:a|an|the|his|her|their) (?:[\w-]+ ){0,2}?(?:story|interview|op-ed|essay|profile)\b"
)
# what a post does: it shows, explains, points out (speech verbs are the reporter's)
_SHOWS = re.compile(
    r"\b(?:shows?|showed|explains?|explained|demonstrates?|demonstrated|points? out|"
    r"pointed out|illustrates?|illustrated)\b"
)
_POSTER_REACH = 8  # sentences after a post's link that "Tests by <its author> reveal" may sit
_STATEMENT_REACH = 2  # sentences after a linked statement that may carry on quoting it
_QUIET_STATEMENT_REACH = 10  # …or further on, while the article cites nothing else between
_CARRIED_WORDS = 10  # '“No, Justice Alito,” Prelogar said.': a retort, too short to carry it
# '…of the area,” Rönnlund said.': the quote closes on its speaker alone, no new occasion
# ("…,” Prelogar said in a later case" is another one)
_BARE_SAID = re.compile(
    r"[”\"’']\s*,?\s*(?:[A-Z][\w’'-]+\s+){1,3}(?:said|says|added|continued|explained|noted)"
    r"\s*[.!]?\s*$|[”\"’']\s*,?\s*(?:said|says|added|continued|explained|noted)"
    r"(?:\s+[A-Z][\w’'-]+){1,3}\s*[.!]?\s*$"
)
_STATED = frozenset({"statement", "release", "press release", "transcript", "testimony"})


# a document a link's own words name: "the group <a>sent a letter</a> to Linick"
_ANCHORED_DOCUMENT = re.compile(r"\b(statement|release|letter|filing)\b", re.IGNORECASE)


def _anchored_documents(doc: Document, start: int, end: int) -> dict[str, str]:
    """The documents the sentence's source links name in their anchors, by noun."""
    found: dict[str, str] = {}
    for link in doc.links:
        if link.citation and start <= link.start < end:
            noun = _ANCHORED_DOCUMENT.search(link.text)
            url = normalize_url(link.href) if noun else None
            if noun and url:
                found[noun.group(1).lower()] = url
    return found


def link_sentences(
    doc: Document, spans: Sequence[tuple[int, int]], index: SourceIndex
) -> list[SentenceLinks]:
    """Citations and attributed names of every sentence span of `doc.text`."""
    labels = by_label(doc.references)
    named_per_sentence = resolve_speakers(doc, spans, index)
    notes = note_targets(doc.links, spans, [bool(n) for n in named_per_sentence])
    marker_starts = [m.start for m in doc.markers]
    history: list[str] = []
    previous: set[str] = set()
    group = SourceGroup()
    unnamed = UnnamedSources()
    papers = the_papers(doc, spans, index)
    titles = linked_titles(doc)
    recent: list[tuple[int, list[str]]] = []  # the block and URLs of the last few sentences
    stated: dict[str, str] = {}  # "statement" -> the statement the article linked as one
    block_starts = [b.start for b in doc.blocks]
    results: list[SentenceLinks] = []
    vias: list[int] = []  # sentences whose words came "via" a linked outlet
    spoken_in: tuple[frozenset[str], str, int] | None = None  # a statement linked as told
    spoken_at = 0  # where in `history` the URLs after that statement's sentence begin
    poster: tuple[str, str, int] | None = None  # a social post's named author, its URL, where
    for (start, end), named, note in zip(spans, named_per_sentence, notes, strict=True):
        lo, hi = bisect.bisect_left(marker_starts, start), bisect.bisect_right(marker_starts, end)
        cites = cite_markers(doc.markers[lo:hi], labels)
        text = doc.text[start:end]
        learn_work_author(doc, start, end, index)  # "“In the Plex,” Steven Levy's history"
        said_with = medium(text)  # looked at by several passes below
        the_medium = THE_MEDIUM.search(text)
        cites += cite_links(doc.links, start, end, named, text) + cite_notes(note, named)
        attribute(cites, named, index, said_with, history, previous, papers, bool(the_medium), text)
        cites += group.cite(text, cites)
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
        if not any(c.url for c in cites) and (the := the_medium or THE_DOCUMENT_SAYS.search(text)):
            noun = the.group(1) or the.group(2)
            cites += [Citation(u, "attribution") for u in the_one(noun, stated, papers)]
        if not any(c.url for c in cites) and THE_RELEASE.search(text):
            releases = list(dict.fromkeys(u for u in history if RELEASE_URL.search(u)))
            cites += [Citation(u, "attribution") for u in releases if len(releases) == 1]
        if not any(c.url for c in cites) and "post" in (said_with or ()):
            cites += [Citation(u, "attribution") for u in embedded_post_of(doc, text)]
        if not any(c.url for c in cites) and named and recent and _SHOWS.search(text):
            # "Schukin shows how…" a few sentences after one cited his post ("Apte said" is
            # said to the reporter)
            posts = embedded_post_of(doc, text)
            cites += [Citation(u, "attribution") for u in posts if any(u in r for _, r in recent)]
        if (
            not any(c.url for c in cites)
            and spoken_in
            and (
                len(results) - spoken_in[2] <= _STATEMENT_REACH
                or (
                    len(results) - spoken_in[2] <= _QUIET_STATEMENT_REACH
                    and set(history[spoken_at:]) <= {spoken_in[1]}
                    and len(text.split()) >= _CARRIED_WORDS
                    and _BARE_SAID.search(text) is not None
                )
            )
            and any(n.shown and n.name in spoken_in[0] for n in named)
        ):  # '"He has taken responsibility…," Zoghlin said.' after her linked statement
            cites.append(Citation(spoken_in[1], "attribution"))
        if not any(c.url for c in cites) and "statement" in (said_with or ()):
            cites += [Citation(u, "attribution") for u in embedded_statement_of(doc, text)]
        cites += [Citation(u, "attribution") for u in unnamed.again(text)]
        if not any(c.url for c in cites):
            cites += [Citation(u, "attribution") for u in unnamed.cite(text, history)]
        if not any(c.url for c in cites) and reports_shares(text):  # "51 percent say…"
            block = bisect.bisect_right(block_starts, start) - 1
            cites += [Citation(u, "attribution") for u in latest_poll(index, recent, block)]
        if (
            not any(c.url for c in cites)
            and (IT_MENTIONS.match(text) or THE_REPORT_OPENS.match(text))
            and len(previous) == 1
        ):
            cites.append(Citation(next(iter(previous)), "attribution"))  # the report just cited
        if not any(c.url for c in cites) and THEY_WROTE.search(text):  # the paper just cited
            papers_before = [u for u in previous if is_scholarly(u)]
            cites += [Citation(u, "attribution") for u in papers_before if len(papers_before) == 1]
        if not any(c.url for c in cites):  # "Wee of the Times reports that…"
            cites += [Citation(u, "attribution") for u in reporter_of(index, text)]
        if not any(c.url for c in cites):  # "Batchelder told the Post"
            cites += [Citation(u, "attribution") for u in told_outlet(index, text, history)]
        if not any(c.url for c in cites):  # 'In “In The Plex,” Levy tells…', "told Levy"
            works = named_works(titles, text, start) or told_writer(index, text, history)
            cites += [Citation(u, "attribution") for u in works]
        if not any(c.url for c in cites) and names_respondents(text):  # the survey's people
            polls = [u for u in history if mentions(f"{index.describe(u)} {u}", POLL_NOUNS)]
            cites += [Citation(u, "attribution") for u in polls[-1:]]
        urls = [c.url for c in cites if c.url]
        unnamed.learn(text, urls)
        linked = [c.url for c in cites if c.url and c.via == "hyperlink"]
        if who := poster_of(text, linked):  # "Posted on social media by … Digital Foundry"
            poster = (who, linked[0], len(results))
        if len(set(linked)) == 1 and (
            writer := _SAID_IN_WRITING.search(text) or _SPOKE_IN_PIECE.search(text)
        ):
            # "…,” said Lukas Stefanko in a Monday <a>analysis</a>: his writing
            index.add_name(linked[0], writer.group("who"))
            index.add_writer(linked[0], writer.group("who"))
        said_there = statement_link(doc.links, start, end, named)
        shown = frozenset(n.name for n in named if n.shown)
        if (
            not said_there
            and shown
            and len(set(linked)) == 1
            and _STATED.intersection(said_with or ())
        ):  # '…,” Rönnlund said in a <a>statement</a>': his later words may come from it
            said_there = (shown, linked[0])
        if said_there:
            spoken_in = (*said_there, len(results))
            spoken_at = len(history) + len(urls)
        subject = DOCUMENT_OPENS.match(text)  # "The statement, obtained by <a>Variety</a>, …"
        nouns = (*(said_with or ()), *((subject.group(1).lower(),) if subject else ()))
        stated |= _anchored_documents(doc, start, end)  # "the group <a>sent a letter</a> to…"
        for noun in nouns:  # "said in a NASA <a>statement</a>": the statement; "in a
            if len(set(linked)) == 1:  # statement shared to its website": a new one, unlinked
                stated[noun] = linked[0]
            elif not linked and not THE_DOCUMENT_SAYS.search(text):
                stated.pop(noun, None)
        recent = (recent + [(bisect.bisect_right(block_starts, start) - 1, urls)])[-POLL_REACH:]
        history += urls
        previous = set(urls)
        names = attributed_names(cites, named, index)
        markers = {m.start for m in doc.markers[lo:hi]}
        names += cited_by_name(text, start, cites, index, markers)
        results.append(SentenceLinks(dedupe(cites), list(dict.fromkeys(names))))
    paraphrased_before(doc, spans, results, vias)
    own_earlier_piece(doc, spans, results, index)
    backed_by_examples(doc, spans, results)
    study_cited_next(doc, spans, results)
    authors_of_the_last_study(doc, spans, results)
    report_statement(doc, spans, results)
    the_linked_report(doc, spans, results, papers)
    pointed_to(doc, spans, results)
    continue_quotations(doc, spans, results)
    court_rulings(doc, spans, results)
    reported_speech(doc, spans, results)
    quoted_from_transcript(doc, spans, results)
    retold_remarks(doc, spans, results)
    headline_summaries(doc, spans, results, index)
    confirmed_in_statement(doc, spans, results)
    quoted_writing(doc, spans, results)
    asterisk_notes(doc, spans, results)
    for (start, end), found in zip(spans, results, strict=True):
        text = doc.text[start:end]
        if rests_on_nothing(text):  # only what it carries itself
            found.citations = [c for c in found.citations if c.via != "attribution" or not c.url]
        found.citations = [
            c for c in found.citations
            if c.via != "attribution" or not c.url or not another_post(doc, text, c.url)
        ]  # fmt: skip
    return results

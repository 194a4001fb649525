"""The one report an article links, and the sentences that mean it without a link: "says a
report", "the report explores…", "It calls on…", "told the authors"."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.pipeline.linking.sentence_links import SentenceLinks
from app.pipeline.types import Citation, Document

__all__ = ["the_linked_report"]

_KIND = r"(?:report|assessment|audit|white paper|(?:tax\s+)?filings?|tax\s+(?:forms?|returns?))"
# a sentence that presents the document it links as a report: "The report by the union
# claims…", "a new report from…", "in its annual assessment"
_PRESENTS = re.compile(
    rf"\b(?:the|a|an|its|their|this|new|latest|annual|[\w’'-]+[’']s)\s+(?:[\w-]+\s+){{0,3}}?"
    rf"{_KIND}\b(?!\s+(?:that|which)\s+(?:appeared|ran)\b)",
    re.IGNORECASE,
)
# "the report explores", "says a report", "according to the report", "the report's authors",
# "told the authors": the report itself, wherever in the article
_MEANS_IT = re.compile(
    rf"\b(?:the|its)\s+(?:[\w’'-]+\s+){{0,3}}?{_KIND}(?:[’']s)?\s+(?:also\s+)?(?:authors?|"
    rf"found|finds|says|said|shows|showed|claims|claimed|explores|explored|estimates|estimated|"
    rf"lists|listed|did not|does not|"
    rf"calls|called|recommends|recommended|warns|warned|notes|noted|highlights|highlighted|"
    rf"concludes|concluded|argues|argued|urges|urged|reveals|revealed|suggests|suggested)\b"
    rf"|\b(?:says|said|according to|finds|found|claims|suggests)\s+(?:a|the|its)\s+"
    rf"(?:new\s+|recent\s+|latest\s+)?{_KIND}\b"
    rf"|\b(?:told|interviewed by)\s+the\s+(?:report[’']s\s+)?authors\b"
    rf"|^(?:but\s+)?in\s+(?:the|its|this|that)\s+(?:[\w-]+\s+){{0,3}}?{_KIND},",
    re.IGNORECASE,
)
# "It calls on the regulator…", "It also found…": the report the sentence before rested on
_IT_GOES_ON = re.compile(
    r"^(?:but\s+|and\s+)?(?:it|the document)\s+(?:also\s+)?(?:lists|listed|calls|called|"
    r"recommends|recommended|warns|warned|"
    r"finds|found|estimates|estimated|urges|urged|notes|noted|concludes|concluded|argues|"
    r"argued|shows|showed|says|said|suggests|suggested)\b",
    re.IGNORECASE,
)


def the_linked_report(
    doc: Document, spans: Sequence[tuple[int, int]], results: list[SentenceLinks],
    papers: Sequence[str] = (),
) -> None:  # fmt: skip
    """Cite the one linked report (else the one linked paper, which articles call "the
    report" too) on the uncited sentences that mean it; a sentence that names a speaker of
    its own ("X, who backs the report, said…") rests on that speaker."""
    texts = [doc.text[start:end] for start, end in spans]
    reports = {
        c.url
        for text, found in zip(texts, results, strict=True)
        for c in found.citations
        if c.url and c.via == "hyperlink" and _PRESENTS.search(text)
        and len({x.url for x in found.citations if x.url and x.via == "hyperlink"}) == 1
    }  # fmt: skip
    if not reports and len(papers) == 1:
        reports = set(papers)
    if len(reports) != 1:
        return
    report = next(iter(reports))
    before: set[str | None] = set()
    for text, found in zip(texts, results, strict=True):
        urls = {c.url for c in found.citations if c.url}
        speaks = any(c.attributed_to and not c.url for c in found.citations)
        means_it = _MEANS_IT.search(text) or (_IT_GOES_ON.match(text) and report in before)
        if not urls and not speaks and means_it:
            found.citations.append(Citation(report, "attribution"))
            urls = {report}
        before = set(urls)

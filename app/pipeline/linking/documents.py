"""Documents a sentence refers to without linking: "the statement", "the release", a post."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.pipeline.attribution.document_refs import medium
from app.pipeline.attribution.statements import statement_sources
from app.pipeline.citations.sources import normalize_url
from app.pipeline.linking.sentence_links import SentenceLinks
from app.pipeline.types import Citation, Document

__all__ = [
    "DOCUMENT_OPENS",
    "IT_MENTIONS",
    "RELEASE_URL",
    "another_post",
    "THEY_WROTE",
    "THE_DOCUMENT_SAYS",
    "THE_MEDIUM",
    "THE_RELEASE",
    "THE_REPORT_OPENS",
    "embedded_post_of",
    "embedded_statement_of",
    "given_in",
    "report_statement",
    "the_one",
]

# "in the statement", "in the same release": the one the article already linked
DOCUMENT_OPENS = re.compile(r"^the (statement|release|letter|filing)\b", re.IGNORECASE)
# "…,” the statement continued.": the statement the article linked as one
THE_DOCUMENT_SAYS = re.compile(
    r"\bthe (statement|release|letter|filing) (?:continued|added|said|says|read|reads|noted)\b"
    # "…, the paper states.": the one paper the article links
    r"|\bthe (paper|study) (?:states|stated|says|said|notes|noted|adds|added)[.!]?$",
    re.IGNORECASE,
)
# "It doesn't mention Hemsworth.", "It does not say when": the document the sentence before cited
IT_MENTIONS = re.compile(
    r"^(?:but\s+)?it\s+(?:(?:does|did)\s*(?:not|n[’']t)\s+)?"
    r"(?:mentions?|says?|names?|lists?|includes?|address(?:es)?|cites?|specify|specifies)\b",
    re.IGNORECASE,
)
# "The report, which compares data from 200 companies, ranks…": the document the sentence
# before cited, opening this one as its subject
THE_REPORT_OPENS = re.compile(
    r"^(?:the|this) (?:report|analysis|study|survey|paper|review|research)\b"
    r"(?:,[^,]{1,120},)?\s+(?:also\s+)?[a-z]+(?:s|ed)\b",
    re.IGNORECASE,
)
# "…, they wrote.": the authors of the paper the sentence before cited, writing in it
THEY_WROTE = re.compile(
    r"\b(?:they|the authors) (?:wrote|write|concluded|conclude|note|noted|believe|suggest|"
    r"argue|argued)\b"
    r"(?!\s+(?:in|on)\s+(?:a|an|their|his|her)\b)",  # "they wrote in a newsletter": elsewhere
    re.IGNORECASE,
)
_IT_SAYS = re.compile(r"[,.!?][\"”’]\s+it (?:says|said|reads|read|adds|added|continued)\b")
THE_MEDIUM = re.compile(
    r"\bin the (?:same |separate )?(statement|release|press release|paper|study|case report|"
    r"case study)\b"
    # "according to a new case report", "in a patient perspective accompanying the case
    # report": the one paper linked
    r"|\b(?:according to|accompanying) (?:a|the) (?:new |recent |published )?"
    r"(paper|study|case report|case study)\b",
    re.I,
)
# "according to the office release", "said in the release": a press release the article linked
THE_RELEASE = re.compile(
    r"\b(?:according to|in) (?:the|its|their) (?:[\w’'.-]+\s+){0,2}?(?:press |news )?release\b",
    re.I,
)
# where institutions publish their press releases
RELEASE_URL = re.compile(
    r"/(?:pr|press|newsroom|news-?releases?|press-?releases?|media-?releases?|pressroom)/"
    r"|press-release|news-release",
    re.I,
)


def embedded_post_of(doc: Document, text: str) -> list[str]:
    """The one embedded post whose author the sentence names by surname as posting ("Omar
    asked … in a letter posted on Twitter" over Rep. Ilhan Omar's embedded post)."""
    found = {
        url
        for ref in doc.references
        if ref.speaker and ref.url and (url := normalize_url(ref.url))
        and re.search(rf"\b{re.escape(ref.speaker.split()[-1])}\b", text)
    }  # fmt: skip
    return list(found) if len(found) == 1 else []


_SPEAKER_WORD = 4  # "Tottenham" of "Tottenham Hotspur"; not "FC" or "Inc"


def embedded_statement_of(doc: Document, text: str) -> list[str]:
    """The one embedded post that is a statement by the speaker the sentence names
    ("Tottenham said in a statement: …" over Tottenham Hotspur's post "Club statement")."""
    found = set()
    for ref in doc.references:
        if not (ref.speaker and ref.url and ref.text and (url := normalize_url(ref.url))):
            continue
        said = ref.text.split("—", 1)[0]  # the post's words, before its author line
        names = [w for w in re.findall(r"[\w’'-]+", ref.speaker) if len(w) >= _SPEAKER_WORD]
        if re.search(r"\bstatement\b", said, re.I) and any(
            re.search(rf"\b{re.escape(w)}\b", text) for w in names
        ):
            found.add(url)
    return list(found) if len(found) == 1 else []


# "posted an image … with the caption: “Welcome Jose”": the words of the post it means
_CAPTIONED = re.compile(
    r"\bcaption(?:ed)?\b[\s:,]*(?:that read\s*:?\s*)?[\"“]([^\"”]{2,200})[\"”]", re.I
)


def another_post(doc: Document, text: str, url: str) -> bool:
    """Whether the sentence quotes a caption that the embedded post at `url` does not carry:
    a different post of the same account ("Club statement" is not "Welcome Jose")."""
    caption = _CAPTIONED.search(text)
    if caption is None:
        return False
    words = re.sub(r"\W+", " ", caption.group(1)).lower().strip()
    for ref in doc.references:
        if ref.speaker and ref.url and ref.text and normalize_url(ref.url) == url:
            return words not in re.sub(r"\W+", " ", ref.text).lower()
    return False


def report_statement(
    doc: Document, spans: Sequence[tuple[int, int]], results: list[SentenceLinks]
) -> None:
    """Uncited "…, prosecutors said." lines rest on the institution's one linked statement."""
    texts = [doc.text[start:end] for start, end in spans]
    linked = [[c.url for c in r.citations if c.url and c.via == "hyperlink"] for r in results]
    cited = [any(c.url for c in r.citations) for r in results]
    for found, urls in zip(results, statement_sources(texts, linked, cited), strict=True):
        found.citations += [Citation(u, "attribution") for u in urls]


def given_in(text: str) -> tuple[str, ...] | None:
    """Where the sentence says its words were given: "in a statement", "the statement read"."""
    said = THE_DOCUMENT_SAYS.search(text)
    if said is None and _IT_SAYS.search(text):
        return ("statement",)  # '"…," it says.': the document the sentence before linked
    if said is None and (paper := THE_MEDIUM.search(text)):  # "…," wrote in the case study.
        return ((paper.group(1) or paper.group(2)).lower(),)
    return medium(text) or (((said.group(1) or said.group(2)).lower(),) if said else None)


def the_one(noun: str, stated: dict[str, str], papers: list[str]) -> list[str]:
    """What "in the statement" / "in the paper" means: the statement the article linked as
    one, or the one paper it links."""
    noun = noun.lower()
    if noun in stated:
        return [stated[noun]]
    papers_nouns = ("paper", "study", "case report", "case study")
    return papers[:1] if noun in papers_nouns and len(papers) == 1 else []

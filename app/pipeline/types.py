"""Plain data the pure pipeline produces: picklable, JSON-able, no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "Assessment",
    "Block",
    "Citation",
    "Document",
    "Extraction",
    "Link",
    "Marker",
    "Quantity",
    "Reference",
    "Sentence",
    "Source",
]

PIPELINE_VERSION = "0.1.0"


@dataclass(slots=True)
class Link:
    """An inline hyperlink of the body; offsets index `Document.text`."""

    start: int
    end: int
    href: str
    text: str
    citation: bool = False  # an outbound source link, not navigation, promo or same-site
    # A link of a "Source: …" line: it spans the paragraph above, whose statements it cites.
    note: bool = False
    # A quotation's credit (a line under it, or a lead-in above): every sentence of it rests on it.
    quote: bool = False
    # A page of the site itself (its earlier story), not another publisher's.
    own: bool = False
    # The site's own story as a newsletter item's headline: its summary rests on it too.
    headline: bool = False
    # A shop's product page behind an affiliate tag: the source of a price the sentence states.
    shop: bool = False


@dataclass(slots=True)
class Marker:
    """A citation marker removed from the body text; `start` is where it stood in `Document.text`.

    `labels` are the expanded reference labels ("[2–4]" -> ["2", "3", "4"]); `raw` is as printed.
    """

    start: int
    labels: list[str]
    raw: str
    kind: str  # "bracket" | "footnote" | "author-year"


@dataclass(slots=True)
class Block:
    """A heading, paragraph, list item, quote or notice (a release's standing text, never a
    claim) of the body; offsets index `Document.text`."""

    kind: str
    start: int
    end: int


@dataclass(slots=True)
class Reference:
    """One entry of a reference list, footnote section or bibliography."""

    label: str
    url: str | None
    publisher: str | None = None
    title: str | None = None
    text: str = ""
    anchors: list[str] = field(default_factory=list)  # element ids that in-body markers link to
    speaker: str | None = None  # who an embedded post is by: another name for the source
    refers_to: list[str] = field(default_factory=list)  # ids a short note links ("Smith 2020")
    embedded: bool = False  # an embedded post shown in the body, not an entry of a list


@dataclass(slots=True)
class Document:
    """The article body as structured text plus its metadata.

    `text` is the body with citation markers removed; blocks are separated by a blank line.
    """

    url: str
    text: str
    title: str | None = None
    byline: str | None = None
    published: str | None = None  # ISO date "YYYY-MM-DD"
    site_name: str | None = None
    language: str | None = None
    canonical_url: str | None = None
    blocks: list[Block] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)


@dataclass(slots=True)
class Quantity:
    """A measured amount in a sentence; ranges set low/high and leave value as the low end."""

    text: str
    value: float | None
    unit: str | None = None
    low: float | None = None
    high: float | None = None


@dataclass(slots=True)
class Assessment:
    """Check-worthiness of one sentence, with the features that fired."""

    checkworthiness: float
    features: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)


@dataclass(slots=True)
class Citation:
    """A sentence resting on a source; `url` is the source's normalized URL (None if unlinked)."""

    url: str | None
    via: str  # "marker" | "footnote" | "hyperlink" | "attribution" | "author-year"
    marker: str | None = None
    attributed_to: str | None = None


@dataclass(slots=True)
class Source:
    """A cited page, one per normalized URL within an article."""

    url: str  # normalized (app.urls.normalize_source_url)
    raw_url: str
    domain: str | None = None
    publisher: str | None = None
    title: str | None = None
    label: str | None = None


@dataclass(slots=True)
class Sentence:
    """One body sentence; `text == Extraction.text[start:end]`."""

    index: int
    start: int
    end: int
    text: str
    citations: list[Citation] = field(default_factory=list)
    attributed_to: list[str] = field(default_factory=list)
    checkworthiness: float = 0.0
    features: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    is_claim: bool = False


@dataclass(slots=True)
class Extraction:
    """Everything the pipeline learned from one page."""

    url: str
    text: str
    word_count: int
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    site_name: str | None = None
    language: str | None = None
    canonical_url: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    pipeline_version: str = PIPELINE_VERSION

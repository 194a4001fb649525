"""The article's sources, one per normalized URL, and matching a named source to them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from app.pipeline.types import Source
from app.urls import MAX_URL_LENGTH, normalize_source_url, registrable_domain

__all__ = ["SourceIndex", "is_scholarly", "normalize_url"]

_STOP = frozenset({"the", "of", "and", "&", "for", "a", "an", "in", "on", "at", "to", "us", "u.s"})
_GENERIC = frozenset(
    {"news", "report", "data", "world", "national", "state", "county", "city", "university",
     "institute", "agency", "authority", "department", "office", "board", "energy", "health",
     "times", "post", "daily", "journal", "review", "press", "group", "international", "global",
     "research", "center", "centre", "association", "council", "government", "federal"}
)  # fmt: skip


@lru_cache(maxsize=4096)
def normalize_url(url: str) -> str | None:
    """`normalize_source_url`, or None for URLs it cannot make sense of or that are too long to
    be a source (`MAX_URL_LENGTH`)."""
    if len(url) > MAX_URL_LENGTH:
        return None
    try:
        normalized = normalize_source_url(url)
    except (ValueError, TypeError, UnicodeError):
        return None
    return normalized if len(normalized) <= MAX_URL_LENGTH else None


# a page matches a few dozen names against each of its sources: the name-only steps below
# are remembered (bounded, so a process that reads thousands of pages does not grow)
@lru_cache(maxsize=4096)
def _norm(name: str) -> str:
    """Lower case, no possessive, no leading article, punctuation folded to spaces."""
    text = name.lower().replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"^the\s+", "", text.strip())
    return " ".join(re.sub(r"[^\w&.]+", " ", text).replace(".", "").split())


@lru_cache(maxsize=4096)
def _tokens(name: str) -> frozenset[str]:
    """Content words of a name."""
    return frozenset(t for t in _norm(name).split() if t not in _STOP)


@lru_cache(maxsize=4096)
def _acronym(name: str) -> str:
    """ "Bureau of Labor Statistics" -> "bls"; dotted and lower-case words are skipped."""
    words = [w for w in re.split(r"[\s-]+", name) if w[:1].isupper() and "." not in w]
    return "".join(w[0] for w in words if w.lower() not in _STOP).lower()


@lru_cache(maxsize=4096)
def _initials_and_last(name: str) -> str:
    """ "Los Angeles Times" -> "latimes", "New York Post" -> "nypost": how outlets with a
    place in their name shorten it for their domain ("" for a name of fewer than 3 words)."""
    words = [w for w in _norm(name).split() if w not in _STOP]
    if len(words) < 3 or not all(w.isalpha() for w in words):
        return ""
    return "".join(w[0] for w in words[:-1]) + words[-1]


_PLACELESS_CHARS = 8  # "postgazette": long enough that no common word ("times") matches


def _without_place(name: str) -> set[str]:
    """ "Pittsburgh Post-Gazette" -> {"postgazette"}: the name's later words run together, as
    an outlet whose domain drops the place in its name spells it (post-gazette.com)."""
    words = _norm(name).split()
    tails = {re.sub(r"[^a-z0-9]", "", "".join(words[k:])) for k in range(1, len(words))}
    return {t for t in tails if len(t) >= _PLACELESS_CHARS}


_SHORT_NAME_CHARS = 4  # "the Post", "the Times"; "the Sun" is too short to tell


@dataclass(slots=True)
class _Entry:
    source: Source
    names: set[str] = field(default_factory=set)
    domains: set[str] = field(default_factory=set)
    writers: set[str] = field(default_factory=set)  # surnames of those who speak in it


# Where papers live: DOI and preprint resolvers, PubMed, and journals' own hosts.
_SCHOLARLY = re.compile(
    r"^https?://(?:[\w-]+\.)*(?:doi\.org|arxiv\.org|biorxiv\.org|medrxiv\.org|"
    r"ncbi\.nlm\.nih\.gov|nature\.com|science\.org|sciencemag\.org|cell\.com|pnas\.org|"
    r"thelancet\.com|nejm\.org|jamanetwork\.com|bmj\.com|plos\.org|springer\.com|"
    r"wiley\.com|sciencedirect\.com|tandfonline\.com|frontiersin\.org|mdpi\.com|"
    r"academic\.oup\.com|iopscience\.iop\.org|journals\.[\w.-]+|ssrn\.com|"
    r"royalsocietypublishing\.org|sagepub\.com|pubs\.acs\.org|journals\.aps\.org|"
    r"cambridge\.org/core|ieeexplore\.ieee\.org|dl\.acm\.org|biomedcentral\.com|"
    r"elifesciences\.org|peerj\.com|annualreviews\.org|jstor\.org/stable)(?:/|$)",
    re.IGNORECASE,
)


# a resolver or index that names the paper by its DOI in the query ("…pendingpub.html?doi=10.")
_DOI_QUERY = re.compile(r"[?&]doi=10\.\d{4,9}(?:%2F|/)", re.IGNORECASE)


def is_scholarly(url: str) -> bool:
    """Whether the URL is a paper: a DOI, a preprint, a PubMed record or a journal's page."""
    return bool(_SCHOLARLY.match(url) or _DOI_QUERY.search(url))


# "McClatchy Co.", "Acme Holdings Inc": the company's form, which its domain leaves out
_CORPORATE = re.compile(
    r"(?:,?\s+(?:co|corp|corporation|inc|incorporated|ltd|llc|plc|holdings|company)\.?)+$",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def _compact(name: str) -> str:
    """ "McClatchy Co." -> "mcclatchy": the name as its own domain would spell it."""
    return re.sub(r"[^a-z0-9]", "", _norm(_CORPORATE.sub("", name)))


class SourceIndex:
    """Sources in first-seen order, with the names each one goes by."""

    def __init__(self) -> None:
        self._entries: dict[str, _Entry] = {}

    def add(
        self, raw_url: str, *, publisher: str | None = None, title: str | None = None,
        label: str | None = None,
    ) -> str | None:  # fmt: skip
        """Register a cited URL; returns its normalized form (None if unusable)."""
        url = normalize_url(raw_url)
        if url is None:
            return None
        entry = self._entries.get(url)
        if entry is None:
            domain = registrable_domain(url)
            source = Source(url=url, raw_url=raw_url, domain=domain, label=label)
            entry = self._entries[url] = _Entry(source)
            if domain:
                entry.domains = {domain.split(".")[0], domain.replace(".", "")}
        entry.source.publisher = entry.source.publisher or publisher
        entry.source.title = entry.source.title or title
        if publisher:
            entry.names.add(publisher)
        return url

    def add_alias(self, url: str, name: str) -> None:
        """Another name the source at `url` goes by ("the co-op", "Reuters")."""
        entry = self._entries.get(url)
        if entry is not None:
            entry.names.add(name)
            entry.source.publisher = entry.source.publisher or name

    def add_name(self, url: str, name: str) -> None:
        """A name the source goes by that is not its publisher (its reporter, say)."""
        entry = self._entries.get(url)
        if entry is not None:
            entry.names.add(name)

    def add_writer(self, url: str, name: str) -> None:
        """Someone whose own words the source carries ("Banzi … in a story"): by surname."""
        entry = self._entries.get(url)
        if entry is not None:
            entry.writers.add(_norm(name).rsplit(" ", 1)[-1])

    def has_writer(self, url: str, name: str) -> bool:
        """Whether `name` (a surname will do) is a writer of the source at `url`."""
        entry = self._entries.get(url)
        return entry is not None and _norm(name).rsplit(" ", 1)[-1] in entry.writers

    def _score(self, name: str, entry: _Entry) -> int:
        """4 its own domain, 3 exact name, 2 acronym, 1 shared content words, 0 no match."""
        norm = _norm(name)
        compact = _compact(name)
        own_domain = len(compact) >= 3 and (
            compact in entry.domains or f"the{compact}" in entry.domains
        )
        if own_domain:  # "Reuters" is reuters.com before a wire copy it was linked on
            return 4
        if any(_norm(n) == norm for n in entry.names):
            return 3
        if norm.rsplit(" ", 1)[-1] in entry.writers:
            return 3  # "Massimo Banzi", who spoke in the piece as "Banzi"
        acronym = name.isupper() and 2 <= len(name) <= 6
        if acronym and (
            name.lower() in entry.domains or any(_acronym(n) == name.lower() for n in entry.names)
        ):
            return 2
        if _initials_and_last(name) in entry.domains:  # "Los Angeles Times" is latimes.com
            return 2
        tokens = _tokens(name)
        if not tokens or tokens <= _GENERIC:
            return 0
        for other in entry.names:
            theirs = _tokens(other)
            if tokens <= theirs or (len(theirs) >= 2 and theirs <= tokens):
                return 1
        return 0

    def match(self, name: str) -> list[str]:
        """Normalized URLs of the sources best matching `name` (empty when none do)."""
        scored = [(self._score(name, e), url) for url, e in self._entries.items()]
        best = max((s for s, _ in scored), default=0)
        return [url for s, url in scored if s == best] if best else []

    def match_outlet(self, name: str) -> list[str]:
        """`match` for a name known to be a news outlet's, which may also be its domain without
        the place in its name ("Pittsburgh Post-Gazette" is post-gazette.com)."""
        found = self.match(name)
        if found:
            return found
        tails = _without_place(name)
        return [
            url for url, e in self._entries.items()
            if tails & {re.sub(r"[^a-z0-9]", "", d) for d in e.domains}
        ]  # fmt: skip

    def match_short(self, name: str) -> list[str]:
        """Sources whose domain ends in a one-word short name ("the Post": washingtonpost)."""
        tail = re.sub(r"[^a-z0-9]", "", _norm(name))
        if " " in name.strip() or len(tail) < _SHORT_NAME_CHARS:
            return []
        return [u for u, e in self._entries.items() if any(d.endswith(tail) for d in e.domains)]

    def goes_by(self, url: str, name: str) -> bool:
        """Whether `name` is the source's own name, domain or acronym (not just a shared word)."""
        entry = self._entries.get(url)
        return entry is not None and self._score(name, entry) >= 2

    def describe(self, url: str) -> str:
        """What the page calls the source at `url`: its label, title and names."""
        entry = self._entries.get(url)
        if entry is None:
            return ""
        return " ".join(filter(None, (entry.source.label, entry.source.title, *entry.names)))

    def sources(self) -> list[Source]:
        """All sources, in the order first seen."""
        return [e.source for e in self._entries.values()]

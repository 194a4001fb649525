"""Author-year citations: "(Chen et al., 2025)", "(A & B, 2024; C, 2023)", "Ruiz (2023) found"."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.pipeline.citations.markers import MarkerHit
from app.pipeline.types import Reference

__all__ = ["bibliography_label", "find_author_year", "narrative_author"]

_NAME = r"[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?"
# APA "(2023)." and Harvard "(2020a) ‘Title’": the year in brackets after the authors
_APA_HEAD = re.compile(r"^(.{2,400}?)\s*\((\d{4}[a-z]?)(?:,[^)]*)?\)(?:\.|\s+(?=[‘'“\"A-Z]))")
_APA_AUTHOR = re.compile(rf"(?:^|,\s*|&\s*|\band\s+)({_NAME}),\s+(?:[A-Z]\.\s*(?:-?[A-Z]\.\s*)*)")
# Nature/Science style: "Okonjo, R. et al. Natura 652, 310–316 (2026)." (year at the end).
_AUTHORS_FIRST = re.compile(
    rf"^((?:{_NAME},\s+(?:[A-Z]\.\s*(?:-?[A-Z]\.\s*)*)(?:,\s*|&\s*|\band\s+)?)+)"
    r"(et al\.)?.*\((\d{4}[a-z]?)\)\.?$"
)
_LABEL = re.compile(r"^(.+?),?\s+(\d{4}[a-z]?)$")
_PAREN = re.compile(r"\(([^()]{4,300})\)")
_PART_PREFIX = re.compile(r"^(?:e\.g\.|see(?: also)?|cf\.)\s*,?\s*", re.IGNORECASE)
# Where in the work: "(Lindqvist 2019, p. 44)", "(Duarte 2020a, pp. 112–115)", "(Ruiz 2023: 12)"
_LOCATOR = re.compile(r"(?:,\s*(?:pp?\.|paras?\.|ch\.|chap\.)\s*|:\s*)[\divxlc][\w–,\s-]*$")
_NARRATIVE = re.compile(
    rf"\b({_NAME}(?:\s+et al\.?|\s+(?:&|and)\s+{_NAME})?)\s+\((\d{{4}}[a-z]?)\)"
)


@dataclass(slots=True, frozen=True)
class _Cite:
    """Surnames, "et al." and year of one citation or bibliography entry."""

    surnames: tuple[str, ...]
    et_al: bool
    year: str


def bibliography_label(text: str) -> str | None:
    """APA "Chen, L., & Hughes, R. (2023). Title…" -> "Chen & Hughes, 2023"."""
    head = _APA_HEAD.match(text.strip())
    if not head:
        return None
    names = _APA_AUTHOR.findall(head.group(1) + " ")
    if not names:
        return None
    year = head.group(2)
    if len(names) == 1:
        return f"{names[0]}, {year}"
    if len(names) == 2:
        return f"{names[0]} & {names[1]}, {year}"
    return f"{names[0]} et al., {year}"


def _label_of(names: list[str], year: str, et_al: bool) -> str | None:
    """ "Chen", "Hughes" + "2023" -> "Chen & Hughes, 2023"; three or more -> "et al."."""
    if not names:
        return None
    if len(names) == 1 and not et_al:
        return f"{names[0]}, {year}"
    if len(names) == 2 and not et_al:
        return f"{names[0]} & {names[1]}, {year}"
    return f"{names[0]} et al., {year}"


def _entry_cite(text: str) -> _Cite | None:
    """The author-year of a numbered entry, APA or year-last, so "(Haddad, 2024)" finds it."""
    label = bibliography_label(text)
    if label is None and (m := _AUTHORS_FIRST.match(text.strip())):
        label = _label_of(_APA_AUTHOR.findall(m.group(1) + " "), m.group(3), bool(m.group(2)))
    return _parse(label) if label else None


def _parse(text: str) -> _Cite | None:
    """ "Chen et al., 2025" / "Okafor & Lindqvist 2024" -> _Cite."""
    m = _LABEL.match(_LOCATOR.sub("", _PART_PREFIX.sub("", text.strip())))
    if not m or not m.group(1)[:1].isupper():
        return None
    who = m.group(1)
    et_al = bool(re.search(r"\bet al\b", who))
    names = [n.strip() for n in re.split(r",|&|\band\b|\bet al\.?", who) if n.strip()]
    if not names or any(not n[:1].isupper() for n in names):
        return None
    return _Cite(tuple(n.casefold() for n in names), et_al, m.group(2))


def _match(cite: _Cite, bibliography: Sequence[tuple[_Cite, Reference]]) -> Reference | None:
    """The bibliography entry a citation points to, by first author, co-authors and year."""
    same = [
        (c, r) for c, r in bibliography if c.year == cite.year and c.surnames[0] == cite.surnames[0]
    ]
    exact = [r for c, r in same if c.surnames == cite.surnames and c.et_al == cite.et_al]
    if exact:
        return exact[0]
    return same[0][1] if len(same) == 1 else None


def _bibliography(references: Sequence[Reference]) -> list[tuple[_Cite, Reference]]:
    """Author-year labelled references with their parsed labels."""
    parsed = [(_parse(r.label) or _entry_cite(r.text or ""), r) for r in references]
    return [(c, r) for c, r in parsed if c is not None]


def _widen(text: str, start: int) -> int:
    """Include the space before a removed parenthetical."""
    return start - 1 if start > 0 and text[start - 1] == " " else start


def find_author_year(text: str, references: Sequence[Reference]) -> list[MarkerHit]:
    """Author-year citations in `text` that resolve into the page's bibliography."""
    bibliography = _bibliography(references)
    if not bibliography:
        return []
    hits: list[MarkerHit] = []
    for m in _PAREN.finditer(text):
        cites = [_parse(part) for part in m.group(1).split(";")]
        refs = [_match(c, bibliography) if c else None for c in cites]
        if cites and all(cites) and any(refs):
            labels = [r.label for r in refs if r is not None]
            hits.append(
                MarkerHit(_widen(text, m.start()), m.end(), labels, m.group(0), "author-year")
            )
    for m in _NARRATIVE.finditer(text):
        found = _narrative_match(m.group(1), m.group(2), bibliography)
        if found is not None:
            who, ref = found
            year_start = text.index("(", m.end(1))
            raw = f"{who} {text[year_start : m.end()]}"
            hits.append(MarkerHit(year_start - 1, m.end(), [ref.label], raw, "author-year"))
    return sorted(hits, key=lambda h: h.start)


def _narrative_match(
    who: str, year: str, bibliography: Sequence[tuple[_Cite, Reference]]
) -> tuple[str, Reference] | None:
    """Author and entry of "Ruiz (2023)"; "When Brandt (2022)" also tries "Brandt".

    The name pattern takes up to two capitalised words, so a sentence-opening word ("When",
    "As", "In") can ride along with the surname; the shorter reading is tried next.
    """
    candidates = [who]
    first, _, rest = who.partition(" ")
    if rest and first[:1].isupper() and not rest.startswith(("&", "and ", "et al")):
        candidates.append(rest)
    for candidate in candidates:
        cite = _parse(f"{candidate}, {year}")
        ref = _match(cite, bibliography) if cite else None
        if ref is not None:
            return candidate, ref
    return None


def narrative_author(raw: str) -> str | None:
    """The author a narrative citation names: "Ruiz (2023)" -> "Ruiz"; None for "(Ruiz, 2023)"."""
    if raw.startswith("("):
        return None
    return raw.rsplit("(", 1)[0].strip() or None

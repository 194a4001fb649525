"""Does the cited page say what the claim says? A transparent lexical verdict."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Literal

from app.verify.appositions import apposition_clash
from app.verify.claim_text import normalise_units, strip_attribution
from app.verify.clashes import Clash, FigureCheck, PageValues, check_figures
from app.verify.clauses import clause_stems
from app.verify.conversions import conversion_clash
from app.verify.descriptors import descriptor_clash
from app.verify.entities import entity_clash
from app.verify.figure_names import figure_name_clash
from app.verify.negation import negation_clash
from app.verify.passages import split_passages, trim_evidence
from app.verify.ranges import range_clash
from app.verify.retrieval import Indexed, bm25, cover, coverage, index_passages
from app.verify.roles import role_clash
from app.verify.scoring import Params, load_params, support_score
from app.verify.sections import postings, section_coverage
from app.verify.swaps import owner_clash
from app.verify.terms import Term, claim_terms, is_content, stem, tokens

__all__ = [
    "PARAMS",
    "SUPPORT_THRESHOLD",
    "Analysis",
    "Page",
    "Status",
    "analyse",
    "decide",
    "Verdict",
    "claim_features",
    "verify_claim",
    "verify_claims",
]

Status = Literal["supported", "partially_supported", "contradicted", "not_found"]

PARAMS: Params = load_params()
SUPPORT_THRESHOLD = PARAMS.supported
_TOPIC_THRESHOLD = 0.6  # share of the claim's words the page must share to contradict it
DATED_TOPIC = 0.5  # share of the claim's topic a page must state for its dates to count
SURE_DATED_TOPIC = 0.25  # the same, for a date after every dateline or on the same day
_PASSAGES = 3  # a claim is often spread over a few sentences of its source
_CONTRADICTION_DISCOUNT = 0.5
SUSPECT_WORDS = 0.6  # plain-word coverage that makes a lone unstated figure a misstated one
ANCHORED_WORDS = 0.25  # the same, for a figure off in a passage that dates the claim's story


@dataclass(frozen=True, slots=True)
class Verdict:
    """Status, score in [0, 1], best passages (index and offsets) and the reasons that fired."""

    status: Status
    evidence: str
    score: float
    evidence_index: int | None
    evidence_indices: tuple[int, ...] = ()
    offsets: tuple[tuple[int, int], ...] = ()  # of each evidence passage in the source text
    reasons: tuple[str, ...] = field(default=())


class Page:
    """A source's passages, indexed once for every claim that cites it."""

    def __init__(self, source_text: str | list[str]) -> None:
        self.passages = split_passages(source_text)
        self.index: list[Indexed] = index_passages(self.passages)
        self.values = PageValues(self.passages)
        self.postings = postings(self.index)
        self.offsets = _offsets(source_text, self.passages)


def _offsets(source: str | list[str], passages: list[str]) -> list[tuple[int, int]]:
    """Where each passage starts and ends in the text (a list counts as joined by newlines)."""
    out, cursor = [], 0
    text = source if isinstance(source, str) else "\n".join(passages)
    for p in passages:
        start = text.find(p, cursor)
        start = cursor if start < 0 else start
        out.append((start, start + len(p)))
        cursor = start + len(p)
    return out


def _bigrams(stems: tuple[str, ...] | list[str]) -> set[tuple[str, str]]:
    return set(zip(stems, stems[1:], strict=False))


def claim_features(text: str, terms: list[Term], page: Page, chosen: list[int],
                   figures_stated: float, unstated: bool) -> dict[str, float]:  # fmt: skip
    """What the chosen passages state of the claim; the score weighs app.verify.scoring.FEATURES."""
    index = page.index
    union = set().union(*(index[i].counts for i in chosen))
    words = [t for t in terms if t.kind == "word"]
    names = [t for t in terms if t.kind == "name"]
    numbers = [t for t in terms if t.kind == "number"]
    seq = [stem(t) for t in tokens(normalise_units(text)) if is_content(t)]
    pairs = _bigrams(seq)
    found = set().union(*(_bigrams(index[i].sequence) for i in chosen)) if pairs else set()
    return {
        "words": coverage(words, union) if words else 1.0,
        "names": coverage(names, union) if names else 1.0,
        "numbers": coverage(numbers, union) if numbers else 1.0,
        "best_passage": max(coverage(terms, index[i].counts) for i in chosen),
        "figures_stated": figures_stated,
        "figures_unstated": float(unstated),
        "length": math.log(1 + len(terms)),
        "bigrams": len(pairs & found) / len(pairs) if pairs else 1.0,
        "section": section_coverage(terms, page.postings),
    }


def _contradiction(claim: str, terms: list[Term], page: Page, chosen: list[int],
                   ranks: list[float], clash: Clash | None) -> Clash | None:  # fmt: skip
    """A clash of figures, names or negation with an on-topic claim, if any."""
    index = page.index
    topic = [t for t in terms if t.kind != "number"]
    union = set().union(*(index[i].counts for i in chosen))
    if coverage(topic, union) < _TOPIC_THRESHOLD:
        return None
    for i in chosen:
        if negation_clash(claim, index[i].text):
            return Clash(i, claim, index[i].text, "one side negates what the other states")
    if clash is not None:
        return clash
    top = sorted(range(len(index)), key=ranks.__getitem__, reverse=True)[:_PASSAGES]
    candidates = [(i, index[i].text) for i in dict.fromkeys(chosen + top)]
    return (
        owner_clash(claim, index, ranks)
        or entity_clash(claim, candidates)
        or role_clash(claim, index, ranks)
        or figure_name_clash(claim, index, page.values)
        or descriptor_clash(claim, index)
        or apposition_clash(claim, index)
    )


def verify_claim(claim: str, source_text: str | list[str]) -> Verdict:
    """Whether `source_text` (a page's text or its passages) says what `claim` says."""
    return verify_on_page(claim, Page(source_text))


def verify_claims(claims: list[str], source_text: str | list[str]) -> list[Verdict]:
    """verify_claim for several claims citing one source, indexing the source once."""
    page = Page(source_text)
    return [verify_on_page(claim, page) for claim in claims]


def _union(page: Page, chosen: list[int]) -> set[str]:
    """Stems of the chosen passages."""
    return set().union(*(page.index[i].counts for i in chosen))


def _evidence_order(chosen: list[int], ranks: list[float]) -> list[int]:
    """The chosen passages by BM25, then the best-ranked others, three in all."""
    top = sorted(range(len(ranks)), key=ranks.__getitem__, reverse=True)[:_PASSAGES]
    ordered = sorted(chosen, key=ranks.__getitem__, reverse=True)
    return list(dict.fromkeys(ordered + top))[:_PASSAGES]


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the verifier found for one claim, before the fitted score decides its status."""

    features: dict[str, float]
    order: list[int]
    clash: Clash | None
    unstated: tuple[str, ...]


def analyse(claim: str, page: Page) -> Analysis | None:
    """Features, evidence order and clashes of a claim on a page; None if nothing matches."""
    text = strip_attribution(claim)
    terms = claim_terms(normalise_units(text))
    index = page.index
    if not index or not terms:
        return None
    ranks = bm25(terms, index)
    chosen = cover(terms, index, ranks, _PASSAGES)
    if not chosen:
        return None
    topic = [t for t in terms if t.kind != "number"]
    near = {i: coverage(topic, index[i].counts) for i in _evidence_order(chosen, ranks)}
    figures = check_figures(text, page.values, near, lambda i: coverage(topic, index[i].counts))
    stated = figures.stated / figures.figures if figures.figures else 1.0
    features = claim_features(text, terms, page, chosen, stated, bool(figures.unstated))
    order = _evidence_order(chosen, ranks)
    clash = _contradiction(text, terms, page, chosen, ranks, figures.clash or figures.dated)
    tie_need = SURE_DATED_TOPIC if figures.tied else DATED_TOPIC
    if clash is None and figures.local and coverage(topic, _union(page, chosen)) >= tie_need:
        # A figure the page never states, where the page has another in the same words (or
        # on the same day, or the same amount a thousandfold off): a story the page tells.
        # Where the words right next to both are the same ("Class of 1978"), they tie the two
        # figures, and a quarter of the topic shows it is the claim's story.
        clash = figures.local
    if clash is None and figures.dated is not None:
        # A date is a page-level fact: half the claim's topic shows the page tells that story.
        # A page dated before the claimed year, or the claim's day and month in another year,
        # is a clash on its own: a quarter of the topic then shows the claim cites that story.
        # The claim's clause around the date, half stated on the page, shows that too ("toured
        # the United States in late 2007 on the Blackdiamondskye tour" in a long claim whose
        # other clauses the page never tells).
        told = coverage(topic, _union(page, chosen))
        need = SURE_DATED_TOPIC if figures.sure else DATED_TOPIC
        if told >= need or told >= SURE_DATED_TOPIC and _clause_told(text, figures.dated, page):
            clash = figures.dated
    bare = _bare_numbers(text, terms, figures, page)
    if (
        clash is None
        and (figures.unstated or bare)
        and coverage(topic, _union(page, chosen)) >= DATED_TOPIC
    ):
        # "355 feet (43 m)" where the page says 108 metres: the claim's own pair disagrees;
        # "1491–2567" where it says 1491-1510: a range with one end changed.
        clash = conversion_clash(text, page.values) or range_clash(text, page.values)
    if clash is None and figures.suspect and len(figures.unstated) == 1:
        # One figure off while the rest of the claim's words are there: stated differently.
        # Where the page tells the claim's timeline (a passage that states the claim best,
        # another of its dates and its figure's clause: "Once Bolsonaro assumes office on
        # January 1" for "sworn in on 24 January 2019"), a quarter of its words will do.
        need = ANCHORED_WORDS if figures.anchored else SUSPECT_WORDS
        clash = figures.suspect if features["words"] >= need else None
    if clash is not None:
        order = list(dict.fromkeys([clash.passage, *order]))[:_PASSAGES]
    return Analysis(features, order, clash, figures.unstated + bare)


CLAUSE_WORDS = 2  # content words a clause needs to say what its figure dates


def _clause_told(text: str, dated: Clash, page: Page) -> bool:
    """True when the page states at least half of the claim's clause around a dated figure."""
    at = text.find(dated.claim_span)
    said = clause_stems(text, at, at + len(dated.claim_span)) if at >= 0 else set()
    stated = said & page.postings.stems.keys()
    return len(said) >= CLAUSE_WORDS and len(stated) >= DATED_TOPIC * len(said)


_SEASON = re.compile(r"\b(?:1[0-9]|20)\d\d\s?[-–/]\s?(\d\d)\b")  # "2018–19": 2019, said short


def _bare_numbers(
    text: str, terms: list[Term], figures: FigureCheck, page: Page
) -> tuple[str, ...]:
    """Numbers of the claim no passage holds that no typed figure covers ("G21", "MS-07")."""
    said = " ".join(figures.unstated)
    short = {m[1].lstrip("0") or "0" for m in _SEASON.finditer(text)}
    return tuple(
        t.stem for t in terms
        if t.kind == "number" and t.stem not in said and t.stem not in short
        and not any(t.stem in ix.counts for ix in page.index)
    )  # fmt: skip


def decide(found: Analysis, params: Params) -> tuple[Status, float]:
    """Status and score from the analysis and the fitted parameters."""
    score = support_score(found.features, params)
    if found.clash is not None:
        return "contradicted", score * _CONTRADICTION_DISCOUNT
    if score >= params.supported and not found.unstated:
        return "supported", score
    if score >= min(params.partially_supported, params.supported):
        return "partially_supported", score
    return "not_found", score


def verify_on_page(claim: str, page: Page, params: Params = PARAMS) -> Verdict:
    """The verdict for one claim against an indexed source."""
    found = analyse(claim, page)
    if found is None:
        return Verdict("not_found", "", 0.0, None, reasons=("no passage shares a word",))
    status, score = decide(found, params)
    reasons = [f"{name}={value:.2f}" for name, value in found.features.items()]
    if found.unstated:
        reasons.insert(0, "the page never states " + ", ".join(map(repr, found.unstated)))
    if found.clash is not None:
        reasons.insert(0, found.clash.reason)
    return _verdict(status, score, found.order, page, reasons)


def _verdict(status: Status, score: float, order: list[int], page: Page,
             reasons: list[str]) -> Verdict:  # fmt: skip
    best = order[0]
    return Verdict(
        status, trim_evidence(page.passages[best]), round(score, 4), best, tuple(order),
        tuple(page.offsets[i] for i in order), tuple(reasons),
    )  # fmt: skip

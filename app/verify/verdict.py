"""Does the cited page say what the claim says? A transparent lexical verdict."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from app.verify.claim_text import normalise_units, strip_attribution
from app.verify.figures import conflicting_passage
from app.verify.negation import negation_clash
from app.verify.passages import split_passages, trim_evidence
from app.verify.retrieval import Indexed, bm25, cover, coverage, index_passages
from app.verify.terms import Term, claim_terms

__all__ = ["SUPPORT_THRESHOLD", "Status", "Verdict", "verify_claim", "verify_claims"]

Status = Literal["supported", "contradicted", "not_found"]

SUPPORT_THRESHOLD = 0.8  # fitted once on the WiCE dev split; see app/evaluation/verify.py
_TOPIC_THRESHOLD = 0.6  # share of the claim's words the page must share to contradict it
_PASSAGES = 3  # a claim is often spread over a few sentences of its source
_CONTRADICTION_DISCOUNT = 0.5


@dataclass(frozen=True, slots=True)
class Verdict:
    """Status, the best passage, the support score in [0, 1] and that passage's index."""

    status: Status
    evidence: str
    score: float
    evidence_index: int | None


def _support(terms: list[Term], union: set[str]) -> float:
    """Coverage of the claim's words and, counted twice, of its names and numbers."""
    words = [t for t in terms if t.kind == "word"]
    names = [t for t in terms if t.kind != "word"]
    word_part = coverage(words, union) if words else 1.0
    name_part = coverage(names, union) if names else 1.0
    return (word_part + 2 * name_part) / 3


def _contradiction(claim: str, terms: list[Term], index: list[Indexed], chosen: list[int],
                   ranks: list[float]) -> int | None:  # fmt: skip
    """Index of a passage that contradicts an on-topic claim, if any."""
    topic = [t for t in terms if t.kind != "number"]
    union = set().union(*(index[i].counts for i in chosen))
    if coverage(topic, union) < _TOPIC_THRESHOLD:
        return None
    for i in chosen:
        if negation_clash(claim, index[i].text):
            return i
    top = sorted(range(len(index)), key=ranks.__getitem__, reverse=True)[:_PASSAGES]
    candidates = [(i, index[i].text) for i in dict.fromkeys(chosen + top)]
    page = set().union(*(p.counts for p in index))
    return conflicting_passage(claim, page, candidates)


def verify_claim(claim: str, source_text: str | list[str]) -> Verdict:
    """Whether `source_text` (a page's text or its passages) says what `claim` says."""
    return _verify(claim, index_passages(split_passages(source_text)))


def verify_claims(claims: list[str], source_text: str | list[str]) -> list[Verdict]:
    """verify_claim for several claims citing one source, indexing the source once."""
    index = index_passages(split_passages(source_text))
    return [_verify(claim, index) for claim in claims]


def _verify(claim: str, index: list[Indexed]) -> Verdict:
    """The verdict for one claim against an indexed source."""
    text = strip_attribution(claim)
    terms = claim_terms(normalise_units(text))
    if not index or not terms:
        return Verdict("not_found", "", 0.0, None)
    ranks = bm25(terms, index)
    chosen = cover(terms, index, ranks, _PASSAGES)
    if not chosen:
        return Verdict("not_found", "", 0.0, None)
    score = _support(terms, set().union(*(index[i].counts for i in chosen)))
    clash = _contradiction(text, terms, index, chosen, ranks)
    if clash is not None:
        score = round(score * _CONTRADICTION_DISCOUNT, 4)
        return Verdict("contradicted", trim_evidence(index[clash].text), score, clash)
    best = max(chosen, key=ranks.__getitem__)
    status: Status = "supported" if score >= SUPPORT_THRESHOLD else "not_found"
    return Verdict(status, trim_evidence(index[best].text), round(score, 4), best)

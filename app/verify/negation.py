"""A claim and a passage that say the same thing, one of them with "not"."""

from __future__ import annotations

from app.verify.terms import NEGATIONS, claim_terms, is_content, stem, tokens

__all__ = ["negation_clash"]

# The passage must state most of the claim's plain words; names may sit elsewhere on the page.
_ON_TOPIC = 0.75


def _negated(text: str) -> set[str]:
    """Stems of the words a negation applies to: the first content word after each one."""
    words = tokens(text)
    out = set()
    for i, word in enumerate(words):
        if word.lower() in NEGATIONS or word.lower().endswith("n't"):
            after = next((w for w in words[i + 1 : i + 5] if is_content(w)), None)
            if after is not None:
                out.add(stem(after))
    return out


def _stems(text: str) -> set[str]:
    """Content stems of `text`."""
    return {stem(t) for t in tokens(text) if is_content(t)}


def negation_clash(claim: str, passage: str) -> bool:
    """True when exactly one side negates a word that the other side states plainly."""
    in_claim, in_passage = _negated(claim), _negated(passage)
    if bool(in_claim) == bool(in_passage):
        return False
    terms = [t for t in claim_terms(claim) if t.kind == "word"]
    passage_stems = _stems(passage)
    total = sum(t.weight for t in terms)
    covered = sum(t.weight for t in terms if t.stem in passage_stems)
    if not total or covered / total < _ON_TOPIC:
        return False
    other = passage_stems if in_claim else _stems(claim)
    return bool((in_claim or in_passage) & other)

"""Who holds a role: "Richard Evans, the education secretary" where the page has "Michael Gove,
the education secretary".

A phrase set beside a name by a comma or "of" names its role ("NAME, the education
secretary", "his father, state senator NAME", "editorial director of NAME"). When a passage
sets the same phrase beside another name of the same shape, and no passage holds the claim's
name with that phrase, the claim has put its name in the other's place.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.verify.clashes import Clash
from app.verify.entities import Name, Tok, abbreviates, name_span, names, other_years, tokens_of
from app.verify.retrieval import Indexed
from app.verify.slots import distinct, is_name, shape
from app.verify.terms import is_content

__all__ = ["apposition_clash"]

_AFTER = 4  # words of a role phrase read after a name's comma
_BEFORE = 3  # words of a role phrase read before a name's comma or "of"
_TITLES = 3  # lowercase role words between a comma and its name ("state senator")


@dataclass(frozen=True, slots=True)
class _Role:
    side: str  # "after" (NAME, phrase), "before" (phrase, NAME) or "of" (phrase of NAME)
    stems: frozenset[str]
    head: str  # the phrase's last content word: what the role is
    titled: bool  # a capitalised head: a title ("Editorial Director") or a name


def _gap(text: str, toks: list[Tok], k: int) -> str:
    """The punctuation between token k-1 and token k."""
    return text[toks[k - 1].end : toks[k].start].strip() if k > 0 else ""


def _is_word(tok: Tok) -> bool:
    return is_content(tok.text) and tok.text.isalpha() and len(tok.text) > 2


def _role(words: list[Tok], side: str, min_words: int) -> _Role | None:
    """The role a phrase names: two words or more ending in a content word (its head)."""
    content = [t.stem for t in words if _is_word(t)]
    if len(words) < 2 or len(content) < min_words or not _is_word(words[-1]):
        return None
    titled = not words[-1].text.islower()
    return _Role(side, frozenset(content), content[-1], titled)


def _after(text: str, toks: list[Tok], name: Name) -> _Role | None:
    """ "NAME, the British education secretary," : the phrase up to the next punctuation."""
    k = name.last + 1
    if k >= len(toks) or _gap(text, toks, k) != "," or toks[name.last].low.endswith("'s"):
        return None
    words = [toks[k]]
    while len(words) < _AFTER and k + 1 < len(toks) and toks[k + 1].glued:
        k += 1
        words.append(toks[k])
    if k + 1 < len(toks) and toks[k + 1].glued or not words[0].text.islower():
        return None  # the phrase runs on: a clause, not a role
    while words and not _is_word(words[-1]):
        words.pop()  # "the education secretary at": the role ends with its last content word
    return _role(words, "after", 2)


def _before(text: str, toks: list[Tok], name: Name) -> _Role | None:
    """ "his father, state senator NAME" or "editorial director of NAME"."""
    k = name.first
    if k > 0 and toks[k - 1].low == "the" and toks[k].glued:
        k -= 1
    if k > 0 and toks[k - 1].low == "of" and toks[k].glued:
        side, min_words, k = "of", 2, k - 1
    else:
        side, min_words = "before", 1
        for _ in range(_TITLES):
            if k > 0 and toks[k].glued and toks[k - 1].text.islower():
                k -= 1
        if _gap(text, toks, k) != ",":
            return None
    words: list[Tok] = []
    while k > 0 and len(words) < _BEFORE and (not words or words[0].glued):
        k -= 1
        words.insert(0, toks[k])
    return _role(words, side, min_words)


def _roles(text: str, toks: list[Tok], name: Name) -> list[_Role]:
    return [r for r in (_after(text, toks, name), _before(text, toks, name)) if r is not None]


def _same(said: _Role, says: _Role) -> bool:
    """One role: the same head word, one phrase's words within the other's (a comma and "of"
    both set a title before its organisation: "Editorial Director, Media Play News"); a
    capitalised phrase on the page only in the claim's very words (else it may be a name)."""
    sides = {said.side, says.side}
    if said.head != says.head or len(sides) > 1 and sides != {"of", "before"}:
        return False
    if says.titled:
        return says.stems == said.stems and len(said.stems) >= 2
    small, large = sorted((said.stems, says.stems), key=len)
    return small <= large and len(small) >= min(2, len(said.stems))


def apposition_clash(claim: str, index: list[Indexed]) -> Clash | None:
    """The claim's name in a role phrase that a passage sets beside another name."""
    ctoks = tokens_of(claim)
    for name in names(ctoks):
        if not is_name(ctoks, name):
            continue
        own = distinct(ctoks, name)
        said = name_span(claim, ctoks, name)
        for role in _roles(claim, ctoks, name):
            if role.titled or any(own & p.counts.keys() and role.head in p.counts for p in index):
                continue  # a passage has the name with the role's word: the page may say so
            for i, p in enumerate(index):
                if not role.stems & p.counts.keys() or role.head not in p.counts:
                    continue
                if other_years(claim, p.text):
                    continue
                ptoks = tokens_of(p.text)
                for other in names(ptoks):
                    if distinct(ptoks, other) & own or shape(ptoks, other) != shape(ctoks, name):
                        continue
                    says = name_span(p.text, ptoks, other)
                    if abbreviates(says, said) or abbreviates(said, says):
                        continue
                    if any(_same(role, r) for r in _roles(p.text, ptoks, other)):
                        reason = f"the claim names {said!r} where the page has {says!r}"
                        return Clash(i, said, says, reason)
    return None

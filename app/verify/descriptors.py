"""What a claim calls a person: "DJ and producer Katie Couric" where the page has "journalist
Katie Couric".

The words right before a person's name often say what they do. When the claim's words and
every one the page uses before that same name belong to different lines of work (music and
the press, politics and the press), and the page never uses the claim's word for them, the
claim has put the name in another person's place.
"""

from __future__ import annotations

from app.verify.clashes import Clash
from app.verify.entities import Name, Tok, name_span, names, tokens_of
from app.verify.retrieval import Indexed
from app.verify.slots import distinct, is_name, shape

__all__ = ["descriptor_clash"]

_FIELD_TEXT = {
    "music": "singer rapper dj musician drummer guitarist bassist pianist composer songwriter "
    "vocalist producer band",
    "screen": "actor actress director filmmaker screenwriter producer comedian presenter",
    "press": "journalist reporter writer columnist editor correspondent anchor critic broadcaster",
    "letters": "author novelist poet writer playwright",
    "politics": "senator governor mayor minister congressman congresswoman politician "
    "councillor councilor legislator lawmaker representative",
    "sport": "player captain coach striker goalkeeper pitcher quarterback midfielder defender "
    "footballer cricketer driver racer",
    "law": "judge attorney lawyer prosecutor",
    "science": "professor scientist researcher historian economist physicist chemist biologist",
    "business": "ceo executive founder chairman entrepreneur businessman businesswoman investor",
}
_FIELDS: dict[str, frozenset[str]] = {}
for _field, _words in _FIELD_TEXT.items():
    for _word in _words.split():
        _FIELDS[_word] = _FIELDS.get(_word, frozenset()) | {_field}
_BEFORE = 3  # words before a name searched for what it is


def _roles(toks: list[Tok], name: Name) -> tuple[set[str], int]:
    """Role words in the few lowercase words right before a name ("DJ and producer"), and
    the token where they start."""
    found, start = set(), name.first
    for k in range(name.first - 1, max(-1, name.first - 1 - _BEFORE), -1):
        word = toks[k]
        if not toks[k + 1].glued:
            break
        if word.low in _FIELDS:
            found.add(word.low)
            start = k
        elif not word.text.islower():
            break
    return found, start


def _fields(words: set[str]) -> frozenset[str]:
    return frozenset().union(*(_FIELDS[w] for w in words))


def _page_roles(index: list[Indexed], own: frozenset[str]) -> list[tuple[int, str, set[str]]]:
    """(passage, the words before the name, their role words) for each mention of the name
    with role words before it."""
    out = []
    for i, p in enumerate(index):
        if not own <= p.counts.keys():
            continue
        toks = tokens_of(p.text)
        for other in names(toks):
            roles, first = _roles(toks, other)
            if roles and own <= distinct(toks, other):
                words = p.text[toks[first].start : toks[other.first].start].strip()
                out.append((i, words, roles))
    return out


def descriptor_clash(claim: str, index: list[Indexed]) -> Clash | None:
    """A person the claim gives a line of work that no word the page puts before them shares."""
    ctoks = tokens_of(claim)
    for name in names(ctoks):
        if name.last == name.first or not is_name(ctoks, name) or shape(ctoks, name) != "name":
            continue
        said, start = _roles(ctoks, name)
        if not said:
            continue
        given = _page_roles(index, distinct(ctoks, name))
        called = set().union(*(roles for _, _, roles in given))
        if not called or called & said or _fields(called) & _fields(said):
            continue
        i, says, _ = given[0]
        what = claim[ctoks[start].start : ctoks[name.first].start].strip()
        who = name_span(claim, ctoks, name)
        reason = f"the claim calls {who!r} {what!r}; the page calls them {says!r}"
        return Clash(i, what, says, reason)
    return None

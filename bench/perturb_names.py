"""Name swaps for the perturbation sets, per issue 11's definition.

"One entity the evidence names, swapped for another of the same type that the evidence
contradicts": a multi-word name of the claim is swapped only when

- the page states it in the claim's role: some page sentence naming it shares at least two
  of the claim's other content words (its anchor);
- both names have the same type (person, organisation, place, event, work), read from cues
  in the name and around its mentions on the page ("drummer Sam Lay", "Lay said", "in New
  Zealand", "the film Mad Love", "Select Medical Holdings"); a name with no cue, or with
  cues of two types equally, has no type and is never used;
- the new name is a whole name the page states mid-sentence (not a fragment of a longer
  name, nor page chrome such as "Create Account"), and no page sentence naming it states
  the claim's other words half as well as the anchor does, so the page gives the claim's
  role to the old name and not to the new one.

Deliberately independent of `app/verify/` so the set does not share the verifier's notions.
"""

from __future__ import annotations

import random
import re
from collections import Counter

__all__ = ["entity_swaps", "name_kind", "whole_names"]

_WORD = r"(?:[A-ZÀ-Þ][a-zß-ÿ]+(?:[A-Z][a-zß-ÿ]+)*|[A-Z]{2,5})"
_NAME = re.compile(rf"(?<![\w'’.-]){_WORD}(?:(?: (?:of|for|de|du|la|van|von|der|da) | ){_WORD})+")
_CAP_BEFORE = re.compile(r"(?:[A-Z][\w'’.-]*|[A-Z]\.) $|[a-z,] [A-Z][\w'’-]* and $")
_CAP_AFTER = re.compile(r"^ ?(?:[A-Z][\w'’-]*|&)|^ (?:of|for)(?: the)? [A-Z]")
_AND_AFTER = re.compile(r"^ and [A-Z][\w'’-]* [A-Z]")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“'‘(])")

_TYPE_WORDS = {
    "org": "University College School Academy Club Council Company Corporation Corp Inc Ltd "
    "LLC FC Party Foundation Association Society Institute Committee Department Ministry Bank "
    "Group League Church Hospital Library Agency Board Studios Airlines Holdings Trust Records "
    "Press News Times Post Journal Magazine Weekly Herald Network Services Systems Centers "
    "Commission Federation Brothers Partners Capital Investors Health Media Games "
    "Entertainment Pictures Regiment Battalion Army Navy Force Police Orchestra Philharmonic "
    "Symphony Collection Exchange Authority Office",
    "street": "Street Road Avenue Lane Square Boulevard",
    "place": "City County Park River Lake Island Islands Mountain Mountains "
    "Bay District Province State Republic Kingdom Valley Beach Hill Hills Heath Coast "
    "Creek Village Town Port Harbour Harbor",
    "facility": "Airport Stadium Arena Hall Hotel Theatre Theater Museum Gallery Centre Center "
    "Bridge Castle Palace Cathedral Abbey Studio Tower Building",
    "work": "Bible Gospel Chronicles Saga Trilogy",
    "event": "Cup Championship Championships Contest Summit Festival Conference Celebration "
    "Tournament Olympics Open Series Week Expo Fair Marathon Games War Battle Show",
    "award": "Award Awards Prize Medal Trophy",
}


def _word_set(text: str) -> frozenset[str]:
    """The space-separated words of `text`."""
    return frozenset(text.split())


_WORD_TYPE = {w: kind for kind, words in _TYPE_WORDS.items() for w in words.split()}
_TITLES = _word_set(
    "Mr Mrs Ms Miss Dr Sir Dame Lady Lord Prince Princess King Queen President Senator Sen Rep "
    "Judge Justice Governor Gov Mayor Chancellor Minister Captain Coach General Father Rev "
    "Chief Executive Director Professor Assistant Associate Prime Chairman Editor Officer "
    "Manager Secretary Vice Deputy Senior"
)
_PERSON_BEFORE = re.compile(
    r"\b(?:actor|actress|singer|drummer|bassist|guitarist|pianist|director|producer|writer|"
    r"author|novelist|poet|coach|player|captain|spokesman|spokeswoman|spokesperson|executive|"
    r"manager|star|founder|blogger|painter|artist|conductor|comedian|president|senator|"
    r"minister|chairman|chairwoman|ceo|editor|reporter|journalist|colleague|partner|wife|"
    r"husband|brother|sister|son|daughter|father|mother|cousin|grandson|granddaughter|uncle|"
    r"aunt|nephew|niece|judge|attorney|lawyer|dr\.|mr\.|mrs\.|ms\.|sir|lady|lord|prince|"
    r"princess|king|queen|rapper|musician|composer|photographer|"
    r"designer|candidate|rep\.|sen\.|gov\.|seed|champion|grandmaster|pastor|preacher|"
    r"bishop|priest|professor|scientist|researcher|model|dancer|chef|said|says|according to|"
    r"(?:written|directed|painted|produced|founded|composed|created|coached|hosted|beaten|"
    r"defeated|replaced|succeeded|signed|hired|married|joined|introduced) by)\s+$",
    re.IGNORECASE,
)
_PERSON_AFTER = re.compile(
    r"^(?:,\s*\d{1,3},|\s+(?:said|says|told|wrote|added|explained|recalled|himself|herself)\b|"
    r",?\s+who\b|\s+\(born\b|,\s+(?:the|a|an)\s+(?:\w+\s+)?(?:actor|actress|singer|writer|"
    r"director|producer|player|coach|author|artist|founder|president|chief)\b|"
    r"['’]s\s+(?:wife|husband|brother|sister|son|daughter|father|mother|cousin|"
    r"career|death|funeral|life|birth))"
)
_ORG_BEFORE = re.compile(
    r"\b(?:company|firm|club|team|group|band|party|agency|network|publisher|newspaper|"
    r"magazine|chain|brand|label|university|school|charity|organisation|organization|league|"
    r"side|subsidiary|bank|retailer|airline|studio|broadcaster|outlet|website|site|"
    r"investors?|manufacturer|supermarket|insurer|startup|operator|provider)\s+$",
    re.IGNORECASE,
)
_ORG_AFTER = re.compile(r"^\s+(?:Inc|Ltd|LLC|Corp|plc)\b|^['’]s\s+(?:board|shares|staff|ceo)\b")
_PLACE_BEFORE = re.compile(
    r"\b(?:in|near|across|outside|around|born in|based in|city of|town of)\s+(?:the\s+)?$"
)
_PLACE_AFTER = re.compile(r"^,\s+(?:[A-Z][a-z]+\.?\s*){1,3}(?:[,.;]|$)")
_WORK_BEFORE = re.compile(
    r"\b(?:film|movie|album|song|single|novel|book|play|series|show|podcast|documentary|"
    r"musical|opera|poem|game|sitcom|comedy|drama|track|record|episode|newsletter)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
_ENDS = ".!?\"”’'"
_QUOTED = "\"'“‘"
_NOT_IN_NAME = _word_set(
    "The A An This That These Those Another Our Its His Her My Your Their For Of And In On At "
    "To Is Are Was Will Be With By From Us We It You Terms Use January February March April May "
    "June July August September October November December Monday Tuesday Wednesday Thursday "
    "Friday Saturday Sunday"
)
_STOP = _word_set(
    "the and for with that this from was were are has had have his her its their they them "
    "she him who whom which what when where while into onto over under after before about "
    "also been being but not than then there these those such only more most some other "
    "same both each all any one two out off our your you will would could should can may "
    "might did does done said says including"
)


def whole_names(text: str) -> list[re.Match[str]]:
    """Multi-word capitalised names that are not part of a longer capitalised run."""
    out = []
    for m in _NAME.finditer(text):
        before, after = text[max(0, m.start() - 40) : m.start()], text[m.end() : m.end() + 20]
        if _CAP_BEFORE.search(before) or _CAP_AFTER.match(after):
            continue
        if re.search(r" (?:of|for) ", m.group()) and _AND_AFTER.match(after):
            continue  # "Centers for Medicare" of "Centers for Medicare and Medicaid Services"
        if not any(w[0].isupper() and w[1:].islower() for w in m.group().split()):
            continue  # acronyms only
        if m.group().split()[-1] in _TITLES:
            continue  # "Prime Minister", "Executive Director", "Environment Minister"
        if set(m.group().split()) & _NOT_IN_NAME or len(m.group().split()) > 5:
            continue  # a headline in title case, a date, "The Company", "Terms of Use"
        out.append(m)
    return out


def _votes(name: str, page: str) -> Counter[str]:
    """Type cues for `name`: words in it, and the words around its mentions on the page."""
    votes: Counter[str] = Counter()
    for word in name.split():
        if word in _WORD_TYPE:
            votes[_WORD_TYPE[word]] += 3
    if name.split()[0] in _TITLES - {"Chief", "Executive", "Director", "Vice", "Deputy"}:
        votes["person"] += 3
    for m in re.finditer(rf"(?<![\w]){re.escape(name)}(?![\w])", page):
        before, after = page[max(0, m.start() - 40) : m.start()], page[m.end() : m.end() + 40]
        if before[-1:] in _QUOTED and after[:1] in _QUOTED and after[:1] != "'":
            votes["work"] += 3  # a quoted title
        for kind, weight, cue_before, cue_after in (
            ("person", 2, _PERSON_BEFORE, _PERSON_AFTER),
            ("org", 2, _ORG_BEFORE, _ORG_AFTER),
            ("place", 1, _PLACE_BEFORE, _PLACE_AFTER),
            ("work", 2, _WORK_BEFORE, None),
        ):
            if cue_before.search(before) or (cue_after is not None and cue_after.match(after)):
                votes[kind] += weight
    first, last = name.split()[0], name.split()[-1]
    alone = rf"(?:(?:Mr|Mrs|Ms|Dr)\.? |(?<![\w'’.-])(?<!{re.escape(first)} )){re.escape(last)}"
    alone += r"(?:,? who\b| (?:said|says|was|is|has|had|will|would|became|joined|played|won|"
    alone += r"told|wrote|added|recalled|explained|[a-z]+ed)\b|['’]s [a-z])"
    votes["person"] += min(2, len(re.findall(alone, page)))  # "Castro will play Marco"
    return votes


def name_kind(name: str, page: str) -> str | None:
    """The type with most cues (at least two) for `name` on `page`, or None, as on a tie."""
    ranked = _votes(name, page).most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _content(text: str, skip: set[str]) -> set[str]:
    """Lowercased content words and numbers of `text`, less `skip`."""
    words = {w.lower() for w in re.findall(r"[\w]+", text) if len(w) > 2 or w.isdigit()}
    return words - _STOP - skip


def _best_overlap(name: str, sentences: list[str], claim_words: set[str]) -> int:
    """The most claim words a page sentence naming `name` shares."""
    skip = {w.lower() for w in name.split()}
    return max(
        (len(_content(s, skip) & claim_words) for s in sentences if name in s),
        default=0,
    )


def entity_swaps(
    claim: str, evidence: list[str], rng: random.Random, taken: list[tuple[int, int]]
) -> list[tuple[str, int, int, str]]:
    """("entity", start, end, new name) for each claim name a page name of its type contradicts."""
    sentences = [s for line in evidence for s in _SENTENCE.split(line)]
    page = "\n".join(evidence)
    prose = "\n".join(s for s in sentences if len(s.split()) >= 8 and s.rstrip()[-1:] in _ENDS)
    page_names = sorted(  # named mid-sentence in prose, not in a menu or a caption
        {
            m.group()
            for m in whole_names(prose)
            if re.search(r"[a-z,]\s$", prose[max(0, m.start() - 3) : m.start()])
        }
    )
    out = []
    for m in whole_names(claim):
        name = m.group()
        if m.start() == 0 or any(s < m.end() and m.start() < e for s, e in taken):
            continue
        if name not in page_names or (kind := name_kind(name, page)) is None:
            continue
        claim_words = _content(claim, {w.lower() for w in name.split()})
        anchor = _best_overlap(name, sentences, claim_words)
        if anchor < 2:
            continue  # the page does not state this name in the claim's role
        words = set(name.split())
        others = [
            n
            for n in page_names
            if not words & set(n.split())
            and n not in claim
            and name_kind(n, page) == kind
            and 2 * _best_overlap(n, sentences, claim_words) <= anchor
        ]
        if others:
            out.append(("entity", m.start(), m.end(), rng.choice(others)))
    return out

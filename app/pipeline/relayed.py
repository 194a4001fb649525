"""Words relayed through a linked source: "…, Lynn said, via the Los Angeles Times", "Posted
on social media by the analysts at Digital Foundry", and what goes on to cite them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.pipeline.citations.sources import SourceIndex

__all__ = ["VIA_REACH", "poster_of", "relayed_by", "told_by_poster", "via_outlet"]

_NAME = r"[A-Z][\w&.’'-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w&.’'-]*){0,4}"
# "…,” Lynn said, via the Los Angeles Times.", "(via Reuters)": the outlet that relayed the words
_VIA = re.compile(
    rf"(?:[,(]|\b(?:said|says|told|added|wrote|tweeted))\s*via\s+(?:the\s+)?({_NAME})"
)
_OF_OUTLET = re.compile(rf"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){{0,2}}\s+of\s+(?:the\s+)?({_NAME})")
VIA_REACH = 3  # sentences back that a paraphrase of the same speaker may sit


def via_outlet(index: SourceIndex, text: str) -> tuple[str, str] | None:
    """The one linked source and its name that the sentence says relayed its words."""
    m = _VIA.search(text)
    if m is None:
        return None
    name = m.group(1).rstrip(".")
    found = index.match(name)
    if len(found) != 1:  # "via Brian Batko of the Pittsburgh Post-Gazette": the reporter's outlet
        outlet = _OF_OUTLET.match(f"{name}{text[m.end(1) :]}")
        name = outlet.group(1).rstrip(".") if outlet else name
        found = index.match_outlet(name) if outlet else found
    return (found[0], name) if len(found) == 1 else None


def relayed_by(
    speakers: Sequence[Sequence[str]], cited: Sequence[bool], blocks: Sequence[int], at: int
) -> list[int]:
    """Sentences before `at` (its paragraph or the one before, none citing anything) that
    paraphrase a speaker of sentence `at`: "Lynn said after the game that…" before
    "“…,” Lynn said, via the Los Angeles Times"."""
    found = []
    for i in range(at - 1, max(at - 1 - VIA_REACH, -1), -1):
        if cited[i] or blocks[at] - blocks[i] > 1:
            break
        if set(speakers[i]) & set(speakers[at]):
            found.append(i)
    return found


# "Posted on social media by the performance analysts at Digital Foundry": a post's author,
# named on its link
_POSTED_BY = re.compile(
    r"\b(?i:posted|shared|published|tweeted)\s+(?:on\s+(?i:social media|twitter|x|facebook|"
    r"instagram|threads|mastodon|bluesky|linkedin)\s+)?by\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
    rf"(?:(?:at|of|from)\s+)?(?P<name>{_NAME})",
)
_POST_URL = re.compile(
    r"^https?://(?:[\w-]+\.)*(?:twitter\.com|x\.com|facebook\.com|instagram\.com|threads\.net|"
    r"linkedin\.com|bsky\.app|mastodon\.[\w.]+)/.+/(?:status|statuses|posts?|p)/",
    re.IGNORECASE,
)


def poster_of(text: str, urls: Sequence[str]) -> str | None:
    """The author a sentence names for the one social post it links ("posted … by X")."""
    posts = [u for u in urls if _POST_URL.match(u)]
    m = _POSTED_BY.search(text)
    return m.group("name").rstrip(".") if m and len(set(posts)) == 1 else None


# "Preliminary tests by Digital Foundry reveal…": the poster's findings told again
_FINDINGS_BY = r"(?:tests?|analysis|measurements?|findings|captures?|footage|data|figures)"
_TELLS = r"(?:reveals?|shows?|suggests?|finds|found|indicates?|confirms?|states?|says?|notes?)"
# "The group state that…": the poster just named, told as a group
_THE_GROUP = re.compile(
    rf"^(?i:the|these)\s+(?:group|team|analysts|researchers|testers|outlet|channel|account)\s+"
    rf"(?:also\s+)?{_TELLS}\b"
)


def told_by_poster(text: str, poster: str, *, just_told: bool) -> bool:
    """Whether the sentence tells what the poster found: "Tests by X reveal…", "X says…", or
    "The group state…" right after a sentence that told it."""
    name = re.escape(poster)
    by_name = re.search(
        rf"\b{_FINDINGS_BY}\s+(?:\w+\s+)?by\s+(?:the\s+)?{name}\s+{_TELLS}\b"
        rf"|^(?:the\s+)?{name}\s+(?:also\s+)?{_TELLS}\b",
        text,
    )
    return bool(by_name or (just_told and _THE_GROUP.match(text)))


# "Read our review-in-progress here.", "You can read our full coverage here": the site's own
# earlier piece, pointed at after the sentence that quotes or sums it up
_READ_OURS = re.compile(
    r"^(?:(?:you can|go|and)\s+)?(?:read|see|check out)\s+(?:our|my)\s+(?:full\s+|earlier\s+|"
    r"original\s+)?[\w-]*(?:review|coverage|report|story|analysis|piece|take|hands-on|"
    r"impressions|verdict)",
    re.IGNORECASE,
)
# "We called it “an incredible feat…”", "I described it as…": the writer's earlier verdict
_WE_SAID = re.compile(
    r"\b(?:[Ww]e|I)\s+(?:previously\s+|already\s+|then\s+)?(?:called|dubbed|described|rated|"
    r"found|concluded|wrote|said|praised|criticized|criticised)\b"
)
OWN_REACH = 3  # sentences before the pointer that the writer's earlier verdict may sit


def points_to_own_piece(text: str) -> bool:
    """A pointer to the writer's own earlier piece ("Read our review here")."""
    return bool(_READ_OURS.match(text.strip()))


def recalls_own_verdict(text: str) -> bool:
    """A sentence recalling what the writer said before ("We called it …")."""
    return bool(_WE_SAID.search(text))

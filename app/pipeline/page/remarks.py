"""A speaker's remarks offered whole under the story ("READ Hoenig's full remarks:" over the
linked speech): the document is a source that goes by the speaker's name, so "Hoenig said"
anywhere in the story rests on it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml.html import HtmlElement

from app.pipeline.types import Reference
from app.urls import join_url

__all__ = ["find_remarks"]

_NAME = r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}"
# "READ Hoenig's full remarks:", "Read the full text of the senator's speech", "See Powell's
# prepared testimony below"
_OFFERS = re.compile(
    rf"^(?i:read|see|view|download|here (?:is|are))\s+(?i:the\s+)?"
    rf"(?:(?P<who>{_NAME})(?:'s|’s)\s+)?"
    r"(?i:(?:full|complete|entire|prepared|written)\s+)*(?i:text\s+of\s+(?:the\s+|his\s+|her\s+)?)?"
    r"(?P<kind>(?i:remarks|speech|testimony|address|statement|transcript|letter))\b"
    r"[^.!?]{0,40}?[:.]?\s*$"
)
# "“Hard Choices” - Speech by Thomas Hoenig of the Kansas City Fed"
_BY = re.compile(rf"\b(?i:speech|remarks|testimony|address|statement|letter)\s+(?i:by)\s+({_NAME})")
_LOOK_AHEAD = 2  # elements after the offer where its link may stand
_LINES = ("p", "div", "h2", "h3", "h4", "h5", "h6", "strong", "b")


def _link_after(el: HtmlElement, base_url: str) -> tuple[str, str] | None:
    """The first link inside the offer's own element or in the next few elements."""
    candidates = [el, *[s for s in el.itersiblings() if isinstance(s.tag, str)][:_LOOK_AHEAD]]
    for node in candidates:
        for a in node.iter("a"):
            href = join_url(base_url, (a.get("href") or "").strip())
            if href and href.startswith(("http://", "https://")):
                return href, " ".join(a.text_content().split())
    return None


_OFFER_LINE = re.compile(_OFFERS.pattern, re.MULTILINE)


def find_remarks(containers: Sequence[HtmlElement], *, base_url: str, text: str) -> list[Reference]:
    """The speeches, testimony and statements the article offers whole, with their speakers;
    looked for in the tree only when the body's `text` has a line offering one."""
    found: list[Reference] = []
    if _OFFER_LINE.search(text) is None:
        return found
    for container in containers:
        for el in container.iter(*_LINES):
            offer = _OFFERS.match(" ".join(el.text_content().split()))
            if offer is None:
                continue
            line = el if el.tag not in ("strong", "b") or el.getparent() is None else el.getparent()
            linked = _link_after(line, base_url)
            if linked is None:
                continue
            url, text = linked
            by = _BY.search(text)
            speaker = offer.group("who") or (by.group(1) if by else None)
            if speaker and all(r.url != url for r in found):
                found.append(
                    Reference(label=text or offer.group("kind"), url=url, title=text or None,
                              speaker=speaker, text=text)
                )  # fmt: skip
    return found

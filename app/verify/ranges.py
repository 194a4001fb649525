"""A claim's range of numbers that shares one end with a range the page states: "1491–2567"
where the page says "1491-1510" (a span of years, pages, seasons)."""

from __future__ import annotations

import re

from app.verify.clashes import Clash, PageValues

__all__ = ["range_clash"]

_RANGE = re.compile(r"(?<![\d.,])(?P<a>\d{3,4})\s?[–-]\s?(?P<b>\d{3,4})(?!\d|[.,]\d)")


def _ranges(text: str) -> list[tuple[str, str, str]]:
    """(first end, second end, as written) of every range of 3–4 digit numbers in `text`."""
    return [(m["a"], m["b"], m.group()) for m in _RANGE.finditer(text) if m["a"] != m["b"]]


def range_clash(claim: str, page: PageValues) -> Clash | None:
    """The claim's range the page never states, where a page range has the same first end and
    another second one, or the same second end and another first one."""
    said = _ranges(claim)
    if not said:
        return None
    found = [(i, r) for i, text in enumerate(page.passages) for r in _ranges(text)]
    stated = {(a, b) for _, (a, b, _) in found}
    for a, b, written in said:
        if (a, b) in stated:
            continue
        for i, (x, y, says) in found:
            if (a == x) != (b == y):
                reason = f"the claim says {written!r}; the page says {says!r}"
                return Clash(i, written, says, reason)
    return None

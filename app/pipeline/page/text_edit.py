"""Delete spans from a text and carry every offset that pointed into it along."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

__all__ = ["OffsetMap", "delete_spans"]

OffsetMap = Callable[[int], int]


def _merge(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping, non-empty spans."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def delete_spans(text: str, spans: Sequence[tuple[int, int]]) -> tuple[str, OffsetMap]:
    """Remove `spans` from `text`; the map sends an old offset to the new one.

    An offset inside a deleted span lands where the span was.
    """
    merged = _merge(spans)
    if not merged:
        return text, lambda offset: offset
    pieces: list[str] = []
    starts: list[int] = []
    removed_before: list[int] = []
    cursor = removed = 0
    for start, end in merged:
        pieces.append(text[cursor:start])
        starts.append(start)
        removed_before.append(removed)
        removed += end - start
        cursor = end
    pieces.append(text[cursor:])
    ends = [end for _, end in merged]

    def remap(offset: int) -> int:
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0:
            return offset
        if offset < ends[i]:
            return starts[i] - removed_before[i]
        return offset - removed_before[i] - (ends[i] - starts[i])

    return "".join(pieces), remap

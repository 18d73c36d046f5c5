"""How many events overlap any period, in two binary searches, whatever the zoom.

Keeps every event's ``earliest`` and every ``latest`` in two sorted arrays. The events that
overlap ``[a, b)`` are those starting before ``b`` less those already over by ``a`` (which
necessarily started before ``b`` too).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right


class DensityIndex:
    def __init__(self, starts: array[int], ends: array[int]) -> None:
        self._starts = starts
        self._ends = ends

    def __len__(self) -> int:
        return len(self._starts)

    @property
    def earliest(self) -> int | None:
        return self._starts[0] if self._starts else None

    def latest_below(self, limit: int) -> int | None:
        """The latest end before ``limit`` (ongoing events end at a far sentinel)."""
        index = bisect_left(self._ends, limit)
        return self._ends[index - 1] if index else None

    def count_ending_after(self, limit: int) -> int:
        return len(self._ends) - bisect_left(self._ends, limit)

    def count_overlapping(self, start: float, end: float) -> int:
        return bisect_left(self._starts, end) - bisect_right(self._ends, start)

    def histogram(self, start: float, end: float, bins: int) -> list[int]:
        """Events overlapping each of ``bins`` equal slices of ``[start, end)``."""
        width = (end - start) / bins
        edges = [start + index * width for index in range(bins + 1)]
        started = [bisect_left(self._starts, edge) for edge in edges[1:]]
        finished = [bisect_right(self._ends, edge) for edge in edges[:-1]]
        return [s - f for s, f in zip(started, finished, strict=True)]

    def add(self, earliest: int, latest: int) -> None:
        self._starts.insert(bisect_right(self._starts, earliest), earliest)
        self._ends.insert(bisect_right(self._ends, latest), latest)

    def remove(self, earliest: int, latest: int) -> None:
        start_index = bisect_left(self._starts, earliest)
        end_index = bisect_left(self._ends, latest)
        if self._starts[start_index : start_index + 1] != array("q", [earliest]) or self._ends[
            end_index : end_index + 1
        ] != array("q", [latest]):
            raise ValueError("no event with these bounds is counted")
        self._starts.pop(start_index)
        self._ends.pop(end_index)

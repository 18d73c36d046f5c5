from __future__ import annotations

from array import array

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.core.view.density import DensityIndex

spans = st.lists(st.tuples(st.integers(-1000, 1000), st.integers(1, 500)), max_size=60)


def index_of(items: list[tuple[int, int]]) -> DensityIndex:
    return DensityIndex(array("q", sorted(s for s, _ in items)), array("q", sorted(s + d for s, d in items)))


@given(spans, st.integers(-1200, 1200), st.integers(1, 800))
def test_count_matches_brute_force(items: list[tuple[int, int]], start: int, width: int) -> None:
    expected = sum(1 for s, d in items if s < start + width and s + d > start)
    assert index_of(items).count_overlapping(start, start + width) == expected


@given(spans, st.integers(1, 40))
def test_histogram_matches_counts(items: list[tuple[int, int]], bins: int) -> None:
    index = index_of(items)
    counts = index.histogram(-1000.0, 1000.0, bins)
    width = 2000 / bins
    assert counts == [
        index.count_overlapping(-1000 + i * width, -1000 + (i + 1) * width) for i in range(bins)
    ]


def test_add_and_remove_keep_counts_right() -> None:
    index = index_of([(0, 10)])
    index.add(20, 30)
    assert index.count_overlapping(0, 100) == 2
    index.remove(0, 10)
    assert index.count_overlapping(0, 100) == 1
    with pytest.raises(ValueError, match="no event"):
        index.remove(0, 10)

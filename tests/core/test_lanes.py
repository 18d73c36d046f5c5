"""Swimlanes: bands by any group key, packed on their own, collapsible."""

from __future__ import annotations

from timeline.core.model import EventSpan
from timeline.core.view.lanes import lay_out_bands
from timeline.core.view.period import TimePeriod

YEAR = 31_556_952


def span(id_: int, year: int, category: int | None) -> EventSpan:
    start = (year - 1970) * YEAR
    return EventSpan(
        id_, f"event {id_}", start, start, start + 86_400, start + 86_400, True, "", "", category, ""
    )


SPANS = [span(1, 2000, 1), span(2, 2000, 2), span(3, 2001, 1), span(4, 2000, 1), span(5, 2002, None)]
PERIOD = TimePeriod((1999 - 1970) * YEAR, (2004 - 1970) * YEAR)


def by_category(event: EventSpan) -> str:
    return "" if event.category_id is None else f"c{event.category_id}"


def test_each_group_gets_a_header_and_its_own_lanes_in_order() -> None:
    scene, bands = lay_out_bands(SPANS, PERIOD, 1000, 20, lambda text: 60.0, by_category, order=["c2", "c1"])
    assert [(b.key, b.header_lane, b.lanes, b.count) for b in bands] == [
        ("c2", 0, 1, 1),
        ("c1", 2, 2, 3),  # 1 and 4 fall together: two lanes
        ("", 5, 1, 1),  # no group goes last
    ]
    lanes = {box.span.id: box.lane for box in scene.boxes}
    assert lanes[2] == 1 and {lanes[1], lanes[4]} == {3, 4} and lanes[5] == 6


def test_a_collapsed_band_keeps_only_its_header_and_count() -> None:
    scene, bands = lay_out_bands(
        SPANS, PERIOD, 1000, 20, lambda text: 60.0, by_category, collapsed=frozenset({"c1"})
    )
    collapsed = next(b for b in bands if b.key == "c1")
    assert collapsed.collapsed and collapsed.lanes == 0 and collapsed.count == 3
    assert {box.span.id for box in scene.boxes} == {2, 5}


def test_any_key_makes_lanes_and_a_full_band_counts_its_overflow() -> None:
    def by_year(event: EventSpan) -> str:
        return str(1970 + event.earliest // YEAR)

    scene, bands = lay_out_bands(SPANS, PERIOD, 1000, 4, lambda text: 60.0, by_year)
    assert [b.label for b in bands] == ["2000", "2001", "2002"]
    assert sum(cluster.count for cluster in scene.clusters) == 2  # three at once in 2000, one lane each band

"""Lanes, overflow and level of detail, on plain values: no QApplication here."""

from __future__ import annotations

import itertools
import random

from timeline.core.dates.dates import HistoricalDate
from timeline.core.model import EventSpan
from timeline.core.view.layout import MARKER_SIZE, density_bins, lay_out_events
from timeline.core.view.period import TimePeriod
from timeline.core.view.scale import year_start

PIXELS = 1000.0


def measure(text: str) -> float:
    return 7.0 * len(text)


def span(
    id_: int, start: HistoricalDate, end: HistoricalDate | None = None, qualifier: str = ""
) -> EventSpan:
    last = end or start
    return EventSpan(
        id_,
        f"event {id_}",
        start.earliest,
        start.latest,
        last.earliest,
        last.latest,
        end is None,
        qualifier,
        "",
        None,
        "",
    )


def given_displayed_period(first: int, last: int) -> TimePeriod:
    return TimePeriod(year_start(first), year_start(last))


def test_events_in_a_lane_never_overlap() -> None:
    rng = random.Random(3)
    spans = []
    for n in range(300):
        start = HistoricalDate.of_day(rng.randint(1900, 1999), rng.randint(1, 12), rng.randint(1, 28))
        end = HistoricalDate.of_year(start.year + rng.randint(0, 20)) if rng.random() < 0.3 else None
        spans.append(span(n, start, end))
    scene = lay_out_events(spans, given_displayed_period(1900, 2000), PIXELS, 20, measure)
    by_lane: dict[int, list[tuple[float, float]]] = {}
    for box in scene.boxes:
        left = min(box.x0, (box.x0 + box.x1 - MARKER_SIZE) / 2, box.label_x)
        right = max(box.x1, box.label_x + (0 if box.label_inside else box.label_width))
        by_lane.setdefault(box.lane, []).append((max(left, -6), min(right, PIXELS)))
    for intervals in by_lane.values():
        intervals.sort()
        for (_, end), (start, _) in itertools.pairwise(intervals):
            assert end <= start
    assert len(scene.boxes) + sum(c.count for c in scene.clusters) == len(spans)
    assert max(box.lane for box in scene.boxes) < 20


def test_what_finds_no_lane_is_counted_where_it_falls() -> None:
    same_day = [span(n, HistoricalDate.of_day(1950, 6, 1)) for n in range(30)]
    scene = lay_out_events(same_day, given_displayed_period(1900, 2000), PIXELS, 5, measure)
    assert len(scene.boxes) == 5
    assert [c.count for c in scene.clusters] == [25]
    cluster = scene.clusters[0]
    assert cluster.x0 <= 500 <= cluster.x1 + 5


def test_short_events_get_lanes_before_long_periods() -> None:
    long = [span(n, HistoricalDate.of_year(1900), HistoricalDate.of_year(1999)) for n in range(3)]
    point = span(99, HistoricalDate.of_day(1950, 1, 1))
    scene = lay_out_events([*long, point], given_displayed_period(1900, 2000), PIXELS, 2, measure)
    assert 99 in {box.span.id for box in scene.boxes}


def test_a_month_spans_its_month_not_a_day() -> None:
    july = span(1, HistoricalDate.of_month(2023, 7))
    period = TimePeriod(year_start(2023) + 150 * 86_400, year_start(2023) + 240 * 86_400)
    (box,) = lay_out_events([july], period, PIXELS, 3, measure).boxes
    assert not box.marker
    assert box.x1 - box.x0 == PIXELS * 31 / 90


def test_a_point_too_small_to_see_is_a_marker_with_its_label_beside_it() -> None:
    (box,) = lay_out_events(
        [span(1, HistoricalDate.of_day(1950, 1, 1))], given_displayed_period(1900, 2000), PIXELS, 3, measure
    ).boxes
    assert box.marker and not box.label_inside
    assert box.label_x > box.x1


def test_labels_near_the_right_edge_flip_to_the_left() -> None:
    (box,) = lay_out_events(
        [span(1, HistoricalDate.of_day(1999, 6, 1))], given_displayed_period(1900, 2000), PIXELS, 3, measure
    ).boxes
    assert box.label_x + box.label_width < box.x0


def test_approximate_ends_are_soft_between_their_bounds() -> None:
    start = HistoricalDate.of_year(1950, approximate=True)
    end = HistoricalDate.of_year(1960)
    item = EventSpan(
        1, "war", start.earliest, start.latest, end.earliest, end.latest, False, "~", "", None, ""
    )
    (box,) = lay_out_events([item], given_displayed_period(1900, 2000), PIXELS, 3, measure).boxes
    assert box.x0 < box.solid_x0 < box.solid_x1 == box.x1
    assert item.label == "c. war"


def test_density_bins_cover_the_width() -> None:
    bins = density_bins([1, 5, 0, 2], PIXELS)
    assert [(b.x0, b.x1, b.count) for b in bins] == [
        (0, 250, 1),
        (250, 500, 5),
        (500, 750, 0),
        (750, 1000, 2),
    ]

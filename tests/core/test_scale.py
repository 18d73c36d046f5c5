"""Axis ticks at every zoom level, from the Big Bang to a few minutes."""

from __future__ import annotations

import itertools

import pytest

from timeline.core.view.period import MIN_WIDTH, SECONDS_PER_YEAR, TimePeriod
from timeline.core.view.scale import choose_axis, visible_labels, year_label, year_start

PIXELS = 1920.0


def measure(text: str) -> float:
    return 7.5 * len(text)


def axis_for(start: float, end: float):  # type: ignore[no-untyped-def]
    return choose_axis(TimePeriod(start, end), PIXELS, measure)


@pytest.mark.parametrize(
    ("start", "end", "unit", "first_labels"),
    [
        (-13.8e9 * SECONDS_PER_YEAR, 0.0, "1000000000 year", None),
        (year_start(-3000), year_start(2000), "200 year", ["3000 BC", "2800 BC"]),
        (year_start(1990), year_start(2030), "1 year", ["1990", "1991"]),
        (year_start(2022), year_start(2023), "1 month", ["Jan", "Feb", "Mar"]),
        (year_start(2022), year_start(2022) + 150 * 86_400, "5 day", ["1", "6", "11"]),
        (year_start(2022), year_start(2022) + 40 * 86_400, "1 day", ["1", "2", "3"]),
        (year_start(2022), year_start(2022) + 86_400, "1 hour", ["00:00", "01:00"]),
        (year_start(2022), year_start(2022) + MIN_WIDTH, "1 minute", ["00:00", "00:01"]),
    ],
)
def test_the_unit_follows_the_zoom(
    start: float, end: float, unit: str, first_labels: list[str] | None
) -> None:
    axis = axis_for(start, end)
    assert axis.unit == unit
    if first_labels:
        assert [tick.label for tick in axis.minor[: len(first_labels)]] == first_labels


def test_months_show_under_their_year() -> None:
    axis = axis_for(year_start(2022), year_start(2023))
    assert [tick.label for tick in axis.minor[:3]] == ["Jan", "Feb", "Mar"]
    assert axis.major[0].label == "2022"


def test_year_labels_count_bc_and_ad_as_people_do() -> None:
    assert year_label(-43) == "44 BC"
    assert year_label(0) == "1 BC"
    assert year_label(79) == "AD 79"
    assert year_label(2022) == "2022"
    assert year_label(-9999) == "10,000 BC"
    assert year_label(-13_799_999_999) == "13.8 billion BC"


def test_bc_ticks_fall_on_round_bc_years() -> None:
    axis = axis_for(year_start(-500), year_start(500))
    labels = [tick.label for tick in axis.minor]
    assert "100 BC" in labels and "AD 1" in labels and "AD 100" in labels
    assert not any(label.startswith("101") for label in labels)


@pytest.mark.parametrize("years", [1e-5, 1e-3, 0.1, 1, 10, 100, 1e4, 1e6, 1e9, 1.6e10])
def test_labels_never_overlap_at_any_zoom(years: float) -> None:
    start = year_start(1900) if years < 1e4 else -years * SECONDS_PER_YEAR
    period = TimePeriod(start, start + max(years * SECONDS_PER_YEAR, MIN_WIDTH))
    axis = choose_axis(period, PIXELS, measure)
    assert 2 <= len(axis.minor) <= PIXELS / 20
    for ticks, pin in ((axis.minor, False), (axis.major, True)):
        placed = visible_labels(ticks, period, PIXELS, measure, pin=pin)
        for (x1, label1), (x2, _) in itertools.pairwise(placed):
            assert x1 + measure(label1) <= x2

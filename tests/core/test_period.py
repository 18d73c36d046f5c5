from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.core.view.period import MAX_WIDTH, MIN_WIDTH, SECONDS_PER_YEAR, TimePeriod, describe_period
from timeline.core.view.scale import year_start

DECADE = TimePeriod(year_start(2000), year_start(2010))


@given(st.floats(1.01, 50.0), st.floats(0.0, 1.0))
def test_zoom_keeps_the_time_under_the_cursor(factor: float, anchor: float) -> None:
    before = DECADE.time_at(anchor)
    for zoomed in (DECADE.zoomed(factor, anchor), DECADE.zoomed(1 / factor, anchor)):
        assert zoomed.time_at(anchor) == pytest.approx(before, abs=1.0)


def test_zoom_in_narrows_and_zoom_out_widens() -> None:
    assert DECADE.zoomed(2).width == pytest.approx(DECADE.width / 2)
    assert DECADE.zoomed(0.5).width == pytest.approx(DECADE.width * 2)


def test_zoom_stops_at_minutes_and_at_the_age_of_the_universe() -> None:
    assert DECADE.zoomed(1e12).width == MIN_WIDTH
    widest = DECADE.zoomed(1e-12)
    assert widest.width == MAX_WIDTH
    assert widest.width > 13.8e9 * SECONDS_PER_YEAR
    assert widest.start <= -13.8e9 * SECONDS_PER_YEAR


def test_pan_moves_by_a_fraction_of_the_width() -> None:
    panned = DECADE.panned_by(0.1)
    assert panned.start - DECADE.start == pytest.approx(DECADE.width * 0.1)
    assert panned.width == pytest.approx(DECADE.width)


def test_pan_is_clamped_far_beyond_any_event() -> None:
    assert DECADE.panned(1e30).end <= 5e9 * SECONDS_PER_YEAR
    assert DECADE.panned(-1e30).start >= -15e9 * SECONDS_PER_YEAR


def test_around_shows_the_span_with_margins() -> None:
    period = TimePeriod.around(1e6, 2e6, margin=0.1)
    assert (period.start, period.end) == pytest.approx((0.9e6, 2.1e6))


def test_an_empty_period_is_refused() -> None:
    with pytest.raises(ValueError, match="must end after"):
        TimePeriod(5.0, 5.0)


def test_describe_period_follows_the_zoom() -> None:
    assert describe_period(DECADE) == "January 2000 – January 2010"
    assert describe_period(TimePeriod(year_start(-500), year_start(500))) == "501 BC – AD 500"
    assert describe_period(TimePeriod(year_start(2023), year_start(2023) + 86_400)).startswith(
        "1 January 2023, 00:00"
    )

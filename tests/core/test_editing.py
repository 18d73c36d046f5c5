"""Moving and resizing keep the precision that was written."""

from __future__ import annotations

import pytest

from timeline.core.dates.parsing import parse_date
from timeline.core.model import Event
from timeline.core.view.editing import Step, date_at, moved, resized, shift, step_for_zoom

DAY = 86_400


def test_a_month_moved_at_day_zoom_moves_by_months_and_stays_a_month() -> None:
    event = Event("Vilnius summit", parse_date("July 2023"))
    assert moved(event, 10 * DAY, Step.DAY).start.edtf() == "2023-07"
    assert moved(event, 45 * DAY, Step.DAY).start.edtf() == "2023-08"
    assert moved(event, -80 * DAY, Step.DAY).start.edtf() == "2023-04"


def test_a_day_moved_at_year_zoom_moves_by_whole_years() -> None:
    event = Event("Invasion", parse_date("24 February 2022"))
    assert moved(event, 400 * DAY, Step.YEAR).start.edtf() == "2023-02-24"
    assert moved(event, 400 * DAY, Step.YEAR, snap=False).start.edtf() == "2023-03-31"


def test_both_ends_of_a_period_move_together_and_keep_their_qualifiers() -> None:
    event = Event("Strikes", parse_date("c. October 2022"), parse_date("March 2023"))
    after = moved(event, 62 * DAY, Step.DAY)
    assert (after.start.edtf(), after.end.edtf()) == ("2022-12~", "2023-05")  # type: ignore[union-attr]


def test_resizing_keeps_the_end_after_the_start() -> None:
    event = Event("Summit", parse_date("11 July 2023"), parse_date("12 July 2023"))
    longer = resized(event, "end", 3 * DAY, Step.DAY)
    assert longer is not None and longer.end.edtf() == "2023-07-15"  # type: ignore[union-attr]
    assert resized(event, "end", -5 * DAY, Step.DAY) is None
    earlier = resized(event, "start", -2 * DAY, Step.DAY)
    assert earlier is not None and earlier.start.edtf() == "2023-07-09"
    assert resized(Event("point", parse_date("2023")), "end", DAY, Step.DAY) is None


@pytest.mark.parametrize(
    ("text", "count", "step", "expected"),
    [
        ("2020-02-29", 1, Step.YEAR, "2021-02-28"),
        ("2001-21", -1, Step.SEASON, "2000-24"),
        ("199X", 1, Step.DECADE, "200X"),
        ("44 BC", 44, Step.YEAR, "0001"),
        ("2023-12", 1, Step.MONTH, "2024-01"),
        ("2023-07-11T14:30", 90, Step.MINUTE, "2023-07-11T16:00"),
    ],
)
def test_shift(text: str, count: int, step: Step, expected: str) -> None:
    assert shift(parse_date(text), count, step).edtf() == expected


def test_new_dates_are_as_precise_as_the_zoom() -> None:
    instant = parse_date("2023-07-11T14:37").earliest
    assert date_at(instant, Step.DAY).edtf() == "2023-07-11"
    assert date_at(instant, Step.MONTH).edtf() == "2023-07"
    assert date_at(instant, Step.HOUR).edtf() == "2023-07-11T15:00"
    assert date_at(parse_date("1455").earliest, Step.DECADE).edtf() == "1460"
    assert step_for_zoom(DAY / 30) == Step.DAY
    assert step_for_zoom(DAY / 600) == Step.HOUR
    assert step_for_zoom(365 * DAY / 5) == Step.DECADE

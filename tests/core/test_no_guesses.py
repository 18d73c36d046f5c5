"""The date reader does not guess: swapped days and months, two-digit years, missing years."""

from __future__ import annotations

import pytest

from timeline.core.dates.dates import DateError, HistoricalDate
from timeline.core.dates.parsing import Reading, parse

DAY_FIRST = Reading(day_first=True)
MONTH_FIRST = Reading(day_first=False)


def test_an_ambiguous_numeric_date_is_refused_with_both_readings() -> None:
    with pytest.raises(DateError, match="9 July or 7 September"):
        parse("09/07/2009")


@pytest.mark.parametrize(("reading", "day"), [(DAY_FIRST, (2009, 7, 9)), (MONTH_FIRST, (2009, 9, 7))])
def test_the_order_chosen_settles_it(reading: Reading, day: tuple[int, int, int]) -> None:
    assert parse("09/07/2009", reading=reading) == HistoricalDate.of_day(*day)
    assert parse("09.07.2009", reading=reading) == HistoricalDate.of_day(*day)


def test_a_date_that_can_only_be_read_one_way_needs_no_choice() -> None:
    assert parse("13/07/2009") == HistoricalDate.of_day(2009, 7, 13)
    assert parse("07/13/2009") == HistoricalDate.of_day(2009, 7, 13)
    assert parse("2009/07/09") == HistoricalDate.of_day(2009, 7, 9)
    assert parse("07/07/2009") == HistoricalDate.of_day(2009, 7, 7)


def test_a_date_that_contradicts_the_order_chosen_is_refused() -> None:
    with pytest.raises(DateError, match="day first"):
        parse("07/13/2009", reading=DAY_FIRST)


@pytest.mark.parametrize("text", ["Mar-46", "Jan-12", "09/07/09", "12-Jan-09", "March '46"])
def test_two_digit_years_are_refused_without_a_century(text: str) -> None:
    with pytest.raises(DateError, match="two digits"):
        parse(text, reading=DAY_FIRST)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mar-46", HistoricalDate.of_month(1946, 3)),
        ("Jan-12", HistoricalDate.of_month(1912, 1)),
        ("09/07/09", HistoricalDate.of_day(1909, 7, 9)),
        ("12-Jan-09", HistoricalDate.of_day(1909, 1, 12)),
    ],
)
def test_a_century_completes_two_digit_years(text: str, expected: HistoricalDate) -> None:
    assert parse(text, reading=Reading(day_first=True, century=1900)) == expected


def test_jan_12_does_not_depend_on_the_day_it_is_read() -> None:
    with pytest.raises(DateError):
        parse("Jan-12", reference=HistoricalDate.of_day(2020, 5, 5))
    with pytest.raises(DateError):
        parse("Jan-12", reference=HistoricalDate.of_day(2024, 5, 5))

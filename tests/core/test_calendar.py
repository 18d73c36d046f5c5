from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from timeline.core.dates.calendar import civil_from_day_number, day_number, is_leap_year, weekday


@given(st.dates())
def test_day_number_agrees_with_python_dates(value: date) -> None:
    days = day_number(value.year, value.month, value.day)
    assert days == value.toordinal() - date(1970, 1, 1).toordinal()
    assert weekday(days) == value.weekday()


@given(st.integers(min_value=-(10**13), max_value=10**13))
def test_civil_from_day_number_inverts_day_number(days: int) -> None:
    assert day_number(*civil_from_day_number(days)) == days


def test_astronomical_leap_years() -> None:
    assert is_leap_year(0)  # 1 BC
    assert is_leap_year(-4)  # 5 BC
    assert not is_leap_year(1900)
    assert is_leap_year(2000)
    assert day_number(0, 3, 1) - day_number(0, 2, 28) == 2

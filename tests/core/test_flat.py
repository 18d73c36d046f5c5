"""Flat rows for bulk imports: their quick bounds must be the bounds of the dates they stand for."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.core.dates.dates import HistoricalDate, Precision
from timeline.core.dates.edtf import read_edtf_date
from timeline.core.flat import simple_bounds


@st.composite
def plain_dates(draw: st.DrawFn) -> HistoricalDate:
    precision = draw(
        st.sampled_from([Precision.YEAR, Precision.MONTH, Precision.DAY, Precision.MINUTE, Precision.SECOND])
    )
    year = draw(st.integers(-9999, 9999))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, 28))
    hour, minute, second = draw(st.integers(0, 23)), draw(st.integers(0, 59)), draw(st.integers(0, 59))
    qualifiers = {"approximate": draw(st.booleans()), "uncertain": draw(st.booleans())}
    if precision == Precision.YEAR:
        return HistoricalDate(year, precision=precision, **qualifiers)
    if precision == Precision.MONTH:
        return HistoricalDate(year, month, precision=precision, **qualifiers)
    if precision == Precision.DAY:
        return HistoricalDate(year, month, day, precision=precision, **qualifiers)
    if precision == Precision.MINUTE:
        return HistoricalDate(year, month, day, hour, minute, precision=precision, **qualifiers)
    return HistoricalDate(year, month, day, hour, minute, second, precision=precision, **qualifiers)


@given(plain_dates())
def test_quick_bounds_are_the_dates_bounds(date: HistoricalDate) -> None:
    text = date.edtf()
    assert simple_bounds(text) == (date.earliest, date.latest), text
    assert read_edtf_date(text) == date


@pytest.mark.parametrize(
    "text",
    [
        "2023-02-30", "1900-02-29", "2023-13", "-0000", "2023-07-11T24:00", "2023-07-11T14:60",
        "2023-07-11T14:30:60", "2023-07-11T14:30Z", "2023-07-11T14:30+02:00", "199X", "2001-21",
        "1969/1970", "c. 1450", "", "20230711",
    ],
)  # fmt: skip
def test_anything_else_is_left_to_the_full_reader(text: str) -> None:
    assert simple_bounds(text) is None

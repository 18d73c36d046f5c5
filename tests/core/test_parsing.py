"""What people type, and what it must mean."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.core.dates.dates import (
    DateError,
    HistoricalDate,
    Interval,
    OpenEnd,
    Precision,
    first_and_last_day,
)
from timeline.core.dates.parsing import parse, parse_date

REFERENCE = HistoricalDate.of_day(2026, 11, 28)  # a Saturday


@pytest.mark.parametrize(
    ("text", "edtf", "first_day", "last_day", "display"),
    [
        ("2022-02-24", "2022-02-24", "2022-02-24", "2022-02-24", "24 February 2022"),
        ("2023-07", "2023-07", "2023-07-01", "2023-07-31", "July 2023"),
        ("2008~", "2008~", "2008-01-01", "2008-12-31", "c. 2008"),
        ("1450?", "1450?", "1450-01-01", "1450-12-31", "1450?"),
        ("1985-04-12%", "1985-04-12%", "1985-04-12", "1985-04-12", "c. 12 April 1985?"),
        ("199X", "199X", "1990-01-01", "1999-12-31", "1990s"),
        ("2001-21", "2001-21", "2001-03-01", "2001-05-31", "spring 2001"),
        ("Y-170000002", "Y-170000002", "-170000002-01-01", "-170000002-12-31", "170,000,003 BC"),
        ("2004-06/2006-08", "2004-06/2006-08", "2004-06-01", "2006-08-31", "June 2004 – August 2006"),
        ("-0043-03-15", "-0043-03-15", "-0043-03-15", "-0043-03-15", "15 March 44 BC"),
        ("24 February 2022", "2022-02-24", "2022-02-24", "2022-02-24", "24 February 2022"),
        ("February 24, 2022", "2022-02-24", "2022-02-24", "2022-02-24", "24 February 2022"),
        ("July 2023", "2023-07", "2023-07-01", "2023-07-31", "July 2023"),
        ("44 BC", "-0043", "-0043-01-01", "-0043-12-31", "44 BC"),
        ("3000 BCE", "-2999", "-2999-01-01", "-2999-12-31", "3000 BC"),
        ("AD 79", "0079", "0079-01-01", "0079-12-31", "AD 79"),
        ("15 March 44 BC", "-0043-03-15", "-0043-03-15", "-0043-03-15", "15 March 44 BC"),
        ("c. 1450", "1450~", "1450-01-01", "1450-12-31", "c. 1450"),
        ("circa 1450", "1450~", "1450-01-01", "1450-12-31", "c. 1450"),
        ("about 1200", "1200~", "1200-01-01", "1200-12-31", "c. 1200"),
        ("1990s", "199X", "1990-01-01", "1999-12-31", "1990s"),
        ("the 1960s", "196X", "1960-01-01", "1969-12-31", "1960s"),
        ("spring 2001", "2001-21", "2001-03-01", "2001-05-31", "spring 2001"),
        ("May 1945?", "1945-05?", "1945-05-01", "1945-05-31", "May 1945?"),
        ("2023-07-11T14:30", "2023-07-11T14:30", "2023-07-11", "2023-07-11", "11 July 2023, 14:30"),
        ("early October 2022", "2022-10~", "2022-10-01", "2022-10-31", "c. October 2022"),
        ("29–30 November 2022", "2022-11-29/2022-11-30", "2022-11-29", "2022-11-30", "29–30 November 2022"),
        ("15th century", "14XX", "1400-01-01", "1499-12-31", "15th century"),
        ("5th century BC", "-04XX", "-0499-01-01", "-0400-12-31", "5th century BC"),
        ("winter 2001", "2001-24", "2001-12-01", "2002-02-28", "winter 2001"),
        ("1 BC", "0000", "0000-01-01", "0000-12-31", "1 BC"),
        ("12 March 1999", "1999-03-12", "1999-03-12", "1999-03-12", "12 March 1999"),
        ("3/15/1999", "1999-03-15", "1999-03-15", "1999-03-15", "15 March 1999"),
        ("yesterday", "2026-11-27", "2026-11-27", "2026-11-27", "27 November 2026"),
        ("last Tuesday", "2026-11-24", "2026-11-24", "2026-11-24", "24 November 2026"),
        ("July", "2026-07", "2026-07-01", "2026-07-31", "July 2026"),
        ("December", "2025-12", "2025-12-01", "2025-12-31", "December 2025"),
    ],
)
def test_parse_reads_what_people_write(
    text: str, edtf: str, first_day: str, last_day: str, display: str
) -> None:
    value = parse(text, REFERENCE)
    assert value.edtf() == edtf
    assert first_and_last_day(value.earliest, value.latest) == (first_day, last_day)
    assert value.display() == display


def test_precision_and_qualifiers_are_kept() -> None:
    date = parse_date("c. 1450?")
    assert (date.precision, date.approximate, date.uncertain) == (Precision.YEAR, True, True)
    assert parse_date("July 2023").precision == Precision.MONTH
    assert parse_date("1990s").precision == Precision.DECADE
    assert parse_date("2023-07-11T14:30").precision == Precision.MINUTE


def test_open_and_unknown_ends() -> None:
    ongoing = parse("2022-02-24/..")
    assert isinstance(ongoing, Interval)
    assert ongoing.end is OpenEnd.OPEN
    assert parse("since 24 February 2022") == ongoing
    assert parse("1985/").end is OpenEnd.UNKNOWN  # type: ignore[union-attr]
    assert parse("../1985").start is OpenEnd.OPEN  # type: ignore[union-attr]


def test_the_age_of_the_universe_and_the_far_future() -> None:
    big_bang = parse_date("Y-13800000000")
    assert big_bang.year == -13_800_000_000
    assert big_bang.earliest < big_bang.latest
    assert parse_date("Y1000000").display() == "1,000,000"
    assert parse_date("13,800,000,001 BC") == big_bang


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2023-02-30", "February 2023 has no day 30"),
        ("1900-02-29", "February 1900 has no day 29"),
        ("2023-13", "month 13 does not exist"),
        ("2023-13-01", "month 13 does not exist"),
        ("31 April 2020", "April 2020 has no day 31"),
        ("hello", "not a date"),
        ("", "no date was given"),
        ("   ", "no date was given"),
        ("0 BC", "counted from 1"),
        ("1990/1985", "is before the start"),
        ("2023-07-11T25:00", "hour 25 does not exist"),
        ("x" * 500, "at most 200 characters"),
    ],
)
def test_impossible_dates_are_rejected_with_a_reason(text: str, reason: str) -> None:
    with pytest.raises(DateError, match=reason):
        parse(text, REFERENCE)


def test_parse_date_refuses_an_interval() -> None:
    with pytest.raises(DateError, match="not an interval"):
        parse_date("2004/2006")


@given(st.text(max_size=60))
def test_nothing_but_date_error_escapes(text: str) -> None:
    try:
        value = parse(text, REFERENCE)
    except DateError:
        return
    assert value.earliest < value.latest


@given(st.from_regex(r"[-0-9XY~?%/. TtZ:a-z,]{1,24}", fullmatch=True))
def test_nothing_but_date_error_escapes_on_date_like_text(text: str) -> None:
    with contextlib.suppress(DateError):
        parse(text, REFERENCE)


def historical_dates() -> st.SearchStrategy[HistoricalDate]:
    qualifiers = {"approximate": st.booleans(), "uncertain": st.booleans()}
    years = st.integers(min_value=-9999, max_value=9999)

    @st.composite
    def day_precision(draw: st.DrawFn) -> HistoricalDate:
        year, month = draw(years), draw(st.integers(1, 12))
        day = draw(st.integers(1, 28))
        return HistoricalDate.of_day(
            year, month, day, approximate=draw(st.booleans()), uncertain=draw(st.booleans())
        )

    @st.composite
    def span(draw: st.DrawFn) -> HistoricalDate:
        precision = draw(st.sampled_from([Precision.DECADE, Precision.CENTURY, Precision.MILLENNIUM]))
        size = {Precision.DECADE: 10, Precision.CENTURY: 100, Precision.MILLENNIUM: 1000}[precision]
        year = draw(st.integers(-9, 9)) * size
        return HistoricalDate(year if year else size, precision=precision)

    return st.one_of(
        st.builds(HistoricalDate.of_year, st.integers(-(10**11), 10**11), **qualifiers),
        st.builds(HistoricalDate.of_month, years, st.integers(1, 12), **qualifiers),
        st.builds(
            lambda y, s: HistoricalDate(y, season=s, precision=Precision.SEASON), years, st.integers(21, 24)
        ),
        day_precision(),
        st.builds(
            lambda y, m, d, h, mi: HistoricalDate(y, m, d, h, mi, precision=Precision.MINUTE),
            st.integers(1, 9999),
            st.integers(1, 12),
            st.integers(1, 28),
            st.integers(0, 23),
            st.integers(0, 59),
        ),
        span(),
    )


@given(historical_dates())
def test_edtf_round_trips(date: HistoricalDate) -> None:
    assert parse(date.edtf()) == date


@given(historical_dates())
def test_display_round_trips(date: HistoricalDate) -> None:
    assert parse(date.display()) == date


@given(historical_dates())
def test_earliest_is_before_latest(date: HistoricalDate) -> None:
    assert date.earliest < date.latest
    assert date.earliest > -(2**63) and date.latest < 2**63


@given(historical_dates(), historical_dates())
def test_intervals_round_trip_or_are_refused(first: HistoricalDate, second: HistoricalDate) -> None:
    if second.latest <= first.earliest:
        with pytest.raises(DateError, match="before the start"):
            Interval(first, second)
        return
    interval = Interval(first, second)
    assert parse(interval.edtf()) == interval
    assert parse(interval.display()) == interval

"""Dates as lists write them: before, after, between, and EDTF level 2 sets, kept as written."""

from __future__ import annotations

import pytest

from timeline.core.dates.calendar import civil_from_day_number, julian_day_number
from timeline.core.dates.dates import DateError, HistoricalDate, Interval
from timeline.core.dates.edtf import read_edtf
from timeline.core.dates.parsing import Reading, parse
from timeline.core.dates.sets import DateSet
from timeline.core.flat import event_of, flat_event
from timeline.core.model import Event

ONE_EVENT = Reading(single_date=True)


@pytest.mark.parametrize(
    ("text", "edtf", "display"),
    [
        ("Before 400BC", "[..-0399]", "before 400 BC"),
        ("before 400 BC", "[..-0399]", "before 400 BC"),
        ("after 13 Feb 858", "[0858-02-13..]", "after 13 February AD 858"),
        (
            "858 after 13 Feb 858",
            "[0858-02-13..0858-12-31]",
            "between 13 February AD 858 and 31 December AD 858",
        ),
        ("1381 before 26 June 1381", "[1381-01-01..1381-06-26]", "between 1 January 1381 and 26 June 1381"),
    ],
)
def test_before_and_after_are_sets_that_keep_their_words(text: str, edtf: str, display: str) -> None:
    value = parse(text)
    assert isinstance(value, DateSet)
    assert (value.edtf(), value.display()) == (edtf, display)
    assert value.uncertain
    assert read_edtf(edtf) == value


def test_before_is_drawn_at_its_date() -> None:
    value = parse("before 400 BC")
    year = HistoricalDate.of_year(-399)
    assert (value.earliest, value.latest) == (year.earliest, year.latest)


@pytest.mark.parametrize(
    "text",
    [
        "Between 25 jun 1381 and 26 jun 1381",
        "between 25 and 26 June 1381",
        "between 25 June and 26 June 1381",
    ],
)
def test_between_is_one_uncertain_date_in_a_single_date_column(text: str) -> None:
    value = parse(text, reading=ONE_EVENT)
    assert isinstance(value, DateSet)
    assert value.edtf() == "[1381-06-25..1381-06-26]"
    assert value.display() == "between 25 June 1381 and 26 June 1381"
    assert value.earliest == HistoricalDate.of_day(1381, 6, 25).earliest
    assert value.latest == HistoricalDate.of_day(1381, 6, 26).latest


def test_between_is_a_span_where_a_period_is_meant() -> None:
    value = parse("between 25 and 26 June 1381")
    assert isinstance(value, Interval)
    assert value.edtf() == "1381-06-25/1381-06-26"
    assert parse("between 1914 and 1918").edtf() == "1914/1918"


@pytest.mark.parametrize(
    ("text", "display"),
    [
        ("[1981, 1982]", "1981 or 1982"),
        ("{1667, 1668, 1670..1672}", "1667, 1668 and between 1670 and 1672"),
        ("[..1760-12-03]", "before 3 December 1760"),
        ("[1760-12..]", "after December 1760"),
        ("[1984, 1986..]", "1984 or 1986 or later"),
    ],
)
def test_edtf_level_2_sets_are_read_and_written_back_unchanged(text: str, display: str) -> None:
    value = parse(text)
    assert isinstance(value, DateSet)
    assert value.edtf() == text
    assert value.display() == display


def test_a_set_is_kept_through_the_stored_row() -> None:
    event = Event("Born", parse("[1981, 1982]"))  # type: ignore[arg-type]
    flat = flat_event(event)
    assert flat.start_date == "[1981, 1982]"
    assert (flat.earliest, flat.latest) == (
        HistoricalDate.of_year(1981).earliest,
        HistoricalDate.of_year(1982).latest,
    )
    assert event_of(flat).start == event.start


@pytest.mark.parametrize("text", ["[1981, 1982", "[]", "[..]", "{1981,,1982}", "[[1981]]"])
def test_broken_sets_are_refused(text: str) -> None:
    with pytest.raises(DateError):
        parse(text)


@pytest.mark.parametrize(
    ("julian", "gregorian"),
    [
        ((1582, 10, 4), (1582, 10, 14)),
        ((1600, 3, 5), (1600, 3, 15)),
        ((1, 1, 1), (0, 12, 30)),
        ((1900, 2, 29), (1900, 3, 13)),
    ],
)
def test_julian_days_become_proleptic_gregorian_days(
    julian: tuple[int, int, int], gregorian: tuple[int, int, int]
) -> None:
    assert civil_from_day_number(julian_day_number(*julian)) == gregorian


@pytest.mark.parametrize(
    "text", ["5 March 1600 O.S.", "5 March 1600 (Julian)", "5 March 1600 Julian", "5 March 1600 (O.S.)"]
)
def test_a_julian_date_in_the_date_field_is_read_on_its_calendar(text: str) -> None:
    assert parse(text) == HistoricalDate.of_day(1600, 3, 15)


def test_a_julian_leap_day_the_gregorian_calendar_lacks_is_read() -> None:
    assert parse("29 February 1500 (Julian)") == HistoricalDate.of_day(1500, 3, 10)

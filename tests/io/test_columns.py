"""Spreadsheets with their makers' own headers, in CSV, TSV, XLSX and ODS, imported as they are."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.io.spreadsheet_files import write_ods, write_xlsx
from timeline.core.dates.dates import HistoricalDate, Precision
from timeline.core.dates.parsing import Reading
from timeline.core.dates.sets import DateSet
from timeline.io.columns import ColumnMapping, parse_column_options, propose_mapping
from timeline.io.formats import read_file
from timeline.io.report import FormatError


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (["subject", "start time", "notes"],
         {"title": "subject", "start": "start time", "description": "notes"}),
        (["Subject", "Start Date", "Start Time", "End Date", "End Time"],
         {"title": "Subject", "start": "Start Date", "time": "Start Time", "end": "End Date",
          "end_time": "End Time"}),
        (["label", "date", "end_date"], {"title": "label", "start": "date", "end": "end_date"}),
        (["label", "hdate"], {"title": "label", "start": "hdate"}),
        (["Titre", "Date de début", "Date de fin", "Catégorie"],
         {"title": "Titre", "start": "Date de début", "end": "Date de fin", "category": "Catégorie"}),
        (["Ereignis", "Datum", "Beschreibung"],
         {"title": "Ereignis", "start": "Datum", "description": "Beschreibung"}),
        (["Evento", "Fecha", "Hasta"], {"title": "Evento", "start": "Fecha", "end": "Hasta"}),
        (["Year", "Month", "Day", "Headline"],
         {"year": "Year", "month": "Month", "day": "Day", "title": "Headline"}),
    ],
)  # fmt: skip
def test_a_mapping_is_proposed_from_header_names_in_several_languages(
    headers: list[str], expected: dict[str, str]
) -> None:
    assert propose_mapping(headers) == expected


def test_a_mapping_is_proposed_from_the_cells_when_the_names_say_nothing() -> None:
    headers = ["col1", "col2", "col3", "col4"]
    rows = [["1", "Fall of the wall", "9 November 1989", "1990-10-03"], ["2", "Maastricht", "1992-02-07", ""]]
    assert propose_mapping(headers, rows) == {"start": "col3", "end": "col4", "title": "col2"}


def test_what_the_user_chose_is_kept() -> None:
    proposed = propose_mapping(["subject", "date", "when"], given={"start": "when"})
    assert proposed == {"start": "when", "title": "subject"}


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_csv_with_foreign_headers_imports_as_it_is(tmp_path: Path) -> None:
    path = write(tmp_path, "events.csv", "subject,start time,end_date\nSummit,2023-07-11,2023-07-12\n")
    report = read_file(path)
    (event,) = report.events
    assert (event.title, event.start.edtf(), event.end.edtf()) == ("Summit", "2023-07-11", "2023-07-12")  # type: ignore[union-attr]
    assert "columns read: title=subject, start=start time, end=end_date" in report.notes


def test_columns_chosen_by_the_user(tmp_path: Path) -> None:
    path = write(tmp_path, "events.tsv", "what\tfirst\tlast\tother\nA\t2001\t2003\t1999\n")
    mapping = ColumnMapping(parse_column_options(["title=what", "start=other", "end=last"]))
    (event,) = read_file(path, mapping=mapping).events
    assert (event.start.edtf(), event.end.edtf()) == ("1999", "2003")  # type: ignore[union-attr]


def test_a_column_that_is_not_there_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, "events.csv", "title,start\nA,2001\n")
    with pytest.raises(FormatError, match="no column 'subject'"):
        read_file(path, mapping=ColumnMapping({"title": "subject"}))


def test_bad_column_options_say_what_is_wrong() -> None:
    with pytest.raises(ValueError, match="FIELD=HEADER"):
        parse_column_options(["title"])
    with pytest.raises(ValueError, match="'when' is not a field"):
        parse_column_options(["when=date"])


def test_an_ambiguous_date_is_a_problem_naming_the_row_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, "events.csv", "subject,date\nA,09/07/2009\nB,13/07/2009\nC,Mar-46\n")
    report = read_file(path)
    assert [event.title for event in report.events] == ["B"]
    first, second = report.problems
    assert (first.where, first.field, first.value) == ("line 2", "date", "09/07/2009")
    assert "9 July or 7 September" in first.message
    assert (second.where, second.field) == ("line 4", "date") and "two digits" in second.message
    chosen = ColumnMapping(reading=Reading(day_first=False, century=1900))
    month_first = read_file(path, mapping=chosen)
    assert [event.start.edtf() for event in month_first.events] == ["2009-09-07", "1946-03"]
    (refused,) = month_first.problems  # 13/07/2009 cannot be read month first: never swapped quietly
    assert (refused.where, refused.value) == ("line 3", "13/07/2009")


def test_between_in_a_date_column_is_one_uncertain_date(tmp_path: Path) -> None:
    path = write(tmp_path, "events.csv", "title,date\nPeasants' Revolt,Between 25 jun 1381 and 26 jun 1381\n")
    (event,) = read_file(path).events
    assert isinstance(event.start, DateSet) and event.end is None
    assert event.start.edtf() == "[1381-06-25..1381-06-26]"


def test_year_month_day_and_time_columns(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "events.csv",
        "Year,Month,Day,Time,Event\n1969,7,20,20:17,Landing\n44 BC,March,15,,Ides\n"
        "1492,,,,Voyage\n1969,13,1,,Bad\n",
    )
    report = read_file(path)
    landing, ides, voyage = report.events
    assert landing.start == HistoricalDate(1969, 7, 20, 20, 17, precision=Precision.MINUTE)
    assert ides.start == HistoricalDate.of_day(-43, 3, 15)
    assert voyage.start == HistoricalDate.of_year(1492)
    (problem,) = report.problems
    assert (problem.where, problem.field) == ("line 5", "Year") and "not a month" in problem.message


def test_a_date_column_with_a_time_column_beside_it(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "calendar.csv",
        "Subject,Start Date,Start Time,End Date,End Time\nCall,2023-07-11,2:30 PM,2023-07-11,15:00\n",
    )
    (event,) = read_file(path).events
    assert event.start == HistoricalDate(2023, 7, 11, 14, 30, precision=Precision.MINUTE)
    assert event.end == HistoricalDate(2023, 7, 11, 15, 0, precision=Precision.MINUTE)


ROWS = [
    ["Subject", "Date", "End date", "Notes", "Year only"],
    ["Landing", dt.datetime(1969, 7, 20, 20, 17), None, "Apollo 11", None],
    ["Summit", dt.date(2023, 7, 11), dt.date(2023, 7, 12), "Vilnius", None],
    ["Ides", "15 March 44 BC", None, None, None],
    ["Ambiguous", "09/07/2009", None, None, None],
]


@pytest.mark.parametrize(("suffix", "write_sheet"), [("xlsx", write_xlsx), ("ods", write_ods)])
def test_spreadsheets_are_read_with_their_typed_cells(
    tmp_path: Path, suffix: str, write_sheet: object
) -> None:
    path = write_sheet(tmp_path / f"events.{suffix}", ROWS)  # type: ignore[operator]
    report = read_file(path)
    landing, summit, ides = report.events
    assert landing.start == HistoricalDate(1969, 7, 20, 20, 17, precision=Precision.MINUTE)
    assert landing.description == "Apollo 11"
    assert (summit.start, summit.end) == (
        HistoricalDate.of_day(2023, 7, 11),
        HistoricalDate.of_day(2023, 7, 12),
    )
    assert ides.start == HistoricalDate.of_day(-43, 3, 15)
    (problem,) = report.problems
    assert problem.where == "sheet 'Events', row 5" and problem.field == "Date"
    assert "columns read: title=Subject, start=Date, end=End date, description=Notes" in report.notes


@pytest.mark.parametrize("suffix", ["xlsx", "ods"])
def test_a_file_that_is_no_spreadsheet_is_refused(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"broken.{suffix}"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(FormatError, match=r"that can be read|damaged"):
        read_file(path)


def test_an_empty_spreadsheet_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="holds no rows"):
        read_file(write_xlsx(tmp_path / "empty.xlsx", []))


def test_a_julian_date_is_kept_as_written_beside_its_gregorian_day(tmp_path: Path) -> None:
    path = write(tmp_path, "events.csv", "title,date\nBorn,5 March 1600 O.S.\nDied,1 May 1650\n")
    born, died = read_file(path).events
    assert born.start == HistoricalDate.of_day(1600, 3, 15)
    assert (born.display_date, born.display_when()) == ("5 March 1600 O.S.", "5 March 1600 O.S.")
    assert died.display_date == ""


def test_a_display_date_column_is_kept(tmp_path: Path) -> None:
    path = write(
        tmp_path, "events.csv", "title,start,display date\nReign,1558,from the accession of Elizabeth\n"
    )
    (event,) = read_file(path).events
    assert event.display_date == "from the accession of Elizabeth"
    moved = event.with_changes(start=HistoricalDate.of_year(1559))
    assert moved.display_date == "" and event.with_changes(title="Rule").display_date == event.display_date

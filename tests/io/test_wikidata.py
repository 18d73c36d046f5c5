"""Wikidata files the user saved: Query Service results and entity JSON, with their calendars."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.core.dates.dates import HistoricalDate, Precision
from timeline.io.formats import guess_format, read_file
from timeline.io.report import FormatError

XSD = "http://www.w3.org/2001/XMLSchema#dateTime"
JULIAN = "http://www.wikidata.org/entity/Q1985786"
GREGORIAN = "http://www.wikidata.org/entity/Q1985727"


def time_cell(value: str) -> dict[str, str]:
    return {"datatype": XSD, "type": "literal", "value": value}


def literal(value: str) -> dict[str, str]:
    return {"type": "literal", "value": value}


def write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "query.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_query_results_with_precision_and_calendar(tmp_path: Path) -> None:
    data = {
        "head": {"vars": ["item", "itemLabel", "date", "datePrecision", "dateCalendar", "end"]},
        "results": {
            "bindings": [
                {
                    "item": {"type": "uri", "value": "http://www.wikidata.org/entity/Q43653"},
                    "itemLabel": literal("Moon landing"),
                    "date": time_cell("1969-07-20T00:00:00Z"),
                    "datePrecision": literal("11"),
                    "dateCalendar": {"type": "uri", "value": GREGORIAN},
                },
                {  # the Query Service gives Julian dates converted to Gregorian already
                    "itemLabel": literal("Born"),
                    "date": time_cell("1498-07-01T00:00:00Z"),
                    "datePrecision": literal("11"),
                    "dateCalendar": {"type": "uri", "value": JULIAN},
                },
                {
                    "itemLabel": literal("Ides"),
                    "date": time_cell("-0043-03-15T00:00:00Z"),
                    "datePrecision": literal("11"),
                },
                {
                    "itemLabel": literal("Sixties"),
                    "date": time_cell("1960-01-01T00:00:00Z"),
                    "datePrecision": literal("8"),
                },
                {
                    "itemLabel": literal("Century"),
                    "date": time_cell("1900-01-01T00:00:00Z"),
                    "datePrecision": literal("7"),
                },
                {
                    "itemLabel": literal("War"),
                    "date": time_cell("1914-07-28T00:00:00Z"),
                    "datePrecision": literal("11"),
                    "end": time_cell("1918-11-11T00:00:00Z"),
                },
                {"itemLabel": literal("Broken"), "date": time_cell("yesterday")},
            ]
        },
    }
    path = write(tmp_path, data)
    assert guess_format(path) == "wikidata"
    report = read_file(path)
    moon, born, ides, sixties, century, war = report.events
    assert moon.start == HistoricalDate.of_day(1969, 7, 20)
    assert (moon.uid, moon.url) == ("Q43653", "http://www.wikidata.org/entity/Q43653")
    assert born.start == HistoricalDate.of_day(1498, 7, 1)
    assert born.display_date == "22 June 1498 (Julian)"
    assert ides.start == HistoricalDate.of_day(-43, 3, 15)  # XSD 1.1 numbering: -0043 is 44 BC
    assert sixties.start == HistoricalDate(1960, precision=Precision.DECADE)
    assert century.start.display() == "19th century"
    assert (war.start, war.end) == (HistoricalDate.of_day(1914, 7, 28), HistoricalDate.of_day(1918, 11, 11))
    (problem,) = report.problems
    assert problem.where == "result 7" and problem.field == "date"


def test_dates_without_precision_on_1_january_are_pointed_out(tmp_path: Path) -> None:
    data = {
        "head": {"vars": ["itemLabel", "inception"]},
        "results": {
            "bindings": [{"itemLabel": literal("Founded"), "inception": time_cell("1850-01-01T00:00:00Z")}]
        },
    }
    report = read_file(write(tmp_path, data))
    assert report.events[0].start == HistoricalDate.of_day(1850, 1, 1)
    assert any("1 January" in note and "datePrecision" in note for note in report.notes)


def claim(time: str, precision: int, calendar: str = GREGORIAN, rank: str = "normal") -> dict[str, object]:
    value = {"time": time, "precision": precision, "calendarmodel": calendar, "timezone": 0}
    return {"mainsnak": {"snaktype": "value", "datavalue": {"value": value, "type": "time"}}, "rank": rank}


def entity(identifier: str, label: str, **claims: list[dict[str, object]]) -> dict[str, object]:
    return {
        "id": identifier,
        "labels": {
            "de": {"language": "de", "value": label + " (de)"},
            "en": {"language": "en", "value": label},
        },
        "descriptions": {"en": {"language": "en", "value": f"about {label}"}},
        "claims": claims,
    }


def test_entity_json_with_julian_dates_bce_numbering_and_ranks(tmp_path: Path) -> None:
    data = {
        "entities": {
            "Q1": entity("Q1", "Julian day", P585=[claim("+1600-03-05T00:00:00Z", 11, JULIAN)]),
            "Q2": entity("Q2", "Ides", P585=[claim("-0044-03-15T00:00:00Z", 11, JULIAN)]),
            "Q3": entity(
                "Q3",
                "Reign",
                P580=[claim("+1558-11-17T00:00:00Z", 11, JULIAN)],
                P582=[claim("+1603-03-24T00:00:00Z", 11, JULIAN)],
            ),
            "Q4": entity(
                "Q4",
                "Ranked",
                P585=[
                    claim("+1900-00-00T00:00:00Z", 9, rank="deprecated"),
                    claim("+1901-00-00T00:00:00Z", 9),
                ],
            ),
            "Q5": entity("Q5", "Month", P585=[claim("+1917-11-00T00:00:00Z", 10, JULIAN)]),
            "Q6": entity("Q6", "Big Bang", P585=[claim("-13800000000-00-00T00:00:00Z", 3)]),
            "Q7": entity("Q7", "Undated"),
        }
    }
    path = tmp_path / "entities.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert guess_format(path) == "wikidata"
    report = read_file(path)
    julian, ides, reign, ranked, month, bang = report.events
    assert julian.start == HistoricalDate.of_day(1600, 3, 15)
    assert julian.display_date == "5 March 1600 (Julian)" and julian.display_when() == "5 March 1600 (Julian)"
    assert (julian.title, julian.description, julian.uid) == ("Julian day", "about Julian day", "Q1")
    assert ides.start == HistoricalDate.of_day(-43, 3, 13)  # 15 March 44 BC, Julian, is 13 March Gregorian
    assert ides.display_date == "15 March 44 BC (Julian)"
    assert (reign.start, reign.end) == (
        HistoricalDate.of_day(1558, 11, 27),
        HistoricalDate.of_day(1603, 4, 3),
    )
    assert reign.display_date == "17 November 1558 (Julian) – 24 March 1603 (Julian)"
    assert ranked.start == HistoricalDate.of_year(1901)
    assert month.start == HistoricalDate.of_month(1917, 11) and month.display_date == "November 1917 (Julian)"
    assert bang.start.approximate and bang.start.year == -13_799_999_999
    (problem,) = report.problems
    assert problem.where == "entity Q7" and "P585" in problem.message


def test_a_json_file_that_is_not_wikidata_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text('{"entities": "none"}', encoding="utf-8")
    with pytest.raises(FormatError, match="not Wikidata"):
        read_file(path, "wikidata")

"""Every format, read from hand-written samples and from real files, written and read back."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.core.dates.dates import OpenEnd
from timeline.core.dates.parsing import parse_date
from timeline.core.model import Era, Event, Source
from timeline.io.formats import guess_format, read_file, write_file
from timeline.io.report import FormatError

DATA = Path(__file__).resolve().parents[1] / "data" / "io"
FIXTURES = Path(__file__).resolve().parents[3] / "shared" / "fixtures"


def by_title(events: list[Event]) -> dict[str, Event]:
    return {event.title: event for event in events}


def test_csv_sample_with_semicolons_bce_and_qualifiers() -> None:
    report = read_file(DATA / "sample.csv")
    events = by_title(report.events)
    assert report.problems == []
    assert events["Ides of March"].start.edtf() == "-0043-03-15"
    assert events["Ides of March"].tags == ("assassination", "Caesar")
    assert events["Printing press"].start.edtf() == "1450~"
    assert events["Printing press"].colour == "#8e44ad"
    assert events["Vilnius summit"].end == parse_date("2023-07-12")


def test_timelinejs_json_sample_counts_years_without_zero() -> None:
    report = read_file(DATA / "sample_timelinejs.json")
    events = by_title(report.events)
    assert report.title == "Antiquity"
    assert events["Ides of March"].start.edtf() == "-0043-03-15"  # TimelineJS -44 is 44 BCE
    assert events["Ides of March"].category == "Rome"
    assert "[the article](https://en.wikipedia.org/wiki/Ides_of_March)" in events["Ides of March"].description
    assert "<b>" not in events["Ides of March"].description
    assert (events["Vesuvius erupts"].start.edtf(), events["Vesuvius erupts"].end.edtf()) == (
        "0079-08",
        "0079-10",
    )  # type: ignore[union-attr]
    assert events["Moon landing"].start.edtf() == "1969-07-20T20:17"
    assert [str(p) for p in report.problems] == [
        'event 4, start_date \'{"month": "1"}\': a date needs a year'
    ]
    assert report.eras[0].start.edtf() == "-0752"


def test_ical_sample_reads_exclusive_ends() -> None:
    report = read_file(DATA / "sample.ics")
    events = by_title(report.events)
    assert report.title == "Conferences"
    assert events["Vilnius summit"].end == parse_date("2023-07-12")
    assert (events["Vilnius summit"].category, events["Vilnius summit"].tags) == ("diplomacy", ("NATO",))
    assert events["Press conference"].start.edtf() == "2023-07-12T14:30Z"
    assert events["One day"].end is None


def test_thetimelineproj_sample_with_bce_containers_and_fuzzy() -> None:
    report = read_file(DATA / "sample.timeline")
    events = by_title(report.events)
    assert events["Ides of March"].start.edtf() == "-0043-03-15"  # stored astronomically there too
    war = events["Civil war"]
    assert war.start.approximate and war.end is not None
    assert events["Crossing the Rubicon"].tags == ("Civil war",)
    assert "(not a member)" in events
    assert [p.where for p in report.problems] == ["event 5"]
    assert report.categories[0].colour == "#c82828"
    assert report.eras[0].name == "Republic"


@pytest.mark.skipif(not FIXTURES.exists(), reason="the shared real-world files are not here")
@pytest.mark.parametrize(
    ("name", "count", "first_title"),
    [
        ("timelinejs/marktwain.json", 17, None),
        ("timelinejs/women_in_computing.csv", 10, "Ada Lovelace"),
        ("timelinejs/template.csv", 10, "Ada Lovelace"),
        ("thetimelineproj/versions.timeline", 59, "Timeline 0.20.0"),
        ("thetimelineproj/example.timeline", 1, "Test"),
    ],
)
def test_real_files_from_other_programs(name: str, count: int, first_title: str | None) -> None:
    report = read_file(FIXTURES / name)
    assert len(report.events) == count
    if first_title:
        assert report.events[0].title == first_title


SAMPLE = [
    Event(
        "Ides of March",
        parse_date("15 March 44 BC"),
        description="Caesar **killed**\n\nsecond paragraph",
        category="Rome",
        tags=("Caesar",),
        source=Source("Suetonius"),
    ),
    Event("=cmd|' /C calc'!A0", parse_date("c. 1450"), category="-risky"),
    Event(
        "Vilnius summit",
        parse_date("2023-07-11"),
        parse_date("2023-07-12"),
        category="diplomacy",
        url="https://www.nato.int",
    ),
    Event("Meeting", parse_date("2023-07-12T14:30")),
    Event("July", parse_date("July 2023")),
]


@pytest.mark.parametrize("format", ["csv", "json", "timelinejs", "timelinejs-csv", "ics"])
def test_round_trip(tmp_path: Path, format: str) -> None:
    path = tmp_path / f"out.{ {'timelinejs-csv': 'csv', 'timelinejs': 'json'}.get(format, format) }"
    report = write_file(path, format, SAMPLE, [], "Sample")
    events = [e for e in SAMPLE if format != "ics" or e.start.year > 0]
    assert report.written == len(events)
    back = read_file(path, format)
    assert back.problems == []
    read = by_title(back.events)
    for event in events:
        copy = read[event.title]
        assert (copy.start, copy.end) == (event.start, event.end), format
        assert copy.category == event.category
    if format == "ics":
        assert report.skipped and "Ides of March" in report.skipped[0]


def test_csv_guards_formulas_but_not_bce_dates(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    write_file(path, "csv", SAMPLE, [], "")
    text = path.read_text(encoding="utf-8")
    assert "'=cmd" in text and "'-risky" in text
    assert ",-0043-03-15," in text
    assert by_title(read_file(path).events)["=cmd|' /C calc'!A0"].category == "-risky"


def test_open_ends_and_eras_in_our_json(tmp_path: Path) -> None:
    path = tmp_path / "out.json"
    war = Event("War", parse_date("2022-02-24"), OpenEnd.OPEN)
    era = Era("Full-scale war", parse_date("2022-02-24"), OpenEnd.OPEN)
    write_file(path, "json", [war], [era], "t")
    report = read_file(path)
    assert report.events[0].end is OpenEnd.OPEN and report.eras[0] == era


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.csv", b"title,start\nA,2000,extra\n", "line 2 has 3 cells, the header has 2"),
        ("bad.csv", b"foo,bar\n1,2\n", "not a header with the columns title and start"),
        ("bad.csv", b"title,start\ncaf\xe9,2000\n", "not UTF-8 text"),
        ("bad.csv", b"\x00\x01\x02binary", "a binary file"),
        ("bad.csv", b"", "empty"),
        ("bad.json", b'{"events": 3}', 'no "events" list'),
        ("bad.json", b"[1, 2", "not JSON"),
        ("bad.timeline", b"<timeline><events><event></timeline>", "broken XML at line 1"),
        ("bad.timeline", b"<?xml version='1.0'?><!DOCTYPE t [<!ENTITY a 'x'>]><timeline/>", "refused XML"),
        ("bad.timeline", b"<other/>", "root element is <other>"),
        ("bad.ics", b"hello", "not an iCalendar file"),
    ],
)
def test_malformed_files_give_a_clear_error(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(FormatError, match=message):
        read_file(path)


def test_bad_rows_are_listed_with_row_field_and_value(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text(
        "title,start,end\nGood,2000,\n,2001,\nBad,2023-02-30,\nBackwards,2000,1990\n", encoding="utf-8"
    )
    report = read_file(path)
    assert [e.title for e in report.events] == ["Good"]
    assert [(p.where, p.field, p.value) for p in report.problems] == [
        ("line 3", "title", ""),
        ("line 4", "start", "2023-02-30"),
        ("line 5", "end", "1990"),
    ]
    assert "no day 30" in report.problems[1].message


def test_guess_format() -> None:
    assert guess_format(DATA / "sample.csv") == "csv"
    assert guess_format(DATA / "sample_timelinejs.json") == "timelinejs"
    assert guess_format(DATA / "sample.ics") == "ics"
    with pytest.raises(FormatError, match="cannot tell the format"):
        guess_format(Path("notes.xyz"))


def test_a_failed_export_leaves_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    path.write_text("old", encoding="utf-8")

    def broken() -> list[Event]:
        raise RuntimeError("disk trouble")

    with pytest.raises(RuntimeError):
        write_file(path, "csv", (e for e in broken()), [], "")
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]

"""iCalendar files as other programs write them: repeated properties, no SUMMARY, repeats, zones."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.core.dates.dates import HistoricalDate
from timeline.io.formats import read_file

PROPERTIES = {
    "UID": "a@example.org",
    "DTSTAMP": "20230101T000000Z",
    "DTSTART": "20230101T100000Z",
    "DTEND": "20230101T110000Z",
    "SUMMARY": "Meeting",
    "DESCRIPTION": "Notes",
    "URL": "https://example.org/",
    "CATEGORIES": "Work",
    "LOCATION": "Room 1",
    "RRULE": "FREQ=WEEKLY;COUNT=3",
    "X-TIMELINE-EDTF": "2023-01-01T10:00Z/2023-01-01T11:00Z",
}


def calendar(tmp_path: Path, *events: list[str]) -> Path:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN"]
    for event in events:
        lines += ["BEGIN:VEVENT", *event, "END:VEVENT"]
    lines.append("END:VCALENDAR")
    path = tmp_path / "calendar.ics"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode())
    return path


@pytest.mark.parametrize("name", sorted(PROPERTIES))
def test_each_property_given_twice_gives_a_message_not_a_crash(tmp_path: Path, name: str) -> None:
    ours = "X-TIMELINE-EDTF"  # when present it says when, and DTSTART/DTEND are not read
    lines = [f"{key}:{value}" for key, value in PROPERTIES.items() if key not in (name, ours)]
    other = {"DTSTART": "20230102T100000Z", "DTEND": "20230102T120000Z", "X-TIMELINE-EDTF": "2024"}
    lines += [f"{name}:{PROPERTIES[name]}", f"{name}:{other.get(name, PROPERTIES[name] + '2')}"]
    report = read_file(calendar(tmp_path, lines))
    assert len(report.rows) + len(report.problems) == 1
    if name in ("DTSTART", "DTEND", "X-TIMELINE-EDTF"):
        (problem,) = report.problems
        assert problem.where == "event 1" and problem.field == name
        assert "given 2 times" in problem.message
    else:
        assert report.events[0].title.startswith("Meeting")


def test_the_same_value_given_twice_is_one_value(tmp_path: Path) -> None:
    report = read_file(
        calendar(tmp_path, ["DTSTART;VALUE=DATE:20230105", "DTSTART;VALUE=DATE:20230105", "SUMMARY:x"])
    )
    assert report.events[0].start == HistoricalDate.of_day(2023, 1, 5)


def test_an_event_without_summary_is_imported(tmp_path: Path) -> None:
    path = calendar(
        tmp_path,
        ["DTSTART;VALUE=DATE:20230105"],
        ["DTSTART;VALUE=DATE:20230106", "DESCRIPTION:Dentist\\nbring the card"],
        ["DTSTART;VALUE=DATE:20230107", "LOCATION:Town hall"],
    )
    report = read_file(path)
    assert not report.problems
    assert [event.title for event in report.events] == ["Untitled event", "Dentist", "Town hall"]
    assert any("no SUMMARY" in note for note in report.notes)


def test_repeating_events_are_reported(tmp_path: Path) -> None:
    path = calendar(
        tmp_path,
        ["DTSTART;VALUE=DATE:20230105", "SUMMARY:Weekly", "RRULE:FREQ=WEEKLY;COUNT=3"],
        ["DTSTART:20230301T100000Z", "SUMMARY:Twice", "RDATE:20230401T100000Z"],
    )
    report = read_file(path)
    assert len(report.events) == 2
    assert any("'Weekly' repeats (RRULE FREQ=WEEKLY;COUNT=3)" in note for note in report.notes)
    assert any("'Twice' repeats (RDATE" in note for note in report.notes)


def test_a_zone_named_by_its_offset_keeps_the_offset(tmp_path: Path) -> None:
    path = calendar(
        tmp_path, ['DTSTART;TZID="UTC+01:00":20230101T100000', "DTEND:20230101T110000Z", "SUMMARY:x"]
    )
    (event,) = read_file(path).events
    assert event.start.utc_offset == 60
    assert (
        event.start.earliest
        == HistoricalDate(2023, 1, 1, 9, 0, precision=event.start.precision, utc_offset=0).earliest
    )


def test_a_floating_start_with_a_zoned_end_is_read(tmp_path: Path) -> None:
    path = calendar(tmp_path, ["DTSTART:20230101T100000", "DTEND:20230101T110000Z", "SUMMARY:x"])
    report = read_file(path)
    assert not report.problems and len(report.events) == 1


def test_a_link_that_is_not_a_web_address_is_not_kept(tmp_path: Path) -> None:
    path = calendar(tmp_path, ["DTSTART;VALUE=DATE:20230105", "SUMMARY:x", "URL:javascript:alert(1)"])
    assert read_file(path).events[0].url == ""


def test_timed_events_keep_their_offsets_uids_and_rules_through_our_own_files(tmp_path: Path) -> None:
    from timeline.core.dates.parsing import parse_date
    from timeline.core.model import Event
    from timeline.io.formats import write_file

    events = [
        Event(
            "Standup",
            parse_date("2023-07-11T09:30+02:00"),
            parse_date("2023-07-11T09:45+02:00"),
            uid="standup-1@example.org",
            recurrence="RRULE:FREQ=WEEKLY;COUNT=10;BYDAY=TU\nEXDATE:20230718T073000Z",
        ),
        Event("Call", parse_date("2023-07-11T14:30-05:30")),
        Event("Launch", parse_date("2023-07-11T14:30Z")),
        Event("Local", parse_date("2023-07-11T14:30")),
    ]
    path = tmp_path / "out.ics"
    write_file(path, "ics", events, [], "Work")
    text = path.read_bytes().decode()
    zones = {
        line.split("TZID=")[1].split(":2023")[0].strip('"') for line in text.splitlines() if "TZID=" in line
    }
    assert zones == {"UTC+02:00", "UTC-05:30"}
    for zone in zones:
        assert f"BEGIN:VTIMEZONE\r\nTZID:{zone}\r\n" in text
    back = {event.title: event for event in read_file(path).events}
    for event in events:
        copy = back[event.title]
        assert (copy.start, copy.end) == (event.start, event.end)
        assert copy.start.utc_offset == event.start.utc_offset
    assert back["Standup"].uid == "standup-1@example.org" and back["Call"].uid
    assert back["Standup"].recurrence == events[0].recurrence
    assert "RRULE:FREQ=WEEKLY;COUNT=10;BYDAY=TU" in text


def test_a_repeating_event_keeps_its_rule(tmp_path: Path) -> None:
    path = calendar(
        tmp_path, ["DTSTART;VALUE=DATE:20230105", "SUMMARY:Weekly", "RRULE:FREQ=WEEKLY;COUNT=3", "UID:w@x"]
    )
    (event,) = read_file(path).events
    assert (event.recurrence, event.uid) == ("RRULE:FREQ=WEEKLY;COUNT=3", "w@x")

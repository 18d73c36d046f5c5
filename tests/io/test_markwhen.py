"""markwhen text: date ranges, groups and sections, tags, descriptions; and written back."""

from __future__ import annotations

from pathlib import Path

from timeline.core.dates.dates import HistoricalDate, OpenEnd, Precision
from timeline.core.dates.parsing import parse_date
from timeline.core.model import Event
from timeline.io.formats import guess_format, read_file, write_file

DATA = Path(__file__).resolve().parents[1] / "data" / "io"


def test_a_markwhen_file_with_groups_sections_tags_and_ranges() -> None:
    path = DATA / "sample.mw"
    assert guess_format(path) == "markwhen"
    report = read_file(path)
    assert report.title == "Project"
    work, storm, finale, friends, office, pandemic = report.events
    assert work.start == HistoricalDate(2021, 1, 2, 6, 27, precision=Precision.MINUTE, utc_offset=0)
    assert work.end == HistoricalDate.of_year(2022)
    assert (work.tags, work.description) == (("work",), "More about it\n[a link](https://example.org)")
    assert (storm.category, storm.tags, storm.start) == ("The 90s", ("war",), HistoricalDate.of_year(1991))
    assert finale.start == HistoricalDate.of_day(1998, 5, 14)  # dateFormat: d/M/y
    assert (friends.title, friends.end) == ("Friends premiered", HistoricalDate.of_year(1995))
    assert (office.category, office.start) == ("Inner", HistoricalDate.of_month(2005, 3))
    assert (pandemic.category, pandemic.end) == ("Later", OpenEnd.OPEN)
    relative, not_a_date = report.problems
    assert (relative.where, relative.message) == ("line 24", "relative dates are not read")
    assert (not_a_date.where, not_a_date.value) == ("line 25", "12/25/2022")


def test_american_dates_by_default(tmp_path: Path) -> None:
    path = tmp_path / "t.mw"
    path.write_text(
        "12/25/2022: Christmas\n01/2002: A month\n11/11/2024-12/12/2024: Range\n", encoding="utf-8"
    )
    christmas, month, span = read_file(path).events
    assert christmas.start == HistoricalDate.of_day(2022, 12, 25)
    assert month.start == HistoricalDate.of_month(2002, 1)
    assert (span.start, span.end) == (
        HistoricalDate.of_day(2024, 11, 11),
        HistoricalDate.of_day(2024, 12, 12),
    )


def test_our_events_go_out_and_come_back(tmp_path: Path) -> None:
    events = [
        Event(
            "Summit",
            parse_date("2023-07-11"),
            parse_date("2023-07-12"),
            category="Diplomacy",
            tags=("NATO", "Vilnius"),
            description="First line\n2001: not an event\ngroup not a group\n\nLast",
        ),
        Event("Landing", parse_date("1969-07-20T20:17Z")),
        Event("A month", parse_date("July 2023"), category="Diplomacy"),
        Event("War", parse_date("2022-02-24"), OpenEnd.OPEN),
        Event("Sixties", parse_date("1960s")),
        Event("Ides", parse_date("15 March 44 BC")),
    ]
    path = tmp_path / "out.mw"
    report = write_file(path, "markwhen", events, [], "Sample")
    assert report.written == 5
    assert any("Ides" in line and "1–9999" in line for line in report.skipped)
    assert any("Sixties" in line and "span it covers" in line for line in report.skipped)
    back = {event.title: event for event in read_file(path).events}
    for event in events[:4]:
        copy = back[event.title]
        assert (copy.start, copy.end, copy.category, copy.tags) == (
            event.start,
            event.end,
            event.category,
            event.tags,
        )
    assert back["Summit"].description == events[0].description
    sixties = back["Sixties"]
    assert (sixties.start, sixties.end) == (
        HistoricalDate.of_day(1960, 1, 1),
        HistoricalDate.of_day(1969, 12, 31),
    )

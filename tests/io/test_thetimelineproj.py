"""Files of the wxPython Timeline program as its versions wrote them."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.core.dates.dates import HistoricalDate
from timeline.io.formats import read_file
from timeline.io.report import FormatError


def timeline_file(tmp_path: Path, events: str, time_type: str = "gregoriantime") -> Path:
    path = tmp_path / "file.timeline"
    path.write_text(
        f"""<?xml version="1.0" encoding="utf-8"?>
<timeline><version>2.3.0</version><timetype>{time_type}</timetype>
<categories><category><name>Work</name><color>255,0,0</color></category></categories>
<events>{events}</events></timeline>""",
        encoding="utf-8",
    )
    return path


def event(start: str, end: str, extra: str = "") -> str:
    return f"<event><start>{start}</start><end>{end}</end><text>E</text>{extra}</event>"


def test_fuzzy_start_and_fuzzy_end_of_2x_files(tmp_path: Path) -> None:
    path = timeline_file(
        tmp_path,
        event(
            "2001-01-01 00:00:00",
            "2002-01-01 00:00:00",
            "<fuzzy_start>True</fuzzy_start><fuzzy_end>False</fuzzy_end>",
        )
        + event(
            "2001-01-01 00:00:00",
            "2002-01-01 00:00:00",
            "<fuzzy_start>False</fuzzy_start><fuzzy_end>True</fuzzy_end>",
        ),
    )
    first, second = read_file(path).events
    assert first.start.approximate and not first.end.approximate  # type: ignore[union-attr]
    assert not second.start.approximate and second.end.approximate  # type: ignore[union-attr]


def test_default_colour_is_kept_only_for_events_without_a_category(tmp_path: Path) -> None:
    path = timeline_file(
        tmp_path,
        event(
            "2001-01-01 00:00:00",
            "2001-01-01 00:00:00",
            "<category>Work</category><default_color>200,200,200</default_color>",
        )
        + event(
            "2001-01-01 00:00:00",
            "2001-01-01 00:00:00",
            "<category>Work</category><default_color>10,20,30</default_color>",
        )
        + event("2001-01-01 00:00:00", "2001-01-01 00:00:00", "<default_color>10,20,30</default_color>")
        + event("2001-01-01 00:00:00", "2001-01-01 00:00:00", "<default_color>200,200,200</default_color>"),
    )
    assert [e.colour for e in read_file(path).events] == ["", "", "#0a141e", ""]


def test_text_files_from_before_version_1_are_called_too_old(tmp_path: Path) -> None:
    path = tmp_path / "old.timeline"
    path.write_text(
        "# Written by Timeline 0.1.0 on 2008-05-18\nEVENT:2008-05-18 00:00:00;2008-05-18 00:00:00;E\n"
    )
    with pytest.raises(FormatError, match="too old"):
        read_file(path)


def test_numeric_time_files_are_read_as_years(tmp_path: Path) -> None:
    path = timeline_file(tmp_path, event("10", "25") + event("-5", "-5"), time_type="numtime")
    report = read_file(path)
    span, point = report.events
    assert (span.start, span.end) == (HistoricalDate.of_year(10), HistoricalDate.of_year(25))
    assert (point.start, point.end) == (HistoricalDate.of_year(-5), None)
    assert any("numeric time" in note for note in report.notes)

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.core.dates.dates import OpenEnd
from timeline.io.native_json import FormatError, content_to_json, read_timeline_json
from timeline.workspace import SAMPLE_FILE_NAME, resource_path


def test_the_bundled_sample_has_what_a_new_user_should_see() -> None:
    content = read_timeline_json(resource_path(SAMPLE_FILE_NAME))
    assert content.title == "Ukraine and NATO, 2008–2023"
    assert {c.name for c in content.categories} == {"diplomacy", "war", "infrastructure"}
    events = {e.title: e for e in content.events}
    assert events["Bucharest summit declaration"].start.edtf() == "2008-04-03"
    assert events["Full-scale invasion of Ukraine"].start.edtf() == "2022-02-24"
    grid = events["Strikes on Ukraine's power grid"]
    assert grid.start.approximate and grid.end is not None
    assert events["NATO foreign ministers meet in Bucharest"].display_when() == "29–30 November 2022"
    assert events["Vilnius summit"].display_when() == "11–12 July 2023"
    assert any("Crimea" in title for title in events)
    assert all(e.description and e.source for e in content.events)
    assert content.eras[0].end is OpenEnd.OPEN and content.eras[0].start.edtf() == "2022-02-24"


def test_round_trip(tmp_path: Path) -> None:
    content = read_timeline_json(resource_path(SAMPLE_FILE_NAME))
    path = tmp_path / "copy.json"
    path.write_text(json.dumps(content_to_json(content)), encoding="utf-8")
    assert read_timeline_json(path) == content


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not JSON"),
        ("[]", "not a Timeline JSON file"),
        ('{"format": "timeline", "version": 99}', "version 99"),
        (
            '{"format": "timeline", "version": 1, "events": [{"title": "x", "start": "2023-02-30"}]}',
            r"events\[0\]\.start: '2023-02-30' is not an EDTF date",
        ),
        (
            '{"format": "timeline", "version": 1, "events": [{"title": "", "start": "2000"}]}',
            r"events\[0\]\.title",
        ),
        (
            '{"format": "timeline", "version": 1,'
            ' "events": [{"title": "x", "start": "2000", "end": "1990"}]}',
            "before the start",
        ),
    ],
)
def test_malformed_files_name_the_place(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FormatError, match=message):
        read_timeline_json(path)


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(FormatError, match="a binary file"):
        read_timeline_json(path)
    path.write_bytes(b'{"title": "caf\xe9"}')
    with pytest.raises(FormatError, match=r"not UTF-8 text \(byte 14, line 1\)"):
        read_timeline_json(path)

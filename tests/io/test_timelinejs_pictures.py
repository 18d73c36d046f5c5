"""TimelineJS media: a picture in or beside the file becomes the event's picture; exports carry
pictures as data URLs; a web address stays the event's link and nothing is fetched."""

from __future__ import annotations

import base64
import io
import json
from pathlib import Path

from tests.pictures import picture_file
from timeline.core.dates.dates import HistoricalDate
from timeline.core.model import ContentRelations, Event
from timeline.io.pictures import read_picture_file
from timeline.io.timelinejs import read_timelinejs_json, write_timelinejs_json


def slide(url: str, headline: str) -> dict[str, object]:
    return {
        "start_date": {"year": "2001"},
        "text": {"headline": headline},
        "media": {"url": url, "caption": "A caption", "credit": "A credit"},
    }


def test_data_and_local_media_become_pictures_and_web_media_a_link(tmp_path: Path) -> None:
    png = picture_file(tmp_path, "beside.png")
    jpeg = picture_file(tmp_path, "inline.jpg")
    data_url = "data:image/jpeg;base64," + base64.b64encode(jpeg.read_bytes()).decode()
    path = tmp_path / "t.json"
    path.write_text(json.dumps({"events": [
        slide(data_url, "Inline"), slide("beside.png", "Beside"), slide("https://example.org/a.jpg", "Web"),
        slide("missing.png", "Missing"), slide("data:image/png;base64,AAAA", "Broken"),
    ]}))  # fmt: skip
    report = read_timelinejs_json(path)
    events = report.events
    assert [e.title for e in events] == ["Inline", "Beside", "Web", "Missing", "Broken"]
    pictures = report.relations.pictures
    assert [(position, p.caption, p.credit, p.mime) for position, p in pictures] == [
        (0, "A caption", "A credit", "image/jpeg"),
        (1, "A caption", "A credit", "image/png"),
    ]
    assert {image.data for image in report.relations.images} == {jpeg.read_bytes(), png.read_bytes()}
    assert events[0].media.url == "" and events[2].url == "https://example.org/a.jpg"
    assert events[3].media.url == "missing.png"  # kept as given, for the page that has it
    assert any("Broken" not in note and "the picture was left out" in note for note in report.notes)
    assert not report.problems


def test_an_export_writes_the_first_picture_as_a_data_url(tmp_path: Path) -> None:
    image = read_picture_file(picture_file(tmp_path, "a.png"))
    relations = ContentRelations(
        pictures=((0, image.picture("Shown", "Made by the tests")),), images=(image,)
    )
    out = io.StringIO()
    write_timelinejs_json([Event("One", HistoricalDate.of_year(2001))], [], "T", out, relations=relations)
    media = json.loads(out.getvalue())["events"][0]["media"]
    assert media["url"] == "data:image/png;base64," + base64.b64encode(image.data).decode()
    assert "Shown" in media["caption"] and "Made by the tests" in media["credit"]

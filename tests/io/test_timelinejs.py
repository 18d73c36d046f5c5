"""TimelineJS as its users' files are: HTML links, title slides, media, and older layouts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.core.dates.dates import HistoricalDate
from timeline.core.dates.parsing import parse_date
from timeline.core.model import Event
from timeline.io.formats import read_file, write_file
from timeline.io.report import FormatError
from timeline.store.database import open_database
from timeline.store.repository import TimelineRepository

TITLE_SLIDE = {
    "text": {"headline": "Twain", "text": "<p>An <a href='https://example.org/twain'>author</a>.</p>"},
    "media": {
        "url": "https://example.org/twain.jpg",
        "caption": "Twain in 1871",
        "credit": "Brady-Handy",
        "thumbnail": "https://example.org/t.jpg",
    },
    "background": {"color": "#123456", "url": "https://example.org/paper.jpg"},
}


def write_json(tmp_path: Path, data: object, name: str = "in.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_export_writes_real_links_not_markdown(tmp_path: Path) -> None:
    event = Event(
        "Summit",
        parse_date("2023-07-11"),
        description="See [the communiqué](https://nato.int/c?a=1&b=2), **now**.",
    )
    path = tmp_path / "out.json"
    write_file(path, "timelinejs", [event], [], "T")
    text = json.loads(path.read_text())["events"][0]["text"]["text"]
    assert (
        text
        == '<p>See <a href="https://nato.int/c?a=1&amp;b=2">the communiqué</a>, <strong>now</strong>.</p>'
    )
    assert "](" not in text
    (back,) = read_file(path, "timelinejs").events
    assert back.description == event.description


def test_a_link_that_is_not_a_web_address_keeps_only_its_words(tmp_path: Path) -> None:
    event = Event("x", parse_date("2023"), description="[run](javascript:alert(1)) <b>raw</b>")
    path = tmp_path / "out.json"
    write_file(path, "timelinejs", [event], [], "T")
    text = json.loads(path.read_text())["events"][0]["text"]["text"]
    assert text == "<p>run &lt;b&gt;raw&lt;/b&gt;</p>"


def test_the_title_slide_survives_a_timelinejs_round_trip(tmp_path: Path, db_path: Path) -> None:
    source = write_json(
        tmp_path,
        {"title": TITLE_SLIDE, "events": [{"start_date": {"year": 1835}, "text": {"headline": "Born"}}]},
    )
    report = read_file(source)
    assert report.title == "Twain"
    assert report.settings["title_slide.text"] == "An [author](https://example.org/twain)."
    with open_database(db_path) as database:
        repository = TimelineRepository(database)
        repository.import_content(
            report.rows, report.categories, report.eras, report.title, settings=report.settings
        )
        out = tmp_path / "out.json"
        write_file(
            out,
            "timelinejs",
            repository.events(),
            [],
            repository.title,
            settings=repository.settings_with_prefix(""),
        )
    title = json.loads(out.read_text())["title"]
    assert title["text"] == {
        "headline": "Twain",
        "text": '<p>An <a href="https://example.org/twain">author</a>.</p>',
    }
    assert title["media"] == {
        "url": "https://example.org/twain.jpg",
        "caption": "Twain in 1871",
        "credit": "Brady-Handy",
        "thumbnail": "https://example.org/t.jpg",
    }
    assert title["background"] == {"color": "#123456", "url": "https://example.org/paper.jpg"}


@pytest.mark.parametrize(
    "url",
    [
        "<blockquote class='twitter-tweet'><a href='https://twitter.com/x/1'>t</a></blockquote>",
        "images/twain.jpg",
        "//upload.wikimedia.org/twain.jpg",
        "javascript:alert(1)",
    ],
)
def test_media_that_is_not_a_web_address_is_not_stored_as_the_link(tmp_path: Path, url: str) -> None:
    path = write_json(
        tmp_path,
        {"events": [{"start_date": {"year": 1900}, "text": {"headline": "x"}, "media": {"url": url}}]},
    )
    (event,) = read_file(path).events
    assert event.url == ""


def test_timelinejs_2_files_are_read(tmp_path: Path) -> None:
    data = {
        "timeline": {
            "headline": "Sh*t People Say",
            "type": "default",
            "text": "People say stuff",
            "startDate": "2012,1,26",
            "date": [
                {
                    "startDate": "2011,12,12",
                    "endDate": "2012,1,27",
                    "headline": "Vine",
                    "text": "<p>Vine Test</p>",
                    "tag": "Video",
                    "asset": {
                        "media": "https://vine.co/v/b55LOA1dgJU",
                        "credit": "Vine",
                        "caption": "A vine",
                    },
                },
                {"startDate": "1900", "headline": "A year"},
                {"startDate": "-44,3,15", "headline": "Ides"},
                {"startDate": "not,a,date", "headline": "Broken"},
            ],
            "era": [{"startDate": "2011,12,10", "endDate": "2011,12,11", "headline": "Era"}],
        }
    }
    report = read_file(write_json(tmp_path, data))
    assert report.title == "Sh*t People Say"
    assert report.settings["title_slide.text"] == "People say stuff"
    vine, year, ides = report.events
    assert (vine.start, vine.end) == (HistoricalDate.of_day(2011, 12, 12), HistoricalDate.of_day(2012, 1, 27))
    assert (vine.category, vine.url, vine.source.display()) == (
        "Video",
        "https://vine.co/v/b55LOA1dgJU",
        "Vine",
    )
    assert year.start == HistoricalDate.of_year(1900)
    assert ides.start == HistoricalDate.of_day(-43, 3, 15)
    assert [problem.where for problem in report.problems] == ["date 4"]
    assert [era.name for era in report.eras] == ["Era"]


def test_slides_files_are_read_with_their_title_slide(tmp_path: Path) -> None:
    data = {
        "timeline": {"slides": [TITLE_SLIDE, {"start_date": {"year": 1835}, "text": {"headline": "Born"}}]}
    }
    report = read_file(write_json(tmp_path, data))
    assert report.title == "Twain"
    assert [event.title for event in report.events] == ["Born"]


def test_a_json_file_of_another_kind_is_still_refused(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="not a TimelineJS file"):
        read_file(write_json(tmp_path, {"timeline": {"name": "x"}}))

"""TimelineJS as its users' files are: HTML links, title slides, media, and older layouts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from timeline.core.dates.dates import HistoricalDate
from timeline.core.dates.parsing import parse_date
from timeline.core.model import Event
from timeline.io.formats import read_file, write_file
from timeline.io.html_text import html_to_text
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


FIXTURES = Path(__file__).resolve().parents[3] / "shared" / "fixtures"


def through_the_store(tmp_path: Path, db_path: Path, source: Path, format: str = "timelinejs") -> Path:
    report = read_file(source)
    assert report.problems == []
    with open_database(db_path) as database:
        repository = TimelineRepository(database)
        repository.import_content(
            report.rows, report.categories, report.eras, report.title, settings=report.settings
        )
        out = tmp_path / ("again.json" if format == "timelinejs" else "again.csv")
        write_file(
            out, format, repository.events(), repository.eras(), repository.title,
            settings=repository.settings_with_prefix(""),
        )  # fmt: skip
    return out


def test_media_captions_credits_thumbnails_and_embeds_survive_a_round_trip(
    tmp_path: Path, db_path: Path
) -> None:
    embed = "<blockquote class='twitter-tweet'><a href='https://twitter.com/x/1'>t</a></blockquote>"
    slides = [
        {
            "start_date": {"year": 1908, "month": 5, "day": 13},
            "text": {"headline": "Caricature"},
            "media": {
                "url": "https://example.org/spy.jpg",
                "caption": "Twain by <i>Spy</i>",
                "credit": "Vanity Fair",
                "thumbnail": "https://example.org/spy-small.jpg",
            },
        },
        {
            "start_date": {"year": 2011},
            "text": {"headline": "Tweet"},
            "media": {"url": embed, "caption": "A tweet"},
        },
    ]
    out = through_the_store(tmp_path, db_path, write_json(tmp_path, {"events": slides}))
    caricature, tweet = json.loads(out.read_text())["events"]
    assert caricature["media"] == {
        "url": "https://example.org/spy.jpg",
        "caption": "Twain by <em>Spy</em>",
        "credit": "Vanity Fair",
        "thumbnail": "https://example.org/spy-small.jpg",
    }
    assert tweet["media"] == {"url": embed, "caption": "A tweet"}
    (back,) = [event for event in read_file(out).events if event.title == "Tweet"]
    assert back.url == "" and back.media.url == embed


@pytest.mark.skipif(not FIXTURES.exists(), reason="the shared real-world files are not here")
def test_the_mark_twain_timeline_keeps_its_captions_links_and_title_slide(
    tmp_path: Path, db_path: Path
) -> None:
    source = FIXTURES / "timelinejs" / "marktwain.json"
    original = json.loads(source.read_text(encoding="utf-8"))
    out = json.loads(through_the_store(tmp_path, db_path, source).read_text())

    def kept(events: list[dict[str, Any]], key: str) -> list[str]:
        return sorted(html_to_text(str(event.get("media", {}).get(key) or "")) for event in events)

    for key in ("caption", "url", "credit", "thumbnail"):
        assert kept(out["events"], key) == kept(original["events"], key), key
    assert out["title"]["media"]["url"] == original["title"]["media"]["url"]
    assert "Mark Twain" in out["title"]["text"]["text"]


@pytest.mark.skipif(not FIXTURES.exists(), reason="the shared real-world files are not here")
def test_the_women_in_computing_sheet_keeps_its_media_columns(tmp_path: Path, db_path: Path) -> None:
    import csv

    source = FIXTURES / "timelinejs" / "women_in_computing.csv"
    out = through_the_store(tmp_path, db_path, source, "timelinejs-csv")

    def media(path: Path) -> list[tuple[str, str, str]]:
        with path.open(encoding="utf-8-sig", newline="") as file:
            rows = [r for r in csv.DictReader(file) if r.get("Type", "").lower() not in ("title", "era")]
        return sorted(
            (r["Media"], html_to_text(r["Media Caption"]), html_to_text(r["Media Credit"])) for r in rows
        )

    assert media(out) == media(source)

"""The published page as a file: its data, its escaping, its policy and the command that writes it."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

import pytest

from timeline.cli import main
from timeline.core.dates.dates import OpenEnd
from timeline.core.dates.parsing import parse_date
from timeline.core.model import Category, Era, Event
from timeline.web.data import PageContent, PageImage, page_data
from timeline.web.markdown import description_html
from timeline.web.page import render_page, script_json

HOSTILE = "</script><script>alert(1)</script>"


def event(title: str, start: str, end: str | None = None, **fields: object) -> Event:
    end_date = None if end is None else OpenEnd.OPEN if end == ".." else parse_date(end)
    return Event(title, parse_date(start), end_date, **fields)  # type: ignore[arg-type]


def embedded(page: str) -> dict[str, object]:
    match = re.search(r'<script type="application/json" id="timeline-data">(.*?)</script>', page, re.S)
    assert match is not None
    value: dict[str, object] = json.loads(match[1])
    return value


def test_a_hostile_title_stays_text_inside_the_data() -> None:
    page = render_page(PageContent(HOSTILE, [event(HOSTILE, "2001", id=1, description=HOSTILE)]))
    assert page.count("<script") == 2 and page.count("</script>") == 2  # the data block and the viewer
    assert "<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>" in page
    data = embedded(page)
    assert data["title"] == HOSTILE
    assert data["events"]["title"] == [HOSTILE]  # type: ignore[index]


def test_script_json_escapes_what_could_end_or_break_a_script() -> None:
    text = script_json({"a": "</script>&<!--\u2028\u2029"})
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == {"a": "</script>&<!--\u2028\u2029"}


def test_the_policy_allows_no_address_and_only_the_pages_own_script_and_style() -> None:
    page = render_page(PageContent("T", [event("A", "2001", id=1)]))
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy is not None
    rules = dict(rule.strip().split(" ", 1) for rule in policy[1].replace("&#x27;", "'").split(";"))
    assert rules["default-src"] == "'none'" and rules["img-src"] == "data:"
    inline_script = page.rsplit("<script>", 1)[1].split("</script>")[0]
    style = page.split("<style>", 1)[1].split("</style>")[0]
    for text, rule in ((inline_script, "script-src"), (style, "style-src")):
        digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        assert rules[rule] == f"'sha256-{digest}'"
    assert not re.search(r"(src|href)=\"(https?:)?//", page)
    assert "@import" not in page and "url(" not in page.split("<script")[0]


def test_dates_and_labels_are_written_by_the_apps_own_words() -> None:
    events = [
        event("Ides of March", "15 March 44 BC", id=1),
        event("Printing press", "c. 1450", id=2),
        event("Summit", "July 2023", id=3),
        event("War", "24 February 2022", "..", id=4),
    ]
    data = page_data(PageContent("T", events), now=1.7e9)
    columns = data["events"]
    assert columns["when"] == ["15 March 44 BC", "c. 1450", "since 24 February 2022", "July 2023"]
    assert columns["label"][1] == "c. Printing press"
    assert columns["fuzzyStart"][1] == 1 and columns["fuzzyStart"][0] == 0
    assert columns["latest"][2] == data["openEnd"]


def test_categories_get_the_apps_colours_and_events_point_at_them() -> None:
    categories = [Category("war", "#ff0000", id=1), Category("diplomacy", "", id=2)]
    events = [event("A", "2001", id=1, category="diplomacy"), event("B", "2002", id=2)]
    data = page_data(
        PageContent("T", events, categories, [Era("Era", parse_date("2000"), parse_date("2003"))])
    )
    assert data["categories"] == [
        {"name": "war", "colour": "#ff0000"},
        {"name": "diplomacy", "colour": "#c0392b"},
    ]
    assert data["events"]["category"] == [1, -1]
    assert data["eras"][0]["name"] == "Era" and data["eras"][0]["when"] == "2000 – 2003"


def test_pictures_are_embedded_once_as_data_addresses() -> None:
    png = base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    )
    image = PageImage("abc", "image/png", png, 1, 1, "A caption", "A credit")
    events = [event("A", "2001", id=1), event("B", "2002", id=2)]
    data = page_data(PageContent("T", events, pictures={1: [image], 2: [image]}))
    assert len(data["images"]) == 1
    assert data["images"][0]["src"].startswith("data:image/png;base64,iVBOR")
    assert data["pictures"] == {"0": [[0, "A caption", "A credit"]], "1": [[0, "A caption", "A credit"]]}


@pytest.mark.parametrize(
    ("markdown", "present", "absent"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;", "<script"),
        ("[x](javascript:alert(1))", "", 'href="javascript'),
        ('<a href="javascript:alert(1)">x</a>', "", "<a href"),
        ("[web](https://example.org/a?b=1&c=2)", 'href="https://example.org/a?b=1&amp;c=2"', ""),
        ("[mail](mailto:someone@example.org)", 'href="mailto:someone@example.org"', ""),
        ("[ftp](ftp://example.org)", "", "ftp://"),
        ("[here](notes.html)", "", "notes.html"),
        ("![a map](https://example.org/map.png)", "a map", "<img"),
        ("<img src=x onerror=alert(1)>", "&lt;img", "<img"),
        ("**bold** and `code`", "<strong>bold</strong>", ""),
        ("# Heading", "<h3>Heading</h3>", "<h1>"),
    ],
)
def test_descriptions_are_rendered_and_sanitised(markdown: str, present: str, absent: str) -> None:
    html = description_html(markdown)
    assert present in html
    if absent:
        assert absent not in html


def test_links_open_apart_from_the_page_and_tell_nothing() -> None:
    html = description_html("[web](https://example.org)")
    assert 'rel="noopener noreferrer nofollow"' in html and 'target="_blank"' in html


def test_export_html_writes_the_sample_with_its_period(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    whole, part = tmp_path / "all.html", tmp_path / "part.html"
    assert main(["export", "-o", str(whole)]) == 0
    assert "wrote a web page of 8 events" in capsys.readouterr().out
    assert main(["export", "--format", "html", "-o", str(part), "--from", "2022", "--to", "2023"]) == 0
    titles = embedded(part.read_text(encoding="utf-8"))["events"]["title"]  # type: ignore[index]
    assert 0 < len(titles) < 8
    assert "Full-scale invasion of Ukraine" in titles and "Bucharest summit declaration" not in titles


def test_export_story_without_a_story_says_so_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "slides.html"
    assert main(["export", "--story", "-o", str(out)]) == 1
    assert "no story" in capsys.readouterr().err
    assert not out.exists()
    assert main(["export", "--story", "-o", str(tmp_path / "x.csv")]) == 1
    assert "--story makes a web page" in capsys.readouterr().err


def test_a_period_keeps_only_the_eras_it_overlaps(tmp_path: Path) -> None:
    page = tmp_path / "part.html"
    assert main(["export", "-o", str(page), "--from", "2009", "--to", "2013"]) == 0
    data = embedded(page.read_text(encoding="utf-8"))
    assert data["eras"] == [] and data["events"]["title"] == []  # type: ignore[index]


def test_export_into_a_missing_folder_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "-o", str(tmp_path / "nowhere" / "page.html")]) == 1
    assert "does not exist" in capsys.readouterr().err

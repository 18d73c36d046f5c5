"""The exported sample page in a real headless Chromium: scripted steps, then what the page shows.

One browser serves the whole module; each test opens the page in a fresh tab. Every test ends
by checking that the page asked for no address but its own file.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web.chromium import Chromium, Page, chromium_path
from timeline.cli import main
from timeline.core.dates.parsing import parse_date
from timeline.core.model import Event
from timeline.io.pictures import prepare_picture
from timeline.store.database import open_database
from timeline.store.repository import TimelineRepository
from timeline.workspace import create_from_sample

HOSTILE = "</script><script>alert(1)</script>"
STORY = ["Bucharest summit declaration", "Annexation of Crimea", "Vilnius summit"]

if chromium_path() is None and not os.environ.get("CI"):
    pytest.skip("chromium is not installed (.ci/run installs it)", allow_module_level=True)


@pytest.fixture(scope="module")
def browser() -> Iterator[Chromium]:
    path = chromium_path()
    assert path is not None, "chromium is not installed: .ci/run installs it"
    chromium = Chromium(path)
    yield chromium
    chromium.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sample, with a story of three events and one event whose title is markup, as pages."""
    folder = tmp_path_factory.mktemp("pages")
    database = folder / "sample.timeline.db"
    create_from_sample(database)
    with open_database(database) as opened:
        repository = TimelineRepository(opened)
        repository.add_event(
            Event(
                HOSTILE, parse_date("2019"), description=f"{HOSTILE} [a link](https://example.org) <b>x</b>"
            )
        )
        titles = {event.title: event.id for event in repository.events()}
        repository.set_setting("story", json.dumps([titles[title] for title in STORY]))
        image = prepare_picture(red_png())
        repository.set_pictures(titles[STORY[0]], [image.picture("The summit hall", "Photo: NATO")], [image])
    result = {"timeline": folder / "sample.html", "story": folder / "story.html"}
    assert main(["export", "--db", str(database), "-o", str(result["timeline"])]) == 0
    assert (
        main(["export", "--db", str(database), "--story", "--format", "html", "-o", str(result["story"])])
        == 0
    )
    return result


@pytest.fixture
def page(browser: Chromium, pages: dict[str, Path]) -> Iterator[Page]:
    with browser.page(1280, 800) as opened:
        opened.open(pages["timeline"])
        opened.settle()
        yield opened
        assert_only_its_own_file(opened, pages["timeline"])


def assert_only_its_own_file(page: Page, path: Path) -> None:
    assert page.console_errors() == []
    requests = page.requests()
    assert requests and all(url == path.resolve().as_uri() or url.startswith("data:") for url in requests), (
        requests
    )
    dialogs = [e for e in page.browser.events if e["method"] == "Page.javascriptDialogOpening"]
    assert dialogs == []


def snapshot(page: Page) -> dict[str, object]:
    value: dict[str, object] = page.evaluate("timelineViewer.snapshot()")
    return value


def red_png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (120, 80), (220, 20, 20)).save(buffer, "PNG")
    return buffer.getvalue()


def click_event(page: Page, title: str) -> None:
    view = snapshot(page)
    box = next(b for b in view["boxes"] if b["title"] == title)  # type: ignore[attr-defined]
    origin = view["canvas"]
    page.click(origin["left"] + box["x"], origin["top"] + box["y"])  # type: ignore[index]
    page.settle()


def text_of(page: Page, selector: str) -> str:
    value: str = page.evaluate(f"document.querySelector({json.dumps(selector)}).innerText")
    return value


def test_the_page_opens_showing_every_event_on_the_apps_axis(page: Page) -> None:
    view = snapshot(page)
    assert view["detailed"] is True and view["inView"] == 9
    titles = {box["title"] for box in view["boxes"]}  # type: ignore[attr-defined]
    assert "Annexation of Crimea" in titles and HOSTILE in titles
    assert view["unit"] == "1 year" and "2014" in view["minor"]  # type: ignore[operator]
    assert view["major"][:2] == ["2000s", "2010s"]  # type: ignore[index]
    assert page.evaluate("document.scripts.length") == 2
    assert page.evaluate("document.querySelectorAll('canvas').length") == 1
    assert text_of(page, "#legend").split() == ["diplomacy", "4", "infrastructure", "1", "war", "3"]


def test_wheel_keys_and_drag_zoom_and_pan(page: Page) -> None:
    before = snapshot(page)["period"]
    page.wheel(640, 400, -600)
    page.settle()
    zoomed = snapshot(page)
    width = lambda p: p["end"] - p["start"]  # noqa: E731
    assert width(zoomed["period"]) < width(before) / 2
    page.evaluate("document.getElementById('canvas').focus()")
    for _ in range(4):
        page.key("+", "Equal", "+")
    page.settle()
    assert snapshot(page)["unit"] in ("1 month", "3 month", "1 day", "2 day", "5 day")
    start = snapshot(page)["period"]["start"]  # type: ignore[index]
    page.drag(700, 600, 300)
    page.settle()
    assert snapshot(page)["period"]["start"] > start  # type: ignore[index]
    page.key("Home")
    page.settle()
    assert snapshot(page)["inView"] == 9


def search_for(page: Page, text: str) -> None:
    page.evaluate("document.getElementById('search').select()")
    page.type(text)
    page.evaluate("new Promise(done => setTimeout(done, 150))")


def test_search_lists_matches_and_enter_opens_the_first(page: Page) -> None:
    page.key("/", "Slash", "/")
    search_for(page, "crimea")
    assert text_of(page, "#results-count") == "1 event matches"  # a word, not the start of "Crimean"
    search_for(page, "nato")
    assert text_of(page, "#results-count") == "3 events match"
    results = page.evaluate("Array.from(document.querySelectorAll('#results-list button span:first-child'))"
                            ".map(s => s.textContent)")  # fmt: skip
    # The title's match comes before those in descriptions, which follow in time order.
    assert results == [
        "NATO foreign ministers meet in Bucharest",
        "Bucharest summit declaration",
        "Vilnius summit",
    ]
    page.key("ArrowDown")
    page.key("ArrowDown")
    assert page.evaluate("document.activeElement.textContent").startswith("Bucharest summit declaration")
    page.key("ArrowUp")
    page.key("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "search"
    page.key("Enter", "Enter", "\r")
    page.settle()
    assert snapshot(page)["selected"] == "NATO foreign ministers meet in Bucharest"
    assert text_of(page, "#details h2") == "NATO foreign ministers meet in Bucharest"
    assert text_of(page, "#details .when") == "29–30 November 2022"


def test_clicking_an_event_shows_its_details_and_its_colour_is_the_categorys(page: Page) -> None:
    box = next(b for b in snapshot(page)["boxes"] if b["title"] == "Annexation of Crimea")  # type: ignore[attr-defined]
    red, green, blue = page.pixel(box["x"], box["y"])
    assert (red, green, blue) == (0xC0, 0x39, 0x2B)  # the sample's colour for war
    click_event(page, "Annexation of Crimea")
    assert snapshot(page)["selected"] == "Annexation of Crimea"
    assert text_of(page, "#details .facts").startswith("war")
    page.key(".", "Period", ".")
    page.settle()
    assert snapshot(page)["selected"] == "War in Donbas begins"


def test_markup_in_a_title_or_description_is_shown_as_text(page: Page) -> None:
    click_event(page, HOSTILE)
    assert text_of(page, "#details h2") == HOSTILE
    assert HOSTILE in text_of(page, "#details .description")
    links = page.evaluate("Array.from(document.querySelectorAll('#details a')).map(a => a.href)")
    assert links == ["https://example.org/"]
    assert page.evaluate("document.querySelectorAll('#details script, #details b').length") == 0


def test_the_legend_hides_a_category(page: Page) -> None:
    page.evaluate("document.querySelector('#legend button[data-category=\"2\"]').click()")
    page.settle()
    view = snapshot(page)
    assert view["hidden"] == ["war"]
    titles = {box["title"] for box in view["boxes"]}  # type: ignore[attr-defined]
    assert "Annexation of Crimea" not in titles and "Vilnius summit" in titles
    assert (
        page.evaluate("document.querySelector('#legend button[data-category=\"2\"]').ariaPressed") == "false"
    )


def test_the_story_plays_as_slides_with_previous_and_next(page: Page) -> None:
    before = snapshot(page)["period"]
    page.evaluate("document.getElementById('story-open').click()")
    page.settle()
    assert text_of(page, "#slide-count") == "1 / 3"
    assert text_of(page, "#slide h2") == STORY[0]
    picture = page.evaluate(
        "(() => { const img = document.querySelector('#slide figure img');"
        " return [img.src.slice(0, 22), img.naturalWidth, img.alt,"
        " document.querySelector('#slide figcaption').textContent]; })()"
    )
    assert picture == ["data:image/png;base64,", 120, "The summit hall", "The summit hall · Photo: NATO"]
    page.key("ArrowRight")
    page.settle()
    assert text_of(page, "#slide-count") == "2 / 3"
    assert text_of(page, "#slide h2") == STORY[1]
    view = snapshot(page)
    assert view["slide"] == 1 and view["selected"] == STORY[1]
    assert "Annexation of Crimea" in {box["title"] for box in view["boxes"]}  # type: ignore[attr-defined]
    page.key("Escape")
    page.settle()
    assert page.evaluate("document.getElementById('slides').hidden") is True
    assert snapshot(page)["period"] == before and snapshot(page)["selected"] is None


def test_a_story_page_opens_as_slides(browser: Chromium, pages: dict[str, Path]) -> None:
    with browser.page(1920, 1080) as opened:
        opened.open(pages["story"])
        opened.settle()
        assert text_of(opened, "#slide-count") == "1 / 3"
        opened.evaluate("document.getElementById('slide-next').click()")
        opened.evaluate("document.getElementById('slide-next').click()")
        opened.settle()
        assert text_of(opened, "#slide h2") == STORY[2]
        assert opened.evaluate("document.getElementById('slide-next').disabled") is True
        assert_only_its_own_file(opened, pages["story"])


def test_dark_and_phone(browser: Chromium, pages: dict[str, Path]) -> None:
    with browser.page(390, 844, dark=True, mobile=True) as opened:
        opened.open(pages["timeline"])
        opened.settle()
        assert max(opened.pixel(200, 300)) < 60  # the canvas is dark
        assert opened.evaluate("document.documentElement.scrollWidth") <= 390
        assert snapshot(opened)["inView"] == 9
        assert_only_its_own_file(opened, pages["timeline"])


def test_printing_lists_the_events_in_view_without_the_controls(page: Page) -> None:
    page.send("Emulation.setEmulatedMedia", {"media": "print"})
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    shown = page.evaluate(
        "['#search-form', '.tools', '#side', '#print-list']"
        ".map(s => getComputedStyle(document.querySelector(s)).display)"
    )
    assert shown == ["none", "none", "none", "block"]
    titles = page.evaluate("Array.from(document.querySelectorAll('#print-list h2')).map(h => h.textContent)")
    assert len(titles) == 9 and titles[0] == "Bucharest summit declaration"
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.evaluate("document.querySelectorAll('#print-list *').length") == 0


def test_a_pinch_zooms_and_the_status_says_what_is_in_view(browser: Chromium, pages: dict[str, Path]) -> None:
    with browser.page(390, 844, mobile=True) as opened:
        opened.open(pages["timeline"])
        opened.settle()
        before = snapshot(opened)["period"]
        top = snapshot(opened)["canvas"]["top"] + 300  # type: ignore[index]
        touch = lambda kind, points: opened.send(  # noqa: E731
            "Input.dispatchTouchEvent",
            {"type": kind, "touchPoints": [{"x": x, "y": top, "id": n} for n, x in enumerate(points)]},
        )
        touch("touchStart", [170, 220])
        for spread in range(1, 9):
            touch("touchMove", [170 - spread * 12, 220 + spread * 12])
        touch("touchEnd", [])
        opened.settle()
        after = snapshot(opened)["period"]
        ratio = (before["end"] - before["start"]) / (after["end"] - after["start"])  # type: ignore[index]
        assert 2.5 < ratio < 5  # the fingers moved from 50 to 242 pixels apart
        opened.evaluate("new Promise(done => setTimeout(done, 300))")
        assert text_of(opened, "#status").endswith("in view")
        assert_only_its_own_file(opened, pages["timeline"])


def test_the_checks_see_a_request_and_a_refused_script(browser: Chromium, tmp_path: Path) -> None:
    """What the other tests rely on: a page that asks for an address, or runs a script its policy
    refuses, is caught."""
    path = tmp_path / "leaky.html"
    path.write_text(
        "<!doctype html><meta http-equiv='Content-Security-Policy' content=\"default-src 'none'\">"
        "<img src='http://example.invalid/pixel.png'><script>document.title = 'ran'</script>",
        encoding="utf-8",
    )
    with browser.page() as opened:
        opened.open(path)
        assert "http://example.invalid/pixel.png" in opened.requests()
        errors = opened.console_errors()
        assert any("Content Security Policy" in error for error in errors)
        assert opened.evaluate("document.title") == ""

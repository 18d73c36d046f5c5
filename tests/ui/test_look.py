"""The designed look, checked at pixels: lines stop short of labels, and labels stay on the canvas."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor

from timeline.core.colours import CATEGORY_PALETTE, UNCATEGORISED_NAME
from timeline.core.dates.dates import HistoricalDate
from timeline.core.model import Event
from timeline.core.view.period import TimePeriod
from timeline.store.database import open_database
from timeline.store.repository import TimelineRepository
from timeline.ui.canvas.frame import UNCATEGORISED
from timeline.ui.canvas.widget import TimelineCanvas
from timeline.ui.document import TimelineDocument


def _day(offset: int) -> HistoricalDate:
    day = datetime.date.today() + datetime.timedelta(days=offset)
    return HistoricalDate.of_day(day.year, day.month, day.day)


@pytest.fixture
def around_today(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A canvas over events just before and after today, with titles long enough to reach across it."""
    path = tmp_path / "today.timeline.db"
    with open_database(path) as database:
        TimelineRepository(database).add_events(
            [
                Event("A meeting whose title runs across the present day", _day(-20), category="work"),
                Event("An appointment with a long and winding name", _day(-9), category="home"),
                Event("The planning day for the coming weeks", _day(-40)),
                Event("Next week's review", _day(6), category="work"),
                Event("A period running through today", _day(-60), _day(30), category="home"),
            ]
        )
    document = TimelineDocument(path)
    canvas = TimelineCanvas(document)
    qtbot.addWidget(canvas)
    canvas.resize(900, 420)
    canvas.show()
    qtbot.waitExposed(canvas)
    yield canvas
    document.close()


def _paint(qtbot, canvas: TimelineCanvas):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(canvas.frame_painted):
        canvas.update()
    assert canvas.frame is not None
    return canvas.frame, canvas.grab().toImage(), list(canvas._painter.label_boxes)


def _is_today_red(colour: QColor) -> bool:
    return colour.red() > 180 and colour.green() < 90 and colour.blue() < 90


def test_the_today_line_never_crosses_a_label(qtbot, around_today: TimelineCanvas) -> None:  # type: ignore[no-untyped-def]
    now = datetime.datetime.now().timestamp()
    around_today.set_period(TimePeriod(now - 70 * 86_400, now + 40 * 86_400))
    frame, image, boxes = _paint(qtbot, around_today)
    assert frame.today_x is not None
    x = round(frame.today_x)
    crossing = [
        box for box in boxes if box.left() <= x <= box.right() and box.top() > frame.geometry.axis_bottom
    ]
    assert crossing, "the fixture must put a label across today"
    for box in crossing:
        for y in range(round(box.top()) + 1, round(box.bottom())):
            assert not _is_today_red(image.pixelColor(x, y)), f"the today line crosses a label at y={y}"
    column = [image.pixelColor(x, y) for y in range(round(frame.geometry.lanes_top), image.height() - 40)]
    assert sum(_is_today_red(colour) for colour in column) > 30  # the line is there between the labels


@pytest.mark.parametrize("shift", [-0.45, 0.0, 0.45])
def test_no_label_box_leaves_the_canvas(qtbot, around_today: TimelineCanvas, shift: float) -> None:  # type: ignore[no-untyped-def]
    now = datetime.datetime.now().timestamp()
    period = TimePeriod(now - 70 * 86_400, now + 40 * 86_400)
    around_today.set_period(period.panned(shift))
    _frame, image, boxes = _paint(qtbot, around_today)
    canvas = QRectF(0, 0, image.width(), image.height())
    assert len(boxes) > 5
    for box in boxes:
        assert canvas.contains(box), f"{box} leaves the canvas"


def test_labels_never_overlap(qtbot, sample_document: TimelineDocument) -> None:  # type: ignore[no-untyped-def]
    canvas = TimelineCanvas(sample_document)
    qtbot.addWidget(canvas)
    for width, height in ((700, 360), (1280, 520)):
        canvas.resize(width, height)
        canvas.show()
        _, _, boxes = _paint(qtbot, canvas)
        for index, box in enumerate(boxes):
            for other in boxes[index + 1 :]:
                assert not box.intersects(other), f"{box} runs into {other}"


def test_uncategorised_events_get_a_neutral_colour_listed_in_the_legend(
    qtbot, around_today: TimelineCanvas
) -> None:  # type: ignore[no-untyped-def]
    now = datetime.datetime.now().timestamp()
    around_today.set_period(TimePeriod(now - 70 * 86_400, now + 40 * 86_400))
    frame, _, _ = _paint(qtbot, around_today)
    names = [entry.name for entry in frame.legend]
    assert names[-1] == UNCATEGORISED_NAME
    neutral = frame.legend[-1].colour
    assert neutral not in frame.category_colours.values() and neutral not in CATEGORY_PALETTE
    _rect, key = around_today._painter.legend_rows[-1]
    assert key == UNCATEGORISED
    around_today.toggle_category(UNCATEGORISED)
    frame, _, _ = _paint(qtbot, around_today)
    assert all(box.span.category_id is not None for box in frame.scene.boxes)
    assert frame.legend[-1].hidden


def test_few_events_spread_over_the_height(qtbot, sample_document: TimelineDocument) -> None:  # type: ignore[no-untyped-def]
    canvas = TimelineCanvas(sample_document)
    qtbot.addWidget(canvas)
    canvas.resize(1200, 700)
    canvas.show()
    frame, _, _ = _paint(qtbot, canvas)
    geometry = frame.geometry
    lowest = max(geometry.lane_top(box.lane) + geometry.lane_height for box in frame.scene.boxes)
    assert lowest > geometry.lanes_top + 0.4 * (geometry.overflow_row[0] - geometry.lanes_top)


def test_cards_show_a_thumbnail_when_the_lanes_have_room(
    qtbot, sample_document: TimelineDocument, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from tests.pictures import picture_file
    from timeline.io.pictures import read_picture_file

    image = read_picture_file(picture_file(tmp_path, "green.png", size=(90, 60), colour="#22aa44"))
    event = next(e for e in sample_document.repository.events() if e.title == "Minsk II agreement")
    assert event.id is not None
    sample_document.set_pictures(event.id, [image.picture("A green field")], [image])
    canvas = TimelineCanvas(sample_document)
    qtbot.addWidget(canvas)
    canvas.resize(1200, 700)
    canvas.show()
    frame, grabbed, _ = _paint(qtbot, canvas)
    assert frame.pictures[event.id] == image.sha256
    box = next(box for box in frame.scene.boxes if box.span.id == event.id)
    centre_y = frame.geometry.lane_top(box.lane) + frame.geometry.lane_height / 2
    pixel = grabbed.pixelColor(round(box.label_x + 12), round(centre_y))
    assert (pixel.red(), pixel.green(), pixel.blue()) == (0x22, 0xAA, 0x44)
    canvas.resize(1200, 260)  # crowded: no room for pictures, cards stay text
    frame, _, _ = _paint(qtbot, canvas)
    assert frame.pictures == {}


def test_swimlanes_by_category_from_the_view_menu(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint, Qt

    window.swimlanes_action.trigger()
    frame, _, _ = _paint(qtbot, window.canvas)
    assert [band.label for band in frame.bands] == ["diplomacy", "infrastructure", "war"]
    war = frame.bands[-1]
    lanes = {box.lane for box in frame.scene.boxes if box.span.category_id == int(war.key)}
    assert min(lanes) == war.header_lane + 1
    header_y = frame.geometry.lane_top(war.header_lane) + frame.geometry.lane_height / 2
    qtbot.mouseClick(window.canvas, Qt.MouseButton.LeftButton, pos=QPoint(300, round(header_y)))
    frame, _, _ = _paint(qtbot, window.canvas)
    assert frame.bands[-1].collapsed
    assert not any(box.span.category_id == int(war.key) for box in frame.scene.boxes)
    window.swimlanes_action.trigger()
    frame, _, _ = _paint(qtbot, window.canvas)
    assert frame.bands == []

"""The canvas driven as a person drives it: wheel, clicks, keys; then a look at its pixels."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QWheelEvent
from PySide6.QtWidgets import QApplication

from timeline.core.dates.parsing import parse_date
from timeline.core.view.period import TimePeriod
from timeline.ui.canvas.widget import TimelineCanvas
from timeline.ui.document import TimelineDocument


@pytest.fixture
def canvas(qtbot, sample_document: TimelineDocument) -> TimelineCanvas:  # type: ignore[no-untyped-def]
    widget = TimelineCanvas(sample_document)
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def crowded(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    """A canvas over a file of ``count`` events spread over 1900–1999, two categories."""
    from timeline.core.dates.dates import HistoricalDate
    from timeline.core.model import Event
    from timeline.store.database import open_database
    from timeline.store.repository import TimelineRepository

    documents: list[TimelineDocument] = []

    def make(count: int) -> TimelineCanvas:
        path = tmp_path / f"crowded-{count}.timeline.db"
        with open_database(path) as database:
            TimelineRepository(database).add_events(
                Event(f"e{n}", HistoricalDate.of_day(1900 + n % 100, 1 + n % 12, 1 + n % 28),
                      category="odd" if n % 2 else "even")
                for n in range(count)
            )  # fmt: skip
        document = TimelineDocument(path)
        documents.append(document)
        widget = TimelineCanvas(document)
        qtbot.addWidget(widget)
        widget.resize(1000, 500)
        widget.show()
        return widget

    yield make
    for document in documents:
        document.close()


def painted(qtbot, canvas: TimelineCanvas):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(canvas.frame_painted):
        canvas.update()
    assert canvas.frame is not None
    return canvas.frame


def wheel(canvas: TimelineCanvas, x: float, steps: float, modifiers: Qt.KeyboardModifier) -> None:
    position = QPointF(x, 300)
    event = QWheelEvent(
        position,
        canvas.mapToGlobal(position),
        QPoint(),
        QPoint(0, int(120 * steps)),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(canvas, event)


def box_of(frame, title: str):  # type: ignore[no-untyped-def]
    return next(box for box in frame.scene.boxes if box.span.title == title)


def test_fit_all_shows_every_event(qtbot, canvas: TimelineCanvas) -> None:  # type: ignore[no-untyped-def]
    frame = painted(qtbot, canvas)
    assert {box.span.title for box in frame.scene.boxes} == {
        "Bucharest summit declaration",
        "Annexation of Crimea",
        "War in Donbas begins",
        "Minsk II agreement",
        "Full-scale invasion of Ukraine",
        "Strikes on Ukraine's power grid",
        "NATO foreign ministers meet in Bucharest",
        "Vilnius summit",
    }
    assert frame.scene.clusters == []
    for box in frame.scene.boxes:
        assert min(box.x0, box.label_x) >= 0 and max(box.x1, box.label_x + box.label_width) <= canvas.width()


def test_ctrl_wheel_zooms_keeping_the_time_under_the_cursor(qtbot, canvas: TimelineCanvas) -> None:  # type: ignore[no-untyped-def]
    before = canvas.period
    x = 300.0
    time_under_cursor = before.time_at(x / canvas.width())
    wheel(canvas, x, 2, Qt.KeyboardModifier.ControlModifier)
    after = canvas.period
    assert after.width < before.width
    assert after.time_at(x / canvas.width()) == pytest.approx(time_under_cursor, rel=1e-9)
    wheel(canvas, x, -4, Qt.KeyboardModifier.ControlModifier)
    assert canvas.period.width > before.width


def test_plain_wheel_pans(qtbot, canvas: TimelineCanvas) -> None:  # type: ignore[no-untyped-def]
    before = canvas.period
    wheel(canvas, 300, -1, Qt.KeyboardModifier.NoModifier)
    assert canvas.period.width == pytest.approx(before.width)
    assert canvas.period.start > before.start


def test_drag_pans_and_click_selects_the_event_under_the_cursor(qtbot, canvas: TimelineCanvas) -> None:  # type: ignore[no-untyped-def]
    frame = painted(qtbot, canvas)
    vilnius = box_of(frame, "Vilnius summit")
    y = frame.geometry.lane_top(vilnius.lane) + frame.geometry.lane_height / 2
    with qtbot.waitSignal(canvas.selection_changed) as signal:
        qtbot.mouseClick(
            canvas, Qt.MouseButton.LeftButton, pos=QPoint(round((vilnius.x0 + vilnius.x1) / 2), round(y))
        )
    assert signal.args == [vilnius.span.id]
    frame = painted(qtbot, canvas)
    assert frame.selected == frozenset({vilnius.span.id})
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(600, canvas.height() - 100))
    assert canvas.selected is None
    before = canvas.period
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(600, 400))
    qtbot.mouseMove(canvas, QPoint(500, 400))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(500, 400))
    assert canvas.period.start == pytest.approx(before.start + before.width * 100 / canvas.width())


def test_keyboard_navigation(qtbot, canvas: TimelineCanvas) -> None:  # type: ignore[no-untyped-def]
    start = canvas.period
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert canvas.period.start == pytest.approx(start.start + 0.1 * start.width)
    qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    assert canvas.period.width == pytest.approx(start.width / 1.25)
    qtbot.keyClick(canvas, Qt.Key.Key_Minus)
    qtbot.keyClick(canvas, Qt.Key.Key_Minus)
    assert canvas.period.width == pytest.approx(start.width * 1.25)
    qtbot.keyClick(canvas, Qt.Key.Key_Home)
    assert canvas.period == start


def test_zoom_from_the_universe_to_minutes(qtbot, canvas: TimelineCanvas) -> None:  # type: ignore[no-untyped-def]
    canvas.zoom(1e-20)
    assert canvas.period.width > 13.8e9 * 31_556_952
    frame = painted(qtbot, canvas)
    assert "billion" in " ".join(tick.label for tick in frame.axis.minor)
    morning = parse_date("2022-02-24T04:00").earliest
    canvas.set_period(TimePeriod(morning, morning + 600))
    frame = painted(qtbot, canvas)
    assert frame.axis.unit == "1 minute"
    assert frame.axis.major[0].label == "24 February 2022"


def test_pixels_show_category_colours_the_era_and_today(qtbot, canvas: TimelineCanvas) -> None:  # type: ignore[no-untyped-def]
    canvas.set_period(TimePeriod.around(parse_date("2021").earliest, parse_date("2027").latest))
    frame = painted(qtbot, canvas)
    image = canvas.grab().toImage()
    invasion = box_of(frame, "Full-scale invasion of Ukraine")
    centre_y = frame.geometry.lane_top(invasion.lane) + frame.geometry.lane_height / 2
    marker = image.pixelColor(round((invasion.x0 + invasion.x1) / 2), round(centre_y))
    assert marker == QColor("#c0392b")  # the "war" category
    assert frame.today_x is not None
    today = image.pixelColor(round(frame.today_x), canvas.height() - 150)
    assert today.red() > 150 and today.green() < 120
    era_x = round((frame.eras[0].x0 + frame.today_x) / 2)
    era = image.pixelColor(era_x, canvas.height() - 40)
    background = image.pixelColor(5, canvas.height() - 40)
    assert era != background and era.red() > era.blue()


def test_dense_regions_become_a_density_band_that_resolves_when_zooming(qtbot, crowded) -> None:  # type: ignore[no-untyped-def]
    widget = crowded(5000)
    frame = painted(qtbot, widget)
    assert not frame.scene.detailed
    assert sum(b.count for b in frame.scene.bins) >= 5000
    widget.set_period(TimePeriod.around(parse_date("1950").earliest, parse_date("1950").latest))
    frame = painted(qtbot, widget)
    assert frame.scene.detailed
    assert len(frame.scene.boxes) + sum(c.count for c in frame.scene.clusters) == 50


def test_a_dark_palette_gives_a_dark_canvas_with_light_text(qtbot, canvas: TimelineCanvas) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QPalette

    palette = canvas.palette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    palette.setColor(QPalette.ColorRole.Window, QColor("#2a2a2a"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    canvas.setPalette(palette)
    frame = painted(qtbot, canvas)
    image = canvas.grab().toImage()
    assert image.pixelColor(5, canvas.height() - 40).lightness() < 60
    bucharest = box_of(frame, "Bucharest summit declaration")
    y = round(frame.geometry.lane_top(bucharest.lane) + frame.geometry.lane_height / 2)
    label = [
        image.pixelColor(x, y).lightness()
        for x in range(round(bucharest.label_x), round(bucharest.label_x + 60))
    ]
    assert max(label) > 180


def test_a_filter_shows_in_the_density_band_too(qtbot, crowded) -> None:  # type: ignore[no-untyped-def]
    from timeline.core.filters import EventFilter

    widget = crowded(5000)
    document = widget.document
    odd = document.categories_by_name()["odd"].id
    widget.set_matching(document.repository.matches(EventFilter(categories=frozenset({odd}))), dim=False)
    frame = painted(qtbot, widget)
    assert not frame.scene.detailed and frame.scene.in_view == 2500
    widget.set_matching(None, dim=False)
    assert painted(qtbot, widget).scene.in_view == 5000


def test_showing_an_event_from_a_crowded_view_zooms_in_until_events_are_drawn(qtbot, crowded) -> None:  # type: ignore[no-untyped-def]
    widget = crowded(6000)
    assert not painted(qtbot, widget).scene.detailed
    target = widget.document.repository.events()[3000]
    widget.show_event(target.id or 0, centre=True)
    frame = painted(qtbot, widget)
    assert frame.scene.detailed
    assert widget.period.contains(target.earliest) and widget.selected == target.id

"""Presenting: the order of steps, what each step frames, leaving, and stories kept in the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from timeline.core.view.presentation import Stop, between, ease_in_out, framing
from timeline.ui.app import MainWindow
from timeline.ui.document import TimelineDocument
from timeline.ui.panels.story import load_story, save_story
from timeline.ui.presentation import PresentationWindow


def ids_by_title(document: TimelineDocument) -> dict[str, int]:
    return {e.title: e.id for e in document.repository.events() if e.id is not None}


def test_framing_keeps_the_event_in_the_middle_with_its_neighbours() -> None:
    day = 86_400.0
    stops = [Stop(1, 0, day), Stop(2, 10 * day, 11 * day), Stop(3, 10_000 * day, 10_001 * day)]
    middle = framing(stops, 1)
    assert middle.start < 0 and middle.end > 11 * day  # the neighbour before is in view
    assert middle.end < 10_000 * day  # the far one is not
    assert middle.contains(stops[1].earliest) and middle.contains(stops[1].latest)


def test_the_flight_is_eased_and_zooms_in_log_space() -> None:
    from timeline.core.view.period import TimePeriod

    assert ease_in_out(0) == 0 and ease_in_out(1) == 1 and ease_in_out(0.5) == 0.5
    assert ease_in_out(0.1) < 0.1  # slow to leave
    wide, narrow = TimePeriod(0, 1e12), TimePeriod(5e11, 5e11 + 1e6)
    halfway = between(wide, narrow, 0.5)
    assert halfway.width == pytest.approx((1e12 * 1e6) ** 0.5)
    assert between(wide, narrow, 1.0).width == pytest.approx(1e6)


def test_steps_go_in_order_and_each_frames_its_event(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    presentation = window.present_all()
    qtbot.addWidget(presentation)
    assert presentation.isFullScreen()
    assert presentation.index == -1  # the title slide: the timeline's title, everything in view
    assert presentation.caption.title.text() == window.document.title
    assert all(presentation.target.contains(stop.earliest) for stop in presentation.stops)
    qtbot.keyClick(presentation, Qt.Key.Key_Space)
    titles = []
    for _ in range(len(presentation.stops)):
        stop = presentation.stops[presentation.index]
        event = window.document.get_event(stop.event_id)
        titles.append(event.title)
        assert presentation.caption.title.text() == event.title
        assert presentation.caption.when.text() == event.display_when()
        target = presentation.target
        assert target.contains(stop.earliest) and target.contains(min(stop.latest, target.end))
        qtbot.keyClick(presentation, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: presentation.canvas.period == presentation.target, timeout=2000)
    assert titles == [e.title for e in window.document.repository.events()]
    assert presentation.caption.position.text() == "8 / 8"
    qtbot.keyClick(presentation, Qt.Key.Key_PageUp)
    assert presentation.index == 6
    qtbot.keyClick(presentation, Qt.Key.Key_Home)
    assert presentation.index == 0


def test_escape_leaves_and_the_window_is_as_it_was(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    before = window.canvas.period
    presentation = window.present_all()
    qtbot.keyClick(presentation, Qt.Key.Key_Right)
    with qtbot.waitSignal(presentation.finished):
        qtbot.keyClick(presentation, Qt.Key.Key_Escape)
    assert window.presentation is None
    assert window.canvas.period == before


def test_the_story_is_presented_in_its_order_and_kept_in_the_file(
    qtbot, window: MainWindow, sample_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ids = ids_by_title(window.document)
    chosen = [ids["Vilnius summit"], ids["Bucharest summit declaration"], ids["Annexation of Crimea"]]
    for event_id in chosen:
        window.canvas.select(event_id)
        window.story.add_selected()
    window.story.list.setCurrentRow(2)
    window.story.move_current(-1)
    expected = [chosen[0], chosen[2], chosen[1]]
    assert window.story.event_ids() == expected
    presentation = window.present()  # F5 prefers the story
    qtbot.addWidget(presentation)
    assert [stop.event_id for stop in presentation.stops] == expected
    presentation.close()
    window.document.close()
    reopened = TimelineDocument(sample_path)
    try:
        assert load_story(reopened) == expected
    finally:
        reopened.close()


def test_search_results_can_be_presented(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.search.field.setText("bucharest")
    window.search.run()
    presentation = window.present_results()
    qtbot.addWidget(presentation)
    titles = [window.document.get_event(s.event_id).title for s in presentation.stops]
    assert titles == ["Bucharest summit declaration", "NATO foreign ministers meet in Bucharest"]


def test_an_empty_story_says_so(qtbot, sample_document: TimelineDocument) -> None:  # type: ignore[no-untyped-def]
    save_story(sample_document, [])
    presentation = PresentationWindow(sample_document, [])
    qtbot.addWidget(presentation)
    assert presentation.caption.title.text() == "Nothing to present"
    qtbot.keyClick(presentation, Qt.Key.Key_Space)


def test_a_story_handout_has_a_page_per_step(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from timeline.ui.presentation import stops_for
    from timeline.ui.render import RenderError, render_handout

    ids = ids_by_title(window.document)
    stops = stops_for(
        window.document, [ids["Vilnius summit"], ids["Annexation of Crimea"], ids["Minsk II agreement"]]
    )
    path = tmp_path / "handout.pdf"
    render_handout(window.document, stops, path)
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and data.count(b"/Type /Page\n") == 3
    with pytest.raises(RenderError, match="empty"):
        render_handout(window.document, [], tmp_path / "none.pdf")


def test_a_lone_day_is_framed_among_days_not_hours() -> None:
    from timeline.core.view.scale import choose_axis

    day = 86_400.0
    stops = [Stop(1, 0, day), Stop(2, 1e6 * day, 1e6 * day + day)]
    period = framing(stops, 0)
    assert period.width >= 21 * day
    axis = choose_axis(period, 1920, lambda text: 8.0 * len(text))
    assert not any(":" in tick.label for tick in axis.minor)  # no "13:00" ticks


def test_the_caption_reads_on_its_card_and_shows_the_picture_and_progress(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from tests.pictures import picture_file
    from timeline.core.colours import contrast_ratio
    from timeline.ui.pictures import read_picture
    from timeline.ui.presentation import CAPTION_COLOURS

    for role in ("text", "muted", "accent"):
        assert contrast_ratio(CAPTION_COLOURS[role], CAPTION_COLOURS["background"]) >= 7
    ids = ids_by_title(window.document)
    image = read_picture(picture_file(tmp_path, "p.png", size=(300, 200), colour="#22aa44"))
    window.document.set_pictures(
        ids["Minsk II agreement"], [image.picture("Signing", "Drawn for the tests")], [image]
    )
    presentation = window.present_all()
    qtbot.addWidget(presentation)
    order = [stop.event_id for stop in presentation.stops]
    presentation.show_step(order.index(ids["Minsk II agreement"]), animate=False)
    caption = presentation.caption
    assert caption.picture.isVisible() and caption.credit.text() == "Signing — Drawn for the tests"
    assert caption.progress.current == presentation.index and caption.progress.count == len(order)
    shot = caption.picture.grab().toImage()
    assert shot.pixelColor(shot.width() // 2, shot.height() // 2).green() > 150
    presentation.show_step(order.index(ids["Annexation of Crimea"]), animate=False)
    assert not caption.picture.isVisible()

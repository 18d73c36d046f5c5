"""Editing through the real widgets, with the file checked after every step and every undo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt

from timeline.core.dates.dates import HistoricalDate
from timeline.core.dates.parsing import parse_date
from timeline.core.model import Category, Era, Event
from timeline.core.view.period import TimePeriod
from timeline.store.database import open_database
from timeline.store.repository import TimelineRepository
from timeline.ui.app import MainWindow
from timeline.ui.commands import AddEra, DeleteCategory, DeleteEra, EditCategory, EditEra, perform
from timeline.ui.dialogs.eras import EraForm


def on_disk(path: Path) -> dict[str, Event]:
    """The events as another program would read them from the file right now."""
    with open_database(path, readonly=True) as database:
        return {event.title: event for event in TimelineRepository(database).events()}


def painted(qtbot, window: MainWindow):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.canvas.frame_painted):
        window.canvas.update()
    return window.canvas.frame


def point_of(frame, title: str) -> QPoint:  # type: ignore[no-untyped-def]
    box = next(box for box in frame.scene.boxes if box.span.title == title)
    y = frame.geometry.lane_top(box.lane) + frame.geometry.lane_height / 2
    return QPoint(round((box.x0 + box.x1) / 2), round(y))


def select(window: MainWindow, title: str) -> Event:
    event = next(e for e in window.document.repository.events() if e.title == title)
    assert event.id is not None
    window.edit_event(event.id)
    return event


def test_typing_a_date_shows_how_it_was_read_and_commits_on_enter(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    path = window.document.path
    select(window, "Minsk II agreement")
    field = window.editor.start
    field.line.setFocus()
    field.line.clear()
    qtbot.keyClicks(field.line, "15 March 44 BC")
    assert field.feedback.text() == "15 March 44 BC · day precision"
    qtbot.keyClick(field.line, Qt.Key.Key_Return)
    assert on_disk(path)["Minsk II agreement"].start.edtf() == "-0043-03-15"
    assert window.edit_actions.undo.text() == "&Undo Edit Start of 'Minsk II agreement'"
    window.edit_actions.undo.trigger()
    assert on_disk(path)["Minsk II agreement"].start.edtf() == "2015-02-12"
    window.edit_actions.redo.trigger()
    assert on_disk(path)["Minsk II agreement"].start.edtf() == "-0043-03-15"


def test_a_bad_date_is_refused_at_the_field_and_never_written(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    path = window.document.path
    select(window, "Vilnius summit")
    field = window.editor.start
    field.line.setFocus()
    field.line.clear()
    qtbot.keyClicks(field.line, "2023-02-30")
    assert "no day 30" in field.feedback.text()
    qtbot.keyClick(field.line, Qt.Key.Key_Return)
    assert on_disk(path)["Vilnius summit"].start.edtf() == "2023-07-11"
    assert field.value() == parse_date("2023-07-11")
    qtbot.keyClick(field.line, Qt.Key.Key_Escape)
    assert field.line.text() == "11 July 2023"


def test_an_end_before_the_start_is_refused_with_a_message(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    path = window.document.path
    select(window, "Vilnius summit")
    field = window.editor.end
    field.line.setFocus()
    field.line.clear()
    qtbot.keyClicks(field.line, "1990")
    qtbot.keyClick(field.line, Qt.Key.Key_Return)
    assert "before the start" in field.feedback.text()
    assert on_disk(path)["Vilnius summit"].end == parse_date("2023-07-12")
    assert window.document.undo_stack.count() == 0


def test_a_title_cannot_be_empty_and_any_unicode_round_trips(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    path = window.document.path
    select(window, "Vilnius summit")
    title = window.editor.title
    title.setFocus()
    title.clear()
    qtbot.keyClick(title, Qt.Key.Key_Return)
    assert "cannot be empty" in window.editor.title_error.text()
    assert "Vilnius summit" in on_disk(path)
    text = "قمة فيلنيوس 🎉 Zoë e\u0301 " + "x" * 300
    title.setText(text)
    qtbot.keyClick(title, Qt.Key.Key_Return)
    assert on_disk(path)[text].start.edtf() == "2023-07-11"


def test_description_is_markdown_rendered_in_the_details(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    select(window, "Vilnius summit")
    window.editor.description.setPlainText("Read **this** and [the communiqué](https://www.nato.int)")
    window.editor._commit_description()
    assert "Read this and the communiqué" in window.details.toPlainText()
    assert 'href="https://www.nato.int"' in window.details.toHtml()


def test_double_click_on_empty_space_creates_an_event_and_focuses_its_title(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    path = window.document.path
    window.canvas.set_period(TimePeriod.around(parse_date("2010").earliest, parse_date("2011").latest))
    frame = painted(qtbot, window)
    y = round(frame.geometry.lane_top(frame.geometry.lane_count - 2))
    x = window.canvas.width() // 2
    qtbot.mouseDClick(window.canvas, Qt.MouseButton.LeftButton, pos=QPoint(x, y))
    created = on_disk(path)["New event"]
    assert created.start.precision.label == "month"
    assert window.canvas.selected == created.id
    assert window.editor.title.hasFocus() or window.editor.title.selectedText() == "New event"
    window.edit_actions.undo.trigger()
    assert "New event" not in on_disk(path)
    window.edit_actions.redo.trigger()
    assert on_disk(path)["New event"].id == created.id


def test_drag_moves_an_event_snapped_to_the_zoom_and_undo_puts_it_back(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    path = window.document.path
    window.canvas.set_period(TimePeriod.around(parse_date("2008").earliest, parse_date("2016").latest))
    frame = painted(qtbot, window)
    start = point_of(frame, "Bucharest summit declaration")
    year_pixels = window.canvas.width() / (window.canvas.period.width / 31_556_952)
    end = start + QPoint(round(year_pixels * 2.2), 0)
    qtbot.mousePress(window.canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(window.canvas, start + QPoint(10, 0))
    qtbot.mouseMove(window.canvas, end)
    assert window.canvas.frame is not None
    qtbot.mouseRelease(window.canvas, Qt.MouseButton.LeftButton, pos=end)
    assert on_disk(path)["Bucharest summit declaration"].start.edtf() == "2010-04-03"
    assert window.edit_actions.undo.text() == "&Undo Move 'Bucharest summit declaration'"
    window.edit_actions.undo.trigger()
    assert on_disk(path)["Bucharest summit declaration"].start.edtf() == "2008-04-03"


def test_escape_cancels_a_drag(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    path = window.document.path
    frame = painted(qtbot, window)
    start = point_of(frame, "Minsk II agreement")
    qtbot.mousePress(window.canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(window.canvas, start + QPoint(200, 0))
    qtbot.keyClick(window.canvas, Qt.Key.Key_Escape)
    qtbot.mouseRelease(window.canvas, Qt.MouseButton.LeftButton, pos=start + QPoint(200, 0))
    assert on_disk(path)["Minsk II agreement"].start.edtf() == "2015-02-12"
    assert window.document.undo_stack.count() == 0


def test_drag_the_end_of_a_period_to_resize_it(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    path = window.document.path
    window.canvas.set_period(TimePeriod.around(parse_date("2022-09").earliest, parse_date("2023-05").latest))
    frame = painted(qtbot, window)
    box = next(box for box in frame.scene.boxes if box.span.title == "Strikes on Ukraine's power grid")
    y = round(frame.geometry.lane_top(box.lane) + frame.geometry.lane_height / 2)
    start = QPoint(round(box.x1) - 1, y)
    month_pixels = window.canvas.width() / (window.canvas.period.width / (31_556_952 / 12))
    end = start + QPoint(round(month_pixels * 2), 0)
    qtbot.mousePress(window.canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(window.canvas, start + QPoint(8, 0))
    qtbot.mouseMove(window.canvas, end)
    qtbot.mouseRelease(window.canvas, Qt.MouseButton.LeftButton, pos=end)
    strikes = on_disk(path)["Strikes on Ukraine's power grid"]
    assert (strikes.start.edtf(), strikes.end.edtf()) == ("2022-10~", "2023-05")  # type: ignore[union-attr]
    window.edit_actions.undo.trigger()
    assert on_disk(path)["Strikes on Ukraine's power grid"].end.edtf() == "2023-03"  # type: ignore[union-attr]


def test_multi_select_moves_as_one_step(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    path = window.document.path
    window.canvas.set_period(TimePeriod.around(parse_date("2013").earliest, parse_date("2016").latest))
    frame = painted(qtbot, window)
    crimea, minsk = point_of(frame, "War in Donbas begins"), point_of(frame, "Minsk II agreement")
    qtbot.mouseClick(window.canvas, Qt.MouseButton.LeftButton, pos=crimea)
    qtbot.mouseClick(window.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, pos=minsk)
    assert len(window.canvas.selected_ids) == 2
    year_pixels = window.canvas.width() / (window.canvas.period.width / 31_556_952)
    qtbot.mousePress(window.canvas, Qt.MouseButton.LeftButton, pos=minsk)
    qtbot.mouseMove(window.canvas, minsk + QPoint(10, 0))
    qtbot.mouseMove(window.canvas, minsk + QPoint(round(year_pixels), 0))
    qtbot.mouseRelease(window.canvas, Qt.MouseButton.LeftButton, pos=minsk + QPoint(round(year_pixels), 0))
    events = on_disk(path)
    assert events["War in Donbas begins"].start.edtf() == "2015-04"
    assert events["Minsk II agreement"].start.edtf() == "2016-02-12"
    assert window.edit_actions.undo.text() == "&Undo Move 2 events"
    window.edit_actions.undo.trigger()
    events = on_disk(path)
    assert (events["War in Donbas begins"].start.edtf(), events["Minsk II agreement"].start.edtf()) == (
        "2014-04",
        "2015-02-12",
    )


def test_rubber_band_selects_what_it_touches(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    frame = painted(qtbot, window)
    first, last = point_of(frame, "Annexation of Crimea"), point_of(frame, "Minsk II agreement")
    qtbot.mousePress(
        window.canvas,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ShiftModifier,
        pos=QPoint(first.x() - 8, 5 + frame.geometry.lanes_top),
    )
    qtbot.mouseMove(window.canvas, QPoint(last.x() + 8, last.y() + 8))
    qtbot.mouseRelease(
        window.canvas,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ShiftModifier,
        pos=QPoint(last.x() + 8, last.y() + 8),
    )
    titles = {window.document.get_event(i).title for i in window.canvas.selected_ids}
    assert {"Annexation of Crimea", "War in Donbas begins", "Minsk II agreement"} <= titles


def test_delete_and_duplicate_with_their_keys_and_undo(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    path = window.document.path
    vilnius = select(window, "Vilnius summit")
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    with open_database(path, readonly=True) as database:
        copies = [e for e in TimelineRepository(database).events() if e.title == "Vilnius summit"]
    assert len(copies) == 2 and copies[1].start == vilnius.start
    window.edit_actions.undo.trigger()
    select(window, "Vilnius summit")
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Delete)
    assert "Vilnius summit" not in on_disk(path)
    assert window.canvas.selected is None
    window.edit_actions.undo.trigger()
    restored = on_disk(path)["Vilnius summit"]
    assert restored.id == vilnius.id and restored.description == vilnius.description
    assert restored.created == vilnius.created


def test_categories_rename_recolour_delete_and_undo(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    document = window.document
    path = document.path
    war = document.categories_by_name()["war"]
    perform(EditCategory(document, war, Category("conflict", "#000000", None, war.id), "Rename"))
    assert on_disk(path)["Annexation of Crimea"].category == "conflict"
    frame = painted(qtbot, window)
    assert frame.category_colours[war.id or 0] == "#000000"
    renamed = document.categories_by_name()["conflict"]
    perform(DeleteCategory(document, renamed, delete_events=True))
    assert "Annexation of Crimea" not in on_disk(path) and len(on_disk(path)) == 5
    window.edit_actions.undo.trigger()
    assert on_disk(path)["Annexation of Crimea"].category == "conflict"
    perform(DeleteCategory(document, renamed, delete_events=False))
    assert on_disk(path)["Annexation of Crimea"].category is None
    window.edit_actions.undo.trigger()
    window.edit_actions.undo.trigger()
    assert on_disk(path)["Annexation of Crimea"].category == "war"


def test_the_legend_hides_and_shows_a_category(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    painted(qtbot, window)
    rect, category_id = next(
        (rect, id_)
        for rect, id_ in window.canvas._painter.legend_rows
        if window.document.categories()[id_].name == "diplomacy"
    )
    qtbot.mouseClick(window.canvas, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    frame = painted(qtbot, window)
    assert all(box.span.category_id != category_id for box in frame.scene.boxes)
    assert len(frame.scene.boxes) == 4
    qtbot.mouseClick(window.canvas, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert len(painted(qtbot, window).scene.boxes) == 8


def test_eras_add_edit_delete_and_undo(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    document = window.document
    era = Era("Minsk process", parse_date("September 2014"), parse_date("February 2022"), "#16a085")
    perform(AddEra(document, era))
    added = next(e for e in document.eras() if e.name == "Minsk process")
    perform(EditEra(document, added, Era("Minsk talks", added.start, added.end, added.colour, added.id)))
    assert [e.name for e in document.repository.eras()] == ["Minsk talks", "Full-scale war"]
    perform(DeleteEra(document, document.eras()[0]))
    assert [e.name for e in document.repository.eras()] == ["Full-scale war"]
    for _ in range(3):
        window.edit_actions.undo.trigger()
    assert [e.name for e in document.repository.eras()] == ["Full-scale war"]
    window.edit_actions.redo.trigger()
    assert [e.name for e in document.repository.eras()] == ["Minsk process", "Full-scale war"]


def test_the_era_form_refuses_bad_input(qtbot) -> None:  # type: ignore[no-untyped-def]
    form = EraForm(None)
    qtbot.addWidget(form)
    form.name.setText("Backwards")
    form.start.line.setText("1918")
    form.end.line.setText("1914")
    form.accept()
    assert "before the start" in form.error.text() and form.result_era is None
    form.end.line.setText("ongoing")
    form.accept()
    assert form.result_era is not None and form.result_era.start == HistoricalDate.of_year(1918)


def test_the_event_list_model_stays_valid_through_edits(qtmodeltester, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.edit_actions.create_event()
    window.edit_actions.delete_selected()
    window.edit_actions.undo.trigger()
    qtmodeltester.check(window.event_model)
    assert window.event_model.rowCount() == 9


def test_the_categories_dialog_adds_renames_and_recolours(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from timeline.ui.dialogs.categories import CategoriesDialog

    dialog = CategoriesDialog(window.document, window)
    qtbot.addWidget(dialog)
    assert dialog.tree.topLevelItemCount() == 3
    assert dialog.add_named("culture")
    assert not dialog.add_named("")
    culture = window.document.categories_by_name()["culture"]
    assert dialog.rename_to(culture, "arts")
    arts = window.document.categories_by_name()["arts"]
    assert dialog.recolour_to(arts, "#123456")
    assert window.document.repository.categories()[0].colour == "#123456"
    assert [dialog.tree.topLevelItem(i).text(0) for i in range(4)] == [
        "arts",
        "diplomacy",
        "infrastructure",
        "war",
    ]
    for _ in range(3):
        window.edit_actions.undo.trigger()
    assert "culture" not in window.document.categories_by_name()
    assert dialog.tree.topLevelItemCount() == 3


def test_context_menus_offer_the_actions(window: MainWindow) -> None:
    vilnius = select(window, "Vilnius summit")
    on_event = [a.text() for a in window.edit_actions.context_menu(vilnius.id, QPoint(), 0.0).actions()]
    assert {"&Edit Event", "D&uplicate", "&Delete", "Category", "Zoom to Event"} <= set(on_event)
    on_space = [a.text() for a in window.edit_actions.context_menu(None, QPoint(), 0.0).actions()]
    assert "New Event Here ('New event')" in on_space and "&Delete" not in on_space

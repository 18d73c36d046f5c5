"""Undo where the user is: Ctrl+Z in an editing field, the view following an edit, the list's highlight."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.test_editing import on_disk, select
from timeline.ui.app import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def type_into(qtbot, line, text: str) -> None:  # type: ignore[no-untyped-def]
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, text)


def test_ctrl_z_in_a_written_field_undoes_the_document_step(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    path = window.document.path
    select(window, "Minsk II agreement")
    title = window.editor.title
    type_into(qtbot, title, "Minsk II")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    assert "Minsk II" in on_disk(path)
    steps = window.document.undo_stack.count()
    qtbot.keyClick(title, Qt.Key.Key_Z, CTRL)
    assert "Minsk II agreement" in on_disk(path)
    assert title.text() == "Minsk II agreement"
    assert window.document.undo_stack.index() == steps - 1
    # leaving the field now writes nothing: its text is what the file holds
    qtbot.keyClick(title, Qt.Key.Key_Tab)
    assert window.document.undo_stack.count() == steps
    title.setFocus()
    qtbot.keyClick(title, Qt.Key.Key_Z, CTRL | SHIFT)
    assert "Minsk II" in on_disk(path) and title.text() == "Minsk II"


def test_ctrl_z_takes_back_unwritten_typing_first(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    path = window.document.path
    select(window, "Minsk II agreement")
    steps = window.document.undo_stack.index()
    title = window.editor.title
    title.setFocus()
    title.end(False)
    qtbot.keyClicks(title, " signed")
    qtbot.keyClick(title, Qt.Key.Key_Z, CTRL)
    assert title.text() != "Minsk II agreement signed"
    assert window.document.undo_stack.index() == steps
    assert "Minsk II agreement" in on_disk(path)


def test_a_refused_value_never_becomes_a_step_and_undo_keys_stay_in_the_field(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    path = window.document.path
    select(window, "Minsk II agreement")
    steps = window.document.undo_stack.count()
    end = window.editor.end.line
    type_into(qtbot, end, "1990")
    qtbot.keyClick(end, Qt.Key.Key_Return)
    assert window.editor.end.feedback.text() == "the end (1990) is before the start (12 February 2015)"
    assert window.document.undo_stack.count() == steps
    assert on_disk(path)["Minsk II agreement"].end is None
    qtbot.keyClick(end, Qt.Key.Key_Z, CTRL)
    assert window.document.undo_stack.count() == steps
    assert on_disk(path)["Minsk II agreement"].end is None
    qtbot.keyClick(end, Qt.Key.Key_Tab)
    assert window.document.undo_stack.count() == steps


def test_after_a_date_edit_the_view_follows_and_the_list_keeps_its_highlight(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    event = select(window, "Minsk II agreement")
    window.show_date("2015")
    start = window.editor.start.line
    type_into(qtbot, start, "1 May 1850")
    qtbot.keyClick(start, Qt.Key.Key_Return)
    moved = window.document.get_event(event.id)  # type: ignore[arg-type]
    period = window.canvas.period
    assert period.start <= moved.earliest and moved.latest <= period.end
    assert window.canvas.selected == event.id
    row = window.event_list.currentIndex().row()
    assert window.event_model.event_at(row).id == event.id  # type: ignore[union-attr]
    assert window.event_list.selectionModel().isRowSelected(row)
    qtbot.keyClick(start, Qt.Key.Key_Z, CTRL)
    back = window.document.get_event(event.id)  # type: ignore[arg-type]
    assert back.start.edtf() == "2015-02-12"
    assert window.canvas.period.start <= back.earliest <= window.canvas.period.end
    row = window.event_list.currentIndex().row()
    assert window.event_model.event_at(row).id == event.id  # type: ignore[union-attr]

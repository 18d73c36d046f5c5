"""The timeline by keyboard and for screen readers: Tab and arrows step through the events."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible

from timeline.ui.app import MainWindow


def focus_canvas(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    window.canvas.setFocus()
    qtbot.waitUntil(window.canvas.hasFocus)


def test_tab_and_arrows_step_through_the_events_in_time_order(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    focus_canvas(qtbot, window)
    ordered = window.document.repository.ids_in_time_order()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Tab)
    assert window.canvas.selected == ordered[0]
    qtbot.keyClick(window.canvas, Qt.Key.Key_Tab)
    assert window.canvas.selected == ordered[1]
    qtbot.keyClick(window.canvas, Qt.Key.Key_Down)
    assert window.canvas.selected == ordered[2]
    qtbot.keyClick(window.canvas, Qt.Key.Key_Up)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Backtab)
    assert window.canvas.selected == ordered[0]
    assert window.canvas.hasFocus()
    # the list and the details follow, as for a click
    assert window.event_model.event_at(window.event_list.currentIndex().row()).id == ordered[0]  # type: ignore[union-attr]


def test_tab_after_the_last_event_moves_on_to_the_next_control(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    focus_canvas(qtbot, window)
    last = window.document.repository.ids_in_time_order()[-1]
    window.canvas.select(last)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Tab)
    assert window.canvas.selected == last
    assert not window.canvas.hasFocus()


def test_ctrl_tab_leaves_the_timeline_at_once(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    focus_canvas(qtbot, window)
    window.canvas.select(window.document.repository.ids_in_time_order()[2])
    qtbot.keyClick(window.canvas, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert not window.canvas.hasFocus()
    assert window.canvas.selected == window.document.repository.ids_in_time_order()[2]


def test_the_focused_event_is_told_to_screen_readers(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    focus_canvas(qtbot, window)
    interface = QAccessible.queryAccessibleInterface(window.canvas)
    assert interface is not None
    assert interface.text(QAccessible.Text.Name) == "Timeline: no event selected"
    assert "Tab" in interface.text(QAccessible.Text.Description)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Tab)
    assert interface.text(QAccessible.Text.Name) == "Bucharest summit declaration, 3 April 2008"


def test_enter_edits_the_focused_event(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    focus_canvas(qtbot, window)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Tab)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Return)
    assert window.editor.title.text() == "Bucharest summit declaration"
    assert window.editor.title.hasFocus()


def test_the_canvas_follows_the_system_font(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    assert window.canvas.font().pointSizeF() == QApplication.font().pointSizeF()

"""The Help menu: the guide, the shortcuts read from the menus, About, and tooltips with keys."""

from __future__ import annotations

import platform

from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication

from timeline import __version__
from timeline.ui.app import MainWindow
from timeline.ui.help.shortcuts import menu_actions, shortcuts


def menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_the_help_menu_comes_last_with_guide_shortcuts_and_about(window: MainWindow) -> None:
    assert menu_titles(window)[-1] == "&Help"
    help_menu = window.menuBar().actions()[-1].menu()
    texts = [action.text() for action in help_menu.actions() if not action.isSeparator()]
    assert texts == ["&User Guide", "&Keyboard Shortcuts", "&About Timeline"]


def test_f1_opens_the_guide_once_and_its_search_finds_pages(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    window.help_commands.user_guide.trigger()
    guide = window.help_commands.guide
    assert guide is not None and guide.isVisible()
    assert "Editing" in guide.shown_titles()
    window.help_commands.user_guide.trigger()
    assert window.help_commands.guide is guide
    qtbot.keyClicks(guide.search, "Ctrl+D duplicates")
    assert guide.shown_titles() == ["Editing"]
    assert "Ctrl+D duplicates" in guide.browser.toPlainText()
    assert guide.marked_count() >= 1
    guide.search.clear()
    qtbot.keyClicks(guide.search, "nosuchwordanywhere")
    assert guide.shown_titles() == []
    assert guide.no_match.isVisibleTo(guide)
    guide.close()


def test_the_shortcuts_list_is_every_menu_shortcut(window: MainWindow) -> None:
    listed = shortcuts(window.menuBar())
    by_action = {row.action: row.keys for row in listed}
    assert "Ctrl+D" in by_action["Duplicate"]
    assert "F5" in by_action["Present"]
    assert "F1" in by_action["User Guide"]
    with_keys = [action for _menu, action in menu_actions(window.menuBar()) if action.shortcuts()]
    assert len(listed) == len(with_keys)
    dialog = window.help_commands.shortcuts_dialog()
    rows = dialog.visible_rows()
    assert ("Zoom to Fit", "Ctrl+0") in rows
    assert len(rows) == len(listed)
    dialog.filter.setText("ctrl+g")
    assert dialog.visible_rows() == [("Go to Date…", "Ctrl+G")]


def test_every_menu_action_has_a_tooltip_with_its_shortcut(window: MainWindow) -> None:
    for _menu, action in menu_actions(window.menuBar()):
        keys = [key.toString() for key in action.shortcuts()]
        assert action.toolTip(), action.text()
        for key in keys:
            assert key in action.toolTip()
    undo = window.edit_actions.undo
    window.edit_actions.duplicate_selected()
    window.canvas.select(window.document.repository.ids_in_time_order()[0])
    window.edit_actions.duplicate_selected()
    assert undo.toolTip().startswith("Undo Duplicate")
    assert "Ctrl+Z" in undo.toolTip()


def test_about_tells_version_licence_runtime_and_data_folder(window: MainWindow, private_data_dir) -> None:  # type: ignore[no-untyped-def]
    dialog = window.help_commands.about_dialog()
    text = dialog.details_text()
    assert f"Version: {__version__}" in text
    assert "Licence: MIT" in text
    assert f"Qt: {qVersion()}" in text
    assert platform.python_version() in text
    assert f"Data folder: {private_data_dir}" in text
    assert str(window.document.path) in text
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == text
    assert dialog.details.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse


def test_the_window_title_tells_the_timeline_and_its_file(window: MainWindow) -> None:
    assert window.windowTitle() == "Ukraine and NATO, 2008–2023 — sample.timeline.db — Timeline"
    assert not window.windowIcon().isNull()

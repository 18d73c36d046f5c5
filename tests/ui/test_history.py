"""Per-event history in the Details tab, putting an event back as it was, and the Trash."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.ui.test_editing import on_disk, select
from timeline.store.database import open_database
from timeline.store.history import EventHistory
from timeline.ui.app import MainWindow

TITLE = "Minsk II agreement"


def edit_start(qtbot, window: MainWindow, text: str) -> None:  # type: ignore[no-untyped-def]
    line = window.editor.start.line
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def test_every_change_is_kept_and_summed_up_in_the_details(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    event = select(window, TITLE)
    assert window.history_commands.summary.text() == "No changes kept"
    edit_start(qtbot, window, "July 2015")
    edit_start(qtbot, window, "2016")
    edit_start(qtbot, window, "March 2017")
    assert window.history_commands.summary.text() == "Changed 3 times; start was 2016"
    title = window.editor.title
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Minsk II")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    assert window.history_commands.summary.text() == "Changed 4 times; title was Minsk II agreement"
    entries = window.document.history.of_event(event.id)  # type: ignore[arg-type]
    assert [entry.action for entry in entries] == ["edit"] * 4
    assert entries[0].before["start"] == "2015-02-12" and entries[0].after["start"] == "2015-07"  # type: ignore[index]
    assert entries[0].changed() == ["start"]
    with open_database(window.document.path, readonly=True) as database:
        assert len(EventHistory(database).of_event(event.id)) == 4  # type: ignore[arg-type]


def test_an_event_is_put_back_as_it_was_in_one_undo_step(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    path = window.document.path
    select(window, TITLE)
    edit_start(qtbot, window, "July 2015")
    title = window.editor.title
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Minsk II")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    dialog = window.history_commands.history_dialog()
    assert dialog is not None and dialog.tree.topLevelItemCount() == 2
    dialog.choose(1)  # the oldest change: the start moved to July 2015, the title as it was
    values = dialog.chosen()
    assert values is not None
    steps = window.document.undo_stack.count()
    assert window.history_commands.restore_version(values)
    assert window.document.undo_stack.count() == steps + 1
    restored = on_disk(path)[TITLE]
    assert restored.start.edtf() == "2015-07"
    window.edit_actions.undo.trigger()
    assert "Minsk II" in on_disk(path)


def test_deleted_events_wait_in_the_trash_until_it_is_emptied(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = window.document.path
    event = select(window, TITLE)
    window.edit_actions.delete_selected()
    window.document.undo_stack.clear()  # the undo history is gone, as after closing the file
    assert TITLE not in on_disk(path)
    dialog = window.history_commands.trash_dialog()
    assert dialog.tree.topLevelItemCount() == 1
    assert dialog.tree.topLevelItem(0).text(1) == TITLE  # type: ignore[union-attr]
    dialog.tree.topLevelItem(0).setSelected(True)  # type: ignore[union-attr]
    assert window.history_commands.restore_from_trash(dialog) == [event.id]
    assert on_disk(path)[TITLE].start.edtf() == "2015-02-12"
    assert window.history_commands.trash_dialog().tree.topLevelItemCount() == 0
    window.edit_actions.undo.trigger()  # restoring was one step: undone, it is in the trash again
    assert window.history_commands.trash_dialog().tree.topLevelItemCount() == 1
    dialog = window.history_commands.trash_dialog()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    dialog.empty_button.click()
    assert not dialog.emptied
    assert window.history_commands.trash_dialog().tree.topLevelItemCount() == 1
    assert window.history_commands.empty_trash() == 1
    assert window.history_commands.trash_dialog().tree.topLevelItemCount() == 0
    assert window.document.history.of_event(event.id) == []  # type: ignore[arg-type]


def test_imports_are_not_recorded_event_by_event(window: MainWindow, tmp_path: Path) -> None:
    from timeline.core.dates.dates import HistoricalDate
    from timeline.core.flat import flat_event
    from timeline.core.model import Event

    rows = [flat_event(Event(f"imported {n}", HistoricalDate.of_year(1900 + n))) for n in range(50)]
    window.document.import_content(rows, [], [])
    with open_database(window.document.path, readonly=True) as database:
        count = database.db.execute("SELECT count(*) FROM event_history").fetchone()[0]
    assert count == 0

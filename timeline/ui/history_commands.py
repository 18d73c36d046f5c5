"""Per-event history and the Trash: the Details tab's line about an event's past, the history
window that puts an event back as it was, and Edit → Trash.

Each is one undo step: restoring a version is an edit, restoring from the Trash an addition
under the event's old id. Emptying the Trash is the one thing here that cannot be undone, and
it is done only when the user says so.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QPushButton, QWidget

from timeline.store.history import event_from_snapshot, summary
from timeline.ui.canvas.widget import TimelineCanvas
from timeline.ui.commands import AddEvents, EditEvents, perform
from timeline.ui.dialogs.history import HistoryDialog, TrashDialog
from timeline.ui.document import TimelineDocument


class HistoryCommands(QObject):
    """Edit → Event History… and Trash…, and the history line under the selected event's details."""

    def __init__(self, document: TimelineDocument, canvas: TimelineCanvas, window: QMainWindow) -> None:
        super().__init__(window)
        self.document = document
        self.canvas = canvas
        self.window = window
        self.history_action = QAction("Event &History…", self)
        self.history_action.setShortcut(QKeySequence("Ctrl+Shift+H"))
        self.history_action.triggered.connect(self.show_history)
        self.trash_action = QAction("&Trash…", self)
        self.trash_action.triggered.connect(self.show_trash)
        self.panel = QWidget()
        layout = QHBoxLayout(self.panel)
        layout.setContentsMargins(6, 0, 6, 6)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAccessibleName("History of the selected event")
        self.open_button = QPushButton("&History…")
        self.open_button.clicked.connect(self.show_history)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.open_button)
        canvas.selection_changed.connect(self.refresh)
        document.events_changed.connect(self.refresh)
        self.refresh()

    def _selected(self) -> int | None:
        selected = self.canvas.selected
        if selected is None or not self.document.existing([selected]):
            return None
        return selected

    def refresh(self, *_: object) -> None:
        event_id = self._selected()
        self.history_action.setEnabled(event_id is not None)
        self.panel.setVisible(event_id is not None)
        if event_id is not None:
            text = summary(self.document.history.of_event(event_id))
            self.summary.setText(text[:1].upper() + text[1:])

    def history_dialog(self) -> HistoryDialog | None:
        event_id = self._selected()
        if event_id is None:
            return None
        event = self.document.get_event(event_id)
        return HistoryDialog(event.title, self.document.history.of_event(event_id), self.window)

    def show_history(self) -> None:
        dialog = self.history_dialog()
        if dialog is not None and dialog.exec():
            values = dialog.chosen()
            if values is not None:
                self.restore_version(values)

    def restore_version(self, values: dict[str, object]) -> bool:
        """Put the selected event back as these fields say, as one undo step."""
        event_id = self._selected()
        if event_id is None:
            return False
        current = self.document.get_event(event_id)
        after = event_from_snapshot(values, current)
        if after == current:
            return False
        return perform(EditEvents(self.document, [current], [after], f"Restore an Earlier '{current.title}'"))

    def trash_dialog(self) -> TrashDialog:
        return TrashDialog(self.document.history.trash(), self.window)

    def show_trash(self) -> None:
        dialog = self.trash_dialog()
        result = dialog.exec()
        if result == 2 and dialog.emptied:
            self.empty_trash()
        elif result:
            self.restore_from_trash(dialog)

    def restore_from_trash(self, dialog: TrashDialog) -> list[int]:
        events = [
            event_from_snapshot(entry.before or {}).with_changes(id=entry.event_id)
            for entry in dialog.chosen()
        ]
        if not events:
            return []
        command = AddEvents(self.document, events, "Restore from the Trash")
        if not perform(command):
            return []
        self.canvas.set_selection(command.ids)
        self.canvas.show_event(command.ids[0])
        return command.ids

    def empty_trash(self) -> int:
        count = self.document.history.empty_trash()
        self.window.statusBar().showMessage(f"Emptied the Trash: {count} deleted events forgotten", 5000)
        return count

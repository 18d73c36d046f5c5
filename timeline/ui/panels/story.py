"""The story: events in the order a presenter wants to show them, kept in the timeline file."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QListWidget, QListWidgetItem, QPushButton, QWidget

from timeline.ui.document import TimelineDocument

STORY_KEY = "story"


def load_story(document: TimelineDocument) -> list[int]:
    text = document.repository.setting(STORY_KEY)
    try:
        ids = [int(value) for value in json.loads(text)] if text else []
    except (ValueError, TypeError):
        return []
    return document.existing(ids)


def save_story(document: TimelineDocument, event_ids: list[int]) -> None:
    document.repository.set_setting(STORY_KEY, json.dumps(event_ids))


class StoryPanel(QWidget):
    """Signals:
    present_requested(): the Present button was pressed.
    """

    present_requested = Signal()

    def __init__(
        self, document: TimelineDocument, selected_ids: object, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self._selected_ids = selected_ids
        self.list = QListWidget()
        self.list.setDragDropMode(QListWidget.DragDropMode.InternalMove)
        self.list.model().rowsMoved.connect(lambda *_: self._save())
        layout = QGridLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.list, 0, 0, 1, 3)
        buttons = (
            ("Add Selected", self.add_selected),
            ("Remove", self.remove_current),
            ("Present", self.present_requested.emit),
            ("Move Up", lambda: self.move_current(-1)),
            ("Move Down", lambda: self.move_current(1)),
        )
        for index, (text, slot) in enumerate(buttons):
            button = QPushButton(text)
            button.clicked.connect(slot)
            layout.addWidget(button, 1 + index // 3, index % 3)
        document.events_changed.connect(self.reload)
        self.reload()

    def event_ids(self) -> list[int]:
        return [int(self.list.item(row).data(Qt.ItemDataRole.UserRole)) for row in range(self.list.count())]

    def reload(self) -> None:
        current = self.list.currentRow()
        self.list.clear()
        for event_id in load_story(self.document):
            event = self.document.get_event(event_id)
            item = QListWidgetItem(f"{event.title} — {event.display_when()}")
            item.setData(Qt.ItemDataRole.UserRole, event_id)
            self.list.addItem(item)
        self.list.setCurrentRow(min(current, self.list.count() - 1))

    def _save(self) -> None:
        save_story(self.document, self.event_ids())

    def add_selected(self) -> None:
        ids = self.event_ids()
        ids += [event_id for event_id in self._selected_ids() if event_id not in ids]  # type: ignore[operator]
        save_story(self.document, ids)
        self.reload()
        self.list.setCurrentRow(self.list.count() - 1)

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            ids = self.event_ids()
            del ids[row]
            save_story(self.document, ids)
            self.reload()

    def move_current(self, offset: int) -> None:
        row = self.list.currentRow()
        target = row + offset
        ids = self.event_ids()
        if row < 0 or not 0 <= target < len(ids):
            return
        ids[row], ids[target] = ids[target], ids[row]
        save_story(self.document, ids)
        self.reload()
        self.list.setCurrentRow(target)

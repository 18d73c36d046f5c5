"""The open timeline as a QObject: the repository plus Qt signals that say what changed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from timeline.core.model import Event
from timeline.store.database import open_database
from timeline.store.repository import TimelineRepository


class TimelineDocument(QObject):
    """One open timeline file.

    Signals:
        events_changed: events were added, changed or removed; views refetch what they show.
    """

    events_changed = Signal()

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._database = open_database(path)
        self.repository = TimelineRepository(self._database)
        self.undo_stack = QUndoStack(self)

    @property
    def title(self) -> str:
        return self.repository.title or self.path.name

    def event_count(self) -> int:
        return self.repository.count_events()

    def events_page(self, offset: int, limit: int) -> list[Event]:
        return self.repository.events_page(offset, limit)

    def close(self) -> None:
        self._database.close()

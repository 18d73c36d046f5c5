"""A table of all events in time order, fetched a page at a time as rows come into view."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from timeline.core.model import Event
from timeline.ui.document import TimelineDocument

_PAGE_SIZE = 256
_COLUMNS = ("When", "Title", "Category")

Index = QModelIndex | QPersistentModelIndex


class EventTableModel(QAbstractTableModel):
    """Rows are events in time order; only the pages a view asks for are read from the file."""

    def __init__(self, document: TimelineDocument) -> None:
        super().__init__()
        self._document = document
        self._pages: dict[int, list[Event]] = {}
        self._count = document.event_count()
        document.events_changed.connect(self.reload)

    def reload(self) -> None:
        self.beginResetModel()
        self._pages.clear()
        self._count = self._document.event_count()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def event_at(self, row: int) -> Event | None:
        if not 0 <= row < self._count:
            return None
        page = row // _PAGE_SIZE
        if page not in self._pages:
            self._pages[page] = self._document.events_page(page * _PAGE_SIZE, _PAGE_SIZE)
        events = self._pages[page]
        offset = row % _PAGE_SIZE
        return events[offset] if offset < len(events) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        event = self.event_at(index.row())
        if event is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (event.display_when(), event.title, event.category or "")[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{event.title}\n{event.display_when()}"
        if role == Qt.ItemDataRole.UserRole:
            return event.id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _COLUMNS[section]
        return None

"""A small timeline of proposed events, drawn by the real canvas before anything is added.

The proposals live in a scratch timeline file in a temporary folder, so the preview shows
exactly what the timeline will show (precision, approximate ends, spans), and the timeline
the user is working on is not touched until they accept.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from timeline.core.model import Event
from timeline.ui.canvas.widget import TimelineCanvas
from timeline.ui.document import TimelineDocument


class ProposalPreview(QWidget):
    """Signals:
    picked(int): the user clicked the proposal at this index on the timeline.
    """

    picked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        folder = tempfile.TemporaryDirectory(prefix="timeline-preview-")
        self._folder: tempfile.TemporaryDirectory[str] | None = folder
        self.document = TimelineDocument(Path(folder.name) / "preview.timeline", create=True)
        self.canvas = TimelineCanvas(self.document)
        self.canvas.read_only = True
        self.canvas.setMinimumSize(320, 150)
        self.canvas.selection_changed.connect(self._canvas_selected)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self._index_of: dict[int, int] = {}
        self._id_of: dict[int, int] = {}

    def show_events(self, events: dict[int, Event]) -> None:
        """Show these events (keyed by their proposal's index) in place of the ones shown before."""
        if self._folder is None:
            return  # closed: a field left while the dialog closes has nothing to show any more
        if self._id_of:
            self.document.delete_events(list(self._id_of.values()))
        indexes = list(events)
        ids = self.document.add_events([events[index] for index in indexes]) if indexes else []
        self._id_of = dict(zip(indexes, ids, strict=True))
        self._index_of = {event_id: index for index, event_id in self._id_of.items()}
        self.canvas.fit_all()

    def select(self, index: int | None) -> None:
        if self._folder is None:
            return
        event_id = None if index is None else self._id_of.get(index)
        self.canvas.set_selection([] if event_id is None else [event_id])

    def shown(self) -> dict[int, Event]:
        """What the preview holds, read back from its timeline: proposal index → event."""
        return {index: self.document.get_event(event_id) for index, event_id in self._id_of.items()}

    def close_document(self) -> None:
        if self._folder is not None:
            self.canvas.hide()
            self.document.close()
            self._folder.cleanup()
            self._folder = None

    def _canvas_selected(self, event_id: object) -> None:
        if isinstance(event_id, int) and event_id in self._index_of:
            self.picked.emit(self._index_of[event_id])

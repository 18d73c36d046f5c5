"""The Entities, Sources and Consistency tabs: list, edit, merge and delete entities and sources,
show the events of one, and jump to what the consistency checks found.

Signals (of each panel):
    show_events(object): the ids (a ``frozenset``) of events to show on the timeline, or ``None``.
    event_chosen(int): go to this event.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from timeline.ui.commands import perform
from timeline.ui.dialogs.entity_form import EntityForm, SourceForm
from timeline.ui.document import TimelineDocument
from timeline.ui.research_commands import (
    AddEntity,
    AddSources,
    DeleteEntity,
    DeleteSource,
    EditEntity,
    EditSource,
    MergeEntities,
)

ID_ROLE = Qt.ItemDataRole.UserRole


def _buttons(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


class _ListPanel(QWidget):
    show_events = Signal(object)
    event_chosen = Signal(int)

    def __init__(self, document: TimelineDocument, headers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter by name")
        self.filter.setClearButtonEnabled(True)
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.filter)
        self.layout_.addWidget(self.table, 1)
        self.filter.textChanged.connect(lambda _text: self.reload())
        self.table.itemDoubleClicked.connect(lambda _item: self.edit())
        document.relations_changed.connect(self.reload)

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        items = [self.table.item(row, 0) for row in rows]
        return [item.data(ID_ROLE) for item in items if item is not None]

    def _fill(self, rows: list[tuple[int, list[str]]]) -> None:
        self.table.setRowCount(len(rows))
        for row, (item_id, cells) in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, item_id)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()

    def reload(self) -> None:
        raise NotImplementedError

    def edit(self) -> None:
        raise NotImplementedError


class EntitiesPanel(_ListPanel):
    """Every person, place, organisation … with the number of events each takes part in."""

    def __init__(self, document: TimelineDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, ["Name", "Kind", "Dates", "Events"], parent)
        self.add_button, self.edit_button = QPushButton("Add…"), QPushButton("Edit…")
        self.merge_button, self.delete_button = QPushButton("Merge"), QPushButton("Delete")
        self.events_button = QPushButton("Show events")
        self.merge_button.setToolTip("Fold the selected entities into the first one: its names and events")
        self.layout_.addLayout(
            _buttons(self.add_button, self.edit_button, self.merge_button, self.delete_button)
        )
        self.layout_.addLayout(_buttons(self.events_button))
        self.layout_.addWidget(self.status)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.merge_button.clicked.connect(self.merge)
        self.delete_button.clicked.connect(self.delete)
        self.events_button.clicked.connect(self.show_selected_events)
        self.reload()

    def reload(self) -> None:
        wanted = self.filter.text().strip().casefold()
        counts = self.document.repository.entity_event_counts()
        rows = [
            (e.id or 0, [e.name, e.kind, e.display_life(), str(counts.get(e.id or 0, 0))])
            for e in self.document.repository.entities()
            if not wanted or any(wanted in name.casefold() for name in e.names())
        ]
        self._fill(rows)

    def _kinds(self) -> list[str]:
        return sorted({entity.kind for entity in self.document.repository.entities()})

    def add(self) -> None:
        form = EntityForm(None, self._kinds(), self)
        if form.exec() and form.result_entity is not None:
            perform(AddEntity(self.document, form.result_entity))

    def edit(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        before = self.document.repository.entity(ids[0])
        form = EntityForm(before, self._kinds(), self)
        if form.exec() and form.result_entity is not None and form.result_entity != before:
            perform(EditEntity(self.document, before, form.result_entity))

    def merge(self) -> None:
        ids = self.selected_ids()
        if len(ids) < 2:
            self.status.setText("Select two or more entities to merge them into the first.")
            return
        keep, *others = (self.document.repository.entity(entity_id) for entity_id in ids)
        if perform(MergeEntities(self.document, keep, others)):
            self.status.setText(f"Merged into {keep.name}; their names are its aliases now.")

    def delete(self) -> None:
        for entity_id in self.selected_ids():
            perform(DeleteEntity(self.document, self.document.repository.entity(entity_id)))

    def show_selected_events(self) -> None:
        ids = self.selected_ids()
        events = {
            event_id for entity_id in ids for event_id in self.document.repository.events_with(entity_id)
        }
        self.show_events.emit(frozenset(events) if ids else None)
        names = ", ".join(self.document.repository.entity(entity_id).name for entity_id in ids)
        self.status.setText(f"{len(events)} events with {names}" if ids else "")


class SourcesPanel(_ListPanel):
    """Every source record, with how many events cite it; CSL-JSON in and out."""

    def __init__(self, document: TimelineDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, ["Source", "Year", "Cited by"], parent)
        self.edit_button, self.delete_button = QPushButton("Edit…"), QPushButton("Delete")
        self.events_button = QPushButton("Show events citing it")
        self.import_button, self.export_button = (
            QPushButton("Import CSL-JSON…"),
            QPushButton("Export CSL-JSON…"),
        )
        self.layout_.addLayout(_buttons(self.edit_button, self.delete_button, self.events_button))
        self.layout_.addLayout(_buttons(self.import_button, self.export_button))
        self.layout_.addWidget(self.status)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)
        self.events_button.clicked.connect(self.show_selected_events)
        self.import_button.clicked.connect(self.import_csl)
        self.export_button.clicked.connect(self.export_csl)
        document.events_changed.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        wanted = self.filter.text().strip().casefold()
        counts = self.document.repository.source_citation_counts()
        rows = [
            (s.id or 0, [s.display() or s.label(), s.year, str(counts.get(s.id or 0, 0))])
            for s in self.document.repository.sources()
            if not wanted or wanted in s.display().casefold()
        ]
        self._fill(rows)

    def edit(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        before = self.document.repository.source(ids[0])
        form = SourceForm(before, self)
        if form.exec() and form.result_source is not None and form.result_source != before:
            perform(EditSource(self.document, before, form.result_source))

    def delete(self) -> None:
        for source_id in self.selected_ids():
            perform(DeleteSource(self.document, self.document.repository.source(source_id)))

    def show_selected_events(self) -> None:
        ids = self.selected_ids()
        events = {
            event_id for source_id in ids for event_id in self.document.repository.events_citing(source_id)
        }
        self.show_events.emit(frozenset(events) if ids else None)
        self.status.setText(f"{len(events)} events cite the selected sources" if ids else "")

    def import_csl(self, path: str | None = None) -> None:
        from pathlib import Path

        from timeline.io.csl_json import read_csl_json
        from timeline.io.report import FormatError

        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self, "Import Sources", "", "CSL-JSON (*.json);;All files (*)"
            )
            if not path:
                return
        try:
            sources = read_csl_json(Path(path))
        except FormatError as error:
            QMessageBox.warning(self, "Import Sources", str(error))
            return
        command = AddSources(self.document, sources, Path(path).name)
        if perform(command):
            self.status.setText(f"{len(command.added)} sources added from {Path(path).name}")

    def export_csl(self, path: str | None = None) -> None:
        from pathlib import Path

        from timeline.io.csl_json import write_csl_json

        if not path:
            path, _ = QFileDialog.getSaveFileName(self, "Export Sources", "sources.json", "CSL-JSON (*.json)")
            if not path:
                return
        written = write_csl_json(self.document.repository.sources(), Path(path))
        self.status.setText(f"{written} sources written to {Path(path).name}")


class ConsistencyPanel(QWidget):
    """What the consistency checks find; double-click a finding to go to its first event."""

    event_chosen = Signal(int)

    def __init__(self, document: TimelineDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.check_button = QPushButton("Check")
        self.check_button.setToolTip(
            "Children outside their parent, events outside a participant's life,"
            " links running backwards in time, likely duplicates"
        )
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.status = QLabel("Check the timeline for what a careful reader would question.")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(_buttons(self.check_button))
        layout.addWidget(self.status)
        layout.addWidget(self.list, 1)
        self.check_button.clicked.connect(self.check)
        self.list.itemActivated.connect(self._jump)

    def check(self) -> None:
        findings = self.document.repository.consistency_findings()
        self.list.clear()
        for finding in findings:
            item = QListWidgetItem(f"{finding.kind}: {finding.message}")
            item.setData(ID_ROLE, list(finding.event_ids))
            self.list.addItem(item)
        count = len(findings)
        self.status.setText(
            f"{count} finding{'s' if count != 1 else ''}; double-click one to go to it."
            if count
            else "Nothing found."
        )

    def _jump(self, item: QListWidgetItem) -> None:
        ids = item.data(ID_ROLE)
        existing = self.document.existing(ids)
        if existing:
            self.event_chosen.emit(existing[0])

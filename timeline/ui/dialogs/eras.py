"""Manage eras: named background spans, with the same date fields as the event editor."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from timeline.core.dates.dates import DateError, HistoricalDate, Interval, OpenEnd
from timeline.core.model import Era
from timeline.ui.commands import AddEra, DeleteEra, EditEra, perform
from timeline.ui.dialogs.categories import swatch
from timeline.ui.dialogs.managing import lay_out_manager
from timeline.ui.document import TimelineDocument
from timeline.ui.editor.date_field import ERROR_STYLE, DateField


class EraForm(QDialog):
    """Name, start, end (empty or 'ongoing' for an open end) and colour of one era."""

    def __init__(self, era: Era | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit Era" if era else "Add Era")
        self.name = QLineEdit(era.name if era else "")
        self.start = DateField(placeholder="e.g. 1914, 24 February 2022")
        self.end = DateField(optional=True, placeholder="e.g. 1918; 'ongoing' for an open end")
        self.colour = era.colour if era else "#8e44ad"
        self.colour_button = QPushButton(self.colour)
        self.colour_button.clicked.connect(self._choose_colour)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        if era:
            self.start.set_value(era.start)
            self.end.set_value(era.end)
        form = QFormLayout(self)
        form.addRow("Name", self.name)
        form.addRow("Start", self.start)
        form.addRow("End", self.end)
        form.addRow("Colour", self.colour_button)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._id = era.id if era else None
        self.result_era: Era | None = None

    def _choose_colour(self) -> None:
        colour = QColorDialog.getColor(QColor(self.colour), self, "Era Colour")
        if colour.isValid():
            self.colour = colour.name()
            self.colour_button.setText(self.colour)

    def era(self) -> Era:
        """The era the form describes; raises ``ValueError`` with a reason when it cannot be one."""
        name = self.name.text().strip()
        if not name:
            raise ValueError("An era needs a name.")
        try:
            start = self.start.pending()
            end = self.end.pending()
        except DateError as error:
            raise ValueError(str(error)) from None
        if not isinstance(start, HistoricalDate):
            raise ValueError("An era needs a start date.")
        end = OpenEnd.OPEN if end is None else end
        try:
            Interval(start, end)
        except DateError as error:
            raise ValueError(str(error)) from None
        return Era(name, start, end, self.colour, self._id)

    def accept(self) -> None:
        try:
            self.result_era = self.era()
        except ValueError as error:
            self.error.setText(str(error))
            return
        super().accept()


class ErasDialog(QDialog):
    def __init__(self, document: TimelineDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setWindowTitle("Eras")
        self.resize(560, 360)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Name", "From", "To"])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.cellDoubleClicked.connect(lambda *_: self.edit())
        lay_out_manager(self, self.table, [("Add…", self.add), ("Edit…", self.edit), ("Delete", self.delete)])
        document.eras_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        eras = self.document.eras()
        self.table.setRowCount(len(eras))
        for row, era in enumerate(eras):
            name = QTableWidgetItem(swatch(era.colour), era.name)
            name.setData(Qt.ItemDataRole.UserRole, era.id)
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, QTableWidgetItem(era.start.display()))
            end = era.end.display() if isinstance(era.end, HistoricalDate) else "ongoing"
            self.table.setItem(row, 2, QTableWidgetItem(end))

    def current(self) -> Era | None:
        row = self.table.currentRow()
        if row < 0:
            return None
        item = self.table.item(row, 0)
        if item is None:
            return None
        era_id = item.data(Qt.ItemDataRole.UserRole)
        return next((era for era in self.document.eras() if era.id == era_id), None)

    def add(self) -> None:
        form = EraForm(None, self)
        if form.exec() and form.result_era is not None:
            perform(AddEra(self.document, form.result_era))

    def edit(self) -> None:
        era = self.current()
        if era is None:
            return
        form = EraForm(era, self)
        if form.exec() and form.result_era is not None and form.result_era != era:
            perform(EditEra(self.document, era, form.result_era))

    def delete(self) -> None:
        era = self.current()
        if era is not None:
            perform(DeleteEra(self.document, era))

"""The import preview's column table: which of a spreadsheet's columns holds which field.

The proposal comes from :func:`~timeline.io.columns.propose_mapping`; the user changes it here,
and the choice is remembered for files with the same header (in the app's settings, never in
the file, which an import does not touch).
"""

from __future__ import annotations

import hashlib
import json

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from timeline.core.dates.parsing import Reading
from timeline.io.columns import FIELD_LABELS, FIELDS, ColumnMapping

NOT_READ = "(not read)"
_ORDERS = (("Ask: an ambiguous date is a problem", None), ("Day first (09/07 is 9 July)", True),
           ("Month first (09/07 is 7 September)", False))  # fmt: skip
_CENTURIES = (("Refuse two-digit years", None), ("19xx ('46 is 1946)", 1900), ("20xx ('46 is 2046)", 2000),
              ("18xx ('46 is 1846)", 1800))  # fmt: skip


def mapping_key(headers: list[str]) -> str:
    """The settings key of the mapping chosen for files with exactly these headers."""
    digest = hashlib.sha1("\x1f".join(headers).encode("utf-8")).hexdigest()[:20]
    return f"import/columns/{digest}"


def remembered_mapping(settings: QSettings, headers: list[str]) -> ColumnMapping | None:
    """The mapping last chosen for a file with exactly these headers, if any."""
    return mapping_from_stored(settings.value(mapping_key(headers)) if headers else None, headers)


def mapping_from_stored(stored: object, headers: list[str]) -> ColumnMapping | None:
    try:
        data = json.loads(str(stored)) if stored else None
    except ValueError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("columns"), dict):
        return None
    columns = {
        str(name): str(header)
        for name, header in data["columns"].items()
        if name in FIELDS and header in headers
    }
    day_first = data.get("day_first")
    century = data.get("century")
    return ColumnMapping(
        columns,
        Reading(
            day_first=day_first if isinstance(day_first, bool) else None,
            century=century if isinstance(century, int) else None,
            single_date=True,
        ),
        complete=True,
    )


def remember_mapping(settings: QSettings, headers: list[str], mapping: ColumnMapping) -> None:
    data = {
        "columns": dict(mapping.columns),
        "day_first": mapping.reading.day_first,
        "century": mapping.reading.century,
    }
    settings.setValue(mapping_key(headers), json.dumps(data))


class ColumnChooser(QWidget):
    """A row per column of the file: its header, a few of its cells, and the field it holds.

    Signals:
        changed(): the user chose another field for a column, or another way to read dates.
    """

    changed = Signal()

    def __init__(
        self,
        headers: list[str],
        mapping: ColumnMapping,
        samples: list[list[str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.headers = headers
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(len(headers), 3)
        self.table.setHorizontalHeaderLabels(["Column in the file", "First cells", "Read as"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        field_of = {header: name for name, header in mapping.columns.items()}
        self.choices: list[QComboBox] = []
        for row, header in enumerate(headers):
            self.table.setItem(row, 0, QTableWidgetItem(header))
            cells = [sample[row] for sample in (samples or []) if row < len(sample) and sample[row]]
            self.table.setItem(row, 1, QTableWidgetItem(" · ".join(cells[:3])))
            choice = QComboBox()
            choice.setAccessibleName(f"Field of the column {header}")
            choice.addItem(NOT_READ, "")
            for name in FIELDS:
                choice.addItem(FIELD_LABELS[name], name)
            choice.setCurrentIndex(max(0, choice.findData(field_of.get(header, ""))))
            choice.currentIndexChanged.connect(lambda _=0, row=row: self._chosen(row))
            self.table.setCellWidget(row, 2, choice)
            self.choices.append(choice)
        self.table.resizeColumnToContents(0)
        self.table.setColumnWidth(2, 170)
        layout.addWidget(self.table)
        options = QHBoxLayout()
        form = QFormLayout()
        self.order = QComboBox()
        for label, value in _ORDERS:
            self.order.addItem(label, value)
        self.order.setCurrentIndex(max(0, self.order.findData(mapping.reading.day_first)))
        form.addRow("Day and month:", self.order)
        self.century = QComboBox()
        for label, century in _CENTURIES:
            self.century.addItem(label, century)
        self.century.setCurrentIndex(max(0, self.century.findData(mapping.reading.century)))
        form.addRow("Two-digit years:", self.century)
        options.addLayout(form)
        options.addStretch(1)
        layout.addLayout(options)
        self.order.currentIndexChanged.connect(self.changed)
        self.century.currentIndexChanged.connect(self.changed)

    def _chosen(self, row: int) -> None:
        """A field is held by one column: choosing it for this one frees the column that had it."""
        name = self.choices[row].currentData()
        if name:
            for other, choice in enumerate(self.choices):
                if other != row and choice.currentData() == name:
                    choice.blockSignals(True)
                    choice.setCurrentIndex(0)
                    choice.blockSignals(False)
        self.changed.emit()

    def set_field(self, header: str, name: str) -> None:
        """Choose the field a column holds (as the user does with its list)."""
        choice = self.choices[self.headers.index(header)]
        choice.setCurrentIndex(max(0, choice.findData(name)))

    def mapping(self) -> ColumnMapping:
        columns = {
            choice.currentData(): header
            for header, choice in zip(self.headers, self.choices, strict=True)
            if choice.currentData()
        }
        reading = Reading(
            day_first=self.order.currentData(), century=self.century.currentData(), single_date=True
        )
        return ColumnMapping(columns, reading, complete=True)

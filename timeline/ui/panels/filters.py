"""The filter controls under the search field: categories, tags, a period, doubtful dates only."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from timeline.core.dates.dates import HistoricalDate
from timeline.core.filters import EventFilter
from timeline.ui.document import TimelineDocument
from timeline.ui.editor.date_field import DateField


class FilterBox(QGroupBox):
    """Signals:
    changed(): a control changed; read :meth:`current` for the filter.
    """

    changed = Signal()

    def __init__(self, document: TimelineDocument, parent: QWidget | None = None) -> None:
        super().__init__("Filter the timeline", parent)
        self.document = document
        self.setCheckable(True)
        self.setChecked(False)
        self.categories = QListWidget()
        self.categories.setMaximumHeight(110)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText("any of these tags, comma-separated")
        self.since = DateField(optional=True, placeholder="from (any date)")
        self.until = DateField(optional=True, placeholder="to (any date)")
        self.doubtful = QCheckBox("Only approximate or uncertain dates")
        self.others = QComboBox()
        self.others.addItems(["Hide the others", "Fade the others"])
        form = QFormLayout(self)
        form.addRow("Categories", self.categories)
        form.addRow("Tags", self.tags)
        form.addRow("From", self.since)
        form.addRow("To", self.until)
        form.addRow(self.doubtful)
        form.addRow(self.others)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(200)
        self._settle.timeout.connect(self.changed)
        self.toggled.connect(lambda _on: self.changed.emit())
        self.categories.itemChanged.connect(lambda _item: self._settle.start())
        self.tags.textChanged.connect(lambda _text: self._settle.start())
        self.since.committed.connect(self.changed)
        self.until.committed.connect(self.changed)
        self.doubtful.toggled.connect(lambda _on: self.changed.emit())
        self.others.currentIndexChanged.connect(lambda _index: self.changed.emit())
        document.categories_changed.connect(self._fill_categories)
        self._fill_categories()

    def _fill_categories(self) -> None:
        unchecked = {
            self.categories.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.categories.count())
            if self.categories.item(row).checkState() != Qt.CheckState.Checked
        }
        self.categories.blockSignals(True)
        self.categories.clear()
        for category_id, category in sorted(
            self.document.categories().items(), key=lambda item: item[1].name
        ):
            item = QListWidgetItem(category.name)
            item.setData(Qt.ItemDataRole.UserRole, category_id)
            item.setCheckState(Qt.CheckState.Unchecked if category_id in unchecked else Qt.CheckState.Checked)
            self.categories.addItem(item)
        self.categories.blockSignals(False)

    def current(self, text: str = "") -> EventFilter:
        """The filter the controls describe, with the search words; an empty one when switched off."""
        if not self.isChecked():
            return EventFilter(text=text)
        checked = {
            self.categories.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.categories.count())
            if self.categories.item(row).checkState() == Qt.CheckState.Checked
        }
        every = len(checked) == self.categories.count()
        since, until = self.since.value(), self.until.value()
        return EventFilter(
            text=text,
            categories=None if every else frozenset(checked),
            tags=tuple(tag.strip() for tag in self.tags.text().split(",") if tag.strip()),
            earliest=since.earliest if isinstance(since, HistoricalDate) else None,
            latest=until.latest if isinstance(until, HistoricalDate) else None,
            only_doubtful=self.doubtful.isChecked(),
            dim=self.others.currentIndex() == 1,
        )

    def show_filter(self, event_filter: EventFilter) -> None:
        """Set the controls to a saved filter."""
        self.blockSignals(True)
        self.setChecked(event_filter.active and bool(
            event_filter.categories is not None or event_filter.tags or event_filter.earliest is not None
            or event_filter.latest is not None or event_filter.only_doubtful or event_filter.dim
        ))  # fmt: skip
        for row in range(self.categories.count()):
            item = self.categories.item(row)
            keep = (
                event_filter.categories is None
                or item.data(Qt.ItemDataRole.UserRole) in event_filter.categories
            )
            item.setCheckState(Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked)
        self.tags.setText(", ".join(event_filter.tags))
        self.since.set_value(
            HistoricalDate.from_instant(event_filter.earliest, _DAY) if event_filter.earliest else None
        )
        until = event_filter.latest - 1 if event_filter.latest is not None else None
        self.until.set_value(HistoricalDate.from_instant(until, _DAY) if until is not None else None)
        self.doubtful.setChecked(event_filter.only_doubtful)
        self.others.setCurrentIndex(1 if event_filter.dim else 0)
        self.blockSignals(False)
        self.changed.emit()


_DAY = HistoricalDate.of_day(2000, 1, 1).precision

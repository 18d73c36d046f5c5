"""The form for one entity: name, kind, other names, description, its own dates, colour and,
for a place, coordinates. A bad value is named under the form and nothing is written."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from timeline.core.dates.dates import DateError, HistoricalDate, OpenEnd
from timeline.core.model import ENTITY_KINDS, Entity, Source
from timeline.ui.editor.date_field import ERROR_STYLE, DateField

NO_COORDINATE = -999.0


class EntityForm(QDialog):
    def __init__(self, entity: Entity | None, kinds: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit Entity" if entity else "Add Entity")
        self.original = entity
        self.name = QLineEdit(entity.name if entity else "")
        self.kind = QComboBox()
        self.kind.setEditable(True)
        self.kind.addItems(list(dict.fromkeys([*ENTITY_KINDS, *kinds])))
        self.kind.setCurrentText(entity.kind if entity else "person")
        self.aliases = QLineEdit("; ".join(entity.aliases) if entity else "")
        self.aliases.setPlaceholderText("other names, separated by ;")
        self.description = QPlainTextEdit(entity.description if entity else "")
        self.description.setMaximumHeight(90)
        self.start = DateField(optional=True, placeholder="born, founded, built …")
        self.end = DateField(optional=True, placeholder="died, dissolved … ('ongoing' when it still is)")
        if entity:
            self.start.set_value(entity.start)
            self.end.set_value(entity.end)
        self.colour = QLineEdit(entity.colour if entity else "")
        self.colour.setPlaceholderText("#336699")
        self.latitude, self.longitude = _coordinate(90), _coordinate(180)
        if entity and entity.latitude is not None and entity.longitude is not None:
            self.latitude.setValue(entity.latitude)
            self.longitude.setValue(entity.longitude)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        for label, widget in (
            ("Name", self.name),
            ("Kind", self.kind),
            ("Also called", self.aliases),
            ("Description", self.description),
            ("From", self.start),
            ("Until", self.end),
            ("Colour", self.colour),
            ("Latitude", self.latitude),
            ("Longitude", self.longitude),
        ):
            form.addRow(label, widget)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.result_entity: Entity | None = None

    def entity(self) -> Entity:
        """The entity the form describes; raises ``ValueError`` with a reason when it cannot be one."""
        try:
            start, end = self.start.pending(), self.end.pending()
        except DateError as error:
            raise ValueError(str(error)) from None
        if start is not None and not isinstance(start, HistoricalDate):
            raise ValueError("The start must be a date.")
        latitude = None if self.latitude.value() == NO_COORDINATE else self.latitude.value()
        longitude = None if self.longitude.value() == NO_COORDINATE else self.longitude.value()
        base = self.original or Entity("?")
        return Entity(
            name=" ".join(self.name.text().split()),
            kind=self.kind.currentText(),
            aliases=tuple(alias.strip() for alias in self.aliases.text().split(";") if alias.strip()),
            description=self.description.toPlainText(),
            start=start,
            end=end if isinstance(end, HistoricalDate | OpenEnd) else None,
            colour=self.colour.text().strip(),
            latitude=latitude,
            longitude=longitude,
            id=base.id,
            created=base.created,
            modified=base.modified,
        )

    def accept(self) -> None:
        try:
            self.result_entity = self.entity()
        except ValueError as error:
            self.error.setText(str(error)[:1].upper() + str(error)[1:])
            return
        super().accept()


def _coordinate(bound: int) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setDecimals(5)
    box.setRange(NO_COORDINATE, bound)
    box.setSpecialValueText("none")
    box.setValue(NO_COORDINATE)
    return box


class SourceForm(QDialog):
    """The fields of one source record (what every event citing it shares)."""

    FIELDS = (
        ("author", "Author"),
        ("title", "Title"),
        ("year", "Year"),
        ("publisher", "Publisher"),
        ("locator", "Archive, shelf mark"),
        ("url", "URL"),
        ("identifier", "DOI or ISBN"),
        ("text", "Citation"),
    )

    def __init__(self, source: Source | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit Source" if source else "Add Source")
        self.original = source or Source()
        self.lines = {key: QLineEdit(getattr(self.original, key)) for key, _ in self.FIELDS}
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        form = QFormLayout(self)
        for key, label in self.FIELDS:
            form.addRow(label, self.lines[key])
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.result_source: Source | None = None

    def accept(self) -> None:
        from dataclasses import replace

        values = {key: line.text().strip() for key, line in self.lines.items()}
        source = replace(self.original, **values)  # type: ignore[arg-type]
        if not source:
            self.error.setText("A source needs at least a title, an author, a citation or an address.")
            return
        if source.url and not source.url.startswith(("http://", "https://")):
            self.error.setText("A URL must start with http:// or https://.")
            return
        self.result_source = source
        super().accept()

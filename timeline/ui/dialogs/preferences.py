"""The Preferences window: a form over :class:`Preferences`, applied when accepted."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from timeline.ui.preferences import (
    DATE_ORDERS,
    PRESENTATION_COLOURS,
    THEMES,
    ZOOMS,
    Preferences,
)


def _combo(choices: dict[str, str], current: str) -> QComboBox:
    combo = QComboBox()
    for key, label in choices.items():
        combo.addItem(label, key)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


class PreferencesDialog(QDialog):
    """Date order, first zoom, the timeline's type size, theme and presentation colours."""

    def __init__(self, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.date_order = _combo(
            {key: label for key, (label, _) in DATE_ORDERS.items()}, preferences.date_order
        )
        self.default_zoom = _combo(ZOOMS, preferences.default_zoom)
        self.font_size = QDoubleSpinBox()
        self.font_size.setRange(5, 48)
        self.font_size.setDecimals(1)
        self.font_size.setSingleStep(1)
        self.font_size.setSuffix(" pt")
        self.font_size.setSpecialValueText("As the system")
        self.font_size.setValue(preferences.font_size or 5)
        self.theme = _combo(THEMES, preferences.theme)
        self.presentation = _combo(PRESENTATION_COLOURS, preferences.presentation)
        form = QFormLayout()
        form.addRow("Numeric &dates", self.date_order)
        form.addRow("First &view of a file", self.default_zoom)
        form.addRow("Timeline &type size", self.font_size)
        form.addRow("&Theme", self.theme)
        form.addRow("&Presentation colours", self.presentation)
        note = QLabel(
            "Date order applies wherever a date is typed. The first view is used for files that"
            " have no view remembered from last time."
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.setMinimumWidth(34 * self.fontMetrics().horizontalAdvance("M"))

    def preferences(self) -> Preferences:
        size = self.font_size.value()
        return Preferences(
            date_order=self.date_order.currentData(),
            default_zoom=self.default_zoom.currentData(),
            font_size=0.0 if size <= self.font_size.minimum() else size,
            theme=self.theme.currentData(),
            presentation=self.presentation.currentData(),
        )

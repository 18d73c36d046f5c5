"""A date field that takes what people write and says, as they type, how it was understood."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from timeline.core.dates.dates import DateError, HistoricalDate, Interval, OpenEnd
from timeline.core.dates.parsing import Reading, parse

FieldValue = HistoricalDate | OpenEnd | None

_OPEN_WORDS = {"..", "ongoing", "now", "present", "open"}
_UNKNOWN_WORDS = {"unknown", "?"}
ERROR_STYLE = "color: #c62828;"
HINT_STYLE = "color: palette(placeholder-text);"


_reading = Reading()


def set_date_reading(reading: Reading) -> None:
    """How every date field reads what a date leaves open (the date order preference)."""
    global _reading
    _reading = reading


def date_reading() -> Reading:
    return _reading


def read_field(text: str, optional: bool) -> FieldValue:
    """The value of a date field's text; raises :class:`DateError` with a reason."""
    stripped = text.strip()
    if not stripped:
        if optional:
            return None
        raise DateError("a date is needed here")
    if optional and stripped.lower() in _OPEN_WORDS:
        return OpenEnd.OPEN
    if optional and stripped.lower() in _UNKNOWN_WORDS:
        return OpenEnd.UNKNOWN
    value = parse(stripped, reading=_reading)
    if isinstance(value, Interval):
        raise DateError(f"{stripped!r}: expected one date, not an interval")
    return value


def field_text(value: FieldValue) -> str:
    if value is None:
        return ""
    if value is OpenEnd.OPEN:
        return "ongoing"
    if value is OpenEnd.UNKNOWN:
        return "unknown"
    assert isinstance(value, HistoricalDate)
    return value.display()


def describe_value(value: FieldValue, optional: bool) -> str:
    if value is None:
        return "no end: a point in time" if optional else ""
    if value is OpenEnd.OPEN:
        return "ongoing (open end)"
    if value is OpenEnd.UNKNOWN:
        return "end not known"
    assert isinstance(value, HistoricalDate)
    return value.describe()


class DateField(QWidget):
    """A line for a date and, beneath it, how it reads or in red why it does not.

    An invalid text never becomes the value: the last good value stays until the text is
    fixed, and Esc puts its text back.

    Signals:
        committed(): editing finished with a valid value that differs from the last one.
    """

    committed = Signal()

    def __init__(self, optional: bool = False, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.optional = optional
        self.line = QLineEdit()
        self.line.setPlaceholderText(placeholder)
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line)
        layout.addWidget(self.feedback)
        self._value: FieldValue = None
        self._previous: FieldValue = None
        self._refused = False
        self.line.textEdited.connect(self._show_reading)
        self.line.editingFinished.connect(self._finish)
        self.line.installEventFilter(self)

    def value(self) -> FieldValue:
        """The last good value (never one the current text failed to give)."""
        return self._value

    def set_value(self, value: FieldValue) -> None:
        self._value = value
        self.line.setText(field_text(value))
        self.show_hint(describe_value(value, self.optional))

    def show_error(self, message: str) -> None:
        self.feedback.setStyleSheet(ERROR_STYLE)
        self.feedback.setText(message)

    def show_hint(self, message: str) -> None:
        self.feedback.setStyleSheet(HINT_STYLE)
        self.feedback.setText(message)

    def refuse(self, message: str) -> None:
        """Called by the owner from ``committed``: the value cannot be used (say, an end before
        the start). The last good value comes back; the text stays for the user to fix."""
        self._value = self._previous
        self._refused = True
        self.show_error(message)

    def revert(self) -> None:
        self.set_value(self._value)

    def pending(self) -> FieldValue:
        """What the current text means; raises :class:`DateError` if it means nothing."""
        return read_field(self.line.text(), self.optional)

    def _show_reading(self, text: str) -> None:
        try:
            value = read_field(text, self.optional)
        except DateError as error:
            self.show_error(str(error))
        else:
            self.show_hint(describe_value(value, self.optional))

    def _finish(self) -> None:
        try:
            value = self.pending()
        except DateError as error:
            self.show_error(str(error))
            return
        if value != self._value:
            self._previous, self._value, self._refused = self._value, value, False
            self.committed.emit()
            if self._refused:
                return
        self.line.setText(field_text(self._value))
        self.show_hint(describe_value(self._value, self.optional))

    def eventFilter(self, watched: object, event: object) -> bool:
        if (
            watched is self.line
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
        ):
            self.revert()
            return True
        return False

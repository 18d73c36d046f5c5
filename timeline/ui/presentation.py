"""Presentation mode: the timeline full screen for a projector, stepping through events like slides.

Large type, strong contrast, no editing chrome. Each step flies (pan and zoom, half a second,
eased) to frame the event with its neighbours and shows a caption card with the title, the
date as written and the description. Space, → and Page Down go on; ←, Page Up and Backspace
go back; Home and End jump; Esc leaves and the window underneath is as it was.
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, Qt, QVariantAnimation, Signal
from PySide6.QtGui import QCloseEvent, QColor, QFont, QGuiApplication, QKeyEvent, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from timeline.core.dates.dates import MAX_INSTANT
from timeline.core.view.period import TimePeriod
from timeline.core.view.presentation import Stop, between, framing
from timeline.ui.canvas.widget import TimelineCanvas
from timeline.ui.document import TimelineDocument
from timeline.ui.safe_text import safe_markdown_html

STEP_MILLISECONDS = 500
FONT_SCALE = 1.6


def stops_for(document: TimelineDocument, event_ids: list[int]) -> list[Stop]:
    """The steps for these events, in the order given; an ongoing end counts as now."""
    import time

    stops = []
    now = time.time()
    for event_id in document.existing(event_ids):
        event = document.get_event(event_id)
        latest = float(event.latest if event.latest < MAX_INSTANT else max(now, event.earliest + 1))
        stops.append(Stop(event_id, float(event.earliest), latest))
    return stops


def type_scale() -> float:
    """How much larger than on the desk: enough to read from the back of a room at any resolution."""
    screen = QGuiApplication.primaryScreen()
    height = screen.geometry().height() if screen is not None else 800
    return max(FONT_SCALE, height / 540)


def projector_palette(base: QPalette) -> QPalette:
    """Black on white with a strong highlight: what reads best on a projector in a lit room."""
    palette = QPalette(base)
    for role, colour in (
        (QPalette.ColorRole.Base, "#ffffff"),
        (QPalette.ColorRole.Window, "#f0f0f0"),
        (QPalette.ColorRole.Text, "#000000"),
        (QPalette.ColorRole.WindowText, "#000000"),
        (QPalette.ColorRole.Highlight, "#0047ab"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


class CaptionCard(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caption")
        self.setStyleSheet("#caption { background: #ffffff; border-top: 3px solid #0047ab; }")
        self.title = QLabel()
        self.when = QLabel()
        self.description = QLabel()
        self.position = QLabel()
        for plain in (self.title, self.when, self.position):  # a title is text, never markup
            plain.setTextFormat(Qt.TextFormat.PlainText)
        self.description.setTextFormat(Qt.TextFormat.RichText)  # made by safe_markdown_html only
        self.description.setWordWrap(True)
        self.description.setOpenExternalLinks(False)
        self.title.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 18, 40, 22)
        for label in (self.title, self.when, self.description, self.position):
            layout.addWidget(label)

    def scale_fonts(self, base: QFont) -> None:
        sizes = ((self.title, 1.5, True), (self.when, 1.1, False), (self.description, 0.95, False),
                 (self.position, 0.75, False))  # fmt: skip
        for label, factor, bold in sizes:
            font = QFont(base)
            font.setPointSizeF(base.pointSizeF() * factor)
            font.setBold(bold)
            label.setFont(font)


class PresentationWindow(QWidget):
    """Signals:
    finished(): the presentation was left (Esc or closed).
    """

    finished = Signal()

    def __init__(self, document: TimelineDocument, stops: list[Stop], title: str = "") -> None:
        super().__init__()
        self.setWindowTitle(f"{title or document.title} — Presentation")
        self.document = document
        self.stops = stops
        self.index = -1
        self.canvas = TimelineCanvas(document)
        self.canvas.read_only = True
        self.canvas.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.canvas.setPalette(projector_palette(self.canvas.palette()))
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * type_scale())
        self.canvas.setFont(font)
        self.caption = CaptionCard()
        self.caption.scale_fonts(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.caption)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._flight = QVariantAnimation(self)
        self._flight.setStartValue(0.0)
        self._flight.setEndValue(1.0)
        self._flight.setDuration(STEP_MILLISECONDS)
        self._flight.setEasingCurve(QEasingCurve.Type.Linear)  # the easing is in `between`
        self._flight.valueChanged.connect(self._fly)
        self._from: TimePeriod = self.canvas.period
        self._to: TimePeriod = self.canvas.period
        if stops:
            self.show_step(0, animate=False)
        else:
            self.caption.title.setText("Nothing to present")
            self.caption.when.setText("Add events to the story, or search, then press F5 again.")

    # Stepping -----------------------------------------------------------------------------

    def show_step(self, index: int, animate: bool = True) -> None:
        if not self.stops:
            return
        index = min(max(index, 0), len(self.stops) - 1)
        self.index = index
        stop = self.stops[index]
        target = framing(self.stops, index)
        event = self.document.get_event(stop.event_id)
        self.canvas.select(stop.event_id)
        self.caption.title.setText(event.title)
        self.caption.when.setText(event.display_when())
        description = self.caption.description
        description.setText(safe_markdown_html(event.description, description.font()))
        self.caption.position.setText(f"{index + 1} / {len(self.stops)}")
        self._flight.stop()
        if animate and self.isVisible():
            self._from, self._to = self.canvas.period, target
            self._flight.start()
        else:
            self.canvas.set_period(target)

    def next(self) -> None:
        self.show_step(self.index + 1)

    def previous(self) -> None:
        self.show_step(self.index - 1)

    @property
    def target(self) -> TimePeriod:
        """Where the current step ends up once its flight is over."""
        return framing(self.stops, self.index) if self.stops else self.canvas.period

    def _fly(self, value: float) -> None:
        progress = float(value)
        self.canvas.set_period(self._to if progress >= 1.0 else between(self._from, self._to, progress))

    # Keys ---------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Down):
            self.next()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace, Qt.Key.Key_Up):
            self.previous()
        elif key == Qt.Key.Key_Home:
            self.show_step(0)
        elif key == Qt.Key.Key_End:
            self.show_step(len(self.stops) - 1)
        elif key == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._flight.stop()
        self.finished.emit()
        super().closeEvent(event)

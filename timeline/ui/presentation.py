"""Presentation mode: the timeline full screen for a projector, stepping through events like slides.

Large type, strong contrast, no editing chrome. Each step flies (pan and zoom, half a second,
eased) to frame the event with its neighbours and shows a caption card with the title, the
date as written and the description. Space, → and Page Down go on; ←, Page Up and Backspace
go back; Home and End jump; Esc leaves and the window underneath is as it was.
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QRectF, Qt, QVariantAnimation, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from timeline.core.dates.dates import MAX_INSTANT
from timeline.core.view.period import TimePeriod
from timeline.core.view.presentation import Stop, between, framing
from timeline.ui.canvas.widget import TimelineCanvas
from timeline.ui.document import TimelineDocument
from timeline.ui.safe_text import safe_markdown_html

STEP_MILLISECONDS = 500
TITLE_SLIDE_TEXT = "title_slide.text"
"""The timeline's description, shown on the title slide (a TimelineJS title slide's text)."""
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


CAPTION_COLOURS = {"background": "#ffffff", "text": "#111111", "muted": "#4a4a4a", "accent": "#0047ab"}
"""The caption card's colours, each checked (in the tests) to read at 7:1 or better on the card."""


class ProgressStrip(QWidget):
    """Where the step is in the whole: one segment per step, those done filled, the current one bold."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.count = 0
        self.current = -1
        self.setFixedHeight(10)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_position(self, current: int, count: int) -> None:
        self.current, self.count = current, count
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.count <= 0:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        gap = 4.0 if self.count <= 60 else 0.0
        width = (self.width() - gap * (self.count - 1)) / self.count
        accent, faint = QColor(CAPTION_COLOURS["accent"]), QColor("#d5dbe5")
        for index in range(self.count):
            x = index * (width + gap)
            height = self.height() if index == self.current else self.height() * 0.5
            top = (self.height() - height) / 2
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(accent if index <= self.current else faint)
            painter.drawRoundedRect(QRectF(x, top, max(width, 1.0), height), height / 2, height / 2)
        painter.end()


class CaptionCard(QFrame):
    """The step's picture large at the left; title, date and description beside it; above them,
    the progress strip and the step counter."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caption")
        colours = CAPTION_COLOURS
        self.setStyleSheet(
            f"#caption {{ background: {colours['background']}; border-top: 3px solid {colours['accent']}; }}"
            f" #caption QLabel {{ color: {colours['text']}; background: transparent; }}"
            f" #caption QLabel#muted {{ color: {colours['muted']}; }}"
        )
        self.title = QLabel()
        self.when = QLabel()
        self.description = QLabel()
        self.position = QLabel()
        self.picture = QLabel()
        self.credit = QLabel()
        for muted in (self.position, self.credit):
            muted.setObjectName("muted")
        for plain in (self.title, self.when, self.position, self.credit):  # a title is text, never markup
            plain.setTextFormat(Qt.TextFormat.PlainText)
        self.description.setTextFormat(Qt.TextFormat.RichText)  # made by safe_markdown_html only
        self.description.setWordWrap(True)
        self.description.setOpenExternalLinks(False)
        self.title.setWordWrap(True)
        self.credit.setWordWrap(True)
        self.progress = ProgressStrip()
        self.position.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header = QHBoxLayout()
        header.addWidget(self.progress, 1)
        header.addSpacing(16)
        header.addWidget(self.position)
        text = QVBoxLayout()
        for label in (self.title, self.when, self.description):
            text.addWidget(label)
        text.addStretch(1)
        picture = QVBoxLayout()
        picture.addWidget(self.picture)
        picture.addWidget(self.credit)
        picture.addStretch(1)
        body = QHBoxLayout()
        body.setSpacing(32)
        body.addLayout(picture)
        body.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 14, 40, 22)
        layout.addLayout(header)
        layout.addLayout(body)
        self.picture.hide()
        self.credit.hide()

    def scale_fonts(self, base: QFont) -> None:
        sizes = ((self.title, 1.7, True), (self.when, 1.15, True), (self.description, 1.1, False),
                 (self.position, 1.0, True), (self.credit, 0.8, False))  # fmt: skip
        for label, factor, bold in sizes:
            font = QFont(base)
            font.setPointSizeF(base.pointSizeF() * factor)
            font.setBold(bold)
            label.setFont(font)

    def show_picture(self, image: QImage | None, credit: str, height: int) -> None:
        """The step's first picture, ``height`` pixels tall at most (and no wider than a third)."""
        if image is None or image.isNull():
            self.picture.hide()
            self.credit.hide()
            return
        width = max(self.window().width() // 3, 200)
        scaled = image.scaled(
            width, height, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        self.picture.setPixmap(QPixmap.fromImage(scaled))
        self.picture.setFixedSize(scaled.size())
        self.credit.setMaximumWidth(scaled.width())
        self.credit.setText(credit)
        self.picture.show()
        self.credit.setVisible(bool(credit))


class PresentationWindow(QWidget):
    """Signals:
    finished(): the presentation was left (Esc or closed).
    """

    finished = Signal()

    def __init__(
        self, document: TimelineDocument, stops: list[Stop], title: str = "", title_slide: bool = False
    ) -> None:
        """``title_slide``: open on a slide with the timeline's title and description, the whole
        timeline in view, before the first step (index ``-1``)."""
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
        self.has_title_slide = title_slide and bool(stops)
        if self.has_title_slide:
            self.show_step(-1, animate=False)
        elif stops:
            self.show_step(0, animate=False)
        else:
            self.caption.title.setText("Nothing to present")
            self.caption.when.setText("Add events to the story, or search, then press F5 again.")

    # Stepping -----------------------------------------------------------------------------

    def show_step(self, index: int, animate: bool = True) -> None:
        if not self.stops:
            return
        index = min(max(index, -1 if self.has_title_slide else 0), len(self.stops) - 1)
        self.index = index
        caption = self.caption
        count = len(self.stops)
        caption.progress.set_position(index, count)
        if index < 0:
            self._show_title_slide()
            target = self.target
        else:
            stop = self.stops[index]
            target = framing(self.stops, index)
            event = self.document.get_event(stop.event_id)
            self.canvas.select(stop.event_id)
            caption.title.setText(event.title)
            caption.when.setText(event.display_when())
            caption.description.setText(safe_markdown_html(event.description, caption.description.font()))
            caption.position.setText(f"{index + 1} / {count}")
            self._show_picture(stop.event_id)
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
        """Where the current step ends up once its flight is over (all of it for the title slide)."""
        if not self.stops:
            return self.canvas.period
        if self.index < 0:
            first = min(stop.earliest for stop in self.stops)
            last = max(stop.latest for stop in self.stops)
            margin = max((last - first) * 0.06, 86_400.0 * 7)
            return TimePeriod(first - margin, last + margin).clamped()
        return framing(self.stops, self.index)

    def _show_title_slide(self) -> None:
        caption = self.caption
        self.canvas.select(None)
        caption.title.setText(self.document.title)
        first = self.document.get_event(self.stops[0].event_id)
        last = self.document.get_event(self.stops[-1].event_id)
        span = (
            first.display_when() if first.id == last.id else f"{first.display_when()} – {last.display_when()}"
        )
        caption.when.setText(f"{len(self.stops)} steps · {span}")
        description = self.document.repository.setting(TITLE_SLIDE_TEXT) or ""
        caption.description.setText(safe_markdown_html(description, caption.description.font()))
        caption.position.setText("Space to begin")
        caption.show_picture(None, "", 0)

    def _show_picture(self, event_id: int) -> None:
        from timeline.ui.pictures import decode

        pictures = self.document.pictures_of(event_id)
        if not pictures:
            self.caption.show_picture(None, "", 0)
            return
        picture = pictures[0]
        data, mime = self.document.image_data(picture.sha256)
        height = max(round(self.height() * 0.3), 160)
        credit = " — ".join(text for text in (picture.caption, picture.credit) if text)
        self.caption.show_picture(decode(data, mime, longest=max(height * 2, 512)), credit, height)

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

"""The timeline canvas: a plain QWidget painted by :class:`TimelinePainter`.

It turns input into new periods and selections; what to draw comes from
:func:`build_frame`, how it looks from the painter.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt, Signal
from PySide6.QtGui import (
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from timeline.core.period import TimePeriod
from timeline.ui.canvas.frame import Frame, build_frame
from timeline.ui.canvas.interactions import PanByDrag
from timeline.ui.canvas.painter import Theme, TimelinePainter
from timeline.ui.document import TimelineDocument

ZOOM_STEP = 1.25
PAN_STEP = 0.1
_DEFAULT_PERIOD = TimePeriod(946_684_800.0, 1_893_456_000.0)  # 2000–2030, for an empty timeline


class TimelineCanvas(QWidget):
    """Signals:
    period_changed(object): the visible :class:`TimePeriod` changed.
    selection_changed(object): the selected event id (``int``) or ``None``.
    frame_painted(): a frame was drawn (used to measure and by tests).
    """

    period_changed = Signal(object)
    selection_changed = Signal(object)
    frame_painted = Signal()

    def __init__(self, document: TimelineDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 200)
        self.grabGesture(Qt.GestureType.PinchGesture)
        self._painter = TimelinePainter(self.font(), Theme.from_palette(self.palette()))
        self._period = _DEFAULT_PERIOD
        self._selected: int | None = None
        self._hovered: int | None = None
        self._drag: PanByDrag | None = None
        self._frame: Frame | None = None
        document.events_changed.connect(self.update)
        self.fit_all()

    # State --------------------------------------------------------------------------------

    @property
    def period(self) -> TimePeriod:
        return self._period

    def set_period(self, period: TimePeriod) -> None:
        period = period.clamped()
        if period != self._period:
            self._period = period
            self.period_changed.emit(period)
            self.update()

    @property
    def selected(self) -> int | None:
        return self._selected

    def select(self, event_id: int | None) -> None:
        if event_id != self._selected:
            self._selected = event_id
            self.selection_changed.emit(event_id)
            self.update()

    @property
    def frame(self) -> Frame | None:
        """The last frame drawn: what is where on screen."""
        return self._frame

    # Navigation ---------------------------------------------------------------------------

    def fit_all(self) -> None:
        bounds = self.document.bounds()
        if bounds is None:
            self.set_period(_DEFAULT_PERIOD)
            return
        fitted = TimePeriod.around(*bounds)
        self.set_period(TimePeriod(fitted.start, fitted.end + fitted.width * 0.12))  # room for labels

    def zoom(self, factor: float, anchor: float = 0.5) -> None:
        self.set_period(self._period.zoomed(factor, anchor))

    def pan(self, fraction: float) -> None:
        self.set_period(self._period.panned_by(fraction))

    def centre_on(self, time: float) -> None:
        self.set_period(self._period.centred_on(time))

    def show_event(self, event_id: int) -> None:
        """Select an event and bring it into view, zooming out if it is wider than the view."""
        event = self.document.get_event(event_id)
        latest = min(event.latest, event.earliest + 1e18)
        if latest - event.earliest > self._period.width * 0.8:
            self.set_period(TimePeriod.around(event.earliest, latest, margin=0.15))
        elif not (self._period.start <= event.earliest and latest <= self._period.end):
            self.centre_on((event.earliest + latest) / 2)
        self.select(event_id)

    # Painting -----------------------------------------------------------------------------

    def build_frame(self, width: float, height: float) -> Frame:
        geometry = self._painter.geometry(width, height)
        selected = frozenset() if self._selected is None else frozenset({self._selected})
        return build_frame(
            self.document, self._period, geometry, self._painter.measure, selected, self._hovered
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        frame = self.build_frame(self.width(), self.height())
        painter = QPainter(self)
        try:
            self._painter.paint(painter, frame)
        finally:
            painter.end()
        self._frame = frame
        self.frame_painted.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._painter = TimelinePainter(self.font(), Theme.from_palette(self.palette()))
            self.update()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.update()

    # Input --------------------------------------------------------------------------------

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = delta.y() / 120
            self.zoom(ZOOM_STEP**steps, event.position().x() / max(self.width(), 1))
        else:
            amount = delta.x() if delta.x() else delta.y()
            self.pan(-amount / 120 * PAN_STEP)
        event.accept()

    def event(self, event: QEvent) -> bool:
        if (
            isinstance(event, QNativeGestureEvent)
            and event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture
        ):
            self.zoom(1 + event.value(), event.position().x() / max(self.width(), 1))
            return True
        if event.type() == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)  # type: ignore[attr-defined]
            if pinch is not None:
                centre = self.mapFromGlobal(pinch.centerPoint().toPoint())
                self.zoom(pinch.scaleFactor(), centre.x() / max(self.width(), 1))
                return True
        if event.type() == QEvent.Type.ToolTip:
            self._show_tooltip(event)  # type: ignore[arg-type]
            return True
        return super().event(event)

    def _show_tooltip(self, event: QHelpEvent) -> None:
        box = self._frame.box_at(event.pos().x(), event.pos().y()) if self._frame else None
        if box is None:
            QToolTip.hideText()
            return
        stored = self.document.get_event(box.span.id)
        lines = [f"<b>{_escape(stored.title)}</b>", _escape(stored.display_when())]
        if stored.category:
            lines.append(f"<i>{_escape(stored.category)}</i>")
        QToolTip.showText(event.globalPos(), "<br>".join(lines), self)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus()
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag = PanByDrag(event.position(), self._period, self.width())
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is not None:
            self.set_period(self._drag.period_at(event.position()))
            return
        box = self._frame.box_at(event.position().x(), event.position().y()) if self._frame else None
        hovered = box.span.id if box else None
        if hovered != self._hovered:
            self._hovered = hovered
            self.setCursor(Qt.CursorShape.PointingHandCursor if box else Qt.CursorShape.ArrowCursor)
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drag, self._drag = self._drag, None
        self.unsetCursor()
        if drag is None or event.button() != Qt.MouseButton.LeftButton or drag.moved:
            return
        self._click(event.position())

    def _click(self, position: QPointF) -> None:
        frame = self._frame
        if frame is None:
            return
        box = frame.box_at(position.x(), position.y())
        if box is not None:
            self.select(box.span.id)
            return
        anchor = position.x() / max(self.width(), 1)
        if not frame.scene.detailed:
            self.zoom(4.0, anchor)  # a click on the density band zooms in there
            return
        top, _ = frame.geometry.overflow_row
        for cluster in frame.scene.clusters:
            if position.y() >= top and cluster.x0 <= position.x() <= cluster.x1:
                self.set_period(TimePeriod.around(cluster.start, cluster.end, margin=0.5))
                return
        self.select(None)

    def leaveEvent(self, event: QEvent) -> None:
        if self._hovered is not None:
            self._hovered = None
            self.update()
        super().leaveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Left:
            self.pan(-PAN_STEP)
        elif key == Qt.Key.Key_Right:
            self.pan(PAN_STEP)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(ZOOM_STEP)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_Home:
            self.fit_all()
        elif key == Qt.Key.Key_Escape:
            self.select(None)
        else:
            super().keyPressEvent(event)
            return
        event.accept()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

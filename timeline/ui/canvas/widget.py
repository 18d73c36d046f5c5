"""The timeline canvas: a plain QWidget painted by :class:`TimelinePainter`.

It turns input into new periods, selections and edits (through undo commands); what to draw
comes from :func:`build_frame`, how it looks from the painter.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from timeline.core.filters import Matches
from timeline.core.model import Event, EventSpan, span_of
from timeline.core.view.editing import Step, date_at, step_for_zoom
from timeline.core.view.layout import DETAIL_LIMIT, EventBox
from timeline.core.view.period import MIN_WIDTH, TimePeriod
from timeline.ui.canvas import keyboard
from timeline.ui.canvas.frame import Frame, build_frame
from timeline.ui.canvas.interactions import MoveByDrag, PanByDrag, ResizeByDrag, RubberBand
from timeline.ui.canvas.painter import Theme, TimelinePainter
from timeline.ui.commands import AddEvents, EditEvents, describe, perform
from timeline.ui.document import TimelineDocument

ZOOM_STEP = 1.25
PAN_STEP = 0.1
EDGE_GRIP = 5.0
NEW_EVENT_TITLE = "New event"
_DEFAULT_PERIOD = TimePeriod(946_684_800.0, 1_893_456_000.0)  # 2000–2030, for an empty timeline

Drag = PanByDrag | MoveByDrag | ResizeByDrag | RubberBand


class TimelineCanvas(QWidget):
    """Signals:
    period_changed(object): the visible :class:`TimePeriod` changed.
    selection_changed(object): the current event id (``int``) or ``None``; see ``selected_ids``.
    edit_requested(int): the user asked to edit an event (double-click, or a new event).
    context_menu_requested(object, QPoint, float): event id or ``None``, global position, time.
    frame_painted(): a frame was drawn (used to measure and by tests).
    """

    period_changed = Signal(object)
    selection_changed = Signal(object)
    edit_requested = Signal(int)
    context_menu_requested = Signal(object, QPoint, float)
    frame_painted = Signal()

    def __init__(self, document: TimelineDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(f"{keyboard.CANVAS_NAME}: no event selected")
        self.setAccessibleDescription(keyboard.CANVAS_HELP)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 200)
        self.grabGesture(Qt.GestureType.PinchGesture)
        self._painter = TimelinePainter(self.font(), Theme.from_palette(self.palette()))
        self._period = _DEFAULT_PERIOD
        self._selection: list[int] = []
        self._hovered: int | None = None
        self._hidden: frozenset[int] = frozenset()
        self._matching: Matches | None = None
        self._dim = False
        self._drag: Drag | None = None
        self._previews: dict[int, EventSpan] = {}
        self._frame: Frame | None = None
        self._swimlanes = False
        self._grouping = "category"
        self._collapsed: frozenset[str] = frozenset()
        self.read_only = False
        """When set (presenting), the mouse only pans and selects: nothing is created or moved."""
        document.events_changed.connect(self._events_changed)
        document.categories_changed.connect(self.update)
        document.eras_changed.connect(self.update)
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
        """The current event: the last one selected."""
        return self._selection[-1] if self._selection else None

    @property
    def selected_ids(self) -> list[int]:
        return list(self._selection)

    def select(self, event_id: int | None) -> None:
        self.set_selection([] if event_id is None else [event_id])

    def set_selection(self, event_ids: list[int]) -> None:
        current = self.selected
        self._selection = list(dict.fromkeys(event_ids))
        if self.selected != current:
            self.selection_changed.emit(self.selected)
            keyboard.announce(self)
        self.update()

    def set_matching(self, matching: Matches | None, dim: bool) -> None:
        """Show only the events of a filter (or, with ``dim``, the others faded); ``None`` shows all."""
        self._matching, self._dim = matching, dim
        self.update()

    @property
    def swimlanes(self) -> bool:
        """Events in one labelled band per category instead of packed together."""
        return self._swimlanes

    def set_swimlanes(self, on: bool) -> None:
        self._swimlanes = on
        self.update()

    def set_lane_grouping(self, grouping: str) -> None:
        """Swimlanes by ``category``, by entity (``entity:person``, ``entity:place`` …) or ``tag``."""
        if grouping != self._grouping:
            self._grouping = grouping
            self._collapsed = frozenset()
        self.update()

    def toggle_band(self, key: str) -> None:
        """Collapse a swimlane to its header, or open it again (a click on the header)."""
        self._collapsed = self._collapsed ^ {key}
        self.update()

    def toggle_category(self, category_id: int) -> None:
        """Show or hide the events of a category (from the legend)."""
        self._hidden = self._hidden ^ {category_id}
        self.update()

    def _events_changed(self) -> None:
        existing = self.document.existing(self._selection)
        if existing != self._selection:
            self.set_selection(existing)
        self.update()

    @property
    def frame(self) -> Frame | None:
        """The last frame drawn: what is where on screen."""
        return self._frame

    def zoom_step(self) -> Step:
        return step_for_zoom(self._period.width / max(self.width(), 1))

    def time_at(self, x: float) -> float:
        return self._period.time_at(x / max(self.width(), 1))

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

    def show_event(self, event_id: int, centre: bool = False) -> None:
        """Select an event and bring it into view (to the middle with ``centre``), zooming out
        if it is wider than the view."""
        event = self.document.get_event(event_id)
        latest = min(event.latest, event.earliest + 1e18)
        if latest - event.earliest > self._period.width * 0.8:
            self.set_period(TimePeriod.around(event.earliest, latest, margin=0.15))
        elif centre or not (self._period.start <= event.earliest and latest <= self._period.end):
            self.centre_on((event.earliest + latest) / 2)
        if self.document.count_in(self._period) > DETAIL_LIMIT:
            self.set_period(self._close_enough(event.earliest, latest))
        self.select(event_id)

    def _close_enough(self, earliest: float, latest: float) -> TimePeriod:
        """A period around an event narrow enough that events are drawn, not counted."""
        period = self._period.centred_on((earliest + latest) / 2)
        smallest = max((latest - earliest) * 3, MIN_WIDTH)
        while self.document.count_in(period) > DETAIL_LIMIT // 2 and period.width / 2 >= smallest:
            period = period.zoomed(2.0)
        return period

    # Painting -----------------------------------------------------------------------------

    def build_frame(self, width: float, height: float) -> Frame:
        geometry = self._painter.geometry(width, height)
        return build_frame(
            self.document,
            self._period,
            geometry,
            self._painter.measure,
            frozenset(self._selection),
            self._hovered,
            self._previews,
            self._hidden,
            self._matching,
            self._dim,
            axis_measure=self._painter.axis_measure,
            swimlanes=self._swimlanes,
            collapsed=self._collapsed,
            grouping=self._grouping,
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        frame = self.build_frame(self.width(), self.height())
        painter = QPainter(self)
        try:
            self._painter.paint(painter, frame)
            if self.hasFocus():  # where the keyboard is: a frame in the highlight colour
                painter.setPen(QPen(self._painter.theme.highlight, 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(self.rect().adjusted(1, 1, -1, -1))
            if isinstance(self._drag, RubberBand):
                painter.setPen(QPen(self._painter.theme.highlight, 1, Qt.PenStyle.DashLine))
                fill = QColor(self._painter.theme.highlight)
                fill.setAlphaF(0.12)
                painter.setBrush(fill)
                painter.drawRect(self._drag.rect)
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
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            self._show_tooltip(event)
            return True
        return super().event(event)

    def _show_tooltip(self, event: QHelpEvent) -> None:
        box = self._box_at(QPointF(event.pos()))
        if box is None:
            QToolTip.hideText()
            return
        stored = self.document.get_event(box.span.id)
        lines = [f"<b>{_escape(stored.title)}</b>", _escape(stored.display_when())]
        if stored.category:
            lines.append(f"<i>{_escape(stored.category)}</i>")
        QToolTip.showText(event.globalPos(), "<br>".join(lines), self)

    def _box_at(self, position: QPointF) -> EventBox | None:
        return self._frame.box_at(position.x(), position.y()) if self._frame else None

    def _edge_at(self, box: EventBox, position: QPointF) -> str | None:
        """Which end of a period bar is under the cursor, if any."""
        if box.marker or box.span.is_point:
            return None
        if abs(position.x() - box.x0) <= EDGE_GRIP:
            return "start"
        if abs(position.x() - box.x1) <= EDGE_GRIP and box.span.end_earliest < 2**61:
            return "end"
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus()
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        position, modifiers = event.position(), event.modifiers()
        if self._legend_click(position):
            return
        box = self._box_at(position)
        width = self.width()
        if box is None:
            if modifiers & (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier):
                self._drag = RubberBand(position)
            else:
                self._drag = PanByDrag(position, self._period, width)
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
            return
        event_id = box.span.id
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            toggled = [i for i in self._selection if i != event_id]
            self.set_selection(toggled if event_id in self._selection else [*toggled, event_id])
            return
        if modifiers & Qt.KeyboardModifier.ShiftModifier:
            self.set_selection([*self._selection, event_id])
            return
        if event_id not in self._selection:
            self.select(event_id)
        if self.read_only:
            self._drag = PanByDrag(position, self._period, width)
            return
        edge = self._edge_at(box, position)
        if edge is not None:
            stored = self.document.get_event(event_id)
            self._drag = ResizeByDrag(stored, edge, position, self._period, width, self.zoom_step())
        else:
            events = [self.document.get_event(i) for i in self._selection]
            self._drag = MoveByDrag(events, position, self._period, width, self.zoom_step())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        position = event.position()
        drag = self._drag
        snap = not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        if isinstance(drag, PanByDrag):
            self.set_period(drag.period_at(position))
        elif isinstance(drag, MoveByDrag | ResizeByDrag):
            self._show_previews(drag.update(position, snap))
        elif isinstance(drag, RubberBand):
            drag.update(position)
            self.update()
        else:
            self._hover(position)

    def _show_previews(self, events: list[Event]) -> None:
        by_name = self.document.categories_by_name()
        self._previews = {
            event.id: span_of(event, by_name[event.category].id if event.category in by_name else None)
            for event in events
            if event.id is not None
        }
        self.update()

    def _hover(self, position: QPointF) -> None:
        box = self._box_at(position)
        hovered = box.span.id if box else None
        if box is not None and self._edge_at(box, position):
            self.setCursor(Qt.CursorShape.SizeHorCursor)
        else:
            self.setCursor(Qt.CursorShape.PointingHandCursor if box else Qt.CursorShape.ArrowCursor)
        if hovered != self._hovered:
            self._hovered = hovered
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drag, self._drag = self._drag, None
        self.unsetCursor()
        if drag is None or event.button() != Qt.MouseButton.LeftButton:
            return
        if isinstance(drag, PanByDrag):
            if not drag.moved:
                self._click(event.position())
        elif isinstance(drag, MoveByDrag | ResizeByDrag):
            self._previews = {}
            if drag.changed:
                verb = "Move" if isinstance(drag, MoveByDrag) else "Resize"
                perform(EditEvents(self.document, drag.original, drag.current, describe(drag.current, verb)))
            self.update()
        elif isinstance(drag, RubberBand):
            self._select_in(drag.rect, add=bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier))

    def _select_in(self, rect: QRectF, add: bool) -> None:
        frame = self._frame
        if frame is None:
            return
        geometry = frame.geometry
        touched = [
            box.span.id
            for box in frame.scene.boxes
            if rect.intersects(
                QRectF(box.x0 - 3, geometry.lane_top(box.lane), max(box.x1 - box.x0, 6), geometry.lane_height)
            )
        ]
        self.set_selection([*self._selection, *touched] if add else touched)

    def _legend_click(self, position: QPointF) -> bool:
        for rect, category_id in self._painter.legend_rows:
            if rect.contains(position):
                self.toggle_category(category_id)
                return True
        return False

    def _click(self, position: QPointF) -> None:
        frame = self._frame
        if frame is None:
            return
        anchor = position.x() / max(self.width(), 1)
        if not frame.scene.detailed:
            self.zoom(4.0, anchor)  # a click on the density band zooms in there
            return
        lane = frame.geometry.lane_at(position.y())
        for band in frame.bands:
            if band.header_lane == lane:
                self.toggle_band(band.key)
                return
        top, _ = frame.geometry.overflow_row
        for cluster in frame.scene.clusters:
            if position.y() >= top and cluster.x0 <= position.x() <= cluster.x1:
                self.set_period(TimePeriod.around(cluster.start, cluster.end, margin=0.5))
                return
        self.select(None)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.read_only:
            return
        box = self._box_at(event.position())
        if box is not None:
            self.select(box.span.id)
            self.edit_requested.emit(box.span.id)
        else:
            self.create_event_at(self.time_at(event.position().x()))

    def create_event_at(self, time: float) -> int | None:
        """A new event at a time, as precise as the zoom shows; selected and ready to edit."""
        command = AddEvents(self.document, [Event(NEW_EVENT_TITLE, date_at(time, self.zoom_step()))])
        if not perform(command):
            return None
        event_id = command.ids[0]
        self.select(event_id)
        self.edit_requested.emit(event_id)
        return event_id

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if self.read_only:
            return
        position = QPointF(event.pos())
        box = self._box_at(position)
        if box is not None and box.span.id not in self._selection:
            self.select(box.span.id)
        self.context_menu_requested.emit(
            box.span.id if box else None, event.globalPos(), self.time_at(position.x())
        )

    def leaveEvent(self, event: QEvent) -> None:
        if self._hovered is not None:
            self._hovered = None
            self.update()
        super().leaveEvent(event)

    def cancel_drag(self) -> bool:
        """Esc during a drag: put everything back as it was before the drag."""
        drag, self._drag = self._drag, None
        if drag is None:
            return False
        if isinstance(drag, PanByDrag):
            self.set_period(drag.original_period)
        self._previews = {}
        self.unsetCursor()
        self.update()
        return True

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab steps through the events; past the last (or first) it moves on to the next control."""
        if self.hasFocus() and keyboard.step(self, 1 if next else -1):
            return True
        return super().focusNextPrevChild(next)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

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
        elif (
            key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            super().focusNextPrevChild(key == Qt.Key.Key_Tab)  # leave the timeline at once
        elif key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            keyboard.step(self, 1 if key == Qt.Key.Key_Down else -1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected is not None:
            self.edit_requested.emit(self.selected)
        elif key == Qt.Key.Key_Home:
            self.fit_all()
        elif key == Qt.Key.Key_Escape:
            if not self.cancel_drag():
                self.select(None)
        else:
            super().keyPressEvent(event)
            return
        event.accept()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

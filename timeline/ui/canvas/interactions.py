"""Mouse modes of the canvas, one small class each: the widget hands a press, the moves and
the release to the active mode, and Esc cancels it.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF

from timeline.core.model import Event
from timeline.core.view.editing import Step, moved, resized
from timeline.core.view.period import TimePeriod


class PanByDrag:
    """Drag the timeline sideways: the time under the cursor follows the cursor."""

    def __init__(self, start: QPointF, period: TimePeriod, width: float) -> None:
        self._start_x = start.x()
        self.original_period = period
        self._width = max(width, 1.0)
        self.moved = False

    def period_at(self, position: QPointF) -> TimePeriod:
        dx = position.x() - self._start_x
        if abs(dx) > 3:
            self.moved = True
        return self.original_period.panned(-dx / self._width * self.original_period.width)


class _TimeDrag:
    """A drag measured in seconds of the period shown when it began."""

    def __init__(self, start: QPointF, period: TimePeriod, width: float, zoom: Step) -> None:
        self._start_x = start.x()
        self._seconds_per_pixel = period.width / max(width, 1.0)
        self.zoom = zoom
        self.active = False

    def seconds_at(self, position: QPointF) -> float:
        dx = position.x() - self._start_x
        if abs(dx) > 3:
            self.active = True
        return dx * self._seconds_per_pixel if self.active else 0.0


class MoveByDrag(_TimeDrag):
    """Move the selected events in time, snapped to whole units of the zoom (Shift: the dates' own)."""

    def __init__(
        self, events: list[Event], start: QPointF, period: TimePeriod, width: float, zoom: Step
    ) -> None:
        super().__init__(start, period, width, zoom)
        self.original = events
        self.current = events

    def update(self, position: QPointF, snap: bool) -> list[Event]:
        seconds = self.seconds_at(position)
        self.current = [moved(event, seconds, self.zoom, snap) for event in self.original]
        return self.current

    @property
    def changed(self) -> bool:
        return self.current != self.original


class ResizeByDrag(_TimeDrag):
    """Drag the start or the end of a period; a drag past the other end is refused."""

    def __init__(
        self, event: Event, edge: str, start: QPointF, period: TimePeriod, width: float, zoom: Step
    ) -> None:
        super().__init__(start, period, width, zoom)
        self.edge = edge
        self.original = [event]
        self.current = [event]

    def update(self, position: QPointF, snap: bool) -> list[Event]:
        result = resized(self.original[0], self.edge, self.seconds_at(position), self.zoom, snap)
        if result is not None:
            self.current = [result]
        return self.current

    @property
    def changed(self) -> bool:
        return self.current != self.original


class RubberBand:
    """Shift- or Ctrl-drag on empty space: select every event the rectangle touches."""

    def __init__(self, start: QPointF) -> None:
        self._start = start
        self.rect = QRectF(start, start)

    def update(self, position: QPointF) -> QRectF:
        self.rect = QRectF(self._start, position).normalized()
        return self.rect

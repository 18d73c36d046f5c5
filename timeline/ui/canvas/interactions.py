"""Mouse modes of the canvas, one small class each: the widget hands events to the active one."""

from __future__ import annotations

from PySide6.QtCore import QPointF

from timeline.core.period import TimePeriod


class PanByDrag:
    """Drag the timeline sideways: the time under the cursor follows the cursor."""

    def __init__(self, start: QPointF, period: TimePeriod, width: float) -> None:
        self._start_x = start.x()
        self._period = period
        self._width = max(width, 1.0)
        self.moved = False

    def period_at(self, position: QPointF) -> TimePeriod:
        dx = position.x() - self._start_x
        if abs(dx) > 3:
            self.moved = True
        return self._period.panned(-dx / self._width * self._period.width)

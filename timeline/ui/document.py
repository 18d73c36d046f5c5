"""The open timeline as a QObject: the repository, what the views need of it, and change signals."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from timeline.core.dates import MAX_INSTANT
from timeline.core.density import DensityIndex
from timeline.core.layout import DETAIL_LIMIT
from timeline.core.model import Category, Era, Event, EventSpan
from timeline.core.period import TimePeriod
from timeline.store.database import open_database
from timeline.store.repository import TimelineRepository

_FETCH_LIMIT = 4 * DETAIL_LIMIT


class SpanCache:
    """Events fetched for a window a little larger than the view, reused while the view stays inside.

    Panning and zooming in need no query until the view leaves the fetched window or becomes
    much narrower than it; a frame then only filters a few thousand spans in memory.
    """

    def __init__(self) -> None:
        self._start = 0.0
        self._end = 0.0
        self._spans: list[EventSpan] = []

    def clear(self) -> None:
        self._start = self._end = 0.0
        self._spans = []

    def covers(self, period: TimePeriod) -> bool:
        fetched = self._end - self._start
        return self._start <= period.start and period.end <= self._end and fetched <= 8 * period.width

    def store(self, start: float, end: float, spans: list[EventSpan]) -> None:
        self._start, self._end, self._spans = start, end, spans

    def overlapping(self, period: TimePeriod) -> list[EventSpan]:
        start, end = period.start, period.end
        return [span for span in self._spans if span.earliest < end and span.latest > start]


class TimelineDocument(QObject):
    """One open timeline file.

    Signals:
        events_changed: events were added, changed or removed; views refetch what they show.
    """

    events_changed = Signal()

    def __init__(self, path: Path, parent: QObject | None = None, readonly: bool = False) -> None:
        super().__init__(parent)
        self.path = path
        self._database = open_database(path, readonly=readonly, create=False)
        self.repository = TimelineRepository(self._database)
        self.undo_stack = QUndoStack(self)
        self.density = DensityIndex(*self.repository.sorted_bounds())
        self._spans = SpanCache()
        self._categories: dict[int, Category] | None = None
        self._eras: list[Era] | None = None
        self.events_changed.connect(self._forget_cached)

    @property
    def title(self) -> str:
        return self.repository.title or self.path.name

    def _forget_cached(self) -> None:
        self.density = DensityIndex(*self.repository.sorted_bounds())
        self._spans.clear()
        self._categories = None
        self._eras = None

    # What the views ask for ---------------------------------------------------------------

    def event_count(self) -> int:
        return len(self.density)

    def count_in(self, period: TimePeriod) -> int:
        return self.density.count_overlapping(period.start, period.end)

    def spans_in(self, period: TimePeriod) -> list[EventSpan]:
        """Events overlapping the period, in the light form the canvas draws."""
        if not self._spans.covers(period):
            start, end = period.start - period.width, period.end + period.width
            if self.density.count_overlapping(start, end) > _FETCH_LIMIT:
                start, end = period.start, period.end
            self._spans.store(start, end, self.repository.spans_between(start, end))
        return self._spans.overlapping(period)

    def histogram(self, period: TimePeriod, bins: int) -> list[int]:
        return self.density.histogram(period.start, period.end, bins)

    def bounds(self) -> tuple[float, float] | None:
        """The earliest start and latest end of all events (an ongoing end counts as now)."""
        first = self.density.earliest
        if first is None:
            return None
        last = self.density.latest_below(MAX_INSTANT)
        if self.density.count_ending_after(MAX_INSTANT) or last is None:
            last = max(last or first, int(time.time()))
        return float(first), float(last)

    def categories(self) -> dict[int, Category]:
        if self._categories is None:
            self._categories = {c.id: c for c in self.repository.categories() if c.id is not None}
        return self._categories

    def eras(self) -> list[Era]:
        if self._eras is None:
            self._eras = self.repository.eras()
        return self._eras

    def get_event(self, event_id: int) -> Event:
        return self.repository.get_event(event_id)

    def row_of(self, event_id: int) -> int | None:
        return self.repository.row_of(event_id)

    def events_page(self, offset: int, limit: int) -> list[Event]:
        return self.repository.events_page(offset, limit)

    def close(self) -> None:
        self._database.close()

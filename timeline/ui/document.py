"""The open timeline as a QObject: the repository, what the views need of it, and change signals."""

from __future__ import annotations

import contextlib
import time
from array import array
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from timeline.core.dates.dates import MAX_INSTANT
from timeline.core.flat import FlatEvent
from timeline.core.model import Category, ContentRelations, Era, Event, EventLink, EventRelations, EventSpan
from timeline.core.pictures import Picture, PreparedImage
from timeline.core.view.density import DensityIndex
from timeline.core.view.layout import DETAIL_LIMIT
from timeline.core.view.period import TimePeriod
from timeline.store.bulk import Progress
from timeline.store.database import TimelineDatabase, open_database
from timeline.store.errors import StoreError, translated_errors
from timeline.store.history import EventHistory
from timeline.store.repository import TimelineRepository

_T = TypeVar("_T")
MAX_LINKS_ASKED = 2_000
"""Links read for one frame; the canvas draws fewer (those of the selection first)."""

_FETCH_LIMIT = 4 * DETAIL_LIMIT
_REUSE_LIMIT = 3_000
_OFFSET_LIMIT = 20_000


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
        """Whether the fetched window holds the period, and filtering it is cheap enough.

        A short list serves any zoom inside it; a long one only views not much narrower than
        itself, so that a frame never filters thousands of spans it will not show.
        """
        inside = self._start <= period.start and period.end <= self._end
        fetched = self._end - self._start
        return inside and (len(self._spans) <= _REUSE_LIMIT or fetched <= 8 * period.width)

    def store(self, start: float, end: float, spans: list[EventSpan]) -> None:
        self._start, self._end, self._spans = start, end, spans

    def overlapping(self, period: TimePeriod) -> list[EventSpan]:
        start, end = period.start, period.end
        return [span for span in self._spans if span.earliest < end and span.latest > start]


class TimelineDocument(QObject):
    """One open timeline file.

    Every change goes through the methods below, which write (committed at once) and then
    emit a signal; views refresh from the signals. Undo commands call the same methods.

    Signals:
        events_changed: events were added, changed or removed; views refetch what they show.
        categories_changed: categories were added, renamed, recoloured or removed.
        eras_changed: eras were added, changed or removed.
        events_edited(list): these events were changed in place (after ``events_changed``), so
            that a view can follow an event that a new date moved elsewhere.
        relations_changed: entities, sources, links or nesting changed (after ``events_changed``).
        error(str): a change was refused, or the file was found damaged; the message says why.
        read_only_changed: the file turned out damaged and is now read only.
    """

    events_changed = Signal()
    categories_changed = Signal()
    eras_changed = Signal()
    events_edited = Signal(list)
    relations_changed = Signal()
    error = Signal(str)
    read_only_changed = Signal()

    def __init__(
        self, path: Path, parent: QObject | None = None, readonly: bool = False, create: bool = False
    ) -> None:
        super().__init__(parent)
        self.path = path
        self._database = open_database(path, readonly=readonly, create=create, check_in_background=True)
        self.repository = TimelineRepository(self._database)
        self.history = EventHistory(self._database)
        self.undo_stack = QUndoStack(self)
        try:
            with translated_errors(path):
                self.density = DensityIndex(*self.repository.sorted_bounds())
        except BaseException:
            self._database.close()
            raise
        self._spans = SpanCache()
        self._links_shown: tuple[tuple[int, ...], list[EventLink]] | None = None
        self._nesting: tuple[dict[int, int], dict[int, tuple[int, int]]] | None = None
        self._order: array[int] | None = None
        self._categories: dict[int, Category] | None = None
        self._eras: list[Era] | None = None
        self._first_pictures: dict[int, str | None] = {}
        self._deleted_pictures: dict[int, list[Picture]] = {}
        self._settling = QTimer(self)
        self._settling.setInterval(100)
        self._settling.timeout.connect(self._settle)
        if not self._database.readonly:
            self._settling.start()
        self.categories_changed.connect(self._forget_categories)
        self.eras_changed.connect(self._forget_eras)

    @property
    def readonly(self) -> bool:
        """Opened for reading only: every change is refused with a message."""
        return self._database.readonly

    @property
    def title(self) -> str:
        return self.repository.title or self.path.name

    def _forget_categories(self) -> None:
        self._categories = None
        self._spans.clear()

    def _forget_eras(self) -> None:
        self._eras = None

    # Changes --------------------------------------------------------------------------------

    def add_events(self, events: list[Event], relations: EventRelations | None = None) -> list[int]:
        """Add events; those with an id (an undone delete) come back under it, with the
        ``relations`` they had (see :meth:`relations_of`). Returns the ids."""
        known = set(self.categories_by_name())
        ids = self.repository.restore_events(events, relations)
        self._record(
            [
                ("restore" if e.id is not None else "create", i, None, e)
                for i, e in zip(ids, events, strict=True)
            ]
        )
        for event_id in ids:
            pictures = self._deleted_pictures.pop(event_id, None)
            if pictures:
                self.repository.set_pictures(event_id, pictures)
        for event in events:
            self.density.add(event.earliest, event.latest)
        self._after_events_changed(any(e.category and e.category not in known for e in events))
        return ids

    def update_events(self, events: list[Event]) -> None:
        known = set(self.categories_by_name())
        before = [self.repository.get_event(event.id) for event in events if event.id is not None]
        self.repository.update_events(events)
        self._record(
            [
                ("edit", old.id, old, new)
                for old, new in zip(before, events, strict=False)
                if old.id is not None
            ]
        )
        for old in before:
            self.density.remove(old.earliest, old.latest)
        for event in events:
            self.density.add(event.earliest, event.latest)
        self._after_events_changed(any(e.category and e.category not in known for e in events))
        self.events_edited.emit([event.id for event in events if event.id is not None])

    def relations_of(self, event_ids: list[int]) -> EventRelations:
        """The entities, citations, links and children of events, kept before deleting them."""
        return self.repository.relations_of(event_ids)

    def delete_events(self, event_ids: list[int]) -> list[Event]:
        """Delete events; returns them as they were, for undo."""
        events = [self.repository.get_event(event_id) for event_id in event_ids]
        # The file drops an event's pictures with it; keep the list so that undo brings them back
        # (the images themselves stay in the file).
        self._deleted_pictures.update(self.repository.pictures_by_event(event_ids))
        self.repository.delete_events(event_ids)
        self._record([("delete", e.id, e, None) for e in events if e.id is not None])
        for event in events:
            self.density.remove(event.earliest, event.latest)
        self._after_events_changed(False)
        return events

    def import_content(
        self,
        events: list[FlatEvent],
        categories: list[Category],
        eras: list[Era],
        title: str = "",
        progress: Progress | None = None,
        settings: dict[str, str] | None = None,
        relations: ContentRelations | None = None,
    ) -> tuple[list[int], list[int], list[int]]:
        """Add an import in one transaction; returns the ids of what was added, for undo."""
        added = self.repository.import_content(events, categories, eras, title, progress, settings, relations)
        self._recount(events, add=True)
        self._forget_eras()
        self.eras_changed.emit()
        self._after_events_changed(True)
        return added

    def undo_import(
        self, events: list[FlatEvent], event_ids: list[int], category_ids: list[int], era_ids: list[int]
    ) -> None:
        self.repository.undo_import(event_ids, category_ids, era_ids)
        self._recount(events, add=False)
        self._forget_eras()
        self.eras_changed.emit()
        self._after_events_changed(True)

    # Pictures -------------------------------------------------------------------------------

    def pictures_of(self, event_id: int) -> list[Picture]:
        return self.repository.pictures_of(event_id)

    def set_pictures(self, event_id: int, pictures: list[Picture], new: Sequence[PreparedImage] = ()) -> None:
        """Make ``pictures`` the event's list (storing ``new`` images first), then tell the views."""
        self.repository.set_pictures(event_id, pictures, new)
        self._after_events_changed(False)

    def first_pictures(self, event_ids: Sequence[int]) -> dict[int, str]:
        """The hash of the first picture of each listed event that has one (cached until a change)."""
        missing = [event_id for event_id in event_ids if event_id not in self._first_pictures]
        if missing:
            found = self.repository.first_pictures(missing)
            if len(self._first_pictures) > 50_000:
                self._first_pictures.clear()
            for event_id in missing:
                self._first_pictures[event_id] = found.get(event_id)
        result: dict[int, str] = {}
        for event_id in event_ids:
            sha = self._first_pictures.get(event_id)
            if sha:
                result[event_id] = sha
        return result

    def thumbnail(self, sha256: str) -> bytes | None:
        return self.repository.thumbnail(sha256)

    def image_data(self, sha256: str) -> tuple[bytes, str]:
        return self.repository.image_data(sha256)

    def _recount(self, events: Sequence[Event | FlatEvent], add: bool) -> None:
        """Keep the counts right: event by event for a few, reloaded at once for many."""
        if len(events) > 2000:
            self.density = DensityIndex(*self.repository.sorted_bounds())
            return
        for event in events:
            (self.density.add if add else self.density.remove)(event.earliest, event.latest)

    def _after_events_changed(self, new_categories: bool) -> None:
        self._spans.clear()
        self._links_shown = None
        self._nesting = None
        self._first_pictures.clear()
        self._order = None
        if new_categories:
            self.categories_changed.emit()
        self.events_changed.emit()

    def links_among(self, event_ids: list[int]) -> list[EventLink]:
        """Links between events shown together (bounded; the last answer is kept while the same
        events are shown, so panning within a frame's events asks the file nothing)."""
        key = tuple(sorted(event_ids))
        if self._links_shown is None or self._links_shown[0] != key:
            found = self.repository.links_among(list(key), limit=MAX_LINKS_ASKED) if key else []
            self._links_shown = (key, found)
        return self._links_shown[1]

    def nesting(self) -> tuple[dict[int, int], dict[int, tuple[int, int]]]:
        """``{child: parent}`` and, for every parent, the span its children cover together;
        read once (two index scans of the nested events only) until something changes."""
        if self._nesting is None:
            parents = self.repository.parents()
            self._nesting = (parents, self.repository.children_spans(sorted(set(parents.values()))))
        return self._nesting

    def group_keys(self, event_ids: list[int], grouping: str) -> dict[int, str]:
        """The swimlane of each event for ``entity:KIND`` (its first entity of that kind, by
        name) or ``tag`` (its first tag); events without one are left out."""
        if grouping == "tag":
            return {
                event.id: event.tags[0]
                for event in self.repository.events_by_ids(event_ids)
                if event.id is not None and event.tags
            }
        kind = grouping.partition(":")[2]
        taking_part = self.repository.participations(event_ids)
        entities = self.repository.entities_by_ids(sorted({part.entity_id for part in taking_part}))
        keys: dict[int, str] = {}
        for part in taking_part:
            entity = entities.get(part.entity_id)
            if entity is not None and entity.kind == kind and part.event_id not in keys:
                keys[part.event_id] = entity.name
        return keys

    def write_relations(self, change: Callable[[TimelineRepository], _T]) -> _T:
        """Change entities, sources, links or nesting through the repository (one transaction
        per call there), then tell the views: nesting changes what the canvas draws."""
        result = change(self.repository)
        self._spans.clear()
        self._links_shown = None
        self._nesting = None
        self.events_changed.emit()
        self.relations_changed.emit()
        return result

    def add_category(self, category: Category) -> int:
        category_id = self.repository.add_category(category)
        self.categories_changed.emit()
        return category_id

    def update_category(self, category: Category) -> None:
        self.repository.update_category(category)
        self.categories_changed.emit()
        self.events_changed.emit()

    def delete_category(
        self, category_id: int, delete_events: bool
    ) -> tuple[Category, list[Event], list[int]]:
        """Delete a category and say what it was: itself, its events and its child categories."""
        category = self.categories()[category_id]
        events = self.repository.events_in_category(category_id)
        children = [
            c.id for c in self.categories().values() if c.parent_id == category_id and c.id is not None
        ]
        self.repository.delete_category(category_id, delete_events)
        if delete_events:
            for event in events:
                self.density.remove(event.earliest, event.latest)
        self._spans.clear()
        self.categories_changed.emit()
        self.events_changed.emit()
        return category, events, children

    def restore_category(
        self, category: Category, events: list[Event], children: list[int], deleted: bool
    ) -> None:
        self.repository.restore_category(category, events, children)
        if deleted:
            for event in events:
                self.density.add(event.earliest, event.latest)
        self._spans.clear()
        self.categories_changed.emit()
        self.events_changed.emit()

    def add_era(self, era: Era) -> int:
        era_id = self.repository.add_era(era) if era.id is None else self._restore_era(era)
        self.eras_changed.emit()
        return era_id

    def _restore_era(self, era: Era) -> int:
        self.repository.restore_era(era)
        assert era.id is not None
        return era.id

    def update_era(self, era: Era) -> None:
        self.repository.update_era(era)
        self.eras_changed.emit()

    def delete_era(self, era_id: int) -> Era:
        era = next(era for era in self.eras() if era.id == era_id)
        self.repository.delete_era(era_id)
        self.eras_changed.emit()
        return era

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

    def categories_by_name(self) -> dict[str, Category]:
        return {category.name: category for category in self.categories().values()}

    def eras(self) -> list[Era]:
        if self._eras is None:
            self._eras = self.repository.eras()
        return self._eras

    def get_event(self, event_id: int) -> Event:
        return self.repository.get_event(event_id)

    def existing(self, event_ids: list[int]) -> list[int]:
        """Those of the ids whose events still exist, in the same order."""
        return self.repository.existing_ids(event_ids)

    def row_of(self, event_id: int) -> int | None:
        return self.repository.row_of(event_id)

    def events_page(self, offset: int, limit: int) -> list[Event]:
        """Events ``offset`` … ``offset + limit`` in time order.

        Near the top a plain OFFSET query is quickest; deeper in a long list, the ids in time
        order (read once, 8 bytes an event) find any page at once instead of counting past
        hundreds of thousands of rows.
        """
        if offset < _OFFSET_LIMIT:
            return self.repository.events_page(offset, limit)
        if self._order is None:
            self._order = array("q", self.repository.ids_in_time_order())
        return self.repository.events_by_ids(list(self._order[offset : offset + limit]))

    _HISTORY_LIMIT = 5_000
    """Larger changes (a bulk delete, an undone import) are not kept event by event."""

    def _record(self, changes: list[tuple[str, int, Event | None, Event | None]]) -> None:
        """Keep each change in the event's history; the change itself is written already."""
        if not changes or len(changes) > self._HISTORY_LIMIT or self.readonly:
            return
        by_action: dict[str, list[tuple[int, Event | None, Event | None]]] = {}
        for action, event_id, before, after in changes:
            by_action.setdefault(action, []).append((event_id, before, after))
        with contextlib.suppress(StoreError):  # the history never undoes a change that was written
            for action, pairs in by_action.items():
                self.history.record(action, pairs)

    @property
    def database(self) -> TimelineDatabase:
        """The open file itself, for copies and backups of it."""
        return self._database

    def _settle(self) -> None:
        """The file's damage check (run while the timeline is first shown) is done: a damaged
        file is from now on read only, and the user is told why and what to do."""
        if self._database.checking:
            return
        self._settling.stop()
        told = self._database.damage is not None  # a write found it first, and said so
        try:
            self._database.settle()
        except StoreError as error:
            if not told:
                self.error.emit(str(error))
        if self._database.damage is not None:
            self.read_only_changed.emit()

    def close(self) -> None:
        self._settling.stop()
        self._database.close()

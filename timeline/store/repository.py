"""Reading and writing events, categories and eras; rows in, core values out.

Every write runs in one transaction and is committed before the method returns, so there is
no "save": what a call reported as done is on disk.
"""

from __future__ import annotations

import json
import math
from array import array
from collections.abc import Iterable, Iterator

from timeline.core.dates.edtf import read_edtf_date
from timeline.core.model import (
    Category,
    Era,
    Event,
    EventRelations,
    EventSpan,
)
from timeline.store.bulk import BulkWriter
from timeline.store.citations import (
    CITE_SQL,
    SOURCE_COLUMNS,
    record_id,
    source_from_row,
    write_first_citation,
)
from timeline.store.consistency import ConsistencyQueries
from timeline.store.errors import StoreError, translated_errors
from timeline.store.images import ImageQueries
from timeline.store.rows import (
    EVENT_COLUMNS,
    EVENT_FROM,
    INT64_MIN,
    SPAN_COLUMNS,
    era_columns,
    era_end,
    span_from_row,
    timestamp_now,
)
from timeline.store.search import SearchQueries


class TimelineRepository(SearchQueries, BulkWriter, ConsistencyQueries, ImageQueries):
    """CRUD, window queries and search over one open :class:`TimelineDatabase`."""

    # Settings ---------------------------------------------------------------------------

    def setting(self, key: str) -> str | None:
        with translated_errors(self.database.path):
            row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def settings_with_prefix(self, prefix: str) -> dict[str, str]:
        with translated_errors(self.database.path):
            rows = self.db.execute(
                "SELECT key, value FROM settings WHERE substr(key, 1, ?) = ? ORDER BY key",
                [len(prefix), prefix],
            ).fetchall()
        return {key[len(prefix) :]: value for key, value in rows}

    def set_setting(self, key: str, value: str | None) -> None:
        """Keep a value in the file (saved views, stories …); ``None`` removes it."""
        with self._writing():
            if value is None:
                self.db.execute("DELETE FROM settings WHERE key = ?", [key])
            else:
                self.db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", [key, value])

    # Categories -------------------------------------------------------------------------

    def add_category(self, category: Category) -> int:
        with self._writing():
            return self._insert_category(category)

    def update_category(self, category: Category) -> None:
        """Rename, recolour or move a category; its events follow it."""
        if category.id is None:
            raise ValueError("only a stored category can be updated")
        with self._writing():
            clash = self.db.execute(
                "SELECT id FROM categories WHERE name = ? AND id != ?", [category.name, category.id]
            ).fetchone()
            if clash:
                raise StoreError(f"a category named {category.name!r} exists already")
            if category.parent_id is not None and category.parent_id in self._descendants(category.id):
                raise StoreError(f"{category.name!r} cannot be placed inside itself")
            self.db.execute(
                "UPDATE categories SET name = ?, colour = ?, parent_id = ? WHERE id = ?",
                [category.name, category.colour, category.parent_id, category.id],
            )

    def _descendants(self, category_id: int) -> set[int]:
        found = {category_id}
        frontier = [category_id]
        while frontier:
            children = self.db.execute(
                f"SELECT id FROM categories WHERE parent_id IN ({', '.join('?' * len(frontier))})", frontier
            ).fetchall()
            frontier = [row[0] for row in children if row[0] not in found]
            found.update(frontier)
        return found

    def events_in_category(self, category_id: int) -> list[Event]:
        return self._select("WHERE events.category_id = ? ORDER BY earliest, events.id", [category_id])

    def delete_category(self, category_id: int, delete_events: bool) -> None:
        """Remove a category; its events lose their category, or go with it. One transaction."""
        with self._writing():
            if delete_events:
                self.db.execute("DELETE FROM events WHERE category_id = ?", [category_id])
            else:
                self.db.execute("UPDATE events SET category_id = NULL WHERE category_id = ?", [category_id])
            self.db.execute("UPDATE categories SET parent_id = NULL WHERE parent_id = ?", [category_id])
            self.db.execute("DELETE FROM categories WHERE id = ?", [category_id])

    def restore_category(
        self, category: Category, events: Iterable[Event], children: Iterable[int] = ()
    ) -> None:
        """Undo :meth:`delete_category`: the category under its id, its events as they were."""
        with self._writing():
            self.db.execute(
                "INSERT INTO categories (id, name, colour, parent_id) VALUES (?, ?, ?, ?)",
                [category.id, category.name, category.colour, category.parent_id],
            )
            self.db.conn.executemany(
                "UPDATE categories SET parent_id = ? WHERE id = ?",
                [[category.id, child] for child in children],
            )
            for event in events:
                self.db.execute("DELETE FROM events WHERE id = ?", [event.id])
                self._insert_event(event)

    # Events -----------------------------------------------------------------------------

    def add_event(self, event: Event) -> int:
        with self._writing():
            return self._insert_event(event)

    def update_event(self, event: Event) -> None:
        self.update_events([event])

    def update_events(self, events: Iterable[Event]) -> None:
        """Replace stored events by these (matched by id) in one transaction."""
        with self._writing():
            for event in events:
                if event.id is None:
                    raise ValueError("only a stored event can be updated")
                row = self._event_row(event, self._category_id(event.category)) | {
                    "modified": timestamp_now()
                }
                assignments = ", ".join(f"{column} = ?" for column in row)
                cursor = self.db.execute(
                    f"UPDATE events SET {assignments} WHERE id = ?", [*row.values(), event.id]
                )
                if cursor.rowcount != 1:
                    raise StoreError(f"event {event.id} does not exist")
                write_first_citation(self.db, event.id, event.source)

    def delete_event(self, event_id: int) -> None:
        self.delete_events([event_id])

    def delete_events(self, event_ids: Iterable[int]) -> None:
        with self._writing():
            self.db.conn.executemany(
                "DELETE FROM events WHERE id = ?", [[event_id] for event_id in event_ids]
            )

    def restore_events(self, events: Iterable[Event], relations: EventRelations | None = None) -> list[int]:
        """Put events back exactly as they were (ids, timestamps), and with ``relations`` (taken by
        :meth:`relations_of` before they were deleted) their entities, citations, links and
        children; in one transaction."""
        with self._writing():
            ids = [self._insert_event(event) for event in events]
            if relations is not None:
                self._restore_relations(ids, relations)
            return ids

    def relations_of(self, event_ids: list[int]) -> EventRelations:
        """What deleting these events would take with it, beyond the events themselves."""
        with translated_errors(self.database.path):
            links = {link.id: link for event_id in event_ids for link in self.links_of(event_id)}
            children = self.db.execute(
                f"SELECT id, parent_id FROM events WHERE parent_id IN ({', '.join('?' * len(event_ids))})",
                event_ids,
            ).fetchall()
        return EventRelations(
            tuple(self.participations(event_ids)),
            tuple(self.citations_of(event_ids)),
            tuple(links.values()),
            tuple((child, parent) for child, parent in children),
        )

    def _restore_relations(self, event_ids: list[int], relations: EventRelations) -> None:
        marks = ", ".join("?" * len(event_ids))
        self.db.execute(f"DELETE FROM event_sources WHERE event_id IN ({marks})", event_ids)
        positions: dict[int, int] = {}
        for event_id, source in relations.citations:
            position = positions.get(event_id, 0)
            positions[event_id] = position + 1
            source_id = record_id(self.db, source.record)
            self.db.execute(
                CITE_SQL,
                [event_id, source_id, source.page, source.quote, position],
            )
        self._insert_participations(relations.participations)
        for link in relations.links:
            exists = self.db.execute("SELECT 1 FROM links WHERE id = ?", [link.id]).fetchone()
            if not exists:
                self._insert_link(link)
        self.db.conn.executemany(
            "UPDATE events SET parent_id = ? WHERE id = ?",
            [(parent, child) for child, parent in relations.children],
        )

    def get_event(self, event_id: int) -> Event:
        with translated_errors(self.database.path):
            row = self.db.execute(
                f"SELECT {EVENT_COLUMNS} FROM {EVENT_FROM} WHERE events.id = ?", [event_id]
            ).fetchone()
            if row is None:
                raise StoreError(f"event {event_id} does not exist")
            return self._events_of_rows([row])[0]

    def count_events(self) -> int:
        with translated_errors(self.database.path):
            return int(self.db.execute("SELECT count(*) FROM events").fetchone()[0])

    def events(self) -> list[Event]:
        """Every event in time order (for small files, exports and the CLI)."""
        return self._select("ORDER BY earliest, events.id", [])

    def export_records(self, earliest: int, latest: int) -> Iterator[tuple[str, ...]]:
        """Events overlapping ``[earliest, latest)`` as plain text cells, streamed in time order.

        (title, start, end, category, tags, description, source, url, colour): the stored
        EDTF text is used as it is, so a million rows need no date parsing at all.
        """
        sql = (
            "SELECT events.title, start_date, coalesce(end_date, ''), coalesce(categories.name, ''), tags,"
            f" description, cited.page, {SOURCE_COLUMNS}, events.url, events.colour"
            f" FROM {EVENT_FROM} LEFT JOIN event_sources AS cited ON cited.id ="
            " (SELECT id FROM event_sources WHERE event_id = events.id ORDER BY position, id LIMIT 1)"
            " LEFT JOIN sources ON sources.id = cited.source_id"
            " WHERE events.earliest < ? AND events.latest > ? ORDER BY events.earliest, events.id"
        )
        with translated_errors(self.database.path):
            for row in self.db.execute(sql, [latest, earliest]):
                title, start, end, category, tags, description, page = row[:7]
                source = "" if row[7] is None else source_from_row(row[7:17], page).display()
                yield (
                    title,
                    start,
                    end,
                    category,
                    ", ".join(json.loads(tags)),
                    description,
                    source,
                    *row[17:],
                )

    def iter_events(self, batch: int = 2_000) -> Iterator[Event]:
        """Every event in time order, read a batch at a time (keyset paging: no OFFSET scans)."""
        last: tuple[int, int] | None = None
        while True:
            if last is None:
                page = self._select("ORDER BY earliest, events.id LIMIT ?", [batch])
            else:
                page = self._select(
                    "WHERE (earliest, events.id) > (?, ?) ORDER BY earliest, events.id LIMIT ?",
                    [*last, batch],
                )
            yield from page
            if len(page) < batch:
                return
            last = (page[-1].earliest, page[-1].id or 0)

    def ids_in_time_order(self) -> list[int]:
        with translated_errors(self.database.path):
            return [row[0] for row in self.db.execute("SELECT id FROM events ORDER BY earliest, id")]

    def events_by_ids(self, event_ids: list[int]) -> list[Event]:
        """The events with these ids, in the order given (missing ones left out)."""
        if not event_ids:
            return []
        found = {
            event.id: event
            for event in self._select(f"WHERE events.id IN ({', '.join('?' * len(event_ids))})", event_ids)
        }
        return [found[event_id] for event_id in event_ids if event_id in found]

    def events_page(self, offset: int, limit: int) -> list[Event]:
        """A slice of all events in time order, for lists that load lazily."""
        return self._select("ORDER BY earliest, events.id LIMIT ? OFFSET ?", [limit, offset])

    def events_between(self, earliest: int, latest: int, limit: int | None = None) -> list[Event]:
        """Events that overlap ``[earliest, latest)``, in time order, through the index."""
        sql, parameters = self._window_sql(earliest, latest)
        if limit is not None:
            sql += " LIMIT ?"
            parameters.append(limit)
        with translated_errors(self.database.path):
            return self._events_of_rows(self.db.execute(sql, parameters))

    def spans_between(self, earliest: float, latest: float) -> list[EventSpan]:
        """The light form of the events overlapping ``[earliest, latest)``, for drawing."""
        sql, parameters = self._window_sql(int(earliest), math.ceil(latest), columns=SPAN_COLUMNS)
        with translated_errors(self.database.path):
            return [span_from_row(row) for row in self.db.execute(sql, parameters)]

    def existing_ids(self, event_ids: list[int]) -> list[int]:
        if not event_ids:
            return []
        with translated_errors(self.database.path):
            rows = self.db.execute(
                f"SELECT id FROM events WHERE id IN ({', '.join('?' * len(event_ids))})", event_ids
            ).fetchall()
        found = {row[0] for row in rows}
        return [event_id for event_id in event_ids if event_id in found]

    def row_of(self, event_id: int) -> int | None:
        """The position of an event in time order (as :meth:`events_page` counts)."""
        with translated_errors(self.database.path):
            found = self.db.execute("SELECT earliest FROM events WHERE id = ?", [event_id]).fetchone()
            if found is None:
                return None
            return int(
                self.db.execute(
                    "SELECT count(*) FROM events WHERE earliest < ? OR (earliest = ? AND id < ?)",
                    [found[0], found[0], event_id],
                ).fetchone()[0]
            )

    def count_between(self, earliest: int, latest: int) -> int:
        sql, parameters = self._window_sql(earliest, latest, columns="1")
        with translated_errors(self.database.path):
            return int(self.db.execute(f"SELECT count(*) FROM ({sql})", parameters).fetchone()[0])

    def _window_sql(self, earliest: int, latest: int, columns: str = EVENT_COLUMNS) -> tuple[str, list[int]]:
        parts, parameters = [], []
        for span in self._classes_in_use():
            lowest_start = max(earliest - (1 << span), INT64_MIN)
            parts.append(
                f"SELECT {columns}, earliest AS _order, events.id AS _id FROM {EVENT_FROM}"
                " WHERE span_class = ? AND earliest > ? AND earliest < ? AND latest > ?"
            )
            parameters += [span, lowest_start, latest, earliest]
        if not parts:
            return f"SELECT {columns}, 0 AS _order, 0 AS _id FROM events WHERE 0", []
        return " UNION ALL ".join(parts) + " ORDER BY _order, _id", parameters

    def _classes_in_use(self) -> list[int]:
        """The distinct span classes, found by a few index seeks rather than a scan."""
        if self._span_classes is None:
            classes: list[int] = []
            current = -1
            with translated_errors(self.database.path):
                while True:
                    row = self.db.execute(
                        "SELECT min(span_class) FROM events WHERE span_class > ?", [current]
                    ).fetchone()
                    if row[0] is None:
                        break
                    current = row[0]
                    classes.append(current)
            self._span_classes = classes
        return self._span_classes

    def sorted_bounds(self) -> tuple[array[int], array[int]]:
        """Every event's ``earliest`` and, separately, every ``latest``, each sorted.

        Two compact arrays (16 bytes an event) from index-only scans: with them the number of
        events overlapping any period is two binary searches, whatever the zoom.
        """
        with translated_errors(self.database.path):
            starts = array(
                "q", (row[0] for row in self.db.execute("SELECT earliest FROM events ORDER BY earliest"))
            )
            ends = array(
                "q", (row[0] for row in self.db.execute("SELECT latest FROM events ORDER BY latest"))
            )
        return starts, ends

    # Eras -------------------------------------------------------------------------------

    def eras(self) -> list[Era]:
        with translated_errors(self.database.path):
            rows = self.db.execute(
                "SELECT id, name, start_date, end_date, colour FROM eras ORDER BY earliest, id"
            ).fetchall()
        return [
            Era(name, read_edtf_date(start), era_end(end), colour, id_)
            for id_, name, start, end, colour in rows
        ]

    def add_era(self, era: Era) -> int:
        with self._writing():
            return self._insert_era(era)

    def update_era(self, era: Era) -> None:
        with self._writing():
            cursor = self.db.execute(
                "UPDATE eras SET name = ?, start_date = ?, end_date = ?, earliest = ?, latest = ?, colour = ?"
                " WHERE id = ?",
                [*era_columns(era), era.id],
            )
            if cursor.rowcount != 1:
                raise StoreError(f"era {era.id} does not exist")

    def delete_era(self, era_id: int) -> None:
        with self._writing():
            self.db.execute("DELETE FROM eras WHERE id = ?", [era_id])

    def restore_era(self, era: Era) -> None:
        with self._writing():
            self._insert_era(era)

    # Bulk -------------------------------------------------------------------------------

    # Transactions -----------------------------------------------------------------------

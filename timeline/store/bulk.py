"""Adding many events at once: imports in one transaction, fast, cancellable and undoable."""

from __future__ import annotations

import contextlib
import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from timeline.core.flat import FlatEvent, flat_event
from timeline.core.model import (
    Category,
    ContentRelations,
    Era,
    Event,
    TimelineContent,
)
from timeline.store.base import RepositoryBase
from timeline.store.citations import cite_many
from timeline.store.content_relations import write_content_relations
from timeline.store.errors import StoreError, translated_errors
from timeline.store.migrations import FTS_BACKFILL, FTS_INSERT_TRIGGER
from timeline.store.rows import (
    FLAT_PLACEHOLDERS,
    ROW_COLUMNS,
    cited_of,
    stored_row,
    timestamp_now,
)

_IMPORT_BATCH = 50_000
_category_of = operator.attrgetter("category")

Progress = Callable[[int], bool]
"""Told how many rows are done; returns ``False`` to cancel."""


class ImportCancelled(StoreError):
    """The user cancelled an import; the transaction was rolled back."""


class BulkWriter(RepositoryBase):
    """Whole timelines and imports, written in one transaction."""

    def add_content(self, content: TimelineContent) -> None:
        """Add a whole timeline (categories, events, eras) in one transaction: all or nothing."""
        with self._writing():
            known = {category.name for category in self.categories()}
            for category in content.categories:
                if category.name not in known:
                    self._insert_category(category)
            ids = [self._insert_event(event) for event in content.events]
            write_content_relations(self.db, ids, content.relations)
            for era in content.eras:
                self._insert_era(era)
            if content.title and not self.title:
                self.db.execute(
                    "INSERT OR REPLACE INTO settings (key, value) VALUES ('title', ?)",
                    [content.title],
                )
            if content.description:  # shown on the presentation's title slide
                self.db.execute(
                    "INSERT OR IGNORE INTO settings (key, value) VALUES ('title_slide.text', ?)",
                    [content.description],
                )

    def add_events(self, events: Iterable[Event], batch_size: int = 10_000) -> int:
        """Add many events in one transaction with ``executemany``; returns how many were added."""
        with self._writing():
            return self.add_events_unlocked(events, batch_size)

    def add_events_unlocked(self, events: Iterable[Event | FlatEvent], batch_size: int = 10_000) -> int:
        """The bulk insert of :meth:`add_events`, inside a transaction the caller holds."""
        count = 0
        now = timestamp_now()
        category_ids: dict[str | None, int | None] = {}
        batch: list[tuple[Any, ...]] = []
        next_id = self._next_event_id()
        cited: list[tuple[int, str, str, str, str, str]] = []
        for item in events:
            if isinstance(item, FlatEvent):
                flat, created, modified = item, now, now
            else:
                flat, created, modified = flat_event(item), item.created or now, item.modified or now
            category = flat.category
            if category not in category_ids:
                category_ids[category] = self._category_id(category)
            batch.append((*stored_row(flat, category_ids[category]), created, modified))
            source = cited_of(flat)
            if source is not None:
                cited.append((next_id + count + len(batch) - 1, *source))
            if len(batch) >= batch_size:
                count += self._insert_rows(batch)
                batch = []
        count += self._insert_rows(batch)
        if cited:
            cite_many(self.db, cited)
        return count

    def _next_event_id(self) -> int:
        """The id the next inserted event gets: rows inserted in one transaction number on from it."""
        return int(self.db.execute("SELECT max(id) FROM events").fetchone()[0] or 0) + 1

    def import_content(
        self,
        events: Sequence[Event | FlatEvent],
        categories: list[Category],
        eras: list[Era],
        title: str = "",
        progress: Progress | None = None,
        settings: Mapping[str, str] | None = None,
        relations: ContentRelations | None = None,
    ) -> tuple[list[int], list[int], list[int]]:
        """Add what an import accepted in one transaction: all of it, or nothing.

        Returns the ids given to the events, to the categories that were new, and to the eras,
        so that the import can be undone (and redone under the same ids). ``progress`` is told
        how many events are written after each batch; when it returns ``False`` the import is
        cancelled, rolled back, and :class:`ImportCancelled` is raised.
        """
        batches = (events[done : done + _IMPORT_BATCH] for done in range(0, len(events), _IMPORT_BATCH))
        return self.import_parts(batches, categories, eras, title, progress, len(events), settings, relations)

    def import_parts(
        self,
        parts: Iterable[Sequence[Event | FlatEvent]],
        categories: list[Category],
        eras: list[Era],
        title: str = "",
        progress: Progress | None = None,
        expected: int = 0,
        settings: Mapping[str, str] | None = None,
        relations: ContentRelations | None = None,
    ) -> tuple[list[int], list[int], list[int]]:
        """Like :meth:`import_content`, for events that arrive in parts while earlier parts are
        written (a large file read by workers). ``expected`` is how many events are coming, if
        known: a large import leaves indexing until the end, which is several times faster.
        Any exception from ``parts`` rolls the whole import back."""
        bulk = expected > 1000
        journal = self.database.bulk_writing() if bulk else contextlib.nullcontext()
        with journal, self._writing():
            known = {row[0] for row in self.db.execute("SELECT name FROM categories")}
            new_categories = [c for c in categories if c.name not in known]
            category_ids = [self._insert_category(c) for c in new_categories]
            known.update(c.name for c in new_categories)
            first_id = (self.db.execute("SELECT max(id) FROM events").fetchone()[0] or 0) + 1
            if bulk:  # one indexing pass at the end is several times faster than a trigger per row
                self.db.execute("DROP TRIGGER events_fts_insert")
            rebuilt = self._drop_time_indexes() if bulk and expected > first_id else []
            done = 0
            for part in parts:
                named = dict.fromkeys(map(_category_of, part))  # in C: a million rows take a moment
                for name in named:
                    if name and name not in known:
                        category_ids.append(self._insert_category(Category(name)))
                        known.add(name)
                if set(map(type, part)) <= {FlatEvent}:
                    self._insert_flat(part)  # type: ignore[arg-type]
                else:
                    self.add_events_unlocked(part)
                done += len(part)
                if progress is not None and not progress(done):
                    raise ImportCancelled("the import was cancelled; nothing was added")
            for statement in rebuilt:  # sorting once beats inserting a million times at random
                self.db.execute(statement)
            if bulk:
                self.db.execute(FTS_BACKFILL, [first_id])
                self.db.execute(FTS_INSERT_TRIGGER)
            if relations:  # entities, sources, links and nesting among the events, by position
                write_content_relations(self.db, range(first_id, first_id + done), relations)
            era_ids = [self._insert_era(era) for era in eras]
            if title and not self.title:
                self.db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('title', ?)", [title])
            for key, value in (settings or {}).items():  # what the timeline has already is kept
                self.db.execute("INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)", [key, value])
        return list(range(first_id, first_id + done)), category_ids, era_ids

    def _insert_flat(self, rows: Sequence[FlatEvent]) -> None:
        """Bind flat rows to SQL as they are: SQLite looks up each category id itself; the rows
        that cite a source are cited afterwards in one set-based pass."""
        now = timestamp_now()
        first = self._next_event_id()
        self.db.conn.executemany(
            f"INSERT INTO events ({', '.join(ROW_COLUMNS)}) VALUES ({FLAT_PLACEHOLDERS}, '{now}', '{now}')",
            rows,
        )
        cited = [
            (first + index, *row[11:16])
            for index, row in enumerate(rows)
            if row[11] or row[12] or row[13] or row[14] or row[15]
        ]
        if cited:
            cite_many(self.db, cited)

    def _drop_time_indexes(self) -> list[str]:
        """Drop the events' indexes for a bulk insert; returns the statements that rebuild them."""
        rows = self.db.execute(
            "SELECT name, sql FROM sqlite_master"
            " WHERE type = 'index' AND tbl_name = 'events' AND sql IS NOT NULL"
        ).fetchall()
        for name, _ in rows:
            self.db.execute(f'DROP INDEX "{name}"')
        return [sql for _, sql in rows]

    def undo_import(self, event_ids: list[int], category_ids: list[int], era_ids: list[int]) -> None:
        """Remove exactly what :meth:`import_content` added, in one transaction."""
        with self._writing():
            self.db.conn.executemany("DELETE FROM events WHERE id = ?", [[i] for i in event_ids])
            self.db.conn.executemany("DELETE FROM eras WHERE id = ?", [[i] for i in era_ids])
            self.db.conn.executemany("DELETE FROM categories WHERE id = ?", [[i] for i in category_ids])

    def duplicates_of(self, events: Sequence[Event | FlatEvent]) -> list[int]:
        """Indexes of the events that exist already: same title, same start and end.

        The candidates go into a temporary table joined with the events once: SQLite indexes
        the events on the three columns for this query alone, so checking a million rows against
        a million events takes seconds, where a lookup per title scanned the table each time.
        """
        flats = [e if isinstance(e, FlatEvent) else flat_event(e) for e in events]
        conn = self.db.conn
        outer = conn.in_transaction
        with translated_errors(self.database.path):
            conn.execute(
                "CREATE TEMP TABLE incoming (position INTEGER PRIMARY KEY, title TEXT, start_date TEXT,"
                " end_date TEXT)"
            )
            try:
                conn.executemany(
                    "INSERT INTO temp.incoming VALUES (?, ?, ?, ?)",
                    ((i, e.title, e.start_date, e.end_date) for i, e in enumerate(flats)),
                )
                rows = conn.execute(
                    "SELECT DISTINCT incoming.position FROM temp.incoming JOIN events"
                    " ON events.title = incoming.title AND events.start_date = incoming.start_date"
                    " AND events.end_date IS incoming.end_date ORDER BY 1"
                )
                return [position for (position,) in rows]
            finally:
                conn.execute("DROP TABLE temp.incoming")
                if not outer and conn.in_transaction:
                    conn.commit()  # only the temporary table was written

    def _insert_rows(self, rows: list[tuple[Any, ...]]) -> int:
        if rows:
            placeholders = ", ".join("?" for _ in ROW_COLUMNS)
            self.db.conn.executemany(
                f"INSERT INTO events ({', '.join(ROW_COLUMNS)}) VALUES ({placeholders})", rows
            )
        return len(rows)

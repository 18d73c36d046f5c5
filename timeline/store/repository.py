"""Reading and writing events, categories and eras; rows in, core values out.

Every write runs in one transaction and is committed before the method returns, so there is
no "save": what a call reported as done is on disk.
"""

from __future__ import annotations

import contextlib
import json
import math
import re
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from timeline.core.colours import colour_for
from timeline.core.dates import MAX_INSTANT, HistoricalDate, OpenEnd
from timeline.core.density import DensityIndex
from timeline.core.edtf import read_edtf_date
from timeline.core.filters import EventFilter, Matches
from timeline.core.flat import FlatEvent, flat_event
from timeline.core.highlight import mark, search_terms, snippet
from timeline.core.model import (
    Category,
    Era,
    Event,
    EventEnd,
    EventSpan,
    SearchHit,
    Source,
    TimelineContent,
)
from timeline.store.database import TimelineDatabase
from timeline.store.errors import StoreError, translated_errors
from timeline.store.migrations import FTS_BACKFILL, FTS_INSERT_TRIGGER

_EVENT_COLUMNS = (
    "events.id, title, start_date, end_date, description, categories.name, tags, source, url,"
    " events.colour, created, modified, source_author, source_title, source_page, source_url"
)
_EVENT_FROM = "events LEFT JOIN categories ON categories.id = events.category_id"
_SPAN_COLUMNS = (
    "events.id, title, earliest, start_latest, end_earliest, latest, start_date, end_date, category_id,"
    " events.colour"
)
_QUALIFIERS = ("~", "?", "%")
_INT64_MIN = -(2**63)
_IMPORT_BATCH = 50_000

Progress = Callable[[int], bool]
"""Told how many rows are done; returns ``False`` to cancel."""


class ImportCancelled(StoreError):
    """The user cancelled an import; the transaction was rolled back."""


_ROW_COLUMNS = (
    "title",
    "start_date",
    "end_date",
    "earliest",
    "start_latest",
    "end_earliest",
    "latest",
    "span_class",
    "description",
    "category_id",
    "tags",
    "source",
    "source_author",
    "source_title",
    "source_page",
    "source_url",
    "url",
    "colour",
    "created",
    "modified",
)


def span_class(earliest: int, latest: int) -> int:
    """The bit length of a span: every event of class ``c`` lasts less than ``2**c`` seconds."""
    return (latest - earliest).bit_length()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _end_text(end: EventEnd) -> str | None:
    if end is None:
        return None
    return end.value if isinstance(end, OpenEnd) else end.edtf()


def _end_from_text(text: str | None) -> EventEnd:
    if text is None:
        return None
    if text in (OpenEnd.OPEN.value, OpenEnd.UNKNOWN.value):
        return OpenEnd(text)
    return read_edtf_date(text)


def _stored_row(flat: FlatEvent, category_id: int | None) -> tuple[Any, ...]:
    """The stored columns of a flat event (in ``_ROW_COLUMNS`` order, but for its timestamps)."""
    return (*flat[:9], category_id, *flat[10:])


def fts_query(text: str) -> str:
    """A person's search text as a safe FTS5 query: every word must occur, ``word*`` is a prefix.

    Quotes around several words keep them together as a phrase. Nothing a person types can
    make the query invalid, because every term is passed as a quoted string.
    """
    terms = []
    for phrase, word in re.findall(r'"([^"]*)"|(\S+)', text):
        raw = phrase if phrase else word
        prefix = bool(word) and raw.endswith("*")
        cleaned = raw.rstrip("*").replace('"', " ").strip()
        if cleaned:
            terms.append(f'"{cleaned}"' + ("*" if prefix else ""))
    return " ".join(terms)


class TimelineRepository:
    """CRUD, window queries and search over one open :class:`TimelineDatabase`."""

    def __init__(self, database: TimelineDatabase) -> None:
        self.database = database
        self.db = database.db
        self._span_classes: list[int] | None = None

    # Settings ---------------------------------------------------------------------------

    @property
    def title(self) -> str:
        with translated_errors(self.database.path):
            row = self.db.execute("SELECT value FROM settings WHERE key = 'title'").fetchone()
        return row[0] if row else ""

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

    def categories(self) -> list[Category]:
        with translated_errors(self.database.path):
            rows = self.db.execute(
                "SELECT id, name, colour, parent_id FROM categories ORDER BY name COLLATE NOCASE"
            ).fetchall()
        return [Category(name, colour, parent, id_) for id_, name, colour, parent in rows]

    def add_category(self, category: Category) -> int:
        with self._writing():
            return self._insert_category(category)

    def _insert_category(self, category: Category) -> int:
        existing = self.db.execute("SELECT id FROM categories WHERE name = ?", [category.name]).fetchone()
        if existing:
            raise StoreError(f"a category named {category.name!r} exists already")
        colour = category.colour
        if not colour:
            count = self.db.execute("SELECT count(*) FROM categories").fetchone()[0]
            colour = colour_for(count)
        cursor = self.db.execute(
            "INSERT INTO categories (name, colour, parent_id) VALUES (?, ?, ?)",
            [category.name, colour, category.parent_id],
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

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

    def _category_id(self, name: str | None) -> int | None:
        """The id of a category by name, creating it when it is new."""
        if not name:
            return None
        row = self.db.execute("SELECT id FROM categories WHERE name = ?", [name]).fetchone()
        return row[0] if row else self._insert_category(Category(name))

    # Events -----------------------------------------------------------------------------

    def add_event(self, event: Event) -> int:
        with self._writing():
            return self._insert_event(event)

    def _insert_event(self, event: Event) -> int:
        """Insert an event; one with an id (an undone delete) comes back under that id."""
        now = _now()
        row = self._event_row(event, self._category_id(event.category))
        row["created"] = event.created or now
        row["modified"] = event.modified or now
        if event.id is not None:
            row["id"] = event.id
        columns = ", ".join(row)
        placeholders = ", ".join("?" for _ in row)
        cursor = self.db.execute(
            f"INSERT INTO events ({columns}) VALUES ({placeholders})", list(row.values())
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def _event_row(self, event: Event, category_id: int | None) -> dict[str, Any]:
        """The stored columns of an event, but for its timestamps."""
        return dict(zip(_ROW_COLUMNS[:-2], _stored_row(flat_event(event), category_id), strict=True))

    def update_event(self, event: Event) -> None:
        self.update_events([event])

    def update_events(self, events: Iterable[Event]) -> None:
        """Replace stored events by these (matched by id) in one transaction."""
        with self._writing():
            for event in events:
                if event.id is None:
                    raise ValueError("only a stored event can be updated")
                row = self._event_row(event, self._category_id(event.category)) | {"modified": _now()}
                assignments = ", ".join(f"{column} = ?" for column in row)
                cursor = self.db.execute(
                    f"UPDATE events SET {assignments} WHERE id = ?", [*row.values(), event.id]
                )
                if cursor.rowcount != 1:
                    raise StoreError(f"event {event.id} does not exist")

    def delete_event(self, event_id: int) -> None:
        self.delete_events([event_id])

    def delete_events(self, event_ids: Iterable[int]) -> None:
        with self._writing():
            self.db.conn.executemany(
                "DELETE FROM events WHERE id = ?", [[event_id] for event_id in event_ids]
            )

    def restore_events(self, events: Iterable[Event]) -> list[int]:
        """Put events back exactly as they were (ids, timestamps), in one transaction."""
        with self._writing():
            return [self._insert_event(event) for event in events]

    def get_event(self, event_id: int) -> Event:
        with translated_errors(self.database.path):
            row = self.db.execute(
                f"SELECT {_EVENT_COLUMNS} FROM {_EVENT_FROM} WHERE events.id = ?", [event_id]
            ).fetchone()
        if row is None:
            raise StoreError(f"event {event_id} does not exist")
        return _event_from_row(row)

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
            "SELECT title, start_date, coalesce(end_date, ''), coalesce(categories.name, ''), tags,"
            " description, source, source_author, source_title, source_page, source_url, url, events.colour"
            f" FROM {_EVENT_FROM} WHERE earliest < ? AND latest > ? ORDER BY earliest, events.id"
        )
        with translated_errors(self.database.path):
            for row in self.db.execute(sql, [latest, earliest]):
                title, start, end, category, tags, description = row[:6]
                source = Source(*row[6:11]).display()
                yield (
                    title,
                    start,
                    end,
                    category,
                    ", ".join(json.loads(tags)),
                    description,
                    source,
                    *row[11:],
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
            return [_event_from_row(row) for row in self.db.execute(sql, parameters)]

    def spans_between(self, earliest: float, latest: float) -> list[EventSpan]:
        """The light form of the events overlapping ``[earliest, latest)``, for drawing."""
        sql, parameters = self._window_sql(int(earliest), math.ceil(latest), columns=_SPAN_COLUMNS)
        with translated_errors(self.database.path):
            return [_span_from_row(row) for row in self.db.execute(sql, parameters)]

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

    def _window_sql(self, earliest: int, latest: int, columns: str = _EVENT_COLUMNS) -> tuple[str, list[int]]:
        parts, parameters = [], []
        for span in self._classes_in_use():
            lowest_start = max(earliest - (1 << span), _INT64_MIN)
            parts.append(
                f"SELECT {columns}, earliest AS _order, events.id AS _id FROM {_EVENT_FROM}"
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

    def search_hits(
        self, text: str, limit: int = 50, scan: int = 2_000, allowed: set[int] | None = None
    ) -> tuple[list[SearchHit], bool]:
        """The best ``limit`` matches, ranked, with matched words marked; and whether there are more.

        Ranking reads at most ``scan`` matches: a rare word is ranked exactly, a word in half
        the timeline costs the same as one in a hundred events instead of growing with it.
        Titles weigh most, then tags and sources, then descriptions.
        """
        query = fts_query(text)
        if not query:
            return [], False
        with translated_errors(self.database.path):
            rows = self.db.execute(
                "SELECT rowid, bm25(events_fts, 8.0, 1.0, 3.0, 2.0) FROM events_fts"
                " WHERE events_fts MATCH ? LIMIT ?",
                [query, scan + 1],
            ).fetchall()
            more = len(rows) > scan
            candidates = rows[:scan] if allowed is None else [row for row in rows[:scan] if row[0] in allowed]
            best = [row[0] for row in sorted(candidates, key=lambda row: (row[1], row[0]))[:limit]]
            placeholders = ", ".join("?" * len(best))
            found = {
                row[0]: row[1:]
                for row in self.db.execute(
                    "SELECT id, title, description, start_date, end_date FROM events"
                    f" WHERE id IN ({placeholders})",
                    best,
                )
            }
        terms = search_terms(text)
        hits = [
            SearchHit(rowid, mark(title, terms), snippet(description, terms), start, end)
            for rowid in best
            if rowid in found
            for title, description, start, end in [found[rowid]]
        ]
        return hits, more or len(rows) > limit

    def matching_ids(self, event_filter: EventFilter) -> set[int]:
        """The ids of every event the filter keeps (search words, categories, tags, period, doubt)."""
        return set(self.matches(event_filter).ids)

    def matches(self, event_filter: EventFilter) -> Matches:
        """What the filter keeps, with its events' bounds sorted for counting."""
        conditions, parameters = _filter_sql(event_filter)
        sql = f"SELECT id, earliest, latest FROM events WHERE {conditions}"
        with translated_errors(self.database.path):
            rows = self.db.execute(sql, parameters).fetchall()
        starts = array("q", sorted(row[1] for row in rows))
        ends = array("q", sorted(row[2] for row in rows))
        return Matches(frozenset(row[0] for row in rows), DensityIndex(starts, ends))

    def search(self, text: str, limit: int | None = None) -> list[Event]:
        """Events whose title, description, tags or source contain every word, in time order."""
        query = fts_query(text)
        if not query:
            return []
        sql = (
            f"SELECT {_EVENT_COLUMNS} FROM {_EVENT_FROM} WHERE events.id IN"
            " (SELECT rowid FROM events_fts WHERE events_fts MATCH ?) ORDER BY earliest, events.id"
        )
        parameters: list[Any] = [query]
        if limit is not None:
            sql += " LIMIT ?"
            parameters.append(limit)
        with translated_errors(self.database.path):
            return [_event_from_row(row) for row in self.db.execute(sql, parameters)]

    def _select(self, clause: str, parameters: list[Any]) -> list[Event]:
        with translated_errors(self.database.path):
            rows = self.db.execute(f"SELECT {_EVENT_COLUMNS} FROM {_EVENT_FROM} {clause}", parameters)
            return [_event_from_row(row) for row in rows]

    # Eras -------------------------------------------------------------------------------

    def eras(self) -> list[Era]:
        with translated_errors(self.database.path):
            rows = self.db.execute(
                "SELECT id, name, start_date, end_date, colour FROM eras ORDER BY earliest, id"
            ).fetchall()
        return [
            Era(name, read_edtf_date(start), _era_end(end), colour, id_)
            for id_, name, start, end, colour in rows
        ]

    def add_era(self, era: Era) -> int:
        with self._writing():
            return self._insert_era(era)

    def _insert_era(self, era: Era) -> int:
        """Insert an era; one with an id (an undone delete) comes back under that id."""
        cursor = self.db.execute(
            "INSERT INTO eras (id, name, start_date, end_date, earliest, latest, colour)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [era.id, *_era_columns(era)],
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def update_era(self, era: Era) -> None:
        with self._writing():
            cursor = self.db.execute(
                "UPDATE eras SET name = ?, start_date = ?, end_date = ?, earliest = ?, latest = ?, colour = ?"
                " WHERE id = ?",
                [*_era_columns(era), era.id],
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

    def add_content(self, content: TimelineContent) -> None:
        """Add a whole timeline (categories, events, eras) in one transaction: all or nothing."""
        with self._writing():
            known = {category.name for category in self.categories()}
            for category in content.categories:
                if category.name not in known:
                    self._insert_category(category)
            for event in content.events:
                self._insert_event(event)
            for era in content.eras:
                self._insert_era(era)
            if content.title and not self.title:
                self.db.execute(
                    "INSERT OR REPLACE INTO settings (key, value) VALUES ('title', ?)",
                    [content.title],
                )

    def add_events(self, events: Iterable[Event], batch_size: int = 10_000) -> int:
        """Add many events in one transaction with ``executemany``; returns how many were added."""
        with self._writing():
            return self.add_events_unlocked(events, batch_size)

    def add_events_unlocked(self, events: Iterable[Event | FlatEvent], batch_size: int = 10_000) -> int:
        """The bulk insert of :meth:`add_events`, inside a transaction the caller holds."""
        count = 0
        now = _now()
        category_ids: dict[str | None, int | None] = {}
        batch: list[tuple[Any, ...]] = []
        for item in events:
            if isinstance(item, FlatEvent):
                flat, created, modified = item, now, now
            else:
                flat, created, modified = flat_event(item), item.created or now, item.modified or now
            category = flat.category
            if category not in category_ids:
                category_ids[category] = self._category_id(category)
            batch.append((*_stored_row(flat, category_ids[category]), created, modified))
            if len(batch) >= batch_size:
                count += self._insert_rows(batch)
                batch = []
        return count + self._insert_rows(batch)

    def import_content(
        self,
        events: Sequence[Event | FlatEvent],
        categories: list[Category],
        eras: list[Era],
        title: str = "",
        progress: Progress | None = None,
    ) -> tuple[list[int], list[int], list[int]]:
        """Add what an import accepted in one transaction: all of it, or nothing.

        Returns the ids given to the events, to the categories that were new, and to the eras,
        so that the import can be undone (and redone under the same ids). ``progress`` is told
        how many events are written after each batch; when it returns ``False`` the import is
        cancelled, rolled back, and :class:`ImportCancelled` is raised.
        """
        with self._writing():
            known = {row[0] for row in self.db.execute("SELECT name FROM categories")}
            new_categories = [c for c in categories if c.name not in known]
            category_ids = [self._insert_category(c) for c in new_categories]
            known.update(c.name for c in new_categories)
            for name in dict.fromkeys(e.category for e in events if e.category and e.category not in known):
                category_ids.append(self._insert_category(Category(name)))
            first_id = (self.db.execute("SELECT max(id) FROM events").fetchone()[0] or 0) + 1
            bulk = len(events) > 1000
            if bulk:  # one indexing pass at the end is several times faster than a trigger per row
                self.db.execute("DROP TRIGGER events_fts_insert")
            rebuilt = self._drop_time_indexes() if bulk and len(events) > first_id else []
            for done in range(0, len(events), _IMPORT_BATCH):
                batch = events[done : done + _IMPORT_BATCH]
                if all(isinstance(event, FlatEvent) for event in batch):
                    self._insert_flat(batch)  # type: ignore[arg-type]
                else:
                    self.add_events_unlocked(batch)
                if progress is not None and not progress(done + len(batch)):
                    raise ImportCancelled("the import was cancelled; nothing was added")
            for statement in rebuilt:  # sorting once beats inserting a million times at random
                self.db.execute(statement)
            if bulk:
                self.db.execute(FTS_BACKFILL, [first_id])
                self.db.execute(FTS_INSERT_TRIGGER)
            era_ids = [self._insert_era(era) for era in eras]
            if title and not self.title:
                self.db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('title', ?)", [title])
        return list(range(first_id, first_id + len(events))), category_ids, era_ids

    def _insert_flat(self, rows: Sequence[FlatEvent]) -> None:
        """Bind flat rows to SQL as they are: SQLite looks up each category id itself."""
        now = _now()
        values = ", ".join(
            "(SELECT id FROM categories WHERE name = ?)" if c == "category_id" else "?"
            for c in _ROW_COLUMNS[:-2]
        )
        self.db.conn.executemany(
            f"INSERT INTO events ({', '.join(_ROW_COLUMNS)}) VALUES ({values}, '{now}', '{now}')", rows
        )

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
        """Indexes of the events that exist already: same title, same start and end."""
        flats = [e if isinstance(e, FlatEvent) else flat_event(e) for e in events]
        keys = {(e.title, e.start_date, e.end_date): index for index, e in enumerate(flats)}
        titles = list({e.title for e in flats})
        found: list[int] = []
        with translated_errors(self.database.path):
            for offset in range(0, len(titles), 500):
                chunk = titles[offset : offset + 500]
                placeholders = ", ".join("?" * len(chunk))
                rows = self.db.execute(
                    f"SELECT title, start_date, end_date FROM events WHERE title IN ({placeholders})", chunk
                )
                found += [keys[row] for row in rows if row in keys]
        return sorted(set(found))

    def _insert_rows(self, rows: list[tuple[Any, ...]]) -> int:
        if rows:
            placeholders = ", ".join("?" for _ in _ROW_COLUMNS)
            self.db.conn.executemany(
                f"INSERT INTO events ({', '.join(_ROW_COLUMNS)}) VALUES ({placeholders})", rows
            )
        return len(rows)

    # Transactions -----------------------------------------------------------------------

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """One committed transaction with store errors translated; nothing is kept on failure."""
        if self.database.readonly:
            raise StoreError(f"{self.database.path}: opened read-only")
        self._span_classes = None
        with translated_errors(self.database.path), self.db.atomic():
            yield


def _era_columns(era: Era) -> list[Any]:
    latest = era.end.latest if isinstance(era.end, HistoricalDate) else MAX_INSTANT
    return [era.name, era.start.edtf(), _end_text(era.end), era.start.earliest, latest, era.colour]


def _era_end(text: str) -> HistoricalDate | OpenEnd:
    end = _end_from_text(text)
    assert end is not None
    return end


def _filter_sql(event_filter: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE clause over ``events`` that keeps what the filter keeps."""
    conditions: list[str] = ["1"]
    parameters: list[Any] = []
    query = fts_query(event_filter.text)
    if query:
        conditions.append("id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)")
        parameters.append(query)
    elif event_filter.text.strip():
        conditions.append("0")  # only punctuation: nothing can match
    if event_filter.categories is not None:
        conditions.append(f"category_id IN ({', '.join('?' * len(event_filter.categories))})")
        parameters += sorted(event_filter.categories)
    if event_filter.tags:
        conditions.append("(" + " OR ".join("instr(tags, ?) > 0" for _ in event_filter.tags) + ")")
        parameters += [json.dumps(tag, ensure_ascii=False) for tag in event_filter.tags]
    if event_filter.latest is not None:
        conditions.append("earliest < ?")
        parameters.append(event_filter.latest)
    if event_filter.earliest is not None:
        conditions.append("latest > ?")
        parameters.append(event_filter.earliest)
    if event_filter.only_doubtful:
        doubtful = "IN ('~', '?', '%')"
        conditions.append(
            f"(substr(start_date, -1) {doubtful} OR substr(coalesce(end_date, ''), -1) {doubtful})"
        )
    return " AND ".join(conditions), parameters


def _span_from_row(row: tuple[Any, ...]) -> EventSpan:
    id_, title, earliest, start_latest, end_earliest, latest, start, end, category_id, colour = row[:10]
    return EventSpan(
        id_,
        title,
        earliest,
        start_latest,
        end_earliest,
        latest,
        end is None,
        start[-1] if start[-1] in _QUALIFIERS else "",
        end[-1] if end and end[-1] in _QUALIFIERS else "",
        category_id,
        colour,
    )


def _event_from_row(row: tuple[Any, ...]) -> Event:
    id_, title, start, end, description, category, tags, source, url, colour, created, modified = row[:12]
    author, source_title, page, source_url = row[12:16]
    return Event(
        title=title,
        start=read_edtf_date(start),
        end=_end_from_text(end),
        description=description,
        category=category,
        tags=tuple(json.loads(tags)),
        source=Source(source, author, source_title, page, source_url),
        url=url,
        colour=colour,
        id=id_,
        created=created,
        modified=modified,
    )

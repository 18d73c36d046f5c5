"""What every part of the repository shares: the open file, transactions, and the inserts
that events, categories and eras need wherever they come from."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from typing import Any

from timeline.core.colours import colour_for
from timeline.core.flat import flat_event
from timeline.core.model import (
    Category,
    Era,
    Event,
)
from timeline.store.citations import first_citations, write_first_citation
from timeline.store.database import TimelineDatabase
from timeline.store.errors import DamagedFileError, StoreError, translated_errors
from timeline.store.rows import (
    EVENT_COLUMNS,
    EVENT_FROM,
    ROW_COLUMNS,
    era_columns,
    event_from_row,
    stored_row,
    timestamp_now,
)


class RepositoryBase:
    """The connection and the low-level reads and writes the repository's parts build on."""

    def __init__(self, database: TimelineDatabase) -> None:
        self.database = database
        self.db = database.db
        self._span_classes: list[int] | None = None

    @property
    def title(self) -> str:
        with translated_errors(self.database.path):
            row = self.db.execute("SELECT value FROM settings WHERE key = 'title'").fetchone()
        return row[0] if row else ""

    def categories(self) -> list[Category]:
        with translated_errors(self.database.path):
            rows = self.db.execute(
                "SELECT id, name, colour, parent_id FROM categories ORDER BY name COLLATE NOCASE"
            ).fetchall()
        return [Category(name, colour, parent, id_) for id_, name, colour, parent in rows]

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

    def _category_id(self, name: str | None) -> int | None:
        """The id of a category by name, creating it when it is new."""
        if not name:
            return None
        row = self.db.execute("SELECT id FROM categories WHERE name = ?", [name]).fetchone()
        return row[0] if row else self._insert_category(Category(name))

    def _insert_event(self, event: Event) -> int:
        """Insert an event; one with an id (an undone delete) comes back under that id."""
        now = timestamp_now()
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
        if event.source:
            write_first_citation(self.db, cursor.lastrowid, event.source)
        return cursor.lastrowid

    def _event_row(self, event: Event, category_id: int | None) -> dict[str, Any]:
        """The stored columns of an event, but for its timestamps (its sources are rows of their own)."""
        row = dict(zip(ROW_COLUMNS[:-2], stored_row(flat_event(event), category_id), strict=True))
        row["parent_id"] = event.parent_id
        return row

    def _events_of_rows(self, rows: Iterable[tuple[Any, ...]]) -> list[Event]:
        """Events from rows of ``EVENT_COLUMNS``, each with its first citation (one more query)."""
        rows = list(rows)
        cited = first_citations(self.db, [row[0] for row in rows])
        return [event_from_row(row, cited.get(row[0])) for row in rows]

    def _insert_era(self, era: Era) -> int:
        """Insert an era; one with an id (an undone delete) comes back under that id."""
        cursor = self.db.execute(
            "INSERT INTO eras (id, name, start_date, end_date, earliest, latest, colour)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [era.id, *era_columns(era)],
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def _select(self, clause: str, parameters: list[Any]) -> list[Event]:
        with translated_errors(self.database.path):
            rows = self.db.execute(f"SELECT {EVENT_COLUMNS} FROM {EVENT_FROM} {clause}", parameters)
            return self._events_of_rows(rows)

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """One committed transaction with store errors translated; nothing is kept on failure."""
        if self.database.damage is not None:
            raise DamagedFileError(self.database.damage)
        if self.database.readonly:
            raise StoreError(f"{self.database.path}: opened read-only")
        self._span_classes = None
        with translated_errors(self.database.path), self.db.atomic():
            yield
        self.database.committed()

"""The timeline's sources (books, articles, pages, archives) and the events citing them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from timeline.core.model import Source
from timeline.store.base import RepositoryBase
from timeline.store.citations import (
    CITE_SQL,
    RECORD_FIELDS,
    SOURCE_COLUMNS,
    csl_of,
    record_id,
    record_values,
    source_from_row,
)
from timeline.store.errors import StoreError, translated_errors
from timeline.store.rows import timestamp_now

Citation = tuple[int, Source]
"""An event's id and its citation (the source with the page and quote of that event)."""


class SourceStore(RepositoryBase):
    """Source records, and every event's citations of them in order."""

    def sources(self) -> list[Source]:
        """Every source record, by title (or citation, or author)."""
        with translated_errors(self.database.path):
            rows = self.db.execute(
                f"SELECT {SOURCE_COLUMNS} FROM sources"
                " ORDER BY coalesce(nullif(title, ''), nullif(citation, ''), author) COLLATE NOCASE, id"
            ).fetchall()
        return [source_from_row(row) for row in rows]

    def source(self, source_id: int) -> Source:
        with translated_errors(self.database.path):
            row = self.db.execute(
                f"SELECT {SOURCE_COLUMNS} FROM sources WHERE id = ?", [source_id]
            ).fetchone()
        if row is None:
            raise StoreError(f"source {source_id} does not exist")
        return source_from_row(row)

    def add_source(self, source: Source) -> int:
        """Add a record (or find the one with exactly these fields); returns its id."""
        with self._writing():
            return record_id(self.db, source.record)

    def add_sources(self, sources: Iterable[Source]) -> list[int]:
        """Add many records in one transaction (a CSL-JSON import); records that exist are reused."""
        with self._writing():
            return [record_id(self.db, source.record) for source in sources]

    def update_source(self, source: Source) -> None:
        """Change a record: every event citing it cites the changed one."""
        if source.id is None:
            raise ValueError("only a stored source can be updated")
        with self._writing():
            cursor = self.db.execute(
                f"UPDATE sources SET {', '.join(f'{field} = ?' for field in RECORD_FIELDS)}, csl = ?,"
                " modified = ? WHERE id = ?",
                [*record_values(source), csl_of(source), timestamp_now(), source.id],
            )
            if cursor.rowcount != 1:
                raise StoreError(f"source {source.id} does not exist")

    def delete_source(self, source_id: int) -> tuple[Source, list[tuple[int, Source, int]]]:
        """Remove a record and every citation of it; returns both (with positions), to undo it."""
        source = self.source(source_id)
        with translated_errors(self.database.path):
            rows = self.db.execute(
                "SELECT event_id, page, quote, position FROM event_sources WHERE source_id = ? ORDER BY id",
                [source_id],
            ).fetchall()
        cited = [(event_id, source.cited(page, quote), position) for event_id, page, quote, position in rows]
        with self._writing():
            self.db.execute("DELETE FROM sources WHERE id = ?", [source_id])
        return source, cited

    def restore_source(self, source: Source, cited: Iterable[tuple[int, Source, int]]) -> None:
        now = timestamp_now()
        with self._writing():
            self.db.execute(
                f"INSERT INTO sources (id, {', '.join(RECORD_FIELDS)}, csl, created, modified)"
                f" VALUES (?, {', '.join('?' * len(RECORD_FIELDS))}, ?, ?, ?)",
                [source.id, *record_values(source), csl_of(source), now, now],
            )
            self.db.conn.executemany(
                CITE_SQL,
                [(event_id, source.id, c.page, c.quote, position) for event_id, c, position in cited],
            )

    def citations(self, event_id: int) -> list[Source]:
        """Everything an event cites, first citation first, each with its page and quote."""
        return [source for _, source in self.citations_of([event_id])]

    def citations_of(self, event_ids: Sequence[int] | None = None) -> list[Citation]:
        """The citations of these events (of every event when ``None``), by event and order."""
        where, parameters = "", list(event_ids or [])
        if event_ids is not None:
            if not event_ids:
                return []
            where = f"WHERE event_sources.event_id IN ({', '.join('?' * len(event_ids))})"
        with translated_errors(self.database.path):
            rows = self.db.execute(
                f"SELECT event_sources.event_id, event_sources.page, event_sources.quote, {SOURCE_COLUMNS}"
                f" FROM event_sources JOIN sources ON sources.id = source_id {where}"
                " ORDER BY event_sources.event_id, event_sources.position, event_sources.id",
                parameters,
            ).fetchall()
        return [(row[0], source_from_row(row[3:], row[1], row[2])) for row in rows]

    def set_citations(self, event_id: int, cited: Sequence[Source]) -> None:
        """Make these the event's citations, in order; the first is the event's ``source``.

        A citation carrying a record's ``id`` cites that record; one without cites the record
        with exactly its fields, added when there is none.
        """
        with self._writing():
            if self.db.execute("SELECT 1 FROM events WHERE id = ?", [event_id]).fetchone() is None:
                raise StoreError(f"event {event_id} does not exist")
            self.db.execute("DELETE FROM event_sources WHERE event_id = ?", [event_id])
            for position, source in enumerate(source for source in cited if source):
                known = (
                    source.id is not None
                    and self.db.execute("SELECT 1 FROM sources WHERE id = ?", [source.id]).fetchone()
                )
                source_id = (
                    source.id if known and source.id is not None else record_id(self.db, source.record)
                )
                self.db.execute(
                    CITE_SQL,
                    [event_id, source_id, source.page, source.quote, position],
                )

    def events_citing(self, source_id: int) -> list[int]:
        """The ids of the events citing a source, in time order."""
        with translated_errors(self.database.path):
            rows = self.db.execute(
                "SELECT DISTINCT events.id, events.earliest FROM event_sources JOIN events"
                " ON events.id = event_id WHERE source_id = ? ORDER BY events.earliest, events.id",
                [source_id],
            ).fetchall()
        return [row[0] for row in rows]

    def source_citation_counts(self) -> dict[int, int]:
        with translated_errors(self.database.path):
            rows = self.db.execute(
                "SELECT source_id, count(DISTINCT event_id) FROM event_sources GROUP BY source_id"
            ).fetchall()
        return dict(rows)

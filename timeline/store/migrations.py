"""Schema versions, applied in order, each in one transaction with its ``user_version``.

Tables are plain so that sqlite-utils and Datasette can read them; the schema is written as
SQL so that it reads as the one description of the file format. An event's dates are kept as
EDTF text (the truth) beside integer bounds in seconds from 1970-01-01 (derived, rebuildable):
``earliest`` … ``latest`` is everything the event can cover (``latest`` exclusive),
``start_latest`` and ``end_earliest`` mark where its uncertain ends turn certain.
``span_class`` is the bit length of ``latest - earliest``: a window query looks, per class,
only at starts no further back than the longest span that class can hold, so it seeks an
index instead of scanning the table.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

SCHEMA_VERSION = 1


def _indexed_source(row: str) -> str:
    """The text searched as an event's source: the free text and the citation's author and title."""
    return f"{row}.source || ' ' || {row}.source_author || ' ' || {row}.source_title"


FTS_INSERT_TRIGGER = (
    "CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN"
    " INSERT INTO events_fts (rowid, title, description, tags, source)"
    f" VALUES (new.id, new.title, new.description, new.tags, {_indexed_source('new')}); END"
)
"""Keeps the search index in step with each new row (dropped for a moment by bulk imports)."""

FTS_BACKFILL = (
    "INSERT INTO events_fts (rowid, title, description, tags, source)"
    f" SELECT id, title, description, tags, {_indexed_source('events')} FROM events WHERE id >= ?"
)
"""Indexes, in one statement, every row from an id on: what a bulk import does instead."""


def _version_1() -> list[str]:
    new_source, old_source = _indexed_source("new"), _indexed_source("old")
    return [
        "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """CREATE TABLE categories (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            colour TEXT NOT NULL DEFAULT '',
            parent_id INTEGER REFERENCES categories (id) ON DELETE SET NULL)""",
        "CREATE UNIQUE INDEX categories_name ON categories (name)",
        """CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            start_date TEXT NOT NULL,
            end_date TEXT,
            earliest INTEGER NOT NULL,
            start_latest INTEGER NOT NULL,
            end_earliest INTEGER NOT NULL,
            latest INTEGER NOT NULL,
            span_class INTEGER NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            category_id INTEGER REFERENCES categories (id),
            tags TEXT NOT NULL DEFAULT '[]',
            source TEXT NOT NULL DEFAULT '',
            source_author TEXT NOT NULL DEFAULT '',
            source_title TEXT NOT NULL DEFAULT '',
            source_page TEXT NOT NULL DEFAULT '',
            source_url TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            colour TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            modified TEXT NOT NULL)""",
        "CREATE INDEX events_window ON events (span_class, earliest, latest)",
        "CREATE INDEX events_time ON events (earliest, id)",
        "CREATE INDEX events_latest ON events (latest)",
        "CREATE INDEX events_category ON events (category_id)",
        """CREATE TABLE eras (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            start_date TEXT NOT NULL,
            end_date TEXT NOT NULL,
            earliest INTEGER NOT NULL,
            latest INTEGER NOT NULL,
            colour TEXT NOT NULL DEFAULT '')""",
        "CREATE INDEX eras_time ON eras (earliest, latest)",
        "CREATE VIRTUAL TABLE events_fts USING fts5("
        "title, description, tags, source, content='events', content_rowid='id')",
        FTS_INSERT_TRIGGER,
        "CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN"
        " INSERT INTO events_fts (events_fts, rowid, title, description, tags, source)"
        f" VALUES ('delete', old.id, old.title, old.description, old.tags, {old_source}); END",
        "CREATE TRIGGER events_fts_update AFTER UPDATE ON events BEGIN"
        " INSERT INTO events_fts (events_fts, rowid, title, description, tags, source)"
        f" VALUES ('delete', old.id, old.title, old.description, old.tags, {old_source});"
        " INSERT INTO events_fts (rowid, title, description, tags, source)"
        f" VALUES (new.id, new.title, new.description, new.tags, {new_source}); END",
    ]


MIGRATIONS: list[Callable[[], list[str]]] = [_version_1]
"""``MIGRATIONS[n]`` takes a file from version ``n`` to ``n + 1``."""

assert len(MIGRATIONS) == SCHEMA_VERSION


def migrate(db: sqlite_utils.Database, application_id: int) -> None:
    """Bring the file up to :data:`SCHEMA_VERSION`, one atomic step per version."""
    current = db.execute("PRAGMA user_version").fetchone()[0]
    for version in range(current, SCHEMA_VERSION):
        with db.atomic():
            for statement in MIGRATIONS[version]():
                db.execute(statement)
            db.execute(f"PRAGMA application_id = {int(application_id)}")
            db.execute(f"PRAGMA user_version = {version + 1}")

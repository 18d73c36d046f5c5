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

SCHEMA_VERSION = 2


def _indexed_source(row: str) -> str:
    """Version 1 searched an event's source as its free text and its citation's author and title."""
    return f"{row}.source || ' ' || {row}.source_author || ' ' || {row}.source_title"


FTS_INSERT_TRIGGER = (
    "CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN"
    " INSERT INTO events_fts (rowid, title, description, tags)"
    " VALUES (new.id, new.title, new.description, new.tags); END"
)
"""Keeps the search index in step with each new row (dropped for a moment by bulk imports)."""

FTS_BACKFILL = (
    "INSERT INTO events_fts (rowid, title, description, tags)"
    " SELECT id, title, description, tags FROM events WHERE id >= ?"
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
        "CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN"
        " INSERT INTO events_fts (rowid, title, description, tags, source)"
        f" VALUES (new.id, new.title, new.description, new.tags, {new_source}); END",
        "CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN"
        " INSERT INTO events_fts (events_fts, rowid, title, description, tags, source)"
        f" VALUES ('delete', old.id, old.title, old.description, old.tags, {old_source}); END",
        "CREATE TRIGGER events_fts_update AFTER UPDATE ON events BEGIN"
        " INSERT INTO events_fts (events_fts, rowid, title, description, tags, source)"
        f" VALUES ('delete', old.id, old.title, old.description, old.tags, {old_source});"
        " INSERT INTO events_fts (rowid, title, description, tags, source)"
        f" VALUES (new.id, new.title, new.description, new.tags, {new_source}); END",
    ]


def _fts_triggers(table: str, columns: tuple[str, ...]) -> list[str]:
    """Triggers that keep ``<table>_fts`` (external content over ``table``) in step with it."""
    names = ", ".join(columns)
    new = ", ".join(f"new.{column}" for column in columns)
    old = ", ".join(f"old.{column}" for column in columns)
    fts = f"{table}_fts"
    remove = f"INSERT INTO {fts} ({fts}, rowid, {names}) VALUES ('delete', old.id, {old});"
    add = f"INSERT INTO {fts} (rowid, {names}) VALUES (new.id, {new});"
    return [
        f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN {add} END",
        f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN {remove} END",
        f"CREATE TRIGGER {fts}_update AFTER UPDATE ON {table} BEGIN {remove} {add} END",
    ]


_V1_SOURCE_GIVEN = (
    "(events.source != '' OR events.source_author != '' OR events.source_title != ''"
    " OR events.source_page != '' OR events.source_url != '')"
)
_NOW = "strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')"


def _events_without_v1_sources() -> list[str]:
    """Once copied, the events' own source columns go, and their search index is rebuilt without
    them: sources are searched through ``sources_fts``, entities through ``entities_fts``."""
    return [
        "DROP TRIGGER events_fts_insert",
        "DROP TRIGGER events_fts_delete",
        "DROP TRIGGER events_fts_update",
        "DROP TABLE events_fts",
        *(
            f"ALTER TABLE events DROP COLUMN {column}"
            for column in ("source", "source_author", "source_title", "source_page", "source_url")
        ),
        "CREATE VIRTUAL TABLE events_fts USING fts5("
        "title, description, tags, content='events', content_rowid='id')",
        FTS_INSERT_TRIGGER,
        *_fts_triggers("events", ("title", "description", "tags"))[1:],
        "INSERT INTO events_fts (events_fts) VALUES ('rebuild')",
    ]


def _version_2() -> list[str]:
    """The research model: nested and linked events, entities, cited sources, pictures, history.

    Every event's version-1 source (free text and citation parts) becomes a row of ``sources``
    (identical citations once) linked to the event with its page, so nothing cited is lost.
    """
    entity_columns = ("name", "aliases", "description")
    source_columns = ("author", "title", "citation")
    return [
        "ALTER TABLE events ADD COLUMN parent_id INTEGER REFERENCES events (id) ON DELETE SET NULL",
        "ALTER TABLE events ADD COLUMN priority INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE events ADD COLUMN uid TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE events ADD COLUMN recurrence TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE events ADD COLUMN display_date TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE events ADD COLUMN media TEXT NOT NULL DEFAULT ''",  # JSON: url, caption, credit
        "CREATE INDEX events_parent ON events (parent_id) WHERE parent_id IS NOT NULL",
        """CREATE TABLE entities (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL DEFAULT 'person',
            name TEXT NOT NULL,
            aliases TEXT NOT NULL DEFAULT '[]',
            description TEXT NOT NULL DEFAULT '',
            start_date TEXT,
            end_date TEXT,
            earliest INTEGER,
            latest INTEGER,
            colour TEXT NOT NULL DEFAULT '',
            latitude REAL,
            longitude REAL,
            created TEXT NOT NULL,
            modified TEXT NOT NULL)""",
        "CREATE INDEX entities_name ON entities (name COLLATE NOCASE)",
        """CREATE TABLE event_entities (
            event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
            entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
            role TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (event_id, entity_id, role))""",
        "CREATE INDEX event_entities_entity ON event_entities (entity_id)",
        "CREATE VIRTUAL TABLE entities_fts USING fts5("
        "name, aliases, description, content='entities', content_rowid='id')",
        *_fts_triggers("entities", entity_columns),
        """CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            author TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            year TEXT NOT NULL DEFAULT '',
            publisher TEXT NOT NULL DEFAULT '',
            locator TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            identifier TEXT NOT NULL DEFAULT '',
            citation TEXT NOT NULL DEFAULT '',
            csl TEXT NOT NULL DEFAULT '{}',
            created TEXT NOT NULL,
            modified TEXT NOT NULL)""",
        """CREATE TABLE event_sources (
            id INTEGER PRIMARY KEY,
            event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
            source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
            page TEXT NOT NULL DEFAULT '',
            quote TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0)""",
        "CREATE INDEX event_sources_event ON event_sources (event_id, position)",
        "CREATE INDEX event_sources_source ON event_sources (source_id)",
        "CREATE VIRTUAL TABLE sources_fts USING fts5("
        "author, title, citation, content='sources', content_rowid='id')",
        *_fts_triggers("sources", source_columns),
        "CREATE INDEX sources_citation ON sources (title, author, url, citation)",
        "INSERT INTO sources (author, title, url, citation, created, modified)"
        f" SELECT DISTINCT source_author, source_title, source_url, source, {_NOW}, {_NOW}"
        f" FROM events WHERE {_V1_SOURCE_GIVEN}",
        "INSERT INTO event_sources (event_id, source_id, page)"
        " SELECT events.id, sources.id, events.source_page FROM events JOIN sources"
        " ON sources.author = events.source_author AND sources.title = events.source_title"
        " AND sources.url = events.source_url AND sources.citation = events.source"
        f" WHERE {_V1_SOURCE_GIVEN}",
        *_events_without_v1_sources(),
        """CREATE TABLE links (
            id INTEGER PRIMARY KEY,
            from_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
            to_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
            type TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '')""",
        "CREATE INDEX links_from ON links (from_id)",
        "CREATE INDEX links_to ON links (to_id)",
        """CREATE TABLE images (
            sha256 TEXT PRIMARY KEY,
            mime TEXT NOT NULL,
            width INTEGER NOT NULL,
            height INTEGER NOT NULL,
            data BLOB NOT NULL,
            thumbnail BLOB NOT NULL,
            thumb_width INTEGER NOT NULL,
            thumb_height INTEGER NOT NULL,
            created TEXT NOT NULL)""",
        """CREATE TABLE event_images (
            event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
            sha256 TEXT NOT NULL REFERENCES images (sha256),
            position INTEGER NOT NULL,
            caption TEXT NOT NULL DEFAULT '',
            credit TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (event_id, position))""",
        "CREATE INDEX event_images_image ON event_images (sha256)",
        """CREATE TABLE event_history (
            id INTEGER PRIMARY KEY,
            event_id INTEGER NOT NULL,
            at TEXT NOT NULL,
            action TEXT NOT NULL,
            old_values TEXT,
            new_values TEXT)""",
        "CREATE INDEX event_history_event ON event_history (event_id, id)",
    ]


MIGRATIONS: list[Callable[[], list[str]]] = [_version_1, _version_2]
"""``MIGRATIONS[n]`` takes a file from version ``n`` to ``n + 1``."""

assert len(MIGRATIONS) == SCHEMA_VERSION


def migrate(db: sqlite_utils.Database, application_id: int) -> None:
    """Bring the file up to :data:`SCHEMA_VERSION` in one transaction: all steps or none."""
    with db.atomic():
        apply_migrations(db, application_id)


def apply_migrations(db: sqlite_utils.Database, application_id: int) -> None:
    """Run the steps from the file's version on, inside the caller's transaction."""
    current = db.execute("PRAGMA user_version").fetchone()[0]
    for version in range(current, SCHEMA_VERSION):
        for statement in MIGRATIONS[version]():
            db.execute(statement)
    db.execute(f"PRAGMA application_id = {int(application_id)}")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

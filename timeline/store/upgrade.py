"""Bringing a file of an older format up to date without ever risking what it holds.

Files of every released version are in people's hands. Before a file is migrated, a copy of it
is written beside it (``NAME.v1-backup``) with SQLite's online backup API and checked; then all
steps run in one transaction, and before it commits the result is checked against the file as it
was: SQLite's integrity, foreign keys, the number of rows of every table that existed before, and
a digest of every event's text and dates. Anything amiss rolls the whole change back, so the file
is either fully upgraded or exactly as it was.

A read-only open of an older file (``list``, ``check``, ``export``) upgrades a copy in memory
and leaves the file alone.
"""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from timeline.store.errors import StoreError
from timeline.store.migrations import SCHEMA_VERSION, apply_migrations, migrate

_KEPT_TABLES = ("events", "categories", "eras", "settings")
"""Tables of version 1 whose every row a migration must keep."""

_EVENT_TEXT_AND_DATES = (
    'SELECT id, title, start_date, end_date, description, category_id, tags, url, colour, created, "modified"'
    " FROM events ORDER BY id"
)


class UpgradeError(StoreError):
    """A file could not be brought up to date; it was left exactly as it was."""


def backup_path(path: Path, version: int) -> Path:
    """``NAME.v1-backup`` beside the file, or a dated name when that one is taken."""
    backup = path.with_name(f"{path.name}.v{version}-backup")
    if backup.exists():
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        backup = path.with_name(f"{path.name}.v{version}-backup-{stamp}")
    return backup


def upgrade_file(path: Path, db: sqlite_utils.Database, application_id: int) -> Path:
    """Migrate an open, locked file of an older version in place; returns the backup's path."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    backup = backup_path(path, version)
    _write_backup(path, db.conn, backup)
    before = fingerprint(db)
    try:
        with db.atomic():
            apply_migrations(db, application_id)
            _verify(db, before)
    except (sqlite3.Error, UpgradeError) as error:
        raise UpgradeError(
            f"{path}: could not bring the file from format {version} up to {SCHEMA_VERSION}"
            f" ({error}); the file was not changed, and a copy of it is at {backup}"
        ) from None
    return backup


def upgraded_copy(db: sqlite_utils.Database, application_id: int) -> sqlite_utils.Database:
    """An in-memory copy of an older file, migrated; the file itself is not touched."""
    memory = sqlite3.connect(":memory:", check_same_thread=False)
    db.conn.backup(memory)
    memory.execute("PRAGMA foreign_keys = ON")
    copy = sqlite_utils.Database(memory)
    migrate(copy, application_id)
    return copy


def fingerprint(db: sqlite_utils.Database) -> dict[str, object]:
    """Row counts of the kept tables and a digest of every event's text and dates."""
    facts: dict[str, object] = {
        table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in _KEPT_TABLES
    }
    digest = hashlib.sha256()
    for row in db.execute(_EVENT_TEXT_AND_DATES):
        digest.update(repr(row).encode("utf-8"))
    facts["events digest"] = digest.hexdigest()
    return facts


def _verify(db: sqlite_utils.Database, before: dict[str, object]) -> None:
    after = fingerprint(db)
    changed = [name for name, value in before.items() if after[name] != value]
    if changed:
        raise UpgradeError(f"the migration would change {', '.join(changed)}")
    problems = [row[0] for row in db.execute("PRAGMA quick_check") if row[0] != "ok"]
    if problems:
        raise UpgradeError(f"the migrated file fails SQLite's check: {problems[0]}")
    if db.execute("PRAGMA foreign_key_check").fetchone() is not None:
        raise UpgradeError("the migrated file has rows that refer to missing ones")


def _write_backup(path: Path, connection: sqlite3.Connection, backup: Path) -> None:
    """Copy the file (with what its log holds) and check the copy before anything changes."""
    try:
        target = sqlite3.connect(backup)
        try:
            connection.backup(target)
            result = target.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            target.close()
    except (sqlite3.Error, OSError) as error:
        backup.unlink(missing_ok=True)
        raise UpgradeError(
            f"{path}: the file needs upgrading to format {SCHEMA_VERSION}, but a backup copy could not"
            f" be written to {backup} ({error}); the file was not changed"
        ) from None
    if result != "ok":
        backup.unlink(missing_ok=True)
        raise UpgradeError(
            f"{path}: the file needs upgrading, but its copy fails SQLite's check ({result}); the file"
            " was not changed — run `timeline check` on it"
        )

"""Upgrading a real file written by the version-1 store: a checked backup first, all or nothing."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from timeline.store import migrations
from timeline.store.database import open_database
from timeline.store.errors import StoreError
from timeline.store.migrations import SCHEMA_VERSION
from timeline.store.repository import TimelineRepository

VERSION_1_FILE = Path(__file__).resolve().parent.parent / "data" / "store" / "version-1.timeline.db"
ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def version_1(tmp_path: Path) -> Path:
    path = tmp_path / "notes.timeline.db"
    shutil.copyfile(VERSION_1_FILE, path)
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def file_version(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute("PRAGMA user_version").fetchone()[0])
    finally:
        connection.close()


def event_rows(path: Path) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(
            "SELECT id, title, start_date, end_date, description, tags FROM events ORDER BY id"
        ).fetchall()
    finally:
        connection.close()


def test_the_kept_file_is_of_version_1() -> None:
    assert SCHEMA_VERSION > 1
    assert file_version(VERSION_1_FILE) == 1


def test_opening_for_writing_upgrades_after_a_backup(version_1: Path) -> None:
    before = event_rows(version_1)
    with open_database(version_1) as database:
        assert database.backup == version_1.with_name("notes.timeline.db.v1-backup")
        assert TimelineRepository(database).count_events() == len(before)
    assert file_version(version_1) == SCHEMA_VERSION
    assert event_rows(version_1) == before
    backup = version_1.with_name("notes.timeline.db.v1-backup")
    assert file_version(backup) == 1
    assert event_rows(backup) == before


def test_every_citation_moves_into_the_sources_table(version_1: Path) -> None:
    open_database(version_1).close()
    connection = sqlite3.connect(version_1)
    cited = connection.execute(
        "SELECT events.title, sources.author, sources.title, sources.citation, sources.url,"
        " event_sources.page"
        " FROM event_sources JOIN events ON events.id = event_id JOIN sources ON sources.id = source_id"
        " ORDER BY events.id"
    ).fetchall()
    suetonius = connection.execute("SELECT count(*) FROM sources WHERE author = 'Suetonius'").fetchone()[0]
    uncited = connection.execute(
        "SELECT count(*) FROM events WHERE id NOT IN (SELECT event_id FROM event_sources)"
    ).fetchone()[0]
    connection.close()
    assert ("Caesar crosses the Rubicon", "Suetonius", "Divus Julius", "", "", "31–33") in cited
    assert ("Assassination of Caesar", "Suetonius", "Divus Julius", "", "", "82") in cited
    assert (
        "Gutenberg prints the Bible",
        "",
        "",
        "Eisenstein 1979, ch. 1",
        "https://example.org/gutenberg",
        "",
    ) in cited
    assert suetonius == 1  # the same citation of two events is one source
    assert uncited == 0  # every event of the kept file cites something


def test_a_second_upgrade_keeps_the_first_backup(version_1: Path) -> None:
    shutil.copyfile(version_1, version_1.with_name("notes.timeline.db.v1-backup"))
    first = digest(version_1.with_name("notes.timeline.db.v1-backup"))
    with open_database(version_1) as database:
        assert database.backup is not None
        assert database.backup.name.startswith("notes.timeline.db.v1-backup-")
    assert digest(version_1.with_name("notes.timeline.db.v1-backup")) == first


def failing_step(extra: str) -> Callable[[], list[str]]:
    original = migrations.MIGRATIONS[SCHEMA_VERSION - 1]
    return lambda: [*original(), extra]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("INSERT INTO no_such_table VALUES (1)", "no such table"),
        ("UPDATE events SET title = title || '!' WHERE id = 1", "would change events digest"),
        ("DELETE FROM eras", "would change eras"),
    ],
)
def test_a_failed_upgrade_leaves_the_file_exactly_as_it_was(
    version_1: Path, monkeypatch: pytest.MonkeyPatch, extra: str, message: str
) -> None:
    steps = list(migrations.MIGRATIONS)
    steps[-1] = failing_step(extra)
    monkeypatch.setattr(migrations, "MIGRATIONS", steps)
    before = digest(version_1)
    with pytest.raises(StoreError, match=message) as raised:
        open_database(version_1)
    assert "the file was not changed" in str(raised.value)
    assert digest(version_1) == before
    assert file_version(version_1) == 1
    # the lock was given back: the file opens once the migration is sound again
    monkeypatch.undo()
    open_database(version_1).close()
    assert file_version(version_1) == SCHEMA_VERSION


def test_a_read_only_open_reads_an_old_file_without_changing_it(version_1: Path) -> None:
    before = digest(version_1)
    with open_database(version_1, readonly=True) as database:
        assert database.file_version == 1
        titles = [event.title for event in TimelineRepository(database).events()]
    assert "Assassination of Caesar" in titles
    assert digest(version_1) == before
    assert sorted(path.name for path in version_1.parent.iterdir()) == ["notes.timeline.db"]


def test_list_and_check_of_an_old_file_do_not_migrate_it(version_1: Path) -> None:
    before = digest(version_1)
    for command in (["list", "--db", str(version_1)], ["check", "--db", str(version_1)]):
        result = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), *command], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stderr
    listing = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "list", "--db", str(version_1)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Caesar crosses the Rubicon" in listing.stdout
    assert digest(version_1) == before
    assert file_version(version_1) == 1

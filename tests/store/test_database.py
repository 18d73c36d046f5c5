"""Opening files: ours are created and upgraded; anything else is refused and left untouched."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from timeline.core.dates.parsing import parse_date
from timeline.core.flat import flat_event
from timeline.core.model import Event
from timeline.store.database import APPLICATION_ID, open_database
from timeline.store.errors import (
    CorruptFileError,
    DiskFullError,
    FileInUseError,
    NewerSchemaError,
    NotATimelineError,
    StoreError,
)
from timeline.store.migrations import SCHEMA_VERSION
from timeline.store.repository import TimelineRepository


def folder_state(folder: Path) -> dict[str, str]:
    """Every file in a folder with a hash of its bytes: proof that nothing was written."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_a_new_file_is_ours_and_current(db_path: Path) -> None:
    open_database(db_path).close()
    connection = sqlite3.connect(db_path)
    assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"events", "categories", "eras", "settings", "events_fts"} <= tables
    connection.close()


def test_the_journal_is_wal_while_open_and_the_file_stands_alone_after(db_path: Path) -> None:
    with open_database(db_path) as database:
        assert database.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]


def test_a_foreign_sqlite_database_is_refused_and_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (text TEXT)")
    connection.execute("INSERT INTO notes VALUES ('keep me')")
    connection.commit()
    connection.close()
    before = folder_state(tmp_path)
    for readonly in (False, True):
        with pytest.raises(NotATimelineError, match="another program"):
            open_database(path, readonly=readonly)
    assert folder_state(tmp_path) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"hello, world\n" * 20, "not an SQLite database"),
        (bytes(range(256)) * 8, "not an SQLite"),
    ],
)
def test_files_that_are_not_databases_are_refused_and_unchanged(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "notes.timeline.db"
    path.write_bytes(content)
    before = folder_state(tmp_path)
    with pytest.raises(NotATimelineError, match=message):
        open_database(path)
    assert folder_state(tmp_path) == before


def make_timeline(path: Path, events: int = 300) -> None:
    with open_database(path) as database:
        TimelineRepository(database).add_events(
            Event(f"event {n} " + "words " * 50, parse_date(f"{1000 + n}")) for n in range(events)
        )


def test_a_truncated_file_is_refused_and_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "cut.timeline.db"
    make_timeline(path)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    before = folder_state(tmp_path)
    with pytest.raises(CorruptFileError, match="truncated"):
        open_database(path)
    assert folder_state(tmp_path) == before


def test_a_damaged_file_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "damaged.timeline.db"
    make_timeline(path)
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    middle = len(data) // 2
    data[page_size:middle] = b"\xff" * (middle - page_size)  # every page after the schema's first
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="damaged"), open_database(path, readonly=True) as database:
        TimelineRepository(database).events()  # the damage is found on opening or on reading


def test_a_newer_file_is_refused_and_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "future.timeline.db"
    open_database(path).close()
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.commit()
    connection.close()
    before = folder_state(tmp_path)
    with pytest.raises(NewerSchemaError, match="newer version"):
        open_database(path)
    assert folder_state(tmp_path) == before


def test_a_missing_file_is_not_created_when_reading(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such timeline file"):
        open_database(tmp_path / "missing.db", readonly=True)
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        open_database(tmp_path / "nowhere" / "t.db")


HOLD_OPEN = """
import sys, time
from timeline.store.database import open_database
with open_database(sys.argv[1]):
    print("open", flush=True)
    time.sleep(30)
"""


def test_a_second_writer_is_told_the_file_is_in_use(db_path: Path) -> None:
    open_database(db_path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_OPEN, str(db_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(FileInUseError, match="in use"):
            open_database(db_path)
        with open_database(db_path, readonly=True) as reader:  # reading alongside is fine
            assert TimelineRepository(reader).count_events() == 0
    finally:
        holder.kill()
        holder.communicate()
    with open_database(db_path):  # the lock died with its process
        pass


def test_a_read_only_file_refuses_writes(db_path: Path) -> None:
    open_database(db_path).close()
    with open_database(db_path, readonly=True) as database, pytest.raises(StoreError, match="read-only"):
        TimelineRepository(database).add_event(Event("x", parse_date("2000")))


def test_a_full_disk_keeps_what_was_there(db_path: Path) -> None:
    with open_database(db_path) as database:
        repository = TimelineRepository(database)
        repository.add_event(Event("kept", parse_date("2000")))
        pages = database.db.execute("PRAGMA page_count").fetchone()[0]
        database.db.execute(f"PRAGMA max_page_count = {pages + 2}")
        with pytest.raises(DiskFullError, match="not saved"):
            repository.add_events(Event("big " + "x" * 20_000, parse_date("2001")) for _ in range(20))
        assert [e.title for e in repository.events()] == ["kept"]
    with open_database(db_path, readonly=True) as database:
        assert [e.title for e in TimelineRepository(database).events()] == ["kept"]


KILLED_MID_TRANSACTION = """
import os, sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("PRAGMA cache_size = 1")  # spill to the file at once: a hot journal is left
connection.execute("BEGIN")
connection.execute("UPDATE events SET description = description || ' (never committed)'")
os._exit(0)
"""


def test_reading_after_a_writer_died_mid_transaction_rolls_it_back(db_path: Path) -> None:
    with open_database(db_path) as database:
        TimelineRepository(database).add_events(
            Event(f"e{n}", parse_date("2000"), description="kept " * 60) for n in range(2000)
        )
    subprocess.run([sys.executable, "-c", KILLED_MID_TRANSACTION, str(db_path)], check=True)
    assert db_path.with_name(db_path.name + "-journal").exists()
    with open_database(db_path, readonly=True) as database:
        repository = TimelineRepository(database)
        assert repository.count_events() == 2000
        assert not any("never committed" in event.description for event in repository.events())


def test_a_large_import_writes_through_a_rollback_journal_then_goes_back_to_wal(db_path: Path) -> None:
    rows = [flat_event(Event(f"e{n}", parse_date(f"{1000 + n % 900}"))) for n in range(3000)]
    modes: list[str] = []
    with open_database(db_path) as database:
        repository = TimelineRepository(database)

        def note_mode(done: int) -> bool:
            modes.append(database.db.execute("PRAGMA journal_mode").fetchone()[0])
            return True

        repository.import_content(rows, [], [], progress=note_mode)
        assert modes == ["delete"]
        assert database.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        reader = sqlite3.connect(db_path)  # someone reading: the log cannot be left, and is kept
        assert reader.execute("SELECT count(*) FROM events").fetchone() == (3000,)
        repository.import_content(rows, [], [], progress=note_mode)
        reader.close()
        assert modes == ["delete", "wal"]
        assert repository.count_events() == 6000


KILLED_MID_IMPORT = """
import os, sys
from timeline.core.dates.dates import HistoricalDate
from timeline.core.flat import flat_event
from timeline.core.flat import flat_event
from timeline.core.model import Event
import timeline.store.bulk as bulk
from timeline.store.database import open_database
from timeline.store.repository import TimelineRepository

bulk._IMPORT_BATCH = 1000
event = Event("new", HistoricalDate.of_year(1500), description="x" * 400)
rows = [flat_event(event.with_changes(title=f"new {n}")) for n in range(5000)]
database = open_database(sys.argv[1])
database.db.execute("PRAGMA cache_size = 1")  # pages reach the file before the commit
TimelineRepository(database).import_content(rows, [], [], progress=lambda done: done < 3000 or os._exit(0))
"""


def test_a_process_killed_during_a_large_import_leaves_the_file_as_it_was(db_path: Path) -> None:
    with open_database(db_path) as database:
        TimelineRepository(database).add_events(Event(f"old {n}", parse_date("2000")) for n in range(10))
    subprocess.run([sys.executable, "-c", KILLED_MID_IMPORT, str(db_path)], check=True)
    assert db_path.with_name(db_path.name + "-journal").exists()
    with open_database(db_path) as database:
        repository = TimelineRepository(database)
        assert repository.count_events() == 10
        assert [event.title for event in repository.search("new")] == []
        assert database.db.execute("PRAGMA integrity_check").fetchone() == ("ok",)

"""Trusting a file: one writer whatever its name, no refusal of a healthy file, no schema that acts."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from timeline.core.dates.parsing import parse_date
from timeline.core.model import Event
from timeline.store.check import check_file
from timeline.store.database import open_database
from timeline.store.errors import DamagedFileError, FileInUseError, ForeignSchemaError, StoreError
from timeline.store.repository import TimelineRepository
from timeline.store.schema import expected_schema, schema_of

from .test_database import folder_state, make_timeline

HOLD_OPEN = """
import sys, time
from timeline.store.database import open_database
with open_database(sys.argv[1]):
    print("open", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def hold_open(path: Path, seconds: float = 30) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_OPEN, str(path), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
    return holder


@pytest.mark.parametrize("kind", ["hard link", "symbolic link"])
def test_another_name_for_an_open_file_in_another_folder_is_not_a_second_writer(
    tmp_path: Path, kind: str
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    original = tmp_path / "a" / "t.db"
    other = tmp_path / "b" / "other.db"
    open_database(original).close()
    if kind == "hard link":
        os.link(original, other)
    else:
        other.symlink_to(original)
    holder = hold_open(original)
    try:
        with pytest.raises(FileInUseError, match="in use"):
            open_database(other)
    finally:
        holder.kill()
        holder.communicate()
    with open_database(other) as database:  # the lock died with its holder
        TimelineRepository(database).add_event(Event("through the other name", parse_date("2000")))
    with open_database(original, readonly=True) as database:
        assert [e.title for e in TimelineRepository(database).events()] == ["through the other name"]


def test_a_symbolic_link_shares_the_write_ahead_log_of_the_file(tmp_path: Path) -> None:
    original = tmp_path / "t.db"
    link = tmp_path / "elsewhere.db"
    open_database(original).close()
    link.symlink_to(original)
    with open_database(link) as database:
        TimelineRepository(database).add_event(Event("kept", parse_date("2000")))
        assert (tmp_path / "t.db-wal").exists() and not (tmp_path / "elsewhere.db-wal").exists()
        with open_database(original, readonly=True) as reader:  # sees what is only in the log yet
            assert TimelineRepository(reader).count_events() == 1


def test_a_second_writer_waits_for_the_first_to_finish(db_path: Path) -> None:
    open_database(db_path).close()
    holder = hold_open(db_path, 0.8)
    try:
        started = time.monotonic()
        with open_database(db_path, wait=10) as database:
            TimelineRepository(database).add_event(Event("after the wait", parse_date("2000")))
        assert time.monotonic() - started > 0.3
    finally:
        holder.kill()
        holder.communicate()


def mid_checkpoint_file(folder: Path) -> tuple[Path, int]:
    """A file as a crash during a checkpoint leaves it: page 1 already copied, later pages only
    in the log. Returns the file and the number of events committed to it."""
    path = folder / "t.db"
    make_timeline(path, events=50)
    crashed = folder / "crashed"
    crashed.mkdir()
    with open_database(path) as database:
        database.db.execute("PRAGMA wal_autocheckpoint = 0")
        TimelineRepository(database).add_events(
            Event(f"new {n}", parse_date("2001"), description="d" * 300) for n in range(500)
        )
        shutil.copy(path, crashed / "t.db")
        shutil.copy(folder / "t.db-wal", crashed / "t.db-wal")
    complete = path.read_bytes()
    page_size = int.from_bytes(complete[16:18], "big")
    cut = bytearray((crashed / "t.db").read_bytes())
    cut[:page_size] = complete[:page_size]  # the checkpoint wrote page 1 and was killed
    (crashed / "t.db").write_bytes(bytes(cut))
    assert len(cut) < int.from_bytes(complete[28:32], "big") * page_size
    return crashed / "t.db", 550


@pytest.mark.parametrize("readonly", [False, True])
def test_a_file_cut_short_during_a_checkpoint_is_completed_from_its_log(
    tmp_path: Path, readonly: bool
) -> None:
    path, count = mid_checkpoint_file(tmp_path)
    with open_database(path, readonly=readonly) as database:
        assert TimelineRepository(database).count_events() == count
        assert database.db.execute("PRAGMA quick_check").fetchone() == ("ok",)
    assert check_file(path) == ([], count)


def test_a_file_cut_short_with_an_unrelated_empty_log_is_still_truncated(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    make_timeline(path)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    (tmp_path / "t.db-wal").write_bytes(b"")
    with pytest.raises(StoreError, match="truncated"):
        open_database(path)


def damage_page_two(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    data[page_size : 2 * page_size] = os.urandom(page_size)
    path.write_bytes(bytes(data))


def test_a_damaged_file_is_never_written_and_says_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    make_timeline(path, events=300)
    damage_page_two(path)
    before = folder_state(tmp_path)
    with pytest.raises(DamagedFileError, match="damaged") as refused:
        open_database(path)
    assert "export" in str(refused.value) and "it was not changed" in str(refused.value)
    assert folder_state(tmp_path) == before
    problems, _ = check_file(path)
    assert problems
    assert folder_state(tmp_path) == before


def test_a_hostile_trigger_is_refused_before_it_can_run(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    make_timeline(path, events=20)
    connection = sqlite3.connect(path)
    connection.execute(
        "CREATE TRIGGER wipe AFTER INSERT ON events BEGIN DELETE FROM events WHERE id < new.id; END"
    )
    connection.commit()
    connection.close()
    before = folder_state(tmp_path)
    for readonly in (False, True):
        with pytest.raises(ForeignSchemaError, match="trigger 'wipe' on 'events'"):
            open_database(path, readonly=readonly)
    assert folder_state(tmp_path) == before
    problems, _ = check_file(path)
    assert any("trigger 'wipe'" in problem for problem in problems)
    assert folder_state(tmp_path) == before


@pytest.mark.parametrize(
    ("statements", "named"),
    [
        (
            [
                "ALTER TABLE eras RENAME TO real_eras",
                "CREATE VIEW eras AS SELECT * FROM real_eras",
            ],
            "view 'eras'",
        ),
        (["CREATE TABLE payload (x)"], "table 'payload'"),
        (["CREATE INDEX events_title ON events (title)"], "index 'events_title'"),
        (["CREATE VIEW innocent AS SELECT 1"], "view 'innocent'"),
        (["DROP TRIGGER events_fts_update"], "trigger 'events_fts_update' is missing"),
        (
            [
                "DROP INDEX events_latest",
                "CREATE INDEX events_latest ON events (title)",
            ],
            "index 'events_latest' is not defined as Timeline defines it",
        ),
    ],
)
def test_schema_objects_that_migrations_do_not_create_are_refused_and_named(
    tmp_path: Path, statements: list[str], named: str
) -> None:
    path = tmp_path / "t.db"
    make_timeline(path, events=5)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA legacy_alter_table = ON")  # rename without rewriting the triggers
    for statement in statements:
        connection.execute(statement)
    connection.commit()
    connection.close()
    before = folder_state(tmp_path)
    with pytest.raises(ForeignSchemaError, match=named):
        open_database(path)
    assert folder_state(tmp_path) == before
    problems, _ = check_file(path)
    assert any(named in problem for problem in problems)


def test_a_file_with_missing_tables_is_refused_without_a_byte_changed(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    make_timeline(path, events=5)
    connection = sqlite3.connect(path)
    connection.execute("DROP TABLE eras")
    connection.commit()
    connection.close()
    before = folder_state(tmp_path)
    with pytest.raises(ForeignSchemaError, match="table 'eras' is missing"):
        open_database(path)
    assert folder_state(tmp_path) == before


def test_the_expected_schema_is_what_a_new_file_holds(db_path: Path) -> None:
    open_database(db_path).close()
    connection = sqlite3.connect(db_path)
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    assert schema_of(connection) == expected_schema(version)
    assert {name for kind, name, _, _ in expected_schema(version) if kind == "trigger"} >= {
        "events_fts_insert",
        "events_fts_delete",
        "events_fts_update",
    }
    connection.close()


def test_a_large_import_leaves_the_schema_as_verified(db_path: Path) -> None:
    from timeline.core.flat import flat_event

    rows = [flat_event(Event(f"e{n}", parse_date(f"{1000 + n}"))) for n in range(500)]
    with open_database(db_path) as database:
        TimelineRepository(database).import_content(rows, [], [])
    with open_database(db_path) as database:  # dropped and rebuilt indexes are still ours
        assert TimelineRepository(database).count_events() == 500


def test_a_released_version_1_file_is_verified_against_the_version_1_schema() -> None:
    from timeline.store.schema import schema_problems

    released = Path(__file__).parents[1] / "data" / "store" / "version-1.timeline.db"
    connection = sqlite3.connect(f"{released.resolve().as_uri()}?mode=ro", uri=True)
    try:
        assert connection.execute("PRAGMA user_version").fetchone() == (1,)
        assert schema_problems(connection, 1) == []
        assert schema_problems(connection, 2) != []  # and is not mistaken for a current one
    finally:
        connection.close()


def test_a_check_in_the_background_holds_back_writes_and_refuses_them_on_damage(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    make_timeline(path, events=300)
    damage_page_two(path)
    before = folder_state(tmp_path)
    try:
        database = open_database(path, check_in_background=True)
    except DamagedFileError:
        return  # the damage reached the schema itself: refused before any check
    with database:
        with pytest.raises(DamagedFileError, match="damaged"):
            TimelineRepository(database).add_event(Event("new", parse_date("2001")))
        with pytest.raises(DamagedFileError, match="reading only"):
            database.settle()
        assert database.readonly
        with pytest.raises(DamagedFileError):
            TimelineRepository(database).add_event(Event("new", parse_date("2001")))
    assert folder_state(tmp_path) == before


def test_a_sound_file_checked_in_the_background_is_written_and_goes_to_wal(db_path: Path) -> None:
    make_timeline(db_path, events=50)
    with open_database(db_path, check_in_background=True) as database:
        repository = TimelineRepository(database)
        repository.add_event(Event("waited for the check", parse_date("2001")))
        database.settle()
        assert database.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        repository.add_event(Event("after it", parse_date("2002")))
    with open_database(db_path, readonly=True) as database:
        assert TimelineRepository(database).count_events() == 52


def test_the_message_for_a_damaged_file_names_its_newest_backup(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    make_timeline(path, events=300)
    older = tmp_path / "t.db.v1-backup"
    newer = tmp_path / "t.db.v1-backup-20261201T120000"
    for age, backup in ((7200, older), (3600, newer)):
        shutil.copy(path, backup)
        os.utime(backup, (time.time() - age, time.time() - age))
    damage_page_two(path)
    with pytest.raises(DamagedFileError) as refused:
        open_database(path)
    assert f"newest backup, {newer}" in str(refused.value)


def test_a_file_with_another_name_keeps_nothing_in_its_log_between_writes(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    original = tmp_path / "a" / "t.db"
    make_timeline(original, events=5)
    os.link(original, tmp_path / "b" / "hard.db")
    with open_database(tmp_path / "b" / "hard.db") as database:
        assert database.hard_linked
        TimelineRepository(database).add_event(Event("only in the file itself", parse_date("2001")))
        log = tmp_path / "b" / "hard.db-wal"
        assert not log.exists() or log.stat().st_size == 0  # a crash now leaves nothing to replay
        shutil.copy(original, tmp_path / "copy.db")  # the main file alone, as another name sees it
    connection = sqlite3.connect(tmp_path / "copy.db")
    titles = [row[0] for row in connection.execute("SELECT title FROM events")]
    connection.close()
    assert "only in the file itself" in titles


def test_a_large_import_into_a_file_still_being_checked_waits_and_never_switches_its_journal(
    tmp_path: Path,
) -> None:
    from timeline.core.flat import flat_event

    path = tmp_path / "t.db"
    make_timeline(path, events=300)
    damage_page_two(path)
    before = folder_state(tmp_path)
    try:
        database = open_database(path, check_in_background=True)
    except DamagedFileError:
        return  # the damage reached the schema itself: refused before any check
    rows = [flat_event(Event(f"e{n}", parse_date("2001"))) for n in range(1500)]  # a bulk import
    with database, pytest.raises(DamagedFileError):
        TimelineRepository(database).import_content(rows, [], [])
    assert folder_state(tmp_path) == before

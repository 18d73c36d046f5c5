"""Backups: taken with the online backup API, verified, rotated, listed and restored; bad cases."""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from timeline.core.dates.dates import HistoricalDate
from timeline.core.model import Event
from timeline.store.backups import (
    Backup,
    BackupError,
    backup_due,
    backup_folder,
    copy_database,
    inspect,
    kept,
    list_backups,
    make_backup,
    restore,
)
from timeline.store.database import open_database
from timeline.store.errors import DiskFullError
from timeline.store.repository import TimelineRepository

NOW = datetime(2026, 12, 2, 18, 0, tzinfo=UTC)


def timeline_with(path: Path, count: int) -> Path:
    with open_database(path) as database:
        TimelineRepository(database).add_events(
            Event(f"event {n}", HistoricalDate.of_year(1900 + n)) for n in range(count)
        )
    return path


def titles(path: Path) -> list[str]:
    with open_database(path, readonly=True) as database:
        return sorted(event.title for event in TimelineRepository(database).events())


def test_a_backup_of_an_open_file_is_verified_and_listed_with_its_events(tmp_path: Path) -> None:
    path = timeline_with(tmp_path / "t.timeline.db", 3)
    folder = backup_folder(tmp_path / "backups", path)
    assert backup_due(folder, NOW)
    with open_database(path) as database:
        made = make_backup(database.db.conn, folder, NOW)
        TimelineRepository(database).add_event(Event("after the backup", HistoricalDate.of_year(2000)))
    assert made.name == "2026-12-02T18-00-00.timeline.db"
    assert not backup_due(folder, NOW + timedelta(hours=23))
    assert backup_due(folder, NOW + timedelta(hours=24))
    [listed] = list_backups(folder)
    assert listed.good and listed.events == 3 and listed.taken == NOW
    assert "after the backup" not in titles(made)
    assert not list(folder.glob("*partial*")) and not list(folder.glob("*-wal"))


def test_each_file_has_its_own_folder(tmp_path: Path) -> None:
    root = tmp_path / "backups"
    assert backup_folder(root, tmp_path / "a" / "t.timeline.db") != backup_folder(
        root, tmp_path / "b" / "t.timeline.db"
    )
    assert backup_folder(root, tmp_path / "my notes.timeline.db").name.startswith("my_notes-")


def test_rotation_keeps_seven_days_and_four_weeks(tmp_path: Path) -> None:
    backups = [
        Backup(tmp_path / f"{n}-{h}", NOW - timedelta(days=n, hours=h)) for n in range(60) for h in (0, 5)
    ]
    keep = kept(backups, NOW)
    days = sorted({backup.taken.date() for backup in backups if backup.path in keep}, reverse=True)
    assert len(keep) == 11
    assert days[:7] == [(NOW - timedelta(days=n)).date() for n in range(7)]
    # the newest of each day is the one kept
    assert all(backup.taken.hour == NOW.hour for backup in backups if backup.path in keep)
    weeks = {
        backup.taken.isocalendar()[:2]
        for backup in backups
        if backup.path in keep and backup.taken.date() < days[6]
    }
    assert len(weeks) == 4


def test_make_backup_prunes_the_folder(tmp_path: Path) -> None:
    path = timeline_with(tmp_path / "t.timeline.db", 1)
    folder = backup_folder(tmp_path / "backups", path)
    with open_database(path) as database:
        for day in range(40, -1, -1):
            make_backup(database.db.conn, folder, NOW - timedelta(days=day))
    assert len(list(folder.iterdir())) == 11


def test_a_full_disk_leaves_no_partial_copy_and_the_old_backup(tmp_path: Path) -> None:
    path = timeline_with(tmp_path / "t.timeline.db", 200)
    target = tmp_path / "copy.timeline.db"
    target.write_bytes(b"the old copy")
    with open_database(path) as database, pytest.raises(DiskFullError, match="disk is full"):
        copy_database(database.db.conn, target, page_limit=3)
    assert target.read_bytes() == b"the old copy"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.timeline.db", "t.timeline.db"]
    assert len(titles(path)) == 200


def test_an_unwritable_backup_folder_is_named(tmp_path: Path) -> None:
    path = timeline_with(tmp_path / "t.timeline.db", 1)
    blocker = tmp_path / "backups"
    blocker.write_text("a file where the folder should be")
    with open_database(path) as database, pytest.raises(BackupError) as refused:
        make_backup(database.db.conn, backup_folder(blocker, path), NOW)
    assert str(blocker) in str(refused.value) and "unchanged" in str(refused.value)
    assert titles(path) == ["event 0"]


def test_a_damaged_backup_is_listed_as_such_and_never_restored(tmp_path: Path) -> None:
    path = timeline_with(tmp_path / "t.timeline.db", 50)
    folder = backup_folder(tmp_path / "backups", path)
    with open_database(path) as database:
        made = make_backup(database.db.conn, folder, NOW)
    data = bytearray(made.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    data[page_size * 2 : page_size * 3] = b"\xff" * page_size
    made.write_bytes(bytes(data))
    [listed] = list_backups(folder)
    assert not listed.good and "damaged" in listed.problem
    before = path.read_bytes()
    with pytest.raises(BackupError, match="cannot restore this backup"):
        restore(listed, path, folder, NOW)
    assert path.read_bytes() == before


def test_restoring_keeps_the_current_file_as_a_backup_first(tmp_path: Path) -> None:
    path = timeline_with(tmp_path / "t.timeline.db", 2)
    folder = backup_folder(tmp_path / "backups", path)
    with open_database(path) as database:
        make_backup(database.db.conn, folder, NOW - timedelta(days=2))
        TimelineRepository(database).add_event(Event("later work", HistoricalDate.of_year(2020)))
    [old] = list_backups(folder)
    assert restore(old, path, folder, NOW) == path
    assert "later work" not in titles(path)
    kinds = {backup.kind: backup for backup in list_backups(folder)}
    assert kinds["before-restore"].events == 3
    assert "later work" in titles(kinds["before-restore"].path)


def test_a_damaged_file_is_never_written_over(tmp_path: Path) -> None:
    path = timeline_with(tmp_path / "t.timeline.db", 50)
    folder = backup_folder(tmp_path / "backups", path)
    with open_database(path) as database:
        make_backup(database.db.conn, folder, NOW)
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    data[page_size * 2 : page_size * 3] = b"\x00\x01" * (page_size // 2)
    path.write_bytes(bytes(data))
    damaged = path.read_bytes()
    assert not inspect(Backup(path, NOW)).good
    [good] = list_backups(folder)
    restored = restore(good, path, folder, NOW)
    assert restored.name == "t (restored 2026-12-02).timeline.db"
    assert path.read_bytes() == damaged
    assert len(titles(restored)) == 50


def test_a_read_only_backups_folder_as_another_user_would_meet_it(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes into read-only folders")
    path = timeline_with(tmp_path / "t.timeline.db", 1)
    root = tmp_path / "backups"
    root.mkdir()
    root.chmod(0o500)
    try:
        with open_database(path) as database, pytest.raises(BackupError, match="cannot"):
            make_backup(database.db.conn, backup_folder(root, path), NOW)
    finally:
        root.chmod(0o700)


def test_the_copy_is_a_plain_file_another_program_opens(tmp_path: Path) -> None:
    path = timeline_with(tmp_path / "t.timeline.db", 4)
    target = tmp_path / "copy.timeline.db"
    with open_database(path) as database:
        copy_database(database.db.conn, target)
    connection = sqlite3.connect(target)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert connection.execute("SELECT count(*) FROM events").fetchone()[0] == 4
    connection.close()
    shutil.copy(target, tmp_path / "again.timeline.db")
    assert len(titles(tmp_path / "again.timeline.db")) == 4

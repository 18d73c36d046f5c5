"""Verified, rotating backups of timeline files, and copies of an open file.

A backup is taken with SQLite's online backup API, so it is a consistent picture of the file
even while the app has it open, and it is checked with ``quick_check`` before it takes its
name: a half-written or damaged copy never counts as a backup. Each timeline file has its own
folder under the backups folder (``<name>-<hash of its path>``), holding copies named by the
moment they were taken. After each new backup the folder is thinned out: the newest copy of
each of the last 7 days that have one, and the newest of each of the last 4 weeks before
those, are kept.

Restoring never writes over a file without a backup of it first, and never over a damaged
file at all: that one is left where it is, for whoever wants to look at it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from timeline.store.database import TimelineDatabase
from timeline.store.errors import DiskFullError, StoreError

KEEP_DAYS = 7
KEEP_WEEKS = 4
BACKUP_INTERVAL = timedelta(days=1)
SUFFIX = ".timeline.db"

_STAMP = "%Y-%m-%dT%H-%M-%S"
_NAME = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d)(?:-([\w-]+))?\.timeline\.db$")
_APPLICATION_ID = 0x546C696E


class BackupError(StoreError):
    """A backup could not be made, read or restored; the message names the file and why."""


@dataclass(frozen=True)
class Backup:
    """One backup file: when it was taken, and what a check of it found."""

    path: Path
    taken: datetime
    kind: str = ""
    """Empty for a daily backup; ``before-restore`` for the copy made before a restore."""
    events: int | None = None
    problem: str = ""

    @property
    def good(self) -> bool:
        return not self.problem and self.events is not None


def backup_folder(root: Path, timeline: Path) -> Path:
    """The folder holding the backups of one timeline file."""
    resolved = str(Path(os.path.realpath(timeline)))
    digest = hashlib.sha256(resolved.encode("utf-8")).hexdigest()[:10]
    stem = timeline.name.removesuffix(SUFFIX).removesuffix(".db")
    safe = re.sub(r"[^\w.-]+", "_", stem)[:40] or "timeline"
    return root / f"{safe}-{digest}"


# Copies -------------------------------------------------------------------------------------


def copy_database(source: sqlite3.Connection, target: Path, *, page_limit: int | None = None) -> None:
    """Write a verified, self-contained copy of an open file to ``target`` (replacing it).

    The copy is made beside the target and renamed into place only once ``quick_check`` passed,
    so a failure (a full disk, a folder that cannot be written) leaves no half a file, and an
    old file at ``target`` untouched. ``page_limit`` caps the copy's size in pages, as a full
    disk or a quota would.
    """
    temporary = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        with _translated(target):
            destination = sqlite3.connect(temporary)
            try:
                if page_limit is not None:
                    destination.execute(f"PRAGMA max_page_count = {int(page_limit)}")
                source.backup(destination)
                destination.execute("PRAGMA journal_mode = DELETE").fetchone()
                problem = _quick_check(destination)
            finally:
                destination.close()
            if problem:
                raise BackupError(f"{target}: the copy failed its check ({problem}); it was not kept")
            _sync(temporary)
            os.replace(temporary, target)
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


@contextlib.contextmanager
def _translated(target: Path) -> Iterator[None]:
    try:
        yield
    except sqlite3.Error as error:
        message = str(error)
        if "full" in message:
            raise DiskFullError(
                f"{target}: the disk is full; no copy was made and the timeline is unchanged"
            ) from None
        raise BackupError(f"{target}: cannot write the copy ({message}); the timeline is unchanged") from None
    except OSError as error:
        place = error.filename or target.parent
        raise BackupError(
            f"{place}: cannot write a copy there ({error.strerror}); the timeline is unchanged"
        ) from None


def _sync(path: Path) -> None:
    with contextlib.suppress(OSError):
        descriptor = os.open(path, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _quick_check(connection: sqlite3.Connection) -> str:
    try:
        problems = [row[0] for row in connection.execute("PRAGMA quick_check(3)") if row[0] != "ok"]
    except sqlite3.DatabaseError as error:
        return str(error)
    return problems[0] if problems else ""


# Backups ------------------------------------------------------------------------------------


def backup_due(folder: Path, now: datetime | None = None) -> bool:
    """Whether the newest backup is older than a day (or there is none)."""
    now = now or datetime.now(UTC)
    taken = [backup.taken for backup in _named(folder)]
    return not taken or now - max(taken) >= BACKUP_INTERVAL


def make_backup(
    source: sqlite3.Connection,
    folder: Path,
    now: datetime | None = None,
    kind: str = "",
    *,
    page_limit: int | None = None,
) -> Path:
    """Take a verified backup of an open file into its folder, then thin the folder out."""
    now = now or datetime.now(UTC)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BackupError(
            f"{error.filename or folder}: cannot make the backups folder ({error.strerror});"
            " the timeline is unchanged"
        ) from None
    name = now.strftime(_STAMP) + (f"-{kind}" if kind else "") + SUFFIX
    target = folder / name
    copy_database(source, target, page_limit=page_limit)
    prune(folder, now)
    return target


def backup_file(path: Path, folder: Path, now: datetime | None = None, kind: str = "") -> Path:
    """Back up a file that is not open (read through a read-only connection)."""
    with _translated(path):
        source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return make_backup(source, folder, now, kind)
    finally:
        source.close()


def kept(backups: list[Backup], now: datetime) -> set[Path]:
    """Which backups the rotation keeps: the newest of each of the last 7 days that have one,
    and the newest of each of the 4 weeks before. A copy made before a restore (the work the
    restore replaced) is kept for 7 days whatever else was made those days."""
    recent_restores = {
        backup.path
        for backup in backups
        if backup.kind == "before-restore" and now - backup.taken < timedelta(days=KEEP_DAYS)
    }
    newest_first = sorted(
        (backup for backup in backups if backup.path not in recent_restores),
        key=lambda backup: backup.taken,
        reverse=True,
    )
    days: dict[date, Path] = {}
    for backup in newest_first:
        day = backup.taken.date()
        if day not in days and len(days) < KEEP_DAYS:
            days[day] = backup.path
    keep = set(days.values())
    oldest_day = min(days) if days else now.date()
    weeks: dict[tuple[int, int], Path] = {}
    for backup in newest_first:
        if backup.taken.date() >= oldest_day:
            continue
        iso = backup.taken.isocalendar()
        week = (iso.year, iso.week)
        if week not in weeks and len(weeks) < KEEP_WEEKS:
            weeks[week] = backup.path
    return keep | set(weeks.values()) | recent_restores


def prune(folder: Path, now: datetime | None = None) -> list[Path]:
    """Remove the backups the rotation does not keep; returns what was removed."""
    now = now or datetime.now(UTC)
    backups = _named(folder)
    keep = kept(backups, now)
    removed = []
    for backup in backups:
        if backup.path not in keep:
            with contextlib.suppress(OSError):
                backup.path.unlink()
                removed.append(backup.path)
    return removed


def _named(folder: Path) -> list[Backup]:
    try:
        names = list(folder.iterdir())
    except OSError:
        return []
    found = []
    for path in names:
        match = _NAME.match(path.name)
        if match is None:
            continue
        taken = datetime.strptime(match[1], _STAMP).replace(tzinfo=UTC)
        found.append(Backup(path, taken, match[2] or ""))
    return sorted(found, key=lambda backup: backup.taken, reverse=True)


def list_backups(folder: Path) -> list[Backup]:
    """The backups of a file, newest first, each checked and with its number of events."""
    return [inspect(backup) for backup in _named(folder)]


def inspect(backup: Backup) -> Backup:
    """A backup with its event count, or the reason it cannot be used."""
    try:
        connection = sqlite3.connect(f"{backup.path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        return Backup(backup.path, backup.taken, backup.kind, None, str(error))
    try:
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        if application_id != _APPLICATION_ID:
            return Backup(backup.path, backup.taken, backup.kind, None, "not a timeline file")
        problem = _quick_check(connection)
        if problem:
            return Backup(backup.path, backup.taken, backup.kind, None, f"damaged ({problem})")
        count = connection.execute("SELECT count(*) FROM events").fetchone()[0]
        return Backup(backup.path, backup.taken, backup.kind, int(count), "")
    except sqlite3.DatabaseError as error:
        return Backup(backup.path, backup.taken, backup.kind, None, f"damaged ({error})")
    finally:
        connection.close()


def restore(backup: Backup, target: Path, folder: Path, now: datetime | None = None) -> Path:
    """Put a backup in place of ``target`` (which must not be open), backing ``target`` up first.

    A damaged backup is refused before anything is written. When ``target`` is itself damaged
    it is left alone, and the backup is restored beside it under a new name, which is returned.
    """
    checked = inspect(backup)
    if not checked.good:
        raise BackupError(
            f"{backup.path}: cannot restore this backup: {checked.problem}; nothing was changed"
        )
    destination = target
    if target.exists():
        current = inspect(Backup(target, now or datetime.now(UTC)))
        if current.good:
            backup_file(target, folder, now, "before-restore")
        else:
            destination = restored_name(target, now)
    with _translated(backup.path):
        source = sqlite3.connect(f"{backup.path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        copy_database(source, destination)
    finally:
        source.close()
    return destination


def restored_name(target: Path, now: datetime | None = None) -> Path:
    """``name (restored 2026-12-02).timeline.db`` beside a damaged file, never over anything."""
    now = now or datetime.now(UTC)
    stem = target.name.removesuffix(SUFFIX)
    suffix = SUFFIX if target.name.endswith(SUFFIX) else ""
    candidate = target.with_name(f"{stem} (restored {now:%Y-%m-%d}){suffix}")
    number = 2
    while candidate.exists():
        candidate = target.with_name(f"{stem} (restored {now:%Y-%m-%d}, {number}){suffix}")
        number += 1
    return candidate


# For an open timeline -------------------------------------------------------------------------


def back_up_if_due(database: TimelineDatabase, root: Path, now: datetime | None = None) -> Path | None:
    """The daily backup of a file opened for writing: taken when the last is a day old or more."""
    folder = backup_folder(root, database.path)
    if database.readonly or not backup_due(folder, now):
        return None
    return make_backup(database.db.conn, folder, now)


def save_copy(database: TimelineDatabase, target: Path) -> None:
    """File → Save a Copy As…: a verified copy of the open file, which stays the one open."""
    if target.exists() and os.path.samefile(target, database.path):
        raise BackupError(f"{target}: this is the open file itself; choose another name")
    copy_database(database.db.conn, target)

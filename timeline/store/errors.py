"""The store's error family: problems to tell the user about, each with a clear message."""

from __future__ import annotations

import contextlib
import glob
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path


class StoreError(Exception):
    """A known problem with a timeline file; the message is meant for a person."""


class NotATimelineError(StoreError):
    """The file exists but is not one of ours (another program's data, or not SQLite at all)."""


class CorruptFileError(StoreError):
    """The file is ours but damaged or truncated."""


class DamagedFileError(CorruptFileError):
    """SQLite's ``quick_check`` found damage: the file may be read (and exported), never written."""


class ForeignSchemaError(NotATimelineError):
    """The file holds tables, views, triggers or indexes our migrations do not create."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or [message]


class ReadOnlyFileError(StoreError):
    """The file or its folder cannot be written (permissions, a read-only mount); it can be read."""


class NewerSchemaError(StoreError):
    """The file was written by a newer version of the program."""


class FileInUseError(StoreError):
    """Another process holds the file for writing."""


class DiskFullError(StoreError):
    """A write failed for lack of space; nothing of it was kept."""


def damaged_message(path: Path | str, problem: str) -> str:
    """What to do with a damaged file: it was not changed; what can be read can be saved; the
    newest backup of it, when there is one, is named."""
    backup = newest_backup(Path(path))
    back = f"or go back to its newest backup, {backup}" if backup else "or go back to a backup of it"
    return (
        f"{path}: the file is damaged (SQLite: {problem}); it was not changed, and Timeline opens"
        " it for reading only. Save what can be read with File → Export Events… or"
        f" timeline export --db {path} -o saved.json, {back}"
    )


def newest_backup(path: Path) -> Path | None:
    """The newest copy kept of the file: those an upgrade leaves beside it (``NAME.v1-backup``)."""
    real = Path(os.path.realpath(path))
    candidates = []
    with contextlib.suppress(OSError):
        for candidate in real.parent.glob(f"{glob.escape(real.name)}.v*-backup*"):
            with contextlib.suppress(OSError):
                candidates.append((candidate.stat().st_mtime, candidate))
    return max(candidates)[1] if candidates else None


@contextlib.contextmanager
def translated_errors(path: Path | str) -> Iterator[None]:
    """Turn sqlite3's errors into :class:`StoreError` with the file named; let bugs through."""
    try:
        yield
    except sqlite3.DatabaseError as error:
        message = str(error)
        if "malformed" in message or "not a database" in message:
            raise DamagedFileError(damaged_message(path, message)) from error
        if "disk is full" in message or "disk I/O" in message:
            raise DiskFullError(f"{path}: could not write ({message}); the change was not saved") from error
        if "locked" in message or "busy" in message:
            raise FileInUseError(f"{path}: the file is in use by another program") from error
        if "readonly" in message or "read-only" in message:
            raise ReadOnlyFileError(f"{path}: the file is read-only") from error
        if isinstance(error, sqlite3.OperationalError) and "unable to open" in message:
            raise StoreError(f"{path}: cannot open the file ({message})") from error
        if "not authorized" in message:  # the write gate of a file whose check found damage
            raise DamagedFileError(damaged_message(path, "quick_check found damage")) from error
        if "no such table" in message or "no such column" in message:
            raise NotATimelineError(f"{path}: not a complete timeline file ({message})") from error
        if "unsafe use" in message:
            raise ForeignSchemaError(f"{path}: the file's schema tried to run code ({message})") from error
        raise

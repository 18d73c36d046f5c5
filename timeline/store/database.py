"""Open, create and verify a timeline file.

A file is checked before SQLite is allowed to touch it: the header must be SQLite's, carry our
``application_id`` and be as long as it says it is. Only then is it opened, and only for
writing when this process holds the file's lock, so that a foreign, damaged or newer file is
never modified and two programs never write the same file.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import sqlite_utils

from timeline.store.errors import (
    CorruptFileError,
    FileInUseError,
    NewerSchemaError,
    NotATimelineError,
    StoreError,
    translated_errors,
)
from timeline.store.migrations import SCHEMA_VERSION, migrate
from timeline.store.upgrade import upgrade_file, upgraded_copy

APPLICATION_ID = 0x546C696E  # "Tlin"
"""Written into every timeline file's header (``PRAGMA application_id``)."""

_SQLITE_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100


def _read_header(path: Path) -> bytes:
    try:
        with path.open("rb") as file:
            return file.read(_HEADER_SIZE)
    except IsADirectoryError:
        raise StoreError(f"{path}: is a folder, not a timeline file") from None
    except OSError as error:
        raise StoreError(f"{path}: cannot read the file ({error.strerror})") from None


def verify_header(path: Path) -> None:
    """Refuse a file that is not a timeline or is visibly truncated, by reading bytes only."""
    header = _read_header(path)
    if not header:
        raise NotATimelineError(f"{path}: the file is empty, not a timeline")
    if len(header) < _HEADER_SIZE or not header.startswith(_SQLITE_MAGIC):
        raise NotATimelineError(f"{path}: not a timeline file (not an SQLite database)")
    (application_id,) = struct.unpack(">I", header[68:72])
    if application_id != APPLICATION_ID:
        raise NotATimelineError(
            f"{path}: an SQLite database of another program, not a timeline; it was not changed"
        )
    (page_size,) = struct.unpack(">H", header[16:18])
    page_size = 65_536 if page_size == 1 else page_size
    change_counter, page_count = struct.unpack(">II", header[24:32])
    (valid_for,) = struct.unpack(">I", header[92:96])
    if change_counter == valid_for and page_count * page_size > path.stat().st_size:
        raise CorruptFileError(
            f"{path}: the file is truncated ({path.stat().st_size:,} of"
            f" {page_count * page_size:,} bytes); it was not changed"
        )


class FileLock:
    """An exclusive lock on ``<file>.lock`` held while this process may write the file.

    The lock lives on an open descriptor, so it vanishes with the process: a crash never
    leaves a stale lock, only an empty lock file that the next open reuses. A clean release
    removes the lock file; taking the lock checks that the file locked is still the one at
    the path, so a release racing with a new open cannot leave two holders.
    """

    def __init__(self, path: Path) -> None:
        self.path = path.with_name(path.name + ".lock")
        self._file: IO[bytes] | None = None

    def acquire(self) -> None:
        while True:
            file = self.path.open("a+b")
            try:
                _lock_exclusively(file)
            except OSError:
                file.close()
                raise FileInUseError(
                    f"{self.path.with_suffix('')}: the file is in use by another Timeline"
                    " window or command; close it there first"
                ) from None
            if _same_file(file, self.path):
                self._file = file
                return
            file.close()

    def release(self) -> None:
        if self._file is not None:
            with contextlib.suppress(OSError):
                self.path.unlink()
            self._file.close()
            self._file = None


def _same_file(file: IO[bytes], path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(file.fileno()), path.stat())
    except FileNotFoundError:
        return False


def _lock_exclusively(file: IO[bytes]) -> None:
    if os.name == "nt":  # pragma: no cover - exercised on Windows only
        import msvcrt

        msvcrt.locking(file.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
    else:
        import fcntl

        fcntl.flock(file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


class TimelineDatabase:
    """One open timeline file: a sqlite-utils ``Database`` plus the lock that guards writing."""

    def __init__(
        self, path: Path, db: sqlite_utils.Database, lock: FileLock | None, file_version: int = SCHEMA_VERSION
    ) -> None:
        self.path = path
        self.db = db
        self._lock = lock
        self.file_version = file_version
        """The format of the file on disk: older than :data:`SCHEMA_VERSION` when a read-only
        open serves a migrated copy in memory."""
        self.backup: Path | None = None
        """The copy kept of the file before this open upgraded it, if it did."""

    @property
    def readonly(self) -> bool:
        return self._lock is None

    def close(self) -> None:
        """Close the file; a writer leaves it as one self-contained file (no -wal beside it)."""
        if self._lock is not None:
            with contextlib.suppress(sqlite3.Error):
                self.db.execute("PRAGMA journal_mode = DELETE")
        self.db.conn.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    @contextlib.contextmanager
    def bulk_writing(self) -> Iterator[None]:
        """Settings for one large write: a rollback journal and a small page cache.

        In WAL mode every page of a large import is written twice, to the log and later back into
        the file; a rollback journal writes new pages once and is just as atomic (a crash leaves a
        journal that the next open rolls back). If another connection is reading the file, the
        switch is refused by SQLite and the write simply goes through the log. A million new rows
        also go in faster through a 4 MiB cache than through the 64 MiB one that serves reading
        (measured: 100,000 rows/s against 90,000), as new pages are not read again until indexed.
        """
        try:
            switched = self.db.execute("PRAGMA journal_mode = DELETE").fetchone()[0] == "delete"
        except sqlite3.OperationalError:
            switched = False
        self.db.execute(f"PRAGMA cache_size = {BULK_CACHE_SIZE}")
        try:
            yield
        finally:
            with contextlib.suppress(sqlite3.Error):
                self.db.execute(f"PRAGMA cache_size = {CACHE_SIZE}")
                if switched:
                    self.db.execute("PRAGMA journal_mode = WAL")

    def __enter__(self) -> TimelineDatabase:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def open_database(path: Path | str, *, readonly: bool = False, create: bool = True) -> TimelineDatabase:
    """Open a timeline file, creating it when missing (unless ``readonly`` or not ``create``)."""
    path = Path(path)
    if not path.exists():
        if readonly or not create:
            raise StoreError(f"{path}: no such timeline file")
        _create_file(path)
    verify_header(path)
    lock = None
    if not readonly:
        lock = FileLock(path)
        lock.acquire()
    try:
        with translated_errors(path):
            connection = _connect_recovering(path) if readonly else _connect(path, readonly=False)
            db = sqlite_utils.Database(connection)
            version = _check_schema(path, db)
            backup = None
            if readonly and version < SCHEMA_VERSION:
                original, db = db, upgraded_copy(db, APPLICATION_ID)
                original.conn.close()
            elif not readonly:
                if version < SCHEMA_VERSION:
                    backup = upgrade_file(path, db, APPLICATION_ID)
                db.execute("PRAGMA journal_mode = WAL")
        database = TimelineDatabase(path, db, lock, file_version=version)
        database.backup = backup
        return database
    except BaseException:
        if lock is not None:
            lock.release()
        raise


def _create_file(path: Path) -> None:
    """Build a new, empty timeline beside ``path`` and link it into place in one step.

    A crash part-way leaves only a stray temporary file, never a half-made timeline.
    """
    if not path.parent.is_dir():
        raise StoreError(f"{path}: the folder {path.parent} does not exist")
    temporary = path.with_name(f".{path.name}.{os.getpid()}.new")
    try:
        with translated_errors(path):
            connection = sqlite3.connect(temporary)
            try:
                migrate(sqlite_utils.Database(connection), APPLICATION_ID)
            finally:
                connection.close()
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass  # another process created it first; open theirs
        except OSError as error:
            raise StoreError(f"{path}: cannot create the file ({error.strerror})") from None
    finally:
        temporary.unlink(missing_ok=True)


def _connect_recovering(path: Path) -> sqlite3.Connection:
    """A read-only connection, after replaying the journal of a writer that crashed.

    A program killed while writing leaves its last committed transactions in the ``-wal``
    file; a read-only connection cannot replay them. When no one else holds the file, a
    short read-write open (under the lock) does, and nothing committed is lost.
    """
    try:
        connection = _connect(path, readonly=True)
    except sqlite3.OperationalError as error:
        if "readonly" not in str(error):
            raise
    else:
        return connection
    lock = FileLock(path)
    lock.acquire()
    try:
        _connect(path, readonly=False).close()
    finally:
        lock.release()
    return _connect(path, readonly=True)


CACHE_SIZE = -65536
"""64 MiB of pages (negative: KiB): window queries over a large timeline stay in memory."""
BULK_CACHE_SIZE = -4096


def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
    if readonly:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
    else:
        connection = sqlite3.connect(path, check_same_thread=False)
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute("PRAGMA busy_timeout = 2000")
        connection.execute(f"PRAGMA cache_size = {CACHE_SIZE}")
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        connection.close()
        raise
    return connection


def _check_schema(path: Path, db: sqlite_utils.Database) -> int:
    db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        db.conn.close()
        raise NewerSchemaError(
            f"{path}: written by a newer version of Timeline (file format {version}, this"
            f" version reads up to {SCHEMA_VERSION}); please update the program"
        )
    return version

"""Open, create and verify a timeline file.

A file is checked before SQLite is allowed to touch it: the header must be SQLite's, carry our
``application_id`` and be as long as it says it is (or have a write-ahead log beside it that
completes it: a crash during a checkpoint leaves exactly that, and SQLite finishes it under the
write lock). Then its schema must be exactly what our migrations create (see
:mod:`timeline.store.schema`), and a file opened for writing must pass SQLite's ``quick_check``.
Only then is it used, and only for writing when this process holds the file's lock (taken on
the file itself, so no other path, symbolic link or hard link to it makes a second writer). A
foreign, damaged, hostile or newer file is never modified.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import struct
from collections.abc import Iterator
from pathlib import Path

import sqlite_utils

from timeline.store.damage import BackgroundCheck, WriteGate, damage_found
from timeline.store.errors import (
    CorruptFileError,
    DamagedFileError,
    ForeignSchemaError,
    NewerSchemaError,
    NotATimelineError,
    ReadOnlyFileError,
    StoreError,
    damaged_message,
    translated_errors,
)
from timeline.store.lock import FileLock
from timeline.store.migrations import SCHEMA_VERSION, migrate
from timeline.store.schema import schema_problems
from timeline.store.upgrade import upgrade_file, upgraded_copy

APPLICATION_ID = 0x546C696E  # "Tlin"
"""Written into every timeline file's header (``PRAGMA application_id``)."""

_SQLITE_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100


def _read_header(path: Path, shown: Path) -> bytes:
    try:
        with path.open("rb") as file:
            return file.read(_HEADER_SIZE)
    except IsADirectoryError:
        raise StoreError(f"{shown}: is a folder, not a timeline file") from None
    except OSError as error:
        raise StoreError(f"{shown}: cannot read the file ({error.strerror})") from None


def verify_header(path: Path, shown: Path | None = None, *, log_may_complete: bool = True) -> bool:
    """Refuse a file that is not a timeline or is visibly truncated, by reading bytes only.

    Returns ``True`` when the file is shorter than its header says but a write-ahead log lies
    beside it: a checkpoint was cut short, and the log holds the rest (see :func:`_finish_log`).
    """
    shown = shown or path
    header = _read_header(path, shown)
    if not header:
        raise NotATimelineError(f"{shown}: the file is empty, not a timeline")
    if len(header) < _HEADER_SIZE or not header.startswith(_SQLITE_MAGIC):
        raise NotATimelineError(f"{shown}: not a timeline file (not an SQLite database)")
    (application_id,) = struct.unpack(">I", header[68:72])
    if application_id != APPLICATION_ID:
        raise NotATimelineError(
            f"{shown}: an SQLite database of another program, not a timeline; it was not changed"
        )
    (page_size,) = struct.unpack(">H", header[16:18])
    page_size = 65_536 if page_size == 1 else page_size
    change_counter, page_count = struct.unpack(">II", header[24:32])
    (valid_for,) = struct.unpack(">I", header[92:96])
    size = path.stat().st_size
    if change_counter == valid_for and page_count * page_size > size:
        if log_may_complete and _log_of(path).is_file() and _log_of(path).stat().st_size > 0:
            return True
        raise CorruptFileError(
            f"{shown}: the file is truncated ({size:,} of {page_count * page_size:,} bytes);"
            " it was not changed"
        )
    return False


def _log_of(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


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
        self._gate: WriteGate | None = None
        self.hard_linked = lock is not None and _link_count(path) > 1
        """The file has other names (hard links): see :meth:`committed`."""
        self.damage: str | None = None
        """Why the file may not be written, when its check found it damaged."""

    @property
    def readonly(self) -> bool:
        return self._lock is None or self.damage is not None

    @property
    def checking(self) -> bool:
        """The file's check still runs (writes wait for it); :meth:`settle` once it is done."""
        return self._gate is not None and self.damage is None and not self._gate.check.done

    def settle(self) -> None:
        """Finish an open whose check ran in the background (waiting for it if need be).

        Sound: writes go straight through from now on, in WAL mode. Damaged: every write stays
        refused, and :class:`DamagedFileError` says so and what to do.
        """
        gate = self._gate
        if gate is None or self.damage is not None:
            return
        problem = gate.check.wait()
        if problem is not None:
            self.damage = damaged_message(self.path, problem)
            raise DamagedFileError(self.damage)
        self.db.conn.set_authorizer(None)
        self._gate = None
        with translated_errors(self.path):
            self.db.execute("PRAGMA journal_mode = WAL")

    def committed(self) -> None:
        """After each write: a file with several names is checkpointed and its log emptied.

        A log belongs to the name it was opened by (``NAME-wal``). If a writer is killed, its
        log stays beside that name only: a writer through another name would not see it, and
        the next open through the first name would replay its old pages over newer ones. With
        every commit copied into the file and the log truncated, a log left by a crash holds
        nothing to replay.
        """
        if self.hard_linked:
            with contextlib.suppress(sqlite3.Error):
                self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()

    def close(self) -> None:
        """Close the file; a writer leaves it as one self-contained file (no -wal beside it)."""
        if self._lock is not None and self._gate is None:
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
        self.settle()  # the journal is switched only in a file known to be sound
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


LOCK_WAIT = 3.0
"""Seconds a command waits for another writer to finish before it says the file is in use."""


def open_database(
    path: Path | str,
    *,
    readonly: bool = False,
    create: bool = True,
    wait: float = 0.0,
    check_in_background: bool = False,
) -> TimelineDatabase:
    """Open a timeline file, creating it when missing (unless ``readonly`` or not ``create``).

    A writer waits up to ``wait`` seconds for the lock. A file that cannot be written where it
    is (a read-only file, folder or mount) raises :class:`ReadOnlyFileError`, a damaged one
    :class:`DamagedFileError`: both can still be opened with ``readonly``. With
    ``check_in_background`` a writer's damage check runs beside the first reads and holds back
    writes until it is done (see :mod:`timeline.store.damage` and :meth:`TimelineDatabase.settle`).
    """
    shown = Path(path)
    if not shown.exists():
        if readonly or not create:
            raise StoreError(f"{shown}: no such timeline file")
        _create_file(shown)
    real = Path(os.path.realpath(shown))  # one -wal for every name of the file
    log_pending = verify_header(real, shown)
    lock = None
    if not readonly:
        _refuse_unwritable(real, shown)
        lock = FileLock(real, shown)
        lock.acquire(wait)
    try:
        if log_pending:
            _finish_log(real, shown, lock)
        db, version, backup, gate = _open_verified(real, shown, readonly, check_in_background)
        database = TimelineDatabase(shown, db, lock, file_version=version)
        database.backup = backup
        database._gate = gate
        return database
    except BaseException:
        if lock is not None:
            lock.release()
        raise


def _open_verified(
    real: Path, shown: Path, readonly: bool, check_later: bool
) -> tuple[sqlite_utils.Database, int, Path | None, WriteGate | None]:
    """The file's connection once its schema is ours (and, for writing, it is undamaged and
    current, or its check runs behind a gate), with the file's own format version and the
    backup an upgrade kept of it."""
    backup = None
    gate = None
    with translated_errors(shown):
        connection = _connect_recovering(real, shown) if readonly else _connect(real, readonly=False)
        try:
            version = _check_version(shown, connection)
            problems = schema_problems(connection, version)
            if problems:
                raise ForeignSchemaError(
                    f"{shown}: not a timeline as Timeline writes it: it holds {'; '.join(problems)}."
                    " It was not changed and is not opened, as such parts of a file can act on it",
                    problems,
                )
            db = sqlite_utils.Database(connection)
            if readonly and version < SCHEMA_VERSION:
                db = upgraded_copy(db, APPLICATION_ID)
                connection.close()
            elif not readonly:
                # Verified to be exactly our schema: its triggers (which keep the search index
                # through a virtual table) are ours, and may run.
                connection.execute("PRAGMA trusted_schema = ON")
                if check_later and version == SCHEMA_VERSION:
                    gate = WriteGate(connection, BackgroundCheck(lambda: _connect(real, readonly=True)))
                else:
                    _refuse_damage(shown, connection)
                    if version < SCHEMA_VERSION:
                        backup = upgrade_file(real, db, APPLICATION_ID)
                    db.execute("PRAGMA journal_mode = WAL")
        except BaseException:
            connection.close()
            raise
    return db, version, backup, gate


def _link_count(path: Path) -> int:
    try:
        return os.stat(path).st_nlink
    except OSError:
        return 1


def _refuse_unwritable(real: Path, shown: Path) -> None:
    """A file that cannot be written where it is: say so before anything tries."""
    if not os.access(real, os.W_OK):
        raise ReadOnlyFileError(f"{shown}: the file is read-only here; it can be opened for reading only")
    if not os.access(real.parent, os.W_OK | os.X_OK):
        raise ReadOnlyFileError(
            f"{shown}: the folder {real.parent} cannot be written (SQLite keeps its journal beside"
            " the file); the file can be opened for reading only"
        )


def _finish_log(real: Path, shown: Path, lock: FileLock | None) -> None:
    """Let SQLite complete a checkpoint cut short by a crash, then check the length again.

    Under the write lock only: when another program writes the file right now, its checkpoint
    is in progress, and SQLite reads the pages it has not copied yet from the log.
    """
    own = FileLock(real, shown) if lock is None else None
    if own is not None and not own.try_acquire():
        return
    try:
        with translated_errors(shown):
            connection = sqlite3.connect(real)
            try:
                connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            finally:
                connection.close()
    finally:
        if own is not None:
            own.release()
    verify_header(real, shown, log_may_complete=False)


def _refuse_damage(shown: Path, connection: sqlite3.Connection) -> None:
    problem = damage_found(connection)
    if problem is not None:
        raise DamagedFileError(damaged_message(shown, problem))


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


def _connect_recovering(path: Path, shown: Path) -> sqlite3.Connection:
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
    lock = FileLock(path, shown)
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
        _defend(connection)
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute("PRAGMA busy_timeout = 2000")
        connection.execute(f"PRAGMA cache_size = {CACHE_SIZE}")
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        connection.close()
        raise
    return connection


def _defend(connection: sqlite3.Connection) -> None:
    """Nothing the schema holds may run until the schema is verified to be ours.

    ``trusted_schema = OFF`` keeps SQL functions and virtual tables out of views and triggers;
    the defensive flag (Python 3.12 and later expose it) also refuses writes to the schema
    itself and to the search index's shadow tables. Python 3.11's sqlite3 cannot set it.
    """
    connection.execute("PRAGMA trusted_schema = OFF")
    setconfig = getattr(connection, "setconfig", None)
    defensive = getattr(sqlite3, "SQLITE_DBCONFIG_DEFENSIVE", None)
    if setconfig is not None and defensive is not None:  # pragma: no cover - Python 3.12+
        setconfig(defensive, True)


def _check_version(shown: Path, connection: sqlite3.Connection) -> int:
    version: int = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(
            f"{shown}: written by a newer version of Timeline (file format {version}, this"
            f" version reads up to {SCHEMA_VERSION}); please update the program"
        )
    return version

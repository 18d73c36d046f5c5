"""SQLite's ``quick_check`` of a file opened for writing, run beside the first reads.

The check reads every page: about a second for a million events. A window has no need to wait
for it to show the timeline, only to change it. So a window's open starts the check on a
read-only connection of its own, in a thread (SQLite works without Python's lock held), and a
gate on the writing connection holds back every write to the file until the check is done:
then the write goes ahead, or, when the check found damage, is refused. A damaged file is
never written, and the window is drawn a second sooner.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable

_WRITES = frozenset(
    {
        sqlite3.SQLITE_INSERT,
        sqlite3.SQLITE_UPDATE,
        sqlite3.SQLITE_DELETE,
        sqlite3.SQLITE_CREATE_TABLE,
        sqlite3.SQLITE_CREATE_INDEX,
        sqlite3.SQLITE_CREATE_TRIGGER,
        sqlite3.SQLITE_CREATE_VIEW,
        sqlite3.SQLITE_CREATE_VTABLE,
        sqlite3.SQLITE_DROP_TABLE,
        sqlite3.SQLITE_DROP_INDEX,
        sqlite3.SQLITE_DROP_TRIGGER,
        sqlite3.SQLITE_DROP_VIEW,
        sqlite3.SQLITE_DROP_VTABLE,
        sqlite3.SQLITE_ALTER_TABLE,
    }
)
"""What changes the file (temporary tables are not the file, and are let through)."""


def damage_found(connection: sqlite3.Connection) -> str | None:
    """The first problem ``quick_check`` reports, or ``None`` when the file is sound."""
    try:
        problems = [row[0] for row in connection.execute("PRAGMA quick_check(5)") if row[0] != "ok"]
    except sqlite3.DatabaseError as error:
        return str(error)
    return problems[0] if problems else None


class BackgroundCheck:
    """``quick_check`` on a connection of its own, in a thread; :meth:`wait` gives its result."""

    def __init__(self, connect: Callable[[], sqlite3.Connection]) -> None:
        self._connect = connect
        self._problem: str | None = None
        self._thread = threading.Thread(target=self._run, name="quick_check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            connection = self._connect()
        except sqlite3.Error as error:
            self._problem = str(error)
            return
        try:
            self._problem = damage_found(connection)
        finally:
            connection.close()

    @property
    def done(self) -> bool:
        return not self._thread.is_alive()

    def wait(self) -> str | None:
        self._thread.join()
        return self._problem


class WriteGate:
    """Holds back the writes of a connection until its file's check is done; refuses them after
    damage. Installed as the connection's SQLite authorizer, which sees every statement."""

    def __init__(self, connection: sqlite3.Connection, check: BackgroundCheck) -> None:
        self.check = check
        self.problem: str | None = None
        self._open = False
        connection.set_authorizer(self._authorize)

    def _authorize(
        self, action: int, first: str | None, second: str | None, schema: str | None, _: object
    ) -> int:
        if self._open or schema != "main" or action not in _WRITES:
            return sqlite3.SQLITE_OK
        self.problem = self.check.wait()
        if self.problem is not None:
            return sqlite3.SQLITE_DENY
        self._open = True
        return sqlite3.SQLITE_OK

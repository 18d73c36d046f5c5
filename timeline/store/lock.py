"""The write lock of a timeline file, taken on the file itself so every name for it shares one.

A lock file named after the path (``t.db.lock``) is not enough: a symbolic link or a hard link
in another folder is another path to the same bytes, and its writer would never see the first.
So the lock is an ``flock`` on the database file's own inode (on Windows, where SQLite's locks
are mandatory byte ranges, on a lock file named after the file's identity instead). It lives on
an open descriptor, so it vanishes with the process: a crash never leaves a stale lock, and the
lock never needs a file of its own in the folder (a read-only folder can still be read).

The descriptor is kept open until the database connection is closed: closing any descriptor of
a file drops the POSIX locks the process holds on it, SQLite's included.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from timeline.store.errors import FileInUseError, StoreError

_POLL = 0.05
_OPEN_FLAGS = os.O_RDWR if os.name == "nt" else os.O_RDONLY | getattr(os, "O_CLOEXEC", 0)


class FileLock:
    """An exclusive lock held while this process may write the file at ``path``.

    ``shown`` is the name the user gave (the lock itself follows symbolic links to the file).
    """

    def __init__(self, path: Path, shown: Path | None = None) -> None:
        self.path = path
        self.shown = shown or path
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, wait: float = 0.0) -> None:
        """Take the lock, trying for up to ``wait`` seconds while another program holds it."""
        deadline = time.monotonic() + wait
        while not self.try_acquire():
            if time.monotonic() >= deadline:
                raise FileInUseError(
                    f"{self.shown}: the file is in use by another Timeline window or command;"
                    " close it there first"
                )
            time.sleep(_POLL)

    def try_acquire(self) -> bool:
        """Take the lock if no one holds it; ``False`` when someone does."""
        while True:
            try:
                fd = os.open(_lock_target(self.path), _OPEN_FLAGS)
            except FileNotFoundError:
                raise StoreError(f"{self.shown}: no such timeline file") from None
            except OSError as error:
                raise StoreError(f"{self.shown}: cannot open the file ({error.strerror})") from None
            if not _lock_exclusively(fd):
                os.close(fd)
                return False
            if _still_the_file(fd, self.path):
                self._fd = fd
                return True
            os.close(fd)  # the file was replaced under its name while we waited: lock the new one

    def release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None


def _lock_target(path: Path) -> Path:
    if os.name != "nt":
        return path
    # pragma: no cover - Windows only: SQLite's own locks there are mandatory, so not on the file
    stat = path.stat()
    folder = Path(os.environ.get("LOCALAPPDATA", Path.home())) / "Timeline" / "locks"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{stat.st_dev:x}-{stat.st_ino:x}.lock"
    target.touch()
    return target


def _still_the_file(fd: int, path: Path) -> bool:
    if os.name == "nt":  # pragma: no cover - the lock file is named after the identity
        return True
    try:
        return os.path.samestat(os.fstat(fd), path.stat())
    except FileNotFoundError:
        return False


def _lock_exclusively(fd: int) -> bool:
    if os.name == "nt":  # pragma: no cover - exercised on Windows only
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True

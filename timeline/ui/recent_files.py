"""The files opened lately, newest first, kept in QSettings for File → Open Recent."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

KEY = "recent/files"
LIMIT = 10


def recent_files(settings: QSettings) -> list[Path]:
    """The remembered files that still exist, newest first."""
    value = settings.value(KEY, [])
    names: list[object] = (
        [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
    )
    return [Path(name) for name in names if isinstance(name, str) and Path(name).is_file()]


def remember_file(settings: QSettings, path: Path) -> None:
    resolved = str(path.resolve())
    names = [str(p) for p in recent_files(settings) if str(p) != resolved]
    settings.setValue(KEY, [resolved, *names][:LIMIT])
    settings.sync()


def forget_recent(settings: QSettings) -> None:
    settings.remove(KEY)
    settings.sync()

"""File → Open of a file that cannot be used as it is: a dialog that says why, never a traceback."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.store.test_database import folder_state, make_timeline
from tests.store.test_file_trust import damage_page_two
from timeline.core.dates.parsing import parse_date
from timeline.core.model import Event
from timeline.ui import app
from timeline.ui.commands import AddEvents, perform

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, title, text: shown.append(("critical", text)))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: shown.append(("warning", text)))
    return shown


def close_all() -> None:
    for window in list(app._windows):
        window.close()
        window.deleteLater()
    app._windows.clear()


def test_a_file_with_missing_tables_is_refused_with_a_dialog(
    qtbot, tmp_path: Path, dialogs: list[tuple[str, str]]
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "t.db"
    make_timeline(path, events=3)
    connection = sqlite3.connect(path)
    connection.execute("DROP TABLE events")
    connection.commit()
    connection.close()
    before = folder_state(tmp_path)
    assert app.open_window(path) is None
    assert dialogs and dialogs[0][0] == "critical" and "table 'events' is missing" in dialogs[0][1]
    assert folder_state(tmp_path) == before


@pytest.mark.parametrize("ours", [True, False])
def test_a_foreign_events_table_is_refused_with_a_dialog(
    qtbot, tmp_path: Path, dialogs: list[tuple[str, str]], ours: bool
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "t.db"
    if ours:
        make_timeline(path, events=3)
    connection = sqlite3.connect(path)
    if ours:
        connection.execute("DROP TABLE events")
    connection.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, what TEXT)")
    connection.commit()
    connection.close()
    before = folder_state(tmp_path)
    assert app.open_window(path) is None
    message = dialogs[0][1]
    expected = "table 'events' is not defined as Timeline defines it" if ours else "another program"
    assert expected in message
    assert folder_state(tmp_path) == before


def test_a_damaged_file_opens_for_reading_only_and_refuses_edits(
    qtbot, tmp_path: Path, dialogs: list[tuple[str, str]]
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "t.db"
    make_timeline(path, events=300)
    damage_page_two(path)
    before = folder_state(tmp_path)
    window = app.open_window(path)
    try:
        if window is None:  # the damage reached what every reader needs: refused outright
            assert dialogs[0][0] == "critical" and "damaged" in dialogs[0][1]
        else:
            errors: list[str] = []
            window.document.error.connect(errors.append)
            # at once, while the check may still run: the edit waits for it, and is refused
            assert not perform(AddEvents(window.document, [Event("new", parse_date("2001"))]))
            assert errors and "damaged" in errors[0]
            qtbot.waitUntil(lambda: window.document.readonly, timeout=5000)
            assert "(read only)" in window.windowTitle()
            assert any(kind == "warning" and "reading only" in text for kind, text in dialogs)
            assert not perform(AddEvents(window.document, [Event("later", parse_date("2002"))]))
    finally:
        close_all()
    assert folder_state(tmp_path) == before


def test_a_sound_file_is_checked_while_it_is_shown_and_then_written(
    qtbot, tmp_path: Path, dialogs: list[tuple[str, str]]
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "t.db"
    make_timeline(path, events=300)
    window = app.open_window(path)
    assert window is not None
    try:
        assert perform(AddEvents(window.document, [Event("new", parse_date("2001"))]))  # waits, goes
        qtbot.waitUntil(lambda: not window.document._settling.isActive(), timeout=5000)
        assert not window.document.readonly and "(read only)" not in window.windowTitle()
        assert window.document.repository.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert dialogs == []
    finally:
        close_all()


OPEN_ON_READ_ONLY_MOUNT = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication, QMessageBox
QMessageBox.warning = lambda _p, title, text: print("warning:", text)
QMessageBox.critical = lambda _p, title, text: print("critical:", text)
from timeline.ui.app import open_window
application = QApplication([])
window = open_window(Path(sys.argv[1]))
print("title:", window.windowTitle() if window else None)
if window:
    window.document.close()
"""


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or os.geteuid() != 0 or shutil.which("unshare") is None,
    reason="a private read-only mount needs Linux and the right to mount",
)
def test_a_file_on_a_read_only_mount_opens_for_reading(tmp_path: Path) -> None:
    source = tmp_path / "t.db"
    make_timeline(source, events=3)
    mount = tmp_path / "mount"
    mount.mkdir()
    script = (
        f"mount -t tmpfs none {mount} && cp {source} {mount}/t.db && mount -o remount,ro {mount}"
        f' && exec "$0" -c "$1" {mount}/t.db'
    )
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    environment.update(HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"))
    result = subprocess.run(
        ["unshare", "-m", "sh", "-c", script, sys.executable, OPEN_ON_READ_ONLY_MOUNT],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
    )
    if "mount:" in result.stderr or "unshare:" in result.stderr:
        pytest.skip(f"cannot mount here: {result.stderr.strip()}")
    assert "Traceback" not in result.stderr, result.stderr
    assert "warning:" in result.stdout and "read-only" in result.stdout
    assert "(read only)" in result.stdout

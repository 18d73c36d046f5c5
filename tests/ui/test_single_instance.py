"""A second start of the app hands its file to the first; other programs still meet the lock."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from timeline.store.database import open_database
from timeline.store.lock import FileLock
from timeline.ui.app import MainWindow, _windows, open_window
from timeline.ui.single_instance import InstanceServer, server_name

ROOT = Path(__file__).resolve().parents[2]


def timeline_file(path: Path) -> Path:
    open_database(path).close()
    return path


def environment(data_dir: Path) -> dict[str, str]:
    return {
        **os.environ,
        "TIMELINE_DATA_DIR": str(data_dir),
        "XDG_CONFIG_HOME": str(data_dir / "config"),
        "QT_QPA_PLATFORM": "offscreen",
    }


def start(data_dir: Path, *arguments: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "timeline", *arguments],
        cwd=ROOT,
        env=environment(data_dir),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen[str], seconds: float = 30) -> tuple[int, str]:
    """Wait for a process and close its pipes; its exit status and what it wrote to stderr."""
    _out, err = process.communicate(timeout=seconds)
    return process.returncode, err


def held_elsewhere(path: Path) -> bool:
    """Whether another process holds the file's write lock (it has the file open for writing)."""
    lock = FileLock(path)
    if lock.try_acquire():
        lock.release()
        return False
    return True


def wait_for(condition: Callable[[], bool], seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.05)


def test_a_later_start_hands_its_file_to_the_running_app(
    qtbot, tmp_path: Path, private_data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    server = InstanceServer()
    assert server.listen()
    try:
        wanted = timeline_file(tmp_path / "later.timeline.db")
        with qtbot.waitSignal(server.open_requested, timeout=20_000) as signal:
            later = start(private_data_dir, str(wanted))
        assert signal.args == [wanted]
        assert finish(later) == (0, "")
    finally:
        server.close()


def test_a_garbled_message_is_answered_and_changes_nothing() -> None:
    opened: list[Path] = []
    assert InstanceServer._handle(b"not json", opened.append) == {
        "ok": False,
        "error": "not a request this app understands",
    }
    assert InstanceServer._handle(b'{"open": "/x.timeline.db"}', opened.append) == {"ok": True}
    assert opened == [Path("/x.timeline.db")]


def test_the_socket_belongs_to_the_user_and_the_data_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    first = server_name()
    monkeypatch.setenv("TIMELINE_DATA_DIR", str(tmp_path / "elsewhere"))
    assert server_name() != first and server_name().startswith(f"timeline-{os.getuid()}-")


def test_opening_a_file_that_a_window_has_raises_that_window(qtbot, sample_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(sample_path)
    assert isinstance(window, MainWindow)
    try:
        link = sample_path.with_name("same-file.timeline.db")
        link.symlink_to(sample_path)
        assert open_window(link) is window
        assert sum(1 for other in _windows if other.document.path == sample_path) == 1
    finally:
        window.close()


def test_two_real_starts_share_one_app_and_another_program_is_refused(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    first_file = timeline_file(tmp_path / "first.timeline.db")
    second_file = timeline_file(tmp_path / "second.timeline.db")
    app = start(data_dir, str(first_file))
    try:
        wait_for(lambda: held_elsewhere(first_file) or app.poll() is not None)
        assert app.poll() is None
        assert finish(start(data_dir, str(second_file))) == (0, "")
        wait_for(lambda: held_elsewhere(second_file))
        assert finish(start(data_dir, str(first_file))) == (0, "")
        writer = subprocess.run(
            [
                sys.executable,
                "-m",
                "timeline",
                "add",
                "--db",
                str(second_file),
                "--title",
                "x",
                "--start",
                "2001",
            ],
            cwd=ROOT,
            env=environment(data_dir),
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert writer.returncode == 1
        assert "in use" in writer.stderr
        assert app.poll() is None
    finally:
        app.terminate()
        finish(app)

"""The command line on files it must not trust: clear refusals, nothing written, a short wait."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import timeline.store.database
from tests.store.test_database import folder_state, make_timeline
from tests.store.test_file_trust import damage_page_two, hold_open
from timeline.cli import main

ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    status = main(list(arguments))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_a_second_command_waits_for_the_writer_before_it(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    make_timeline(db_path, events=1)
    holder = hold_open(db_path, 0.8)
    try:
        status, out, err = run(capsys, "add", "--db", str(db_path), "--title", "waited", "--start", "2001")
    finally:
        holder.kill()
        holder.communicate()
    assert (status, err) == (0, "")
    assert out.strip().isdigit()


def test_a_command_through_a_hard_link_is_told_the_file_is_in_use(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(timeline.store.database, "LOCK_WAIT", 0.3)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    make_timeline(tmp_path / "a" / "t.db", events=1)
    os.link(tmp_path / "a" / "t.db", tmp_path / "b" / "hard.db")
    holder = hold_open(tmp_path / "a" / "t.db")
    try:
        status, _, err = run(
            capsys, "add", "--db", str(tmp_path / "b" / "hard.db"), "--title", "x", "--start", "2001"
        )
    finally:
        holder.kill()
        holder.communicate()
    assert status == 1 and "in use" in err and "unexpected" not in err


@pytest.mark.parametrize("command", ["add", "import"])
def test_a_damaged_file_is_not_written_by_any_command(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str
) -> None:
    path = tmp_path / "t.db"
    make_timeline(path)
    damage_page_two(path)
    source = tmp_path / "in.csv"
    source.write_text("title,start\nnew,2001\n", encoding="utf-8")
    before = folder_state(tmp_path)
    if command == "add":
        status, _, err = run(capsys, "add", "--db", str(path), "--title", "x", "--start", "2001")
    else:
        status, _, err = run(capsys, "import", "--db", str(path), str(source))
    assert status == 1 and "damaged" in err and "export" in err and "unexpected" not in err
    assert folder_state(tmp_path) == before


def test_a_hostile_trigger_is_refused_and_reported_by_check(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    make_timeline(db_path, events=3)
    connection = sqlite3.connect(db_path)
    connection.execute(
        "CREATE TRIGGER wipe AFTER INSERT ON events BEGIN DELETE FROM events WHERE id < new.id; END"
    )
    connection.commit()
    connection.close()
    before = folder_state(db_path.parent)
    status, _, err = run(capsys, "add", "--db", str(db_path), "--title", "x", "--start", "2001")
    assert status == 1 and "trigger 'wipe'" in err
    status, out, err = run(capsys, "check", "--db", str(db_path))
    assert status == 1 and "trigger 'wipe'" in err and "OK" not in out
    assert folder_state(db_path.parent) == before


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or os.geteuid() != 0 or shutil.which("unshare") is None,
    reason="a private read-only mount needs Linux and the right to mount",
)
def test_a_file_on_a_read_only_mount_is_read_and_never_written(tmp_path: Path) -> None:
    source = tmp_path / "t.db"
    make_timeline(source, events=3)
    mount = tmp_path / "mount"
    mount.mkdir()
    python = sys.executable
    commands = (
        f"{python} -m timeline add --db {mount}/t.db --title x --start 2001; echo status $?;"
        f" {python} -m timeline list --db {mount}/t.db; echo status $?"
    )
    script = f"mount -t tmpfs none {mount} && cp {source} {mount}/t.db && mount -o remount,ro {mount}"
    script += f" && {commands}"
    result = subprocess.run(
        ["unshare", "-m", "sh", "-c", script],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
    )
    if "mount:" in result.stderr or "unshare:" in result.stderr:
        pytest.skip(f"cannot mount here: {result.stderr.strip()}")
    assert "Traceback" not in result.stderr and "unexpected" not in result.stderr, result.stderr
    assert "read-only" in result.stderr
    assert result.stdout.count("status 1") == 1 and result.stdout.count("status 0") == 1
    assert result.stdout.count("event ") == 3


@pytest.mark.parametrize("command", ["list", "add", "export", "check"])
def test_a_file_with_a_missing_table_gets_a_clear_message_from_every_command(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str
) -> None:
    path = tmp_path / "t.db"
    make_timeline(path, events=3)
    connection = sqlite3.connect(path)
    connection.execute("DROP TABLE events")
    connection.commit()
    connection.close()
    before = folder_state(tmp_path)
    arguments = {
        "list": ["list", "--db", str(path)],
        "add": ["add", "--db", str(path), "--title", "x", "--start", "2001"],
        "export": ["export", "--db", str(path), "-o", str(tmp_path / "out.json")],
        "check": ["check", "--db", str(path)],
    }[command]
    status, _, err = run(capsys, *arguments)
    assert status == 1 and "table 'events' is missing" in err
    assert "unexpected" not in err and "OperationalError" not in err
    assert folder_state(tmp_path) == before

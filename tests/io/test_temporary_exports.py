"""An export writes a temporary file beside its target: gone after a failure, cleaned after a kill."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from timeline.io.formats import write_csv_file

ROOT = Path(__file__).resolve().parents[2]

KILLED_MID_EXPORT = """
import os, signal, sys
from pathlib import Path
from timeline.io.formats import write_csv_file

def rows():
    for n in range(100_000):
        if n == 5_000:
            os.kill(os.getpid(), signal.SIGKILL)
        yield (f"event {n}", "2001", "", "", "", "", "", "", "")

write_csv_file(Path(sys.argv[1]), rows())
"""


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def record(n: int) -> tuple[str, ...]:
    return (f"event {n}", "2001", "", "", "", "", "", "", "")


def test_a_failed_export_leaves_no_temporary_file_and_the_old_file_as_it_was(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    out.write_text("old content\n", encoding="utf-8")

    def failing() -> Iterator[tuple[str, ...]]:
        yield record(1)
        raise ValueError("the source went away")

    with pytest.raises(ValueError, match="went away"):
        write_csv_file(out, failing())
    assert leftovers(tmp_path) == []
    assert out.read_text(encoding="utf-8") == "old content\n"


def test_the_temporary_file_of_a_killed_export_is_removed_by_the_next(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_MID_EXPORT, str(out)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert killed.returncode < 0
    [stale] = leftovers(tmp_path)
    assert stale.startswith(".out.csv.") and not out.exists()
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:  # an export running right now in another process keeps its file
        running = tmp_path / f".out.csv.{sleeper.pid}.abc.part"
        running.write_bytes(b"")
        assert write_csv_file(out, (record(n) for n in range(3))).written == 3
        assert leftovers(tmp_path) == [running.name]
    finally:
        sleeper.kill()
        sleeper.wait()
    assert out.read_text(encoding="utf-8").count("\n") == 4

"""Input that would take all memory, hide a NUL, smuggle a link or outlive its reader is refused."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

import timeline.io.csv_format as csv_format
from timeline.io.formats import read_file
from timeline.io.report import FormatError

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("format", ["csv", "timelinejs-csv"])
def test_a_line_longer_than_the_limit_is_refused_while_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, format: str
) -> None:
    monkeypatch.setattr(csv_format, "MAX_LINE_BYTES", 64 * 1024)
    path = tmp_path / "one-line.csv"
    with path.open("wb") as out:
        out.write(b"title,start\nfine,2001\n")
        for _ in range(64):  # 4 MiB without a line end
            out.write(b"x" * 65_536)
    tracemalloc.start()
    try:
        with pytest.raises(FormatError, match="line 3 is longer than 65,536 bytes"):
            read_file(path, format)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1024 * 1024  # a chunk at a time, never the 4 MiB line


def test_long_lines_within_the_limit_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(csv_format, "MAX_LINE_BYTES", 64 * 1024)
    path = tmp_path / "long.csv"
    description = "y" * 60_000
    path.write_text("title,start,description\n" + f"a,2001,{description}\n" * 30, encoding="utf-8")
    report = read_file(path, "csv")
    assert len(report.rows) == 30 and not report.problems


def test_a_nul_inside_a_cell_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "nul.csv"
    rows = "".join(f"event {n},2001\n" for n in range(500))  # past the first 4 KiB
    path.write_text(f"title,start\n{rows}ti\x00tle,2002\n", encoding="utf-8")
    with pytest.raises(FormatError, match="line 502 holds a NUL character"):
        read_file(path, "csv")


@pytest.mark.parametrize("link", ["javascript:alert(1)", "file:///etc/passwd", "data:text/html;base64"])
def test_a_link_that_is_not_a_web_address_is_rejected_with_its_row(tmp_path: Path, link: str) -> None:
    path = tmp_path / "links.csv"
    path.write_text(f"title,start,url\nkept,2001,https://example.org\nbad,2002,{link}\n", encoding="utf-8")
    report = read_file(path, "csv")
    assert [row.title for row in report.rows] == ["kept"]
    assert len(report.problems) == 1 and "web address" in str(report.problems[0])
    assert "line 3" in str(report.problems[0])


@pytest.mark.parametrize("format", ["json", "timelinejs"])
def test_json_nested_a_hundred_thousand_deep_is_a_clear_error(tmp_path: Path, format: str) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(FormatError, match="nested too deeply"):
        read_file(path, format)


IMPORT_THEN_DIE = """
import multiprocessing, os, signal, sys
from pathlib import Path
import timeline.io.csv_parts as parts

if __name__ == "__main__":
    parts.PARALLEL_FROM = 0
    parts.PART_BYTES = 2_000
    reading = iter(parts.CsvParts(Path(sys.argv[1])))
    next(reading)
    print(" ".join(str(child.pid) for child in multiprocessing.active_children()), flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
"""


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0]
    except (FileNotFoundError, IndexError):
        return False
    return state not in "ZX"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_worker_processes_die_with_the_import_that_started_them(tmp_path: Path) -> None:
    path = tmp_path / "large.csv"
    path.write_text("title,start\n" + "".join(f"event {n},{1000 + n % 900}\n" for n in range(5000)))
    script = tmp_path / "import_then_die.py"  # a file: workers import the main module again
    script.write_text(IMPORT_THEN_DIE, encoding="utf-8")
    parent = subprocess.Popen(
        [sys.executable, str(script), str(path)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert parent.stdout is not None
    workers = [int(pid) for pid in parent.stdout.readline().split()]
    parent.communicate(timeout=30)
    assert parent.returncode == -signal.SIGKILL
    assert workers
    deadline = time.monotonic() + 10
    while any(_running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [pid for pid in workers if _running(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert left == []


@pytest.mark.parametrize(("format", "name", "content"), [
    ("json", "big.json", '{"format": "timeline", "events": [' + '{"title": "x"},' * 200 + "{}]}"),
    ("timelinejs", "big.json", '{"events": [' + '{"text": {"headline": "x"}},' * 200 + "{}]}"),
    ("ics", "big.ics", "BEGIN:VCALENDAR\r\n" + "X-FILLER:" + "y" * 4000 + "\r\nEND:VCALENDAR\r\n"),
    ("timeline", "big.timeline", "<timeline>" + "<x/>" * 1000 + "</timeline>"),
])  # fmt: skip
def test_a_file_parsed_whole_is_refused_before_reading_when_too_large(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, format: str, name: str, content: str
) -> None:
    import timeline.io.report as report

    monkeypatch.setattr(report, "TREE_LIMIT", 1_000)
    for module in ("timeline.io.ical", "timeline.io.thetimelineproj"):
        monkeypatch.setattr(f"{module}.TREE_LIMIT", 1_000)
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FormatError, match="too large to read as"):
        read_file(path, format)


def test_a_timelinejs_date_given_as_text_is_rejected_saying_what_a_date_is(tmp_path: Path) -> None:
    path = tmp_path / "slides.json"
    path.write_text(
        '{"events": [{"start_date": "2001", "text": {"headline": "as text"}},'
        ' {"start_date": {"year": 2002}, "end_date": [2003], "text": {"headline": "end as a list"}},'
        ' {"start_date": {"year": 2004}, "text": {"headline": "kept"}}]}',
        encoding="utf-8",
    )
    report = read_file(path, "timelinejs")
    assert [row.title for row in report.rows] == ["kept"]
    messages = [str(problem) for problem in report.problems]
    assert len(messages) == 2
    assert "an object of parts" in messages[0] and "not text" in messages[0]
    assert "not a list" in messages[1]
    assert not any("attribute" in message for message in messages)

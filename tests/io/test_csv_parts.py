"""A large CSV file read in parts by worker processes must read exactly as it does at once."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import timeline.io.csv_parts as csv_parts
from timeline.importing import import_file
from timeline.io.csv_format import read_csv
from timeline.io.formats import read_file, read_in_parts
from timeline.io.report import FormatError
from timeline.store.database import open_database
from timeline.store.repository import TimelineRepository


@pytest.fixture
def small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Parts of a few hundred bytes, so that a small file is read by workers in many parts."""
    monkeypatch.setattr(csv_parts, "PARALLEL_FROM", 1_000)
    monkeypatch.setattr(csv_parts, "PART_BYTES", 700)


def write_rows(path: Path, count: int, extra: dict[int, str] | None = None) -> None:
    lines = ["\ufefftitle,start,end,category,description"]
    for n in range(count):
        description = f'"line one of {n}\nline two, with ""quotes"""' if n % 7 == 0 else f"plain {n}"
        lines.append(
            (extra or {}).get(n, f"Event {n},{1000 + n},,{['war', 'trade', ''][n % 3]},{description}")
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_parts_read_exactly_as_the_whole_file(small_parts: None, tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    write_rows(path, 300, {40: "Bad date,1999-02-30,,,x", 250: "Late one,someday,,,y"})
    whole = read_csv(path)
    parts, expected = read_in_parts(path)
    assert expected == 300 + 300 // 7 + 1  # lines after the header, quoted line breaks included
    pieces = list(parts)
    assert len(pieces) > 5
    joined = read_file(path)
    assert joined.rows == whole.rows
    assert [str(p) for p in joined.problems] == [str(p) for p in whole.problems]
    assert [p.where for p in whole.problems] == ["line 48", "line 288"]
    assert [c.name for c in joined.categories] == ["war", "trade"]


def test_a_bad_byte_late_in_the_file_is_named_by_its_line(small_parts: None, tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    write_rows(path, 300)
    data = path.read_bytes()
    position = data.index(b"Event 280,")
    path.write_bytes(data[:position] + b"Caf\xe9" + data[position + 5 :])
    with pytest.raises(FormatError, match=rf"not UTF-8 text \(byte {position + 3}, line 322\)"):
        read_file(path)


def test_a_ragged_row_late_in_the_file_stops_the_import_and_nothing_is_written(
    small_parts: None, tmp_path: Path
) -> None:
    path = tmp_path / "events.csv"
    write_rows(path, 300, {290: "Ragged,1990,,,x,y,z"})
    target = tmp_path / "target.timeline.db"
    with open_database(target) as database:
        repository = TimelineRepository(database)
        with pytest.raises(FormatError, match="line 334 has 7 cells, the header has 5"):
            import_file(repository, path)
        assert repository.count_events() == 0
        assert repository.categories() == []


def test_import_in_parts_keeps_a_preview_and_counts_the_rest(small_parts: None, tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    write_rows(path, 300, {40: "Bad date,1999-02-30,,,x"})
    with open_database(tmp_path / "target.timeline.db") as database:
        repository = TimelineRepository(database)
        report, ids = import_file(repository, path)
        assert len(ids) == repository.count_events() == 299
        assert [e.title for e in report.preview(3)] == ["Event 0", "Event 1", "Event 2"]
        assert len(report.rows) == 10 and report.row_count == 299
        assert report.summary() == "CSV: 299 events, 2 categories, 0 eras; 1 rejected"
        assert [e.title for e in repository.search("quotes")][:2] == ["Event 0", "Event 7"]
        stored = repository.get_event(ids[7])
        assert stored.description == 'line one of 7\nline two, with "quotes"'
        assert stored.category == "trade"


def test_when_workers_cannot_run_the_rest_is_read_here(
    small_parts: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "events.csv"
    write_rows(path, 300)

    class NoProcesses:
        def __init__(self, *args: object, **kwargs: object) -> None:
            raise OSError("no more processes")

    monkeypatch.setattr(csv_parts, "ProcessPoolExecutor", NoProcesses)
    assert read_file(path).rows == read_csv(path).rows


def test_a_report_crosses_processes_whole(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    write_rows(path, 30, {3: "Bad,someday,,,x"})
    report = read_csv(path)
    copy = pickle.loads(pickle.dumps(report))
    assert copy == report
    assert type(copy.rows[0]) is type(report.rows[0])
    assert copy.rows[0].title == "Event 0"

"""The command line, run as a person runs it: real files, real output, real exit codes."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from timeline.cli import main

ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    status = main(list(arguments))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_dates_json_gives_edtf_bounds_and_display(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "dates", "--json", "44 BC", "July 2023")
    assert status == 0
    assert [json.loads(line) for line in out.splitlines()] == [
        {
            "input": "44 BC",
            "edtf": "-0043",
            "earliest": "-0043-01-01",
            "latest": "-0043-12-31",
            "display": "44 BC",
        },
        {
            "input": "July 2023",
            "edtf": "2023-07",
            "earliest": "2023-07-01",
            "latest": "2023-07-31",
            "display": "July 2023",
        },
    ]


def test_dates_failure_is_reported_per_input(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "dates", "--json", "2023-02-30", "1450?")
    lines = [json.loads(line) for line in out.splitlines()]
    assert status != 0
    assert lines[0]["input"] == "2023-02-30" and "no day 30" in lines[0]["error"]
    assert lines[1]["edtf"] == "1450?"


def test_dates_reads_relative_words_against_the_reference(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "dates", "--reference", "2023-01-10", "--json", "December", "yesterday")
    assert status == 0
    assert [json.loads(line)["edtf"] for line in out.splitlines()] == ["2022-12", "2023-01-09"]


def test_dates_human_output(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "dates", "15 March 44 BC")
    assert status == 0
    assert "-0043-03-15" in out and "15 March 44 BC · day precision" in out


def test_add_then_list(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    assert (
        run(
            capsys,
            "add",
            "--db",
            str(db_path),
            "--title",
            "Ides of March",
            "--start",
            "15 March 44 BC",
            "--category",
            "Rome",
            "--description",
            "Caesar is killed",
        )[1].strip()
        == "1"
    )
    run(
        capsys,
        "add",
        "--db",
        str(db_path),
        "--title",
        "Vilnius summit",
        "--start",
        "11 July 2023",
        "--end",
        "12 July 2023",
    )
    status, out, _ = run(capsys, "list", "--db", str(db_path), "--json")
    events = json.loads(out)
    assert status == 0
    assert [(e["id"], e["title"], e["start"], e["end"], e["category"]) for e in events] == [
        (1, "Ides of March", "-0043-03-15", None, "Rome"),
        (2, "Vilnius summit", "2023-07-11", "2023-07-12", None),
    ]
    assert events[0]["description"] == "Caesar is killed"
    _, out, _ = run(capsys, "list", "--db", str(db_path), "--from", "2000", "--to", "2030")
    assert "Vilnius summit" in out and "Ides" not in out
    _, out, _ = run(capsys, "list", "--db", str(db_path), "--search", "caesar", "--json")
    assert [e["title"] for e in json.loads(out)] == ["Ides of March"]


def test_bad_input_is_one_line_on_stderr_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    status, out, err = run(capsys, "add", "--db", str(db_path), "--title", "x", "--start", "2023-02-30")
    assert status != 0 and out == ""
    assert err == "timeline: --start: '2023-02-30': February 2023 has no day 30 (it has 28 days)\n"
    assert not db_path.exists()
    status, _, err = run(
        capsys, "add", "--db", str(db_path), "--title", "x", "--start", "2000", "--end", "1990"
    )
    assert status != 0 and "before the start" in err
    status, _, err = run(capsys, "add", "--db", str(db_path), "--title", "  ", "--start", "2000")
    assert status != 0 and "needs a title" in err


def test_a_foreign_file_is_refused_by_every_command(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not a timeline")
    for command in (["add", "--title", "x", "--start", "2000"], ["list"], ["check"]):
        status, _, err = run(capsys, *command, "--db", str(path))
        assert status != 0 and "not a timeline" in err
    assert path.read_text() == "not a timeline"


def test_the_default_timeline_is_the_sample(
    capsys: pytest.CaptureFixture[str], private_data_dir: Path
) -> None:
    status, out, _ = run(capsys, "list", "--json")
    titles = [e["title"] for e in json.loads(out)]
    assert status == 0
    assert "Vilnius summit" in titles and "Full-scale invasion of Ukraine" in titles
    assert (private_data_dir / "default.timeline.db").exists()
    assert run(capsys, "check")[0] == 0


def test_check_finds_a_row_whose_bounds_were_tampered_with(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    import sqlite3

    run(capsys, "add", "--db", str(db_path), "--title", "x", "--start", "2000")
    assert run(capsys, "check", "--db", str(db_path))[0] == 0
    connection = sqlite3.connect(db_path)
    connection.execute("UPDATE events SET earliest = 0")
    connection.commit()
    connection.close()
    status, _, err = run(capsys, "check", "--db", str(db_path))
    assert status != 0 and "bounds do not match" in err


def test_errors_never_show_a_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "list", "--db", str(tmp_path / "missing.db")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert result.stderr.startswith("timeline: ") and "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1


ADD_FOREVER = """
import sys
from timeline.cli import main
n = 0
while True:
    n += 1
    main(["add", "--db", sys.argv[1], "--title", f"event {n}", "--start", f"{1000 + n % 1000}"])
"""


def test_killing_add_never_loses_an_add_that_reported_success(db_path: Path) -> None:
    reported: list[int] = []
    rng = random.Random(7)
    for _ in range(6):
        process = subprocess.Popen(
            [sys.executable, "-u", "-c", ADD_FOREVER, str(db_path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        time.sleep(0.6 + rng.random() * 0.6)
        os.kill(process.pid, signal.SIGKILL)
        out, _ = process.communicate()
        reported += [int(line) for line in out.split()]
    assert len(reported) > 10
    from timeline.store.check import check_file
    from timeline.store.database import open_database
    from timeline.store.repository import TimelineRepository

    with open_database(db_path, readonly=True) as database:
        stored = {event.id for event in TimelineRepository(database).events()}
    assert set(reported) <= stored
    assert check_file(db_path)[0] == []


def test_render_writes_a_picture_of_the_period(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from timeline.workspace import create_from_sample

    database = tmp_path / "sample.timeline.db"
    create_from_sample(database)
    for suffix, magic in ((".png", b"\x89PNG"), (".svg", b"<?xml"), (".pdf", b"%PDF")):
        output = tmp_path / f"out{suffix}"
        status, _, err = run(
            capsys,
            "render",
            "--db",
            str(database),
            "--from",
            "2008",
            "--to",
            "2023",
            "--size",
            "1280x720",
            "-o",
            str(output),
        )
        assert status == 0, err
        assert output.read_bytes().startswith(magic)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--size", "big"], "is not WIDTHxHEIGHT"),
        (["-o", "x.gif"], "must end in"),
        (["--from", "2023-02-30"], "no day 30"),
        (["--from", "2020", "--to", "2010"], "before"),
    ],
)
def test_render_refuses_bad_options(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, arguments: list[str], message: str
) -> None:
    from timeline.workspace import create_from_sample

    database = tmp_path / "sample.timeline.db"
    create_from_sample(database)
    options = ["render", "--db", str(database), "-o", str(tmp_path / "out.png"), *arguments]
    status, _, err = run(capsys, *options)
    assert status != 0 and message in err


def test_import_reports_and_adds_valid_rows(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, db_path: Path
) -> None:
    source = tmp_path / "in.csv"
    source.write_text("title,start\nGood,44 BC\nBad,2023-02-30\n", encoding="utf-8")
    status, out, _ = run(capsys, "import", "--db", str(db_path), str(source), "--dry-run")
    assert status != 0 and "1 event" in out and "rejected: line 3, start '2023-02-30'" in out
    assert not db_path.exists()
    status, out, _ = run(capsys, "import", "--db", str(db_path), str(source))
    assert status != 0 and "imported 1 events" in out
    status, out, _ = run(capsys, "import", "--db", str(db_path), str(source), "--skip-duplicates")
    assert "1 already in the timeline" in out and "imported 0 events" in out
    _, out, _ = run(capsys, "list", "--db", str(db_path), "--json")
    assert [e["start"] for e in json.loads(out)] == ["-0043"]


def test_export_then_import_keeps_the_events(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from timeline.workspace import create_from_sample

    database = tmp_path / "sample.timeline.db"
    create_from_sample(database)
    for name, format in (("out.csv", None), ("out.ics", None), ("out.json", "timelinejs"), ("tl.json", None)):
        output = tmp_path / name
        options = ["export", "--db", str(database), "-o", str(output)] + (
            ["--format", format] if format else []
        )
        assert run(capsys, *options)[0] == 0
        copy = tmp_path / f"copy-{name}.timeline.db"
        assert (
            run(capsys, "import", "--db", str(copy), str(output), *(["--format", format] if format else []))[
                0
            ]
            == 0
        )
        _, out, _ = run(capsys, "list", "--db", str(copy), "--json")
        assert len(json.loads(out)) == 8, name


def test_an_import_that_fails_near_the_end_adds_nothing(tmp_path: Path) -> None:
    from timeline.core.dates.parsing import parse_date
    from timeline.core.model import Event
    from timeline.store.database import open_database
    from timeline.store.errors import DiskFullError
    from timeline.store.repository import TimelineRepository

    path = tmp_path / "t.timeline.db"
    with open_database(path) as database:
        repository = TimelineRepository(database)
        repository.add_event(Event("already here", parse_date("2000")))
        events = [Event(f"e{n}", parse_date("1999"), description="x" * 300) for n in range(10_000)]
        pages = database.db.execute("PRAGMA page_count").fetchone()[0]
        database.db.execute(f"PRAGMA max_page_count = {pages + 600}")  # room for most, not all
        with pytest.raises(DiskFullError):
            repository.import_content(events, [], [])
        assert repository.count_events() == 1
        assert [e.title for e in repository.search("here")] == ["already here"]


def test_render_a_poster_over_several_pages(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from timeline.workspace import create_from_sample

    database = tmp_path / "sample.timeline.db"
    create_from_sample(database)
    output = tmp_path / "poster.pdf"
    status, _, err = run(
        capsys, "render", "--db", str(database), "--pages", "3", "--paper", "letter", "-o", str(output)
    )
    assert status == 0, err
    assert output.read_bytes().count(b"/Type /Page\n") == 3
    status, _, err = run(
        capsys, "render", "--db", str(database), "--pages", "3", "-o", str(tmp_path / "p.png")
    )
    assert status != 0 and "PDF poster" in err


def test_add_takes_an_open_end_and_a_bce_start(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    assert run(capsys, "add", "--db", db, "--title", "Ides", "--start", "-0043-03-15")[0] == 0
    assert (
        run(capsys, "add", "--db", db, "--title", "War", "--start", "2022-02-24", "--end", "ongoing")[0] == 0
    )
    assert run(capsys, "add", "--db", db, "--title", "Peace", "--start", "2001", "--end", "..")[0] == 0
    status, out, _ = run(capsys, "list", "--db", db, "--json")
    assert status == 0
    listed = {item["title"]: item for item in json.loads(out)}
    assert listed["Ides"]["start"] == "-0043-03-15"
    assert listed["War"]["end"] == listed["Peace"]["end"] == ".."


def test_add_refuses_a_link_that_is_not_a_web_address(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "t.db"
    status, _, err = run(
        capsys, "add", "--db", str(db), "--title", "x", "--start", "2001", "--url", "<blockquote>"
    )
    assert status == 1
    assert "--url" in err and "not a web address" in err
    assert not db.exists()


def test_version_is_printed(capsys: pytest.CaptureFixture[str]) -> None:
    from timeline import __version__

    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"timeline {__version__}"


def test_import_with_columns_order_and_century(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "list.csv"
    source.write_text("what,when,other\nSummit,09/07/2009,x\nWar,Mar-46,y\n", encoding="utf-8")
    db = str(tmp_path / "t.db")
    status, out, _ = run(capsys, "import", "--db", db, str(source), "--dry-run")
    assert status == 1
    assert "line 2, when '09/07/2009': is this 9 July or 7 September?" in out
    assert "line 3, when 'Mar-46'" in out and "two digits" in out
    status, out, err = run(
        capsys,
        "import", "--db", db, str(source), "--column", "title=what", "--column", "start=when",
        "--day-first", "--century", "1900",
    )  # fmt: skip
    assert status == 0, out + err
    assert "imported 2 events" in out
    status, out, _ = run(capsys, "list", "--db", db, "--json")
    assert [(item["title"], item["start"]) for item in json.loads(out)] == [
        ("War", "1946-03"),
        ("Summit", "2009-07-09"),
    ]


def test_import_refuses_a_column_option_it_cannot_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "list.csv"
    source.write_text("what,when\nA,2001\n", encoding="utf-8")
    status, _, err = run(capsys, "import", "--db", str(tmp_path / "t.db"), str(source), "--column", "colour")
    assert status == 1 and "FIELD=HEADER" in err
    status, _, err = run(
        capsys, "import", "--db", str(tmp_path / "t.db"), str(source), "--column", "title=who"
    )
    assert status == 1 and "no column 'who'" in err

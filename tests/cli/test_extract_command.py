"""``timeline extract``: proposals from a text file, as lines for people or JSON for programs."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from timeline.cli import main

EVALUATION = Path(__file__).resolve().parents[1] / "data" / "extract"


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    status = main(list(arguments))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_json_lines_have_title_dates_text_and_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "extract", str(EVALUATION / "07-lecture-notes.txt"), "--json")
    assert status == 0
    records = [json.loads(line) for line in out.splitlines()]
    blockade = next(r for r in records if r["text"] == "June 1948 to May 1949")
    assert blockade["start"] == "1948-06"
    assert blockade["end"] == "1949-05"
    assert blockade["title"] == "Berlin blockade"
    assert blockade["sentence"].startswith("- Berlin blockade from June 1948")
    assert {"title", "start", "end", "text", "sentence"} <= set(records[0])


def test_reference_option_settles_relative_dates(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("The crates arrived yesterday. The council met in December.", encoding="utf-8")
    status, out, _ = run(capsys, "extract", str(path), "--reference", "10 January 2024", "--json")
    assert status == 0
    assert [json.loads(line)["start"] for line in out.splitlines()] == ["2024-01-09", "2023-12"]


def test_dateline_is_used_when_no_reference_is_given(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "extract", str(EVALUATION / "01-news-war.txt"))
    assert status == 0
    assert out.splitlines()[0] == (
        "10 dated events; relative dates read against 24 February 2023 (found in the text)"
    )
    assert "Kherson was liberated" in out


def test_an_uncertain_reading_says_why(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("The museum reopened last Monday.", encoding="utf-8")
    status, out, _ = run(capsys, "extract", str(path), "--reference", "28 February 2023")
    assert status == 0
    assert "uncertain: “last Monday” in a text of Tuesday 28 February 2023" in out
    status, out, _ = run(capsys, "extract", str(path), "--reference", "28 February 2023", "--json")
    assert json.loads(out)["start"] == "2023-02-27?"
    assert "some writers mean 20 February 2023" in json.loads(out)["doubt"]


def test_html_and_markdown_lose_their_markup(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><h1>History</h1><p>The <b>mill</b> closed in <a href='https://x.org'>1981</a>.</p>"
        "<script>var d = '1999';</script></body></html>",
        encoding="utf-8",
    )
    notes = tmp_path / "notes.md"
    notes.write_text("# Notes\n\nThe **mill** [opened](https://x.org) in 1902.\n", encoding="utf-8")
    assert proposed(capsys, page) == [("The mill closed", "1981")]
    assert proposed(capsys, notes) == [("The mill opened", "1902")]


def proposed(capsys: pytest.CaptureFixture[str], path: Path) -> list[tuple[str, str]]:
    _, out, _ = run(capsys, "extract", str(path), "--json")
    return [(record["title"], record["start"]) for record in map(json.loads, out.splitlines())]


def test_standard_input(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("In 1848 revolutions spread."))
    status, out, _ = run(capsys, "extract", "-", "--json")
    assert status == 0
    assert json.loads(out)["start"] == "1848"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x00\x01binary", "a binary file, not text"),
        (b"caf\xe9 in 1848", "not UTF-8 text (byte 3, line 1)"),
    ],
)
def test_unreadable_files_are_refused_with_a_reason(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    status, out, err = run(capsys, "extract", str(path))
    assert status == 1
    assert out == ""
    assert message in err


def test_missing_file_and_bad_reference(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, err = run(capsys, "extract", str(tmp_path / "absent.txt"))
    assert status == 1
    assert "absent.txt: cannot read" in err
    path = tmp_path / "note.txt"
    path.write_text("In 1848.", encoding="utf-8")
    status, _, err = run(capsys, "extract", str(path), "--reference", "someday")
    assert status == 1
    assert "--reference: 'someday': not a date" in err


def test_too_long_a_text_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("In 1848. " * 300_000, encoding="utf-8")
    status, _, err = run(capsys, "extract", str(path))
    assert status == 1
    assert "too long to review" in err

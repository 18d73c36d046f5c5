"""Entities, links, consistency and CSL-JSON from the command line, on real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.cli import main

ZOTERO = Path(__file__).resolve().parents[1] / "data" / "io" / "zotero-export.json"


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    status = main(list(arguments))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def add(capsys: pytest.CaptureFixture[str], db: Path, *arguments: str) -> int:
    status, out, err = run(capsys, "add", "--db", str(db), *arguments)
    assert status == 0, err
    return int(out)


def test_add_with_entities_and_roles_and_list_them_as_json(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "nato.timeline.db"
    summit = add(
        capsys, db, "--title", "Bucharest summit", "--start", "2008-04-02", "--end", "2008-04-04",
        "--entity", "person:Jens Stoltenberg", "--role", "chair", "--entity", "place:Bucharest",
        "--role", "host city", "--entity", "organisation:NATO", "--source", "Summit declaration",
    )  # fmt: skip
    other = add(
        capsys,
        db,
        "--title",
        "Vilnius summit",
        "--start",
        "2023-07-11",
        "--entity",
        "person:jens stoltenberg",
    )
    assert (
        run(capsys, "link", "--db", str(db), str(summit), "precedes", str(other), "--note", "15 years on")[0]
        == 0
    )
    status, out, _ = run(capsys, "list", "--db", str(db), "--entity", "Jens Stoltenberg", "--json")
    assert status == 0
    listed = json.loads(out)
    assert [event["title"] for event in listed] == ["Bucharest summit", "Vilnius summit"]
    assert listed[0]["entities"] == [
        {"name": "Jens Stoltenberg", "kind": "person", "role": "chair"},
        {"name": "Bucharest", "kind": "place", "role": "host city"},
        {"name": "NATO", "kind": "organisation", "role": ""},
    ]
    assert listed[1]["entities"] == [{"name": "Jens Stoltenberg", "kind": "person", "role": ""}]
    assert [s["citation"] for s in listed[0]["sources"]] == ["Summit declaration"]
    assert listed[0]["links"] == [{"type": "precedes", "to": other, "note": "15 years on"}]
    assert listed[1]["links"] == [{"type": "follows", "to": summit, "note": "15 years on"}]
    status, out, _ = run(capsys, "list", "--db", str(db), "--entity", "place:Bucharest")
    assert [line.split(maxsplit=1)[0] for line in out.splitlines()] == [str(summit)]


def test_a_role_without_an_entity_before_it_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with pytest.raises(SystemExit):
        main(["add", "--db", str(tmp_path / "x.db"), "--title", "T", "--start", "2000", "--role", "chair"])
    assert "a role applies to the --entity before it" in capsys.readouterr().err
    assert not (tmp_path / "x.db").exists()


def test_link_refuses_a_missing_event_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "t.timeline.db"
    first = add(capsys, db, "--title", "One", "--start", "2000")
    status, _, err = run(capsys, "link", "--db", str(db), str(first), "caused", "99")
    assert status == 1
    assert "event 99 does not exist" in err
    status, _, err = run(capsys, "link", "--db", str(db), str(first), "caused", str(first))
    assert status == 1
    assert "cannot be linked to itself" in err
    assert json.loads(run(capsys, "list", "--db", str(db), "--json")[1])[0]["links"] == []


def test_check_consistency_names_the_events_of_each_finding(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "t.timeline.db"
    war = add(capsys, db, "--title", "War", "--start", "1914", "--end", "1918")
    late = add(capsys, db, "--title", "Late battle", "--start", "1920", "--parent", str(war))
    armistice = add(capsys, db, "--title", "Armistice", "--start", "1918-11-11")
    again = add(capsys, db, "--title", "armistice", "--start", "1918-11")
    status, out, err = run(capsys, "check", "--db", str(db), "--consistency")
    assert status == 1
    lines = out.splitlines()
    assert lines[0] == (
        f"child outside parent: 'Late battle' (#{late}) ends after 'War' (#{war}), of which it is part"
        f" [events #{late}, #{war}]"
    )
    assert lines[1].startswith("likely duplicate: 2 events called")
    assert lines[1].endswith(f"[events #{again}, #{armistice}]")
    assert "2 findings" in err
    status, out, _ = run(capsys, "check", "--db", str(db), "--consistency", "--json")
    assert [finding["events"] for finding in json.loads(out)] == [[late, war], [again, armistice]]


def test_a_parent_that_does_not_exist_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "t.timeline.db"
    status, _, err = run(capsys, "add", "--db", str(db), "--title", "T", "--start", "2000", "--parent", "7")
    assert status == 1
    assert "event 7 does not exist" in err


def test_csl_json_sources_in_and_out(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "t.timeline.db"
    add(capsys, db, "--title", "T", "--start", "2000")
    status, out, _ = run(capsys, "import", str(ZOTERO), "--db", str(db), "--format", "csl-json")
    assert (status, out.strip()) == (0, f"imported 3 sources into {db} (0 were there already)")
    assert (
        "imported 0 sources" in run(capsys, "import", str(ZOTERO), "--db", str(db), "--format", "csl-json")[1]
    )
    out_file = tmp_path / "refs.json"
    assert run(capsys, "export", "--db", str(db), "--format", "csl-json", "-o", str(out_file))[0] == 0
    assert json.loads(out_file.read_text(encoding="utf-8")) == sorted(
        json.loads(ZOTERO.read_text(encoding="utf-8")), key=lambda item: item["title"].casefold()
    )

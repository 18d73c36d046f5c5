"""Pictures through the command line and Timeline JSON: added, listed, exported and imported
with every byte kept; a bad picture refused with nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.pictures import SVG, bomb_file, picture_file
from timeline.cli import main
from timeline.store.database import open_database
from timeline.store.repository import TimelineRepository


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    status = main(list(arguments))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_add_with_images_then_list_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "t.timeline.db")
    png = picture_file(tmp_path, "a.png", size=(80, 40))
    svg = picture_file(tmp_path, "b.svg")
    status, out, err = run(capsys, "add", "--db", db, "--title", "With pictures", "--start", "1999",
                           "--image", str(png), "--image", str(svg))  # fmt: skip
    assert status == 0, err
    status, out, _ = run(capsys, "list", "--db", db, "--json")
    images = json.loads(out)[0]["images"]
    assert [(i["width"], i["height"], i["caption"], i["credit"]) for i in images] == [
        (80, 40, "", ""),
        (120, 60, "", ""),
    ]
    assert len(images[0]["sha256"]) == 64


@pytest.mark.parametrize("bad", ["notes.txt", "bomb.png"])
def test_a_bad_image_adds_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path, bad: str) -> None:
    db = tmp_path / "t.timeline.db"
    run(capsys, "add", "--db", str(db), "--title", "Before", "--start", "1999")
    if bad == "bomb.png":
        path = bomb_file(tmp_path)
    else:
        path = tmp_path / bad
        path.write_text("words")
    status, _, err = run(
        capsys, "add", "--db", str(db), "--title", "No", "--start", "2000", "--image", str(path)
    )
    assert status != 0
    assert f"--image: {path}" in err
    with open_database(db, readonly=True) as database:
        repository = TimelineRepository(database)
        assert [e.title for e in repository.events()] == ["Before"]
        assert repository.image_count() == 0


def test_timeline_json_keeps_images_byte_for_byte(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "t.timeline.db")
    gif = picture_file(tmp_path, "a.gif")
    svg = picture_file(tmp_path, "b.svg")
    run(
        capsys,
        "add",
        "--db",
        db,
        "--title",
        "One",
        "--start",
        "1999",
        "--image",
        str(gif),
        "--image",
        str(svg),
    )
    run(capsys, "add", "--db", db, "--title", "Two", "--start", "2001", "--image", str(gif))
    with open_database(Path(db)) as database:
        repository = TimelineRepository(database)
        one = next(e for e in repository.events() if e.title == "One")
        assert one.id is not None
        pictures = repository.pictures_of(one.id)
        repository.set_pictures(one.id, [pictures[0].with_text("A caption", "A credit"), pictures[1]])
    exported = tmp_path / "out.json"
    status, _, err = run(capsys, "export", "--db", db, "-o", str(exported), "--format", "json")
    assert status == 0, err
    data = json.loads(exported.read_text())
    assert len(data["images"]) == 2  # the GIF used twice is written once
    copy = str(tmp_path / "copy.timeline.db")
    status, _, err = run(capsys, "import", "--db", copy, str(exported))
    assert status == 0, err
    with open_database(Path(copy), readonly=True) as database:
        repository = TimelineRepository(database)
        events = {e.title: e for e in repository.events()}
        first = repository.pictures_of(events["One"].id or 0)
        assert [(p.caption, p.credit, p.mime) for p in first] == [
            ("A caption", "A credit", "image/gif"),
            ("", "", "image/svg+xml"),
        ]
        assert repository.image_data(first[0].sha256)[0] == gif.read_bytes()
        assert repository.image_data(first[1].sha256)[0] == SVG
        assert repository.pictures_of(events["Two"].id or 0)[0].sha256 == first[0].sha256


def test_a_json_image_whose_hash_does_not_match_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "t.timeline.db")
    run(
        capsys,
        "add",
        "--db",
        db,
        "--title",
        "One",
        "--start",
        "1999",
        "--image",
        str(picture_file(tmp_path, "a.png")),
    )
    exported = tmp_path / "out.json"
    run(capsys, "export", "--db", db, "-o", str(exported), "--format", "json")
    data = json.loads(exported.read_text())
    data["images"][0]["sha256"] = "0" * 64
    exported.write_text(json.dumps(data))
    copy = tmp_path / "copy.timeline.db"
    status, _, err = run(capsys, "import", "--db", str(copy), str(exported))
    assert status != 0
    assert "images[0]: sha256: does not match the data" in err

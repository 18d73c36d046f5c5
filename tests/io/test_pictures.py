"""Picture files read and checked: formats, thumbnails, and what is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pictures import SVG, bomb_file, picture_file
from timeline.core.pictures import MAX_FILE_BYTES, THUMBNAIL_SIZE, PictureError
from timeline.io.pictures import prepare_picture, read_picture_file, svg_size


@pytest.mark.parametrize(
    ("name", "mime"),
    [("a.png", "image/png"), ("a.jpg", "image/jpeg"), ("a.webp", "image/webp"), ("a.gif", "image/gif")],
)
def test_raster_pictures_are_read_with_a_thumbnail(tmp_path: Path, name: str, mime: str) -> None:
    path = picture_file(tmp_path, name, size=(640, 320))
    prepared = read_picture_file(path)
    assert prepared.mime == mime
    assert (prepared.width, prepared.height) == (640, 320)
    assert prepared.data == path.read_bytes()  # kept exactly as given
    assert (prepared.thumb_width, prepared.thumb_height) == (THUMBNAIL_SIZE, THUMBNAIL_SIZE // 2)
    assert prepared.thumbnail.startswith(b"\x89PNG")


def test_the_same_bytes_have_the_same_key(tmp_path: Path) -> None:
    first = read_picture_file(picture_file(tmp_path, "a.png"))
    second = read_picture_file(picture_file(tmp_path, "b.png"))
    assert first.sha256 == second.sha256 and len(first.sha256) == 64


def test_an_svg_is_sized_and_drawn_by_the_rasteriser_given() -> None:
    calls = []

    def rasterise(data: bytes, width: int, height: int, longest: int) -> bytes:
        calls.append((width, height))
        return b"png"

    prepared = prepare_picture(SVG, rasterise)
    assert (prepared.mime, prepared.width, prepared.height) == ("image/svg+xml", 120, 60)
    assert calls == [(THUMBNAIL_SIZE, THUMBNAIL_SIZE // 2)]
    with pytest.raises(PictureError, match="can be added only where it can be drawn"):
        prepare_picture(SVG)


@pytest.mark.parametrize(
    ("svg", "message"),
    [
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>x</script></svg>',
            "<script>",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="9"'
            b' height="9"><image xlink:href="file:///etc/passwd" width="9" height="9"/></svg>',
            "refers to 'file:///etc/passwd'",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9" onload="x()"></svg>',
            "event handler",
        ),
        (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>&a;</svg>', "entities"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>', "gives no size"),
        (b"<svg xmlns='http://www.w3.org/2000/svg' width='10'", "not well-formed"),
    ],
)
def test_an_unsafe_or_broken_svg_is_refused(svg: bytes, message: str) -> None:
    with pytest.raises(PictureError, match=message):
        svg_size(svg)


def test_a_viewbox_gives_the_size() -> None:
    assert svg_size(b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 150"/>') == (300, 150)
    assert svg_size(b'<svg xmlns="http://www.w3.org/2000/svg" width="10cm" viewBox="0 0 2 1"/>') == (378, 189)


def test_a_file_that_is_not_a_picture_is_refused_with_its_name(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not a picture")
    with pytest.raises(PictureError, match=r"notes\.txt: this is not a picture"):
        read_picture_file(path)


def test_a_decompression_bomb_is_refused_before_decoding(tmp_path: Path) -> None:
    path = bomb_file(tmp_path)
    assert path.stat().st_size < 100_000
    with pytest.raises(PictureError, match="9,000 x 9,000 pixels; up to 40 million"):
        read_picture_file(path)


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.png"
    with path.open("wb") as file:
        file.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(PictureError, match="up to 20 MB"):
        read_picture_file(path)


def test_a_damaged_picture_is_refused(tmp_path: Path) -> None:
    good = picture_file(tmp_path, "a.png", size=(300, 300)).read_bytes()
    with pytest.raises(PictureError):
        prepare_picture(good[: len(good) // 2])

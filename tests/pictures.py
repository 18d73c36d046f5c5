"""Picture files made for the tests, with Pillow and by hand (no image of unclear origin)."""

from __future__ import annotations

from pathlib import Path

SVG = b"""<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60" viewBox="0 0 120 60">
  <rect width="120" height="60" fill="#1d3557"/><circle cx="60" cy="30" r="20" fill="#f4a261"/>
</svg>"""


def picture_file(folder: Path, name: str, size: tuple[int, int] = (64, 48), colour: str = "#2a9d8f") -> Path:
    """A picture named by its suffix (``.png``, ``.jpg``, ``.webp``, ``.gif``, ``.svg``)."""
    path = folder / name
    if path.suffix == ".svg":
        path.write_bytes(SVG)
        return path
    from PIL import Image

    image = Image.new("RGB", size, colour)
    if path.suffix == ".gif":
        second = Image.new("RGB", size, "#e76f51")
        image.save(path, save_all=True, append_images=[second], duration=100)
    else:
        image.save(path)
    return path


def bomb_file(folder: Path) -> Path:
    """A small PNG that would decode to 81 million pixels."""
    from PIL import Image

    path = folder / "bomb.png"
    Image.new("1", (9000, 9000)).save(path)
    return path

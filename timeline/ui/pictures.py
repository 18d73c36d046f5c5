"""Pictures on screen: SVG drawn safely by Qt, thumbnails decoded once into a bounded cache.

The file holds each picture's bytes and a ready thumbnail (see :mod:`timeline.store.images`);
this module turns them into ``QImage``s. Thumbnails are keyed by their content hash, so one cache
serves every open timeline, and it keeps at most :data:`CACHE_BYTES` of decoded pixels.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QPainter

from timeline.core.pictures import PictureError, PreparedImage
from timeline.io.pictures import prepare_picture, read_picture_file

CACHE_BYTES = 48 * 1024 * 1024
"""Decoded thumbnails kept in memory: about 300 of the largest, far more of the usual."""


def rasterise_svg(data: bytes, width: int, height: int, longest: int) -> bytes:
    """An SVG drawing (already checked by :func:`timeline.io.pictures.svg_size`) as PNG bytes."""
    image = svg_image(data, QSize(width, height))
    if image.isNull():
        raise PictureError("the SVG could not be drawn")
    return png_bytes(image)


def svg_image(data: bytes, size: QSize) -> QImage:
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(data))
    if not renderer.isValid():
        return QImage()
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs want bytes, the binding a str
    return bytes(buffer.data().data())


def read_picture(path: Path) -> PreparedImage:
    """A picture file checked and thumbnailed, SVG included; :class:`PictureError` says why not."""
    return read_picture_file(path, rasterise_svg)


def prepare_image(image: QImage) -> PreparedImage:
    """A picture from the clipboard (a ``QImage``), kept as PNG."""
    if image.isNull():
        raise PictureError("the clipboard holds no picture")
    return prepare_picture(png_bytes(image), rasterise_svg)


def decode(data: bytes, mime: str, longest: int | None = None) -> QImage:
    """A stored picture as an image (an SVG drawn at ``longest`` pixels on its longer side)."""
    if mime == "image/svg+xml":
        from timeline.io.pictures import svg_size

        try:
            width, height = svg_size(data)
        except PictureError:
            return QImage()
        scale = (longest or max(width, height)) / max(width, height)
        return svg_image(data, QSize(max(round(width * scale), 1), max(round(height * scale), 1)))
    image = QImage.fromData(data)
    if longest and not image.isNull() and max(image.width(), image.height()) > longest:
        image = image.scaled(
            longest, longest, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
    return image


class ThumbnailCache:
    """Decoded thumbnails by content hash, least recently used dropped beyond a byte budget."""

    def __init__(self, budget: int = CACHE_BYTES) -> None:
        self.budget = budget
        self._images: OrderedDict[str, QImage] = OrderedDict()
        self._bytes = 0
        self.decoded = 0
        """How many thumbnails were decoded (a measure for benchmarks and tests)."""

    def get(self, sha256: str, load: Callable[[str], bytes | None]) -> QImage | None:
        image = self._images.get(sha256)
        if image is not None:
            self._images.move_to_end(sha256)
            return image
        data = load(sha256)
        if data is None:
            return None
        image = QImage.fromData(data)
        if image.isNull():
            return None
        self.decoded += 1
        self._images[sha256] = image
        self._bytes += image.sizeInBytes()
        while self._bytes > self.budget and len(self._images) > 1:
            _, dropped = self._images.popitem(last=False)
            self._bytes -= dropped.sizeInBytes()
        return image

    @property
    def size_in_bytes(self) -> int:
        return self._bytes

    def __len__(self) -> int:
        return len(self._images)


thumbnails = ThumbnailCache()
"""The one cache the canvas, exports and presentation share."""


def read_pictures_for_command_line(paths: list[Path]) -> list[PreparedImage]:
    """Picture files read by a command: an SVG needs a Qt application to be drawn, made here
    (offscreen when there is no display), so that ``timeline add --image x.svg`` works anywhere."""
    if any(path.suffix.lower() == ".svg" for path in paths):
        import os

        from PySide6.QtGui import QGuiApplication

        if "DISPLAY" not in os.environ and "WAYLAND_DISPLAY" not in os.environ:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        global _application
        _application = QGuiApplication.instance() or QGuiApplication(["timeline"])
    return [read_picture(path) for path in paths]


_application: object = None
"""The application an SVG was drawn in, kept alive for the rest of the command."""

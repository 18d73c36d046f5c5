"""Pictures on events: what an event knows of each (its caption, credit and size), and the limits.

The bytes live in the timeline file, keyed by their SHA-256, so the same picture used twice is
stored once; an event refers to them in order. Nothing here decodes an image: that is the io
layer's job (raster) and the ui's (SVG).
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_FILE_BYTES = 20 * 1024 * 1024
"""A picture file may be up to 20 MB: a large photograph, not a video or an archive."""

MAX_PIXELS = 40_000_000
"""Decoded, a picture may have up to 40 megapixels: a bomb of a small file that unpacks to
gigabytes is refused before it is decoded."""

THUMBNAIL_SIZE = 192
"""The longer side of a thumbnail, in pixels: enough for a card on a large screen."""

MIME_TYPES = {
    "image/png": "PNG",
    "image/jpeg": "JPEG",
    "image/webp": "WebP",
    "image/gif": "GIF",
    "image/svg+xml": "SVG",
}
"""The formats a picture may be in, with the names a person knows them by."""


class PictureError(ValueError):
    """A picture was refused; the message says what is wrong with which file."""


@dataclass(frozen=True, slots=True)
class Picture:
    """One picture on an event: which image (by content hash), its caption and credit, its size."""

    sha256: str
    caption: str = ""
    credit: str = ""
    width: int = 0
    height: int = 0
    mime: str = ""

    def with_text(self, caption: str, credit: str) -> Picture:
        return Picture(self.sha256, caption, credit, self.width, self.height, self.mime)


@dataclass(frozen=True, slots=True)
class PreparedImage:
    """An image checked and ready to store: the original bytes and a thumbnail made once."""

    sha256: str
    mime: str
    width: int
    height: int
    data: bytes
    thumbnail: bytes
    thumb_width: int
    thumb_height: int

    def picture(self, caption: str = "", credit: str = "") -> Picture:
        return Picture(self.sha256, caption, credit, self.width, self.height, self.mime)

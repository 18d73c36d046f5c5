"""Reading picture files: raster formats with Pillow, SVG checked for safety, thumbnails made once.

A picture is refused (:class:`PictureError`, nothing written) when it is larger than
:data:`MAX_FILE_BYTES`, would decode to more than :data:`MAX_PIXELS` pixels (a decompression
bomb), or is not a PNG, JPEG, WebP, GIF or SVG. A GIF keeps its bytes but shows its first frame.
An SVG is parsed with ``defusedxml`` (no entities) and refused when it refers to anything outside
itself (``href`` to a file or the web, scripts, foreign objects); drawing it is left to a
rasteriser passed in by the caller (the ui's ``QSvgRenderer``), so this module needs no Qt.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import re
import warnings
from collections.abc import Callable
from pathlib import Path

from timeline.core.pictures import (
    MAX_FILE_BYTES,
    MAX_PIXELS,
    MIME_TYPES,
    THUMBNAIL_SIZE,
    PictureError,
    PreparedImage,
)

SvgRasteriser = Callable[[bytes, int, int, int], bytes]
"""``(svg bytes, width, height, longest side) -> PNG bytes`` of the drawing at that size."""

_PILLOW_FORMATS = {"PNG": "image/png", "JPEG": "image/jpeg", "WEBP": "image/webp", "GIF": "image/gif"}
_SVG_START = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?<svg[\s>]", re.S)
_KNOWN = ", ".join(MIME_TYPES.values())
_FORBIDDEN_SVG = {"script", "foreignObject", "iframe", "object", "embed"}


def read_picture_file(path: Path, rasterise_svg: SvgRasteriser | None = None) -> PreparedImage:
    """Read and check a picture file; the message of a refusal names the file."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise PictureError(
                f"{path}: the file is {size / 1_048_576:.1f} MB; a picture may be up to"
                f" {MAX_FILE_BYTES // 1_048_576} MB"
            )
        data = path.read_bytes()
    except OSError as error:
        raise PictureError(f"{path}: cannot read the file ({error.strerror or error})") from error
    try:
        return prepare_picture(data, rasterise_svg)
    except PictureError as error:
        raise PictureError(f"{path}: {error}") from None


def prepare_picture(data: bytes, rasterise_svg: SvgRasteriser | None = None) -> PreparedImage:
    """Check ``data`` is a picture we show and make its thumbnail."""
    if len(data) > MAX_FILE_BYTES:
        raise PictureError(
            f"the picture is {len(data) / 1_048_576:.1f} MB; a picture may be up to"
            f" {MAX_FILE_BYTES // 1_048_576} MB"
        )
    if not data:
        raise PictureError("the file is empty")
    sha256 = hashlib.sha256(data).hexdigest()
    if _SVG_START.match(data[:4096]):
        return _prepare_svg(data, sha256, rasterise_svg)
    return _prepare_raster(data, sha256)


def _prepare_raster(data: bytes, sha256: str) -> PreparedImage:
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            # Our own pixel cap below gives the message; Pillow's warning would only repeat it.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
        with image:
            mime = _PILLOW_FORMATS.get(image.format or "")
            if mime is None:
                raise PictureError(f"a {image.format or 'unknown'} image is not shown here; use {_KNOWN}")
            width, height = image.size
            _check_pixels(width, height)
            image.seek(0)  # a GIF shows its first frame
            frame = image.convert("RGBA")
    except PictureError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError):
        raise PictureError(f"this is not a picture (use {_KNOWN})") from None
    except (OSError, ValueError, SyntaxError) as error:
        raise PictureError(f"the picture is damaged ({error})") from None
    frame.thumbnail((THUMBNAIL_SIZE, THUMBNAIL_SIZE))
    buffer = io.BytesIO()
    frame.save(buffer, "PNG", optimize=False)
    return PreparedImage(sha256, mime, width, height, data, buffer.getvalue(), *frame.size)


def _check_pixels(width: int, height: int) -> None:
    if width <= 0 or height <= 0:
        raise PictureError("the picture has no size")
    if width * height > MAX_PIXELS:
        raise PictureError(
            f"the picture is {width:,} x {height:,} pixels; up to {MAX_PIXELS // 1_000_000} million are shown"
        )


def _prepare_svg(data: bytes, sha256: str, rasterise_svg: SvgRasteriser | None) -> PreparedImage:
    width, height = svg_size(data)
    if rasterise_svg is None:
        raise PictureError("an SVG drawing can be added only where it can be drawn (the app or the CLI)")
    longest = max(width, height)
    scale = THUMBNAIL_SIZE / longest
    thumb_width, thumb_height = max(round(width * scale), 1), max(round(height * scale), 1)
    thumbnail = rasterise_svg(data, thumb_width, thumb_height, THUMBNAIL_SIZE)
    return PreparedImage(sha256, "image/svg+xml", width, height, data, thumbnail, thumb_width, thumb_height)


def svg_size(data: bytes) -> tuple[int, int]:
    """The drawing's size from ``width``/``height`` or its ``viewBox``; refuse an unsafe drawing."""
    from defusedxml import ElementTree
    from defusedxml.common import DefusedXmlException

    try:
        root = ElementTree.fromstring(data)
    except DefusedXmlException:
        raise PictureError("the SVG declares entities, which are not allowed") from None
    except ElementTree.ParseError as error:
        raise PictureError(f"the SVG is not well-formed XML ({error})") from None
    for element in root.iter():
        name = element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""
        if name in _FORBIDDEN_SVG:
            raise PictureError(f"the SVG holds a <{name}> element, which is not allowed")
        for attribute, value in element.attrib.items():
            local = attribute.rsplit("}", 1)[-1]
            if local == "href" and not value.strip().startswith(("#", "data:image/")):
                raise PictureError(
                    f"the SVG refers to {value[:60]!r}; a drawing must hold everything it shows"
                )
            if local.startswith("on"):
                raise PictureError(f"the SVG has an event handler ({local}), which is not allowed")
    width, height = _length(root.get("width")), _length(root.get("height"))
    box = (root.get("viewBox") or "").replace(",", " ").split()
    if (not width or not height) and len(box) == 4:
        try:
            box_width, box_height = float(box[2]), float(box[3])
        except ValueError:
            box_width = box_height = 0.0
        if box_width > 0 and box_height > 0:
            if width and not height:
                height = width * box_height / box_width
            elif height and not width:
                width = height * box_width / box_height
            else:
                width, height = box_width, box_height
    if not width or not height:
        raise PictureError("the SVG gives no size (width and height, or a viewBox)")
    pixels_wide, pixels_high = max(round(width), 1), max(round(height), 1)
    _check_pixels(pixels_wide, pixels_high)
    return pixels_wide, pixels_high


def _length(text: str | None) -> float:
    """An SVG length in pixels (px, pt, mm, cm, in or none); 0 for percentages or nonsense."""
    if not text:
        return 0.0
    match = re.fullmatch(r"\s*([0-9]*\.?[0-9]+)\s*(px|pt|mm|cm|in)?\s*", text)
    if not match:
        return 0.0
    factor = {"px": 1.0, None: 1.0, "pt": 4 / 3, "mm": 96 / 25.4, "cm": 96 / 2.54, "in": 96.0}[match.group(2)]
    return float(match.group(1)) * factor


def image_json(image: PreparedImage) -> dict[str, object]:
    """An image as a file carries it: its bytes (and thumbnail) in base64, exactly as stored."""
    return {
        "sha256": image.sha256,
        "mime": image.mime,
        "width": image.width,
        "height": image.height,
        "data": base64.b64encode(image.data).decode("ascii"),
        "thumbnail": base64.b64encode(image.thumbnail).decode("ascii"),
    }


def image_from_json(item: object) -> PreparedImage:
    """An image from a file, checked as a picture file is: the hash must match the bytes.

    A raster image gets its thumbnail made again; an SVG keeps the file's thumbnail once that
    is checked to be a small PNG (drawing an SVG needs Qt, which this layer does not use).
    """
    if not isinstance(item, dict):
        raise PictureError("must be an object")
    try:
        data = base64.b64decode(str(item.get("data", "")), validate=True)
    except (ValueError, binascii.Error):
        raise PictureError("data: not base64") from None
    if hashlib.sha256(data).hexdigest() != item.get("sha256"):
        raise PictureError("sha256: does not match the data")
    if not _SVG_START.match(data[:4096]):
        return prepare_picture(data)
    try:
        thumbnail = base64.b64decode(str(item.get("thumbnail", "")), validate=True)
    except (ValueError, binascii.Error):
        raise PictureError("thumbnail: not base64") from None
    thumb = _prepare_raster(thumbnail, "")
    if thumb.mime != "image/png" or max(thumb.width, thumb.height) > 2 * THUMBNAIL_SIZE:
        raise PictureError("thumbnail: must be a PNG of at most 384 pixels a side")
    width, height = svg_size(data)
    return PreparedImage(
        hashlib.sha256(data).hexdigest(),
        "image/svg+xml",
        width,
        height,
        data,
        thumbnail,
        thumb.width,
        thumb.height,
    )

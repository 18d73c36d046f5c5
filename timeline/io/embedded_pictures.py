"""Pictures inside interchange files: ``data:`` URLs and local files in, data URLs out.

A TimelineJS slide's media may be a picture in the file itself (``data:image/png;base64,…``) or
a file beside it (``images/a.jpg``, ``file:///…``); such a picture becomes one of the event's
pictures, checked like any other (nothing is fetched from the network: a web address stays the
event's link). Going out, an event's first picture is written as a data URL, so the exported
page shows it without the timeline file.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from timeline.core.model import ContentRelations, Event, Media
from timeline.core.pictures import Picture, PictureError, PreparedImage
from timeline.io.pictures import prepare_picture, read_picture_file
from timeline.io.report import ImportReport

_DATA_URL = re.compile(r"data:(image/[a-z0-9.+-]+)?(;[a-z0-9=-]+)*;base64,(.*)", re.S | re.I)
_PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".gif")


class EmbeddedPictures:
    """Collects the pictures of a file's slides while they are read in order."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.pictures: list[tuple[int, Picture]] = []
        self.images: dict[str, PreparedImage] = {}

    def take(self, item: Any, event: Event, position: int, where: str, report: ImportReport) -> Event:
        """The event, its media made a picture when the media is a picture in or beside the file."""
        media = event.media
        url = media.url
        if not url or url.startswith(("http://", "https://")):
            return event
        try:
            image = self._image(url)
        except PictureError as error:
            report.notes.append(f"{where}, media.url {url[:40]!r}: {error}; the picture was left out")
            return dataclasses.replace(event, media=Media("", media.caption, media.credit, media.thumbnail))
        if image is None:
            return event
        self.images[image.sha256] = image
        self.pictures.append((position, image.picture(media.caption, media.credit)))
        return dataclasses.replace(event, media=Media("", "", "", media.thumbnail))

    def _image(self, url: str) -> PreparedImage | None:
        match = _DATA_URL.fullmatch(url.strip())
        if match:
            try:
                data = base64.b64decode(match.group(3), validate=False)
            except (ValueError, binascii.Error):
                raise PictureError("the data URL is not base64") from None
            return prepare_picture(data)
        parsed = urlparse(url)
        if parsed.scheme == "file":
            path = Path(unquote(parsed.path))
        elif not parsed.scheme and url.lower().endswith(_PICTURE_SUFFIXES):
            path = self.folder / url
        else:
            return None
        if not path.is_file():
            return None  # kept as the slide's media, as the file gave it
        return read_picture_file(path)

    def relations(self, relations: ContentRelations) -> ContentRelations:
        if not self.pictures:
            return relations
        return dataclasses.replace(
            relations, pictures=tuple(self.pictures), images=tuple(self.images.values())
        )


def data_urls(relations: ContentRelations | None) -> dict[int, tuple[str, Picture]]:
    """The first picture of each event (by position) with its data URL."""
    if relations is None or not relations.pictures:
        return {}
    images = {image.sha256: image for image in relations.images}
    result: dict[int, tuple[str, Picture]] = {}
    for position, picture in relations.pictures:
        image = images.get(picture.sha256)
        if position not in result and image is not None:
            encoded = base64.b64encode(image.data).decode("ascii")
            result[position] = (f"data:{image.mime};base64,{encoded}", picture)
    return result

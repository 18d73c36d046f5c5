"""Pictures in the timeline file: blobs keyed by SHA-256 (stored once), and each event's list.

An image row holds the original bytes and a thumbnail made once when it was added, so showing a
card never decodes a photograph. An event's pictures are rows of ``event_images`` in order; a
change replaces the event's whole list in one transaction, which is what one undo step needs.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

from timeline.core.model import ContentRelations, Event
from timeline.core.pictures import Picture, PreparedImage
from timeline.store.base import RepositoryBase
from timeline.store.errors import StoreError, translated_errors
from timeline.store.rows import timestamp_now

_PICTURE_COLUMNS = "ei.sha256, ei.caption, ei.credit, i.width, i.height, i.mime"


class ImageQueries(RepositoryBase):
    """Adding images, reading them back, and setting an event's pictures."""

    def add_image(self, image: PreparedImage) -> str:
        """Store ``image`` unless the same bytes are stored already; its hash is its key."""
        with self._writing():
            self._insert_image(image)
        return image.sha256

    def _insert_image(self, image: PreparedImage) -> None:
        self.db.execute(
            "INSERT OR IGNORE INTO images (sha256, mime, width, height, data, thumbnail, thumb_width,"
            " thumb_height, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                image.sha256,
                image.mime,
                image.width,
                image.height,
                image.data,
                image.thumbnail,
                image.thumb_width,
                image.thumb_height,
                timestamp_now(),
            ],
        )

    def has_image(self, sha256: str) -> bool:
        with translated_errors(self.database.path):
            return self.db.execute("SELECT 1 FROM images WHERE sha256 = ?", [sha256]).fetchone() is not None

    def image_data(self, sha256: str) -> tuple[bytes, str]:
        """The original bytes of an image and its MIME type."""
        with translated_errors(self.database.path):
            row = self.db.execute("SELECT data, mime FROM images WHERE sha256 = ?", [sha256]).fetchone()
        if row is None:
            raise StoreError(f"{self.database.path}: no image {sha256[:12]}… in the file")
        return bytes(row[0]), row[1]

    def image_record(self, sha256: str) -> PreparedImage:
        """Everything stored of an image (for export and copying between files)."""
        with translated_errors(self.database.path):
            row = self.db.execute(
                "SELECT sha256, mime, width, height, data, thumbnail, thumb_width, thumb_height"
                " FROM images WHERE sha256 = ?",
                [sha256],
            ).fetchone()
        if row is None:
            raise StoreError(f"{self.database.path}: no image {sha256[:12]}… in the file")
        return PreparedImage(row[0], row[1], row[2], row[3], bytes(row[4]), bytes(row[5]), row[6], row[7])

    def thumbnail(self, sha256: str) -> bytes | None:
        with translated_errors(self.database.path):
            row = self.db.execute("SELECT thumbnail FROM images WHERE sha256 = ?", [sha256]).fetchone()
        return bytes(row[0]) if row else None

    def pictures_of(self, event_id: int) -> list[Picture]:
        with translated_errors(self.database.path):
            rows = self.db.execute(
                f"SELECT {_PICTURE_COLUMNS} FROM event_images ei JOIN images i USING (sha256)"
                " WHERE ei.event_id = ? ORDER BY ei.position",
                [event_id],
            ).fetchall()
        return [Picture(*row) for row in rows]

    def pictures_by_event(self, event_ids: Iterable[int] | None = None) -> dict[int, list[Picture]]:
        """Every listed event's pictures (all events' when ``None``), for exports and listings."""
        with translated_errors(self.database.path):
            if event_ids is None:
                rows = self.db.execute(
                    f"SELECT ei.event_id, {_PICTURE_COLUMNS} FROM event_images ei"
                    " JOIN images i USING (sha256) ORDER BY ei.event_id, ei.position"
                ).fetchall()
            else:
                rows = []
                ids = list(event_ids)
                for start in range(0, len(ids), 500):
                    chunk = ids[start : start + 500]
                    rows += self.db.execute(
                        f"SELECT ei.event_id, {_PICTURE_COLUMNS} FROM event_images ei JOIN images i"
                        f" USING (sha256) WHERE ei.event_id IN ({', '.join('?' * len(chunk))})"
                        " ORDER BY ei.event_id, ei.position",
                        chunk,
                    ).fetchall()
        result: dict[int, list[Picture]] = {}
        for event_id, *picture in rows:
            result.setdefault(event_id, []).append(Picture(*picture))
        return result

    def first_pictures(self, event_ids: Sequence[int]) -> dict[int, str]:
        """The first picture's hash of each listed event that has one: what a card shows."""
        result: dict[int, str] = {}
        with translated_errors(self.database.path):
            for start in range(0, len(event_ids), 500):
                chunk = list(event_ids[start : start + 500])
                rows = self.db.execute(
                    "SELECT event_id, sha256 FROM event_images WHERE position = 0"
                    f" AND event_id IN ({', '.join('?' * len(chunk))})",
                    chunk,
                )
                result.update(rows)
        return result

    def set_pictures(
        self, event_id: int, pictures: Sequence[Picture], new: Sequence[PreparedImage] = ()
    ) -> None:
        """Make ``pictures`` the event's list, in order, storing the ``new`` images first.

        Every picture must name a stored (or ``new``) image; otherwise nothing changes.
        """
        with self._writing():
            for image in new:
                self._insert_image(image)
            self._replace_pictures(event_id, pictures)

    def _replace_pictures(self, event_id: int, pictures: Sequence[Picture]) -> None:
        for picture in pictures:
            if self.db.execute("SELECT 1 FROM images WHERE sha256 = ?", [picture.sha256]).fetchone() is None:
                raise StoreError(f"{self.database.path}: no image {picture.sha256[:12]}… in the file")
        self.db.execute("DELETE FROM event_images WHERE event_id = ?", [event_id])
        self.db.conn.executemany(
            "INSERT INTO event_images (event_id, sha256, position, caption, credit) VALUES (?, ?, ?, ?, ?)",
            [
                (event_id, picture.sha256, position, picture.caption, picture.credit)
                for position, picture in enumerate(pictures)
            ],
        )

    def with_pictures(self, events: Sequence[Event], relations: ContentRelations) -> ContentRelations:
        """``relations`` with the pictures of ``events`` (by position) and their images, for an export."""
        position = {event.id: index for index, event in enumerate(events) if event.id is not None}
        by_event = self.pictures_by_event(list(position))
        pictures = tuple(
            (position[event_id], picture) for event_id, listed in by_event.items() for picture in listed
        )
        hashes = dict.fromkeys(picture.sha256 for _, picture in pictures)
        images = tuple(self.image_record(sha256) for sha256 in hashes)
        return dataclasses.replace(relations, pictures=pictures, images=images)

    def image_count(self) -> int:
        with translated_errors(self.database.path):
            return int(self.db.execute("SELECT count(*) FROM images").fetchone()[0])

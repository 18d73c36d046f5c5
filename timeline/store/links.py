"""Links between events (typed, directed) and events nested in others."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from timeline.core.model import EventLink
from timeline.store.base import RepositoryBase
from timeline.store.errors import StoreError, translated_errors

_LINK_COLUMNS = "from_id, to_id, type, note, id"
_BATCH = 900


def _link(row: Sequence[object]) -> EventLink:
    from_id, to_id, kind, note, id_ = row
    return EventLink(int(from_id), int(to_id), str(kind), str(note), int(id_))  # type: ignore[call-overload]


class LinkStore(RepositoryBase):
    """What events say about each other, and which event each is part of."""

    def links_of(self, event_id: int) -> list[EventLink]:
        """The links from and to an event, in the order they were made."""
        with translated_errors(self.database.path):
            rows = self.db.execute(
                f"SELECT {_LINK_COLUMNS} FROM links WHERE from_id = ? UNION"
                f" SELECT {_LINK_COLUMNS} FROM links WHERE to_id = ? ORDER BY id",
                [event_id, event_id],
            ).fetchall()
        return [_link(row) for row in rows]

    def links(self) -> list[EventLink]:
        with translated_errors(self.database.path):
            return [_link(row) for row in self.db.execute(f"SELECT {_LINK_COLUMNS} FROM links ORDER BY id")]

    def links_among(self, event_ids: Sequence[int], limit: int) -> list[EventLink]:
        """At most ``limit`` links whose two ends are both among these events (those in view)."""
        shown = sorted(set(event_ids))
        wanted = set(shown)
        found: list[EventLink] = []
        with translated_errors(self.database.path):
            for start in range(0, len(shown), _BATCH):
                batch = shown[start : start + _BATCH]
                rows = self.db.execute(
                    f"SELECT {_LINK_COLUMNS} FROM links WHERE from_id IN ({', '.join('?' * len(batch))})"
                    " ORDER BY id",
                    batch,
                ).fetchall()
                found += [link for link in map(_link, rows) if link.to_id in wanted]
                if len(found) >= limit:
                    break
        return sorted(found, key=lambda link: link.id or 0)[:limit]

    def add_link(self, link: EventLink) -> int:
        """Link two events; both must exist."""
        with self._writing():
            return self._insert_link(link)

    def _insert_link(self, link: EventLink) -> int:
        for event_id in (link.from_id, link.to_id):
            if self.db.execute("SELECT 1 FROM events WHERE id = ?", [event_id]).fetchone() is None:
                raise StoreError(f"event {event_id} does not exist")
        cursor = self.db.execute(
            "INSERT INTO links (id, from_id, to_id, type, note) VALUES (?, ?, ?, ?, ?)",
            [link.id, link.from_id, link.to_id, link.type, link.note],
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def update_link(self, link: EventLink) -> None:
        with self._writing():
            cursor = self.db.execute(
                "UPDATE links SET from_id = ?, to_id = ?, type = ?, note = ? WHERE id = ?",
                [link.from_id, link.to_id, link.type, link.note, link.id],
            )
            if cursor.rowcount != 1:
                raise StoreError(f"link {link.id} does not exist")

    def delete_link(self, link_id: int) -> EventLink:
        with translated_errors(self.database.path):
            row = self.db.execute(f"SELECT {_LINK_COLUMNS} FROM links WHERE id = ?", [link_id]).fetchone()
        if row is None:
            raise StoreError(f"link {link_id} does not exist")
        with self._writing():
            self.db.execute("DELETE FROM links WHERE id = ?", [link_id])
        return _link(row)

    def restore_links(self, links: Iterable[EventLink]) -> None:
        with self._writing():
            for link in links:
                self._insert_link(link)

    # Nesting -----------------------------------------------------------------------------

    def set_parent(self, event_id: int, parent_id: int | None) -> int | None:
        """Make an event part of another (or of none); returns the parent it had."""
        with self._writing():
            row = self.db.execute("SELECT parent_id FROM events WHERE id = ?", [event_id]).fetchone()
            if row is None:
                raise StoreError(f"event {event_id} does not exist")
            if parent_id is not None:
                if self.db.execute("SELECT 1 FROM events WHERE id = ?", [parent_id]).fetchone() is None:
                    raise StoreError(f"event {parent_id} does not exist")
                if event_id in self._ancestors(parent_id):
                    raise StoreError(f"event {event_id} cannot be part of one of its own parts")
            self.db.execute("UPDATE events SET parent_id = ? WHERE id = ?", [parent_id, event_id])
            return row[0] if row[0] is None else int(row[0])

    def _ancestors(self, event_id: int) -> set[int]:
        found = {event_id}
        current: int | None = event_id
        while current is not None:
            row = self.db.execute("SELECT parent_id FROM events WHERE id = ?", [current]).fetchone()
            current = row[0] if row else None
            if current in found:
                break
            if current is not None:
                found.add(current)
        return found

    def children_of(self, event_id: int) -> list[int]:
        with translated_errors(self.database.path):
            rows = self.db.execute(
                "SELECT id FROM events WHERE parent_id = ? ORDER BY earliest, id", [event_id]
            ).fetchall()
        return [row[0] for row in rows]

    def parents(self) -> dict[int, int]:
        """Every nested event's parent: ``{child: parent}``."""
        with translated_errors(self.database.path):
            rows = self.db.execute("SELECT id, parent_id FROM events WHERE parent_id IS NOT NULL").fetchall()
        return dict(rows)

    def children_spans(self, parent_ids: Sequence[int]) -> dict[int, tuple[int, int]]:
        """The span each of these events' children cover together: ``{parent: (earliest, latest)}``."""
        if not parent_ids:
            return {}
        with translated_errors(self.database.path):
            rows = self.db.execute(
                "SELECT parent_id, min(earliest), max(latest) FROM events"
                f" WHERE parent_id IN ({', '.join('?' * len(parent_ids))}) GROUP BY parent_id",
                list(parent_ids),
            ).fetchall()
        return {row[0]: (row[1], row[2]) for row in rows}

"""Every change to an event, kept in ``event_history``: what changed, when, from what to what.

Each entry holds the fields a person edits (title, dates as EDTF, category, tags, description,
citation, link, colour) as JSON before and after the change, so that an event can be shown as
it was at any point and put back so. A deleted event keeps its entries: the last one, a
``delete`` with the event as it was, is what the Trash lists and restores from. Entries are
removed only when the Trash is emptied.

Speed: a change made by hand writes one small row per event. Imports are not recorded event by
event (a million rows would double the work of a bulk import); an imported event's history
starts at its first change, and its ``created`` time says when it came in.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any

from timeline.core.dates.edtf import read_edtf_date
from timeline.core.model import Event, Source
from timeline.store.base import RepositoryBase
from timeline.store.errors import translated_errors
from timeline.store.rows import end_from_text, end_text, timestamp_now

FIELDS = ("title", "start", "end", "category", "tags", "description", "source", "url", "colour")
"""The fields an entry keeps, in the order a description of a change names them."""

FIELD_NAMES = {
    "title": "title",
    "start": "start",
    "end": "end",
    "category": "category",
    "tags": "tags",
    "description": "description",
    "source": "source",
    "url": "link",
    "colour": "colour",
}


def snapshot(event: Event) -> dict[str, Any]:
    """The editable fields of an event as plain JSON values."""
    source = event.source
    return {
        "title": event.title,
        "start": event.start.edtf(),
        "end": end_text(event.end),
        "category": event.category,
        "tags": list(event.tags),
        "description": event.description,
        "source": [source.text, source.author, source.title, source.page, source.url],
        "url": event.url,
        "colour": event.colour,
    }


def event_from_snapshot(values: dict[str, Any], base: Event | None = None) -> Event:
    """The event as an entry saw it: ``base`` (the event now) with the entry's fields put back,
    or, for an event that no longer exists, a new event of those fields."""
    text, author, title, page, url = (list(values.get("source") or []) + [""] * 5)[:5]
    fields: dict[str, Any] = {
        "title": values["title"],
        "start": read_edtf_date(values["start"]),
        "end": end_from_text(values.get("end")),
        "category": values.get("category"),
        "tags": tuple(values.get("tags") or ()),
        "description": values.get("description", ""),
        "source": replace(
            base.source if base is not None else Source(),
            text=text,
            author=author,
            title=title,
            page=page,
            url=url,
        ),
        "url": values.get("url", ""),
        "colour": values.get("colour", ""),
    }
    if base is not None:
        return base.with_changes(**fields)
    return Event(**fields)


@dataclass(frozen=True)
class HistoryEntry:
    """One change: ``create``, ``edit``, ``delete`` or ``restore``, with the fields around it."""

    id: int
    event_id: int
    at: str
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    def changed(self) -> list[str]:
        """The fields this change touched, in :data:`FIELDS` order."""
        if self.before is None or self.after is None:
            return []
        return [field for field in FIELDS if self.before.get(field) != self.after.get(field)]


class EventHistory(RepositoryBase):
    """Reads and writes ``event_history`` for one open timeline."""

    def record(self, action: str, pairs: list[tuple[int, Event | None, Event | None]]) -> None:
        """Keep one entry per event: (id, before, after); an edit that changes nothing is skipped."""
        rows = []
        at = timestamp_now()
        for event_id, before, after in pairs:
            old = snapshot(before) if before is not None else None
            new = snapshot(after) if after is not None else None
            if action == "edit" and old == new:
                continue
            rows.append(
                [event_id, at, action, _dumps(old), _dumps(new)],
            )
        if not rows:
            return
        with self._writing():
            self.db.conn.executemany(
                "INSERT INTO event_history (event_id, at, action, old_values, new_values)"
                " VALUES (?, ?, ?, ?, ?)",
                rows,
            )

    def of_event(self, event_id: int) -> list[HistoryEntry]:
        """The event's entries, oldest first."""
        with translated_errors(self.database.path):
            rows = self.db.execute(
                "SELECT id, event_id, at, action, old_values, new_values FROM event_history"
                " WHERE event_id = ? ORDER BY id",
                [event_id],
            ).fetchall()
        return [_entry(row) for row in rows]

    def trash(self) -> list[HistoryEntry]:
        """The last ``delete`` entry of every event that no longer exists, newest first."""
        with translated_errors(self.database.path):
            rows = self.db.execute(
                "SELECT h.id, h.event_id, h.at, h.action, h.old_values, h.new_values"
                " FROM event_history AS h"
                " WHERE h.action = 'delete'"
                " AND NOT EXISTS (SELECT 1 FROM events WHERE events.id = h.event_id)"
                " AND h.id = (SELECT max(id) FROM event_history WHERE event_id = h.event_id)"
                " ORDER BY h.id DESC"
            ).fetchall()
        return [_entry(row) for row in rows]

    def empty_trash(self, event_ids: list[int] | None = None) -> int:
        """Forget deleted events (these, or all): their history goes; returns how many events."""
        ids = [entry.event_id for entry in self.trash()]
        if event_ids is not None:
            chosen = set(event_ids)
            ids = [event_id for event_id in ids if event_id in chosen]
        if not ids:
            return 0
        with self._writing():
            self.db.conn.executemany("DELETE FROM event_history WHERE event_id = ?", [[i] for i in ids])
        return len(ids)


def _dumps(values: dict[str, Any] | None) -> str | None:
    return None if values is None else json.dumps(values, ensure_ascii=False, separators=(",", ":"))


def _entry(row: tuple[Any, ...]) -> HistoryEntry:
    id_, event_id, at, action, old, new = row
    return HistoryEntry(
        id_, event_id, at, action, json.loads(old) if old else None, json.loads(new) if new else None
    )


def shown_value(field: str, values: dict[str, Any]) -> str:
    """A field of an entry as a person reads it: dates as written (``July 2023``), lists joined."""
    value = values.get(field)
    if field in ("start", "end") and isinstance(value, str) and value:
        end = end_from_text(value) if field == "end" else read_edtf_date(value)
        return end.display() if hasattr(end, "display") else str(value)  # type: ignore[union-attr]
    if field == "end" and not value:
        return "none"
    if field == "tags":
        return ", ".join(value or []) or "none"
    if field == "source":
        return " · ".join(part for part in (value or []) if part) or "none"
    if field == "description":
        text = str(value or "")
        return f"“{text[:40]}…”" if len(text) > 40 else f"“{text}”"
    return str(value) if value else "none"


def summary(entries: list[HistoryEntry]) -> str:
    """``changed 3 times; start was July 2023`` — what the Details tab says of an event's past."""
    edits = [entry for entry in entries if entry.action == "edit"]
    if not edits:
        return "not changed since it was added" if entries else "no changes kept"
    times = "once" if len(edits) == 1 else "twice" if len(edits) == 2 else f"{len(edits)} times"
    last = edits[-1]
    was = [f"{FIELD_NAMES[field]} was {shown_value(field, last.before or {})}" for field in last.changed()]
    return f"changed {times}; " + ", ".join(was[:3]) + ("…" if len(was) > 3 else "")

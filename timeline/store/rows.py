"""Rows of the events table and the core values they stand for, in both directions."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from timeline.core.dates.dates import MAX_INSTANT, HistoricalDate, OpenEnd
from timeline.core.dates.edtf import read_edtf_date
from timeline.core.flat import FlatEvent, media_of
from timeline.core.model import (
    Era,
    Event,
    EventEnd,
    EventSpan,
    Source,
)

EVENT_COLUMNS = (
    "events.id, title, start_date, end_date, description, categories.name, tags, url,"
    " events.colour, created, modified, events.parent_id, events.uid, events.recurrence,"
    " events.display_date, events.media"
)
EVENT_FROM = "events LEFT JOIN categories ON categories.id = events.category_id"
SPAN_COLUMNS = (
    "events.id, title, earliest, start_latest, end_earliest, latest, start_date, end_date, category_id,"
    " events.colour"
)
QUALIFIERS = ("~", "?", "%")
INT64_MIN = -(2**63)


ROW_COLUMNS = (
    "title",
    "start_date",
    "end_date",
    "earliest",
    "start_latest",
    "end_earliest",
    "latest",
    "span_class",
    "description",
    "category_id",
    "tags",
    "url",
    "colour",
    "uid",
    "recurrence",
    "display_date",
    "media",
    "created",
    "modified",
)


def span_class(earliest: int, latest: int) -> int:
    """The bit length of a span: every event of class ``c`` lasts less than ``2**c`` seconds."""
    return (latest - earliest).bit_length()


def timestamp_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def end_text(end: EventEnd) -> str | None:
    if end is None:
        return None
    return end.value if isinstance(end, OpenEnd) else end.edtf()


def end_from_text(text: str | None) -> EventEnd:
    if text is None:
        return None
    if text in (OpenEnd.OPEN.value, OpenEnd.UNKNOWN.value):
        return OpenEnd(text)
    return read_edtf_date(text)


FLAT_PLACEHOLDERS = (
    "?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, (SELECT id FROM categories WHERE name = ?10), ?11, ?17, ?18,"
    " ?19, ?20, ?21, ?22"
)
"""A flat event bound to SQL as it is, in ``ROW_COLUMNS`` order but for its timestamps: its
category looked up by name, its source fields (``?12`` … ``?16``) left for ``event_sources``."""


def stored_row(flat: FlatEvent, category_id: int | None) -> tuple[Any, ...]:
    """The stored columns of a flat event (in ``ROW_COLUMNS`` order, but for its timestamps)."""
    return (
        *flat[:9], category_id, flat.tags_json, flat.url, flat.colour,
        flat.uid, flat.recurrence, flat.display_date, flat.media_json,
    )  # fmt: skip


def cited_of(flat: FlatEvent) -> tuple[str, str, str, str, str] | None:
    """A flat event's source fields (text, author, title, page, url), if it cites anything."""
    cited = flat[11:16]
    return cited if any(cited) else None


def era_columns(era: Era) -> list[Any]:
    latest = era.end.latest if isinstance(era.end, HistoricalDate) else MAX_INSTANT
    return [era.name, era.start.edtf(), end_text(era.end), era.start.earliest, latest, era.colour]


def era_end(text: str) -> HistoricalDate | OpenEnd:
    end = end_from_text(text)
    assert end is not None
    return end


def span_from_row(row: tuple[Any, ...]) -> EventSpan:
    id_, title, earliest, start_latest, end_earliest, latest, start, end, category_id, colour = row[:10]
    return EventSpan(
        id_,
        title,
        earliest,
        start_latest,
        end_earliest,
        latest,
        end is None,
        start[-1] if start[-1] in QUALIFIERS else "",
        end[-1] if end and end[-1] in QUALIFIERS else "",
        category_id,
        colour,
    )


def event_from_row(row: tuple[Any, ...], source: Source | None = None) -> Event:
    """An event from :data:`EVENT_COLUMNS`, citing ``source`` (its first citation) if given."""
    id_, title, start, end, description, category, tags, url, colour, created, modified, parent = row[:12]
    uid, recurrence, display_date, media = row[12:16]
    return Event(
        title=title,
        start=read_edtf_date(start),
        end=end_from_text(end),
        description=description,
        category=category,
        tags=tuple(json.loads(tags)),
        source=source or Source(),
        url=url,
        colour=colour,
        id=id_,
        created=created,
        modified=modified,
        parent_id=parent,
        uid=uid,
        recurrence=recurrence,
        display_date=display_date,
        media=media_of(media),
    )

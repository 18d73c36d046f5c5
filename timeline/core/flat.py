"""Events as flat rows of text and integers: the form bulk imports carry and the store writes.

A million imported rows should not each become a tree of objects only to be taken apart
again for SQLite. A :class:`FlatEvent` holds exactly the stored columns (EDTF text, integer
bounds, plain strings); :func:`simple_bounds` computes the bounds of plain EDTF dates
(``1969``, ``2023-07``, ``-0043-03-15``, ``2023-07-11T14:30``, with ``~ ? %``) without building a
date object.
"""

from __future__ import annotations

import functools
import json
import re
from typing import NamedTuple

from timeline.core.dates.calendar import SECONDS_PER_DAY, day_number, days_in_month
from timeline.core.dates.dates import MAX_INSTANT, HistoricalDate, OpenEnd
from timeline.core.dates.edtf import read_edtf_date
from timeline.core.model import Event, EventEnd, Media, Source

_SIMPLE_EDTF = re.compile(r"(-?)(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?)?)?[~?%]?")


class FlatEvent(NamedTuple):
    """The stored columns of an event in insert order, with its category by name and its tags as
    the JSON text the ``tags`` column holds, so that a batch of them can be bound to SQL as is."""

    title: str
    start_date: str
    end_date: str | None
    earliest: int
    start_latest: int
    end_earliest: int
    latest: int
    span_class: int
    description: str
    category: str | None
    tags_json: str
    source_text: str
    source_author: str
    source_title: str
    source_page: str
    source_url: str
    url: str
    colour: str
    uid: str = ""
    recurrence: str = ""
    display_date: str = ""
    media_json: str = ""
    """The event's :class:`~timeline.core.model.Media` as JSON, empty when it has none."""


@functools.lru_cache(maxsize=100_000)
def _month_start(year: int, month: int) -> int:
    return day_number(year, month, 1) * SECONDS_PER_DAY


def simple_bounds(text: str) -> tuple[int, int] | None:
    """Bounds of a plain EDTF year, month, day, or time without a zone; ``None`` for anything else
    or an impossible date."""
    match = _SIMPLE_EDTF.fullmatch(text)
    if match is None:
        return None
    sign, year_text, month_text, day_text, hour_text, minute_text, second_text = match.groups()
    year = int(year_text)
    if sign:
        if year == 0:
            return None
        year = -year
    if month_text is None:
        return _month_start(year, 1), _month_start(year + 1, 1)
    month = int(month_text)
    if not 1 <= month <= 12:
        return None
    if day_text is None:
        return _month_start(year, month), _month_start(year + (month == 12), month % 12 + 1)
    day = int(day_text)
    if not 1 <= day <= days_in_month(year, month):
        return None
    start = _month_start(year, month) + (day - 1) * SECONDS_PER_DAY
    if hour_text is None:
        return start, start + SECONDS_PER_DAY
    hour, minute = int(hour_text), int(minute_text)
    if hour > 23 or minute > 59:
        return None
    start += hour * 3600 + minute * 60
    if second_text is None:
        return start, start + 60
    second = int(second_text)
    return None if second > 59 else (start + second, start + second + 1)


def end_columns(start: HistoricalDate, end: EventEnd) -> tuple[str | None, int, int]:
    """The stored end: its text, and where its certain part begins and the whole event ends."""
    if end is None:
        return None, start.earliest, start.latest
    if isinstance(end, OpenEnd):
        return end.value, MAX_INSTANT, MAX_INSTANT
    return end.edtf(), end.earliest, end.latest


def tags_json(tags: tuple[str, ...]) -> str:
    return json.dumps(list(tags), ensure_ascii=False) if tags else "[]"


def flat_event(event: Event) -> FlatEvent:
    end_text, end_earliest, latest = end_columns(event.start, event.end)
    source, earliest = event.source, event.start.earliest
    return FlatEvent(
        event.title, event.start.edtf(), end_text, earliest, event.start.latest, end_earliest, latest,
        (latest - earliest).bit_length(), event.description, event.category, tags_json(event.tags),
        source.text, source.author, source.title, source.page, source.url, event.url, event.colour,
        event.uid, event.recurrence, event.display_date, media_json(event.media),
    )  # fmt: skip


def media_json(media: Media) -> str:
    if not media:
        return ""
    fields = {
        "url": media.url,
        "caption": media.caption,
        "credit": media.credit,
        "thumbnail": media.thumbnail,
    }
    return json.dumps({key: value for key, value in fields.items() if value}, ensure_ascii=False)


def media_of(text: str) -> Media:
    """The media kept as JSON (an empty text, or anything that is not an object, is none)."""
    if not text:
        return Media()
    try:
        data = json.loads(text)
    except ValueError:
        return Media()
    if not isinstance(data, dict):
        return Media()
    return Media(*(str(data.get(key) or "") for key in ("url", "caption", "credit", "thumbnail")))


def event_of(flat: FlatEvent) -> Event:
    """The event a flat row stands for (for previews and for the few rows shown)."""
    end: EventEnd = None
    if flat.end_date is not None:
        end = OpenEnd(flat.end_date) if flat.end_date in ("..", "") else read_edtf_date(flat.end_date)
    return Event(
        title=flat.title,
        start=read_edtf_date(flat.start_date),
        end=end,
        description=flat.description,
        category=flat.category,
        tags=tuple(json.loads(flat.tags_json)),
        source=Source(
            flat.source_text, flat.source_author, flat.source_title, flat.source_page, flat.source_url
        ),
        url=flat.url,
        colour=flat.colour,
        uid=flat.uid,
        recurrence=flat.recurrence,
        display_date=flat.display_date,
        media=media_of(flat.media_json),
    )

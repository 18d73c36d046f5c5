"""What a published page knows about a timeline, as one JSON value the viewer reads.

Every text the page shows is made here, by the same core functions the app uses: the date as
the app writes it (``44 BC``, ``c. 1450``, ``July 2023``), the label with its ``c.``/``?``, the
description's HTML. The viewer's script only chooses ticks and places things, which must happen
live as the reader zooms.

Events are stored column by column (one list per field, in time order) so that 100,000 events
are a few compact arrays rather than 100,000 objects to build before the first paint.
"""

from __future__ import annotations

import base64
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from timeline.core.colours import colour_for
from timeline.core.dates.dates import MAX_INSTANT, HistoricalDate, Interval
from timeline.core.model import Category, Era, Event, span_of
from timeline.core.view.presentation import Stop, framing
from timeline.web.markdown import LINK_SCHEMES, description_html

FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class PageImage:
    """A picture of an event as the page embeds it: its bytes become a ``data:`` address."""

    sha256: str
    mime: str
    data: bytes
    width: int = 0
    height: int = 0
    caption: str = ""
    credit: str = ""


@dataclass(frozen=True, slots=True)
class PageContent:
    """Everything a page shows; ``story`` lists event ids in the order of the slides."""

    title: str
    events: Sequence[Event]
    categories: Sequence[Category] = ()
    eras: Sequence[Era] = ()
    story: Sequence[int] = ()
    pictures: Mapping[int, Sequence[PageImage]] | None = None
    open_story: bool = False


def page_data(content: PageContent, now: float | None = None) -> dict[str, Any]:
    """The JSON value embedded in the page (plain lists, strings and numbers)."""
    now = time.time() if now is None else now
    categories = list(content.categories)
    category_index = {category.name: index for index, category in enumerate(categories)}
    events = sorted(content.events, key=lambda event: (event.earliest, event.id or 0))
    columns: dict[str, list[Any]] = {
        name: []
        for name in (
            "id", "title", "label", "when", "earliest", "startLatest", "endEarliest", "latest",
            "point", "fuzzyStart", "fuzzyEnd", "category", "colour", "details", "tags", "source",
            "url", "text",
        )
    }  # fmt: skip
    for index, event in enumerate(events):
        span = span_of(event if event.id is not None else event.with_changes(id=-1 - index), None)
        category = category_index.get(event.category or "", -1)
        values = (
            event.id if event.id is not None else -1 - index,
            event.title,
            span.label,
            event.display_when(),
            span.earliest,
            span.start_latest,
            span.end_earliest,
            span.latest,
            int(span.is_point),
            int(span.fuzzy_start),
            int(span.fuzzy_end),
            category,
            event.colour,
            description_html(event.description),
            list(event.tags),
            event.source.display() if event.source else "",
            event.url if _is_web_link(event.url) else "",
            _search_text(event),
        )
        for column, value in zip(columns.values(), values, strict=True):
            column.append(value)
    images, pictures = _pictures(events, content.pictures or {})
    position = {event_id: index for index, event_id in enumerate(columns["id"])}
    story = [position[event_id] for event_id in content.story if event_id in position]
    return {
        "format": "timeline-page",
        "version": FORMAT_VERSION,
        "title": content.title,
        "now": now,
        "openEnd": MAX_INSTANT,
        "categories": [
            {"name": category.name, "colour": category.colour or colour_for((category.id or index + 1) - 1)}
            for index, category in enumerate(categories)
        ],
        "eras": [_era(era) for era in content.eras],
        "events": columns,
        "images": images,
        "pictures": pictures,
        "story": story,
        "storyFrames": _story_frames(events, story, now),
        "openStory": bool(content.open_story and story),
    }


def _era(era: Era) -> dict[str, Any]:
    latest = era.end.latest if isinstance(era.end, HistoricalDate) else MAX_INSTANT
    return {
        "name": era.name,
        "when": Interval(era.start, era.end).display(),
        "earliest": era.start.earliest,
        "latest": latest,
        "colour": era.colour,
    }


def _is_web_link(url: str) -> bool:
    scheme, colon, _ = url.partition(":")
    return bool(colon) and scheme.lower() in LINK_SCHEMES


def _search_text(event: Event) -> str:
    """What the search box looks in besides the title: tags, category, source and description."""
    parts = [*event.tags, event.category or "", event.source.display() if event.source else ""]
    parts.append(event.description)
    return "\n".join(part for part in parts if part)


def _pictures(
    events: Sequence[Event], pictures: Mapping[int, Sequence[PageImage]]
) -> tuple[list[dict[str, Any]], dict[str, list[list[Any]]]]:
    """Each image once (as a data address), and per event index its ``[image, caption, credit]``."""
    images: list[dict[str, Any]] = []
    by_hash: dict[str, int] = {}
    placed: dict[str, list[list[Any]]] = {}
    for index, event in enumerate(events):
        for picture in pictures.get(event.id, ()) if event.id is not None else ():
            if not picture.mime.startswith("image/"):
                continue
            if picture.sha256 not in by_hash:
                by_hash[picture.sha256] = len(images)
                encoded = base64.b64encode(picture.data).decode("ascii")
                images.append(
                    {
                        "src": f"data:{picture.mime};base64,{encoded}",
                        "width": picture.width,
                        "height": picture.height,
                    }
                )
            placed.setdefault(str(index), []).append(
                [by_hash[picture.sha256], picture.caption, picture.credit]
            )
    return images, placed


def _story_frames(events: Sequence[Event], story: Sequence[int], now: float) -> list[list[float]]:
    """The period each slide shows, framed as the app's presentation frames it."""
    stops = []
    for index in story:
        event = events[index]
        latest = float(event.latest if event.latest < MAX_INSTANT else max(now, event.earliest + 1))
        stops.append(Stop(index, float(event.earliest), latest))
    return [[period.start, period.end] for period in (framing(stops, i) for i in range(len(stops)))]

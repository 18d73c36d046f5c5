"""What a timeline holds: events, categories and eras, as frozen values.

The store turns rows into these and back; nothing here knows about SQL or Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from timeline.core.dates.dates import MAX_INSTANT, DateError, HistoricalDate, Interval, OpenEnd

EventEnd = HistoricalDate | OpenEnd | None
"""An event's end: a date, open (ongoing) or unknown, or ``None`` for a point event."""


def when_of(start: HistoricalDate, end: EventEnd) -> HistoricalDate | Interval:
    """The start and end as one value; checks that the end is not before the start."""
    return start if end is None else Interval(start, end)


@dataclass(frozen=True, slots=True)
class Source:
    """Where an event is attested: a citation in parts, or free text, or both."""

    text: str = ""
    author: str = ""
    title: str = ""
    page: str = ""
    url: str = ""

    def __bool__(self) -> bool:
        return any((self.text, self.author, self.title, self.page, self.url))

    def display(self) -> str:
        """``Author, Title, p. 12, URL`` followed by any free text."""
        parts = [self.author, self.title]
        if self.page:
            parts.append(self.page if self.page.lower().startswith("p") else f"p. {self.page}")
        parts += [self.url, self.text]
        return ", ".join(part for part in parts if part)


@dataclass(frozen=True, slots=True)
class Category:
    name: str
    colour: str = ""
    parent_id: int | None = None
    id: int | None = None

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("a category needs a name")


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened, at a point (``end is None``) or over a span."""

    title: str
    start: HistoricalDate
    end: EventEnd = None
    description: str = ""
    category: str | None = None
    tags: tuple[str, ...] = ()
    source: Source = Source()
    url: str = ""
    colour: str = ""
    id: int | None = None
    created: str = ""
    modified: str = ""

    def __post_init__(self) -> None:
        if not self.title.strip():
            raise ValueError("an event needs a title")
        if isinstance(self.end, HistoricalDate | OpenEnd):
            try:
                Interval(self.start, self.end)
            except DateError as error:
                raise ValueError(f"event {self.title!r}: {error}") from None

    @property
    def is_point(self) -> bool:
        return self.end is None

    @property
    def earliest(self) -> int:
        return self.start.earliest

    @property
    def latest(self) -> int:
        """Exclusive end of everything the event can cover; far in the future when open."""
        if self.end is None:
            return self.start.latest
        if isinstance(self.end, OpenEnd):
            return MAX_INSTANT
        return self.end.latest

    def when(self) -> HistoricalDate | Interval:
        return when_of(self.start, self.end)

    def display_when(self) -> str:
        return self.when().display()

    def with_changes(self, **changes: object) -> Event:
        """A copy with some fields changed, validated like a new event."""
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Era:
    """A named background span such as a war or a reign."""

    name: str
    start: HistoricalDate
    end: HistoricalDate | OpenEnd
    colour: str = ""
    id: int | None = None

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("an era needs a name")
        try:
            Interval(self.start, self.end)
        except DateError as error:
            raise ValueError(f"era {self.name!r}: {error}") from None


@dataclass(frozen=True, slots=True)
class TimelineContent:
    """A whole timeline as plain values: what the sample and the JSON format hold."""

    title: str = ""
    categories: tuple[Category, ...] = ()
    events: tuple[Event, ...] = ()
    eras: tuple[Era, ...] = ()


@dataclass(frozen=True, slots=True)
class EventSpan:
    """What the timeline view needs of an event: light enough to fetch thousands per frame.

    Bounds are those of the stored row: the event can cover ``earliest`` … ``latest``; it
    certainly covers ``start_latest`` … ``end_earliest`` when that is not empty. An end that is
    approximate or uncertain is drawn soft between its two bounds.
    """

    id: int
    title: str
    earliest: int
    start_latest: int
    end_earliest: int
    latest: int
    is_point: bool
    start_qualifier: str
    end_qualifier: str
    category_id: int | None
    colour: str

    @property
    def label(self) -> str:
        prefix = "c. " if self.start_qualifier in ("~", "%") else ""
        suffix = "?" if self.start_qualifier in ("?", "%") else ""
        return f"{prefix}{self.title}{suffix}"

    @property
    def fuzzy_start(self) -> bool:
        return bool(self.start_qualifier)

    @property
    def fuzzy_end(self) -> bool:
        return bool(self.end_qualifier if not self.is_point else self.start_qualifier)


def span_of(event: Event, category_id: int | None) -> EventSpan:
    """The light form of an event, as the canvas draws it (used to preview a drag)."""
    assert event.id is not None
    end = event.end
    qualifier = _qualifier_of(event.start)
    if end is None:
        end_earliest, end_qualifier = event.start.earliest, ""
    elif isinstance(end, OpenEnd):
        end_earliest, end_qualifier = MAX_INSTANT, ""
    else:
        end_earliest, end_qualifier = end.earliest, _qualifier_of(end)
    return EventSpan(
        event.id,
        event.title,
        event.earliest,
        event.start.latest,
        end_earliest,
        event.latest,
        end is None,
        qualifier,
        end_qualifier,
        category_id,
        event.colour,
    )


def _qualifier_of(date: HistoricalDate) -> str:
    if date.approximate and date.uncertain:
        return "%"
    return "~" if date.approximate else "?" if date.uncertain else ""


MARK_START = "\x02"
MARK_END = "\x03"
"""Around the words a search matched, in :class:`SearchHit` texts (never in stored text)."""


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result: the title and a snippet with the matched words marked, and when."""

    event_id: int
    title: str
    snippet: str
    start_date: str
    end_date: str | None

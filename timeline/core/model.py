"""What a timeline holds: events, categories and eras, as frozen values.

The store turns rows into these and back; nothing here knows about SQL or Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from timeline.core.dates.dates import MAX_INSTANT, DateError, HistoricalDate, Interval, OpenEnd
from timeline.core.pictures import Picture, PreparedImage

EventEnd = HistoricalDate | OpenEnd | None
"""An event's end: a date, open (ongoing) or unknown, or ``None`` for a point event."""


def when_of(start: HistoricalDate, end: EventEnd) -> HistoricalDate | Interval:
    """The start and end as one value; checks that the end is not before the start."""
    return start if end is None else Interval(start, end)


@dataclass(frozen=True, slots=True)
class Source:
    """Where an event is attested: a citation in parts, or free text, or both.

    The same value serves as a record of the sources table (``id`` set, no ``page`` or
    ``quote``) and as one event's citation of it: ``page`` and ``quote`` belong to the citation,
    every other field to the source, so two events can cite one book at different pages.
    ``csl`` keeps, as CSL-JSON text, whatever a reference manager gave beyond these fields, so
    that exporting what was imported loses nothing.
    """

    text: str = ""
    author: str = ""
    title: str = ""
    page: str = ""
    url: str = ""
    year: str = ""
    publisher: str = ""
    locator: str = ""
    identifier: str = ""
    quote: str = ""
    csl: str = ""
    id: int | None = field(default=None, compare=False)
    """The record's row in the sources table; two citations of the same text are equal."""

    def __bool__(self) -> bool:
        cited = (self.text, self.author, self.title, self.page, self.url, self.year, self.publisher)
        return any(cited) or any((self.locator, self.identifier, self.quote))

    def display(self) -> str:
        """``Author, Title, Publisher Year, p. 12, URL`` followed by any free text."""
        published = " ".join(part for part in (self.publisher, self.year) if part)
        parts = [self.author, self.title, published, self.locator]
        if self.page:
            parts.append(self.page if self.page.lower().startswith("p") else f"p. {self.page}")
        parts += [self.identifier, self.url, self.text]
        return ", ".join(part for part in parts if part)

    def label(self) -> str:
        """A short name for lists: the title, else the citation, else the author or address."""
        return self.title or self.text or self.author or self.identifier or self.url or "(untitled source)"

    @property
    def record(self) -> Source:
        """The source itself, without what one citation adds (page, quote)."""
        return replace(self, page="", quote="")

    def cited(self, page: str = "", quote: str = "") -> Source:
        """This source as cited by one event, at a page and with a quote."""
        return replace(self, page=page, quote=quote)


@dataclass(frozen=True, slots=True)
class Media:
    """A picture, video or embed that another program shows with an event (TimelineJS media),
    kept as that file gave it so that writing the file again loses nothing. Its ``url`` may be
    HTML or a relative path, which is why it is never the event's link."""

    url: str = ""
    caption: str = ""
    credit: str = ""
    thumbnail: str = ""

    def __bool__(self) -> bool:
        return any((self.url, self.caption, self.credit, self.thumbnail))


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
    parent_id: int | None = None
    uid: str = ""
    """The identifier the source format gave the event (an iCalendar UID), written back out."""
    recurrence: str = ""
    """How the event repeats, as an iCalendar RRULE is written (``FREQ=YEARLY;BYMONTH=7``)."""
    display_date: str = ""
    """The date as the source wrote it (``5 March 1600 (Julian)``), shown beside our reading."""
    media: Media = Media()

    def __post_init__(self) -> None:
        if not self.title.strip():
            raise ValueError("an event needs a title")
        if self.parent_id is not None and self.parent_id == self.id:
            raise ValueError(f"event {self.title!r} cannot be part of itself")
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

    @property
    def start_latest(self) -> int:
        """The last instant the event can have begun."""
        return self.start.latest

    def when(self) -> HistoricalDate | Interval:
        return when_of(self.start, self.end)

    def display_when(self) -> str:
        """The date as the source wrote it when it did (``5 March 1600 (Julian)``), else ours."""
        return self.display_date or self.when().display()

    def with_changes(self, **changes: object) -> Event:
        """A copy with some fields changed, validated like a new event. A new start or end no
        longer says what the source wrote, so the date as written goes unless it is given too."""
        if ("start" in changes or "end" in changes) and "display_date" not in changes:
            moved = changes.get("start", self.start) != self.start or changes.get("end", self.end) != self.end
            if moved:
                changes["display_date"] = ""
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


PERSON = "person"
PLACE = "place"
ORGANISATION = "organisation"
ENTITY_KINDS = (PERSON, PLACE, ORGANISATION)
"""The kinds every timeline knows; a user may add others (``ship``, ``artwork`` …)."""


def entity_kind(text: str) -> str:
    """A kind as stored: lower case, single spaces; ``organization`` is read as ours."""
    kind = " ".join(text.split()).lower()
    if not kind:
        raise ValueError("an entity needs a kind (person, place, organisation or one of your own)")
    return ORGANISATION if kind == "organization" else kind


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, place, organisation or a thing of a kind the user names, that events involve.

    ``start`` … ``end`` is its own time (a person's life, an organisation's existence) with the
    same date type as events; either may be unknown. A place may carry WGS84 coordinates.
    """

    name: str
    kind: str = PERSON
    aliases: tuple[str, ...] = ()
    description: str = ""
    start: HistoricalDate | None = None
    end: HistoricalDate | OpenEnd | None = None
    colour: str = ""
    latitude: float | None = None
    longitude: float | None = None
    id: int | None = None
    created: str = ""
    modified: str = ""

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("an entity needs a name")
        object.__setattr__(self, "kind", entity_kind(self.kind))
        if (self.latitude is None) != (self.longitude is None):
            raise ValueError(f"{self.name!r}: give both latitude and longitude, or neither")
        if self.latitude is not None and not -90 <= self.latitude <= 90:
            raise ValueError(f"{self.name!r}: latitude {self.latitude} is not between -90 and 90")
        if self.longitude is not None and not -180 <= self.longitude <= 180:
            raise ValueError(f"{self.name!r}: longitude {self.longitude} is not between -180 and 180")
        if isinstance(self.start, HistoricalDate) and isinstance(self.end, HistoricalDate | OpenEnd):
            try:
                Interval(self.start, self.end)
            except DateError as error:
                raise ValueError(f"{self.name!r}: {error}") from None

    @property
    def earliest(self) -> int | None:
        """The first instant of its own time, ``None`` when its start is unknown."""
        return None if self.start is None else self.start.earliest

    @property
    def latest(self) -> int | None:
        """The exclusive end of its own time, ``None`` when its end is unknown or open."""
        return self.end.latest if isinstance(self.end, HistoricalDate) else None

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def is_called(self, name: str) -> bool:
        """Whether ``name`` is its name or one of its aliases, ignoring case and spacing."""
        wanted = " ".join(name.split()).casefold()
        return any(" ".join(known.split()).casefold() == wanted for known in self.names())

    def display_life(self) -> str:
        """``1959 – 2021``, ``b. 1959``, ``d. 2021`` (or ``from`` / ``until``), or nothing."""
        person = self.kind == PERSON
        end = self.end.display() if isinstance(self.end, HistoricalDate) else ""
        if self.start is None:
            return (f"d. {end}" if person else f"until {end}") if end else ""
        start = self.start.display()
        if end:
            return f"{start} – {end}"
        return f"b. {start}" if person else f"from {start}"

    def with_changes(self, **changes: object) -> Entity:
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Participation:
    """That an entity takes part in an event, with its role there ("chair", "host city")."""

    event_id: int
    entity_id: int
    role: str = ""


CAUSED = "caused"
LED_TO = "led to"
PART_OF = "part of"
PRECEDES = "precedes"
CONTRADICTS = "contradicts"
SAME_AS = "same as"
LINK_TYPES = (CAUSED, LED_TO, PART_OF, PRECEDES, CONTRADICTS, SAME_AS)
"""The link types every timeline knows; a user may add others (``inspired``, ``answers`` …)."""

INVERSE_LINK_NAMES = {
    CAUSED: "caused by",
    LED_TO: "followed from",
    PART_OF: "includes",
    PRECEDES: "follows",
    CONTRADICTS: "contradicted by",
    SAME_AS: "same as",
}
"""How a link reads from the event it points to."""

FORWARD_IN_TIME = frozenset({CAUSED, LED_TO, PRECEDES})
"""Link types whose target cannot lie wholly before their source."""


def link_type(text: str) -> str:
    """A link type as stored: lower case, single spaces, ``led-to`` and ``led_to`` read as ``led to``."""
    kind = " ".join(text.replace("_", " ").replace("-", " ").split()).lower()
    if not kind:
        raise ValueError(f"a link needs a type ({', '.join(LINK_TYPES)} or one of your own)")
    return kind


@dataclass(frozen=True, slots=True)
class EventLink:
    """A typed, directed relation from one event to another, with an optional note."""

    from_id: int
    to_id: int
    type: str = PRECEDES
    note: str = ""
    id: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "type", link_type(self.type))
        if self.from_id == self.to_id:
            raise ValueError(f"event {self.from_id} cannot be linked to itself")

    def reads_from(self, event_id: int) -> str:
        """The link's name as seen from one of its two events (``caused`` or ``caused by``)."""
        if event_id == self.from_id:
            return self.type
        return INVERSE_LINK_NAMES.get(self.type, f"{self.type} (from)")

    def other(self, event_id: int) -> int:
        return self.to_id if event_id == self.from_id else self.from_id


@dataclass(frozen=True, slots=True)
class EventRelations:
    """What ties some events to the rest: kept when they are deleted, so that undo restores it."""

    participations: tuple[Participation, ...] = ()
    citations: tuple[tuple[int, Source], ...] = ()
    links: tuple[EventLink, ...] = ()
    children: tuple[tuple[int, int], ...] = ()
    """``(child, parent)`` for every event whose parent is one of these events."""


@dataclass(frozen=True, slots=True)
class ContentRelations:
    """The entities, sources, links and nesting of a list of events, as a file carries them.

    Events are named by their position in the list; entities and sources by their ``id``
    within this value (a file's own numbering, not the rows they will become).
    """

    entities: tuple[Entity, ...] = ()
    participations: tuple[Participation, ...] = ()
    """``event_id`` is the event's position, ``entity_id`` the entity's id here."""
    sources: tuple[Source, ...] = ()
    """Every source record, cited or not (a library imported from a reference manager)."""
    citations: tuple[tuple[int, Source], ...] = ()
    """``(position, citation)`` for every citation of every event, in order; the citation's
    ``id`` is that of one of :attr:`sources`, or ``None`` for a record of its own."""
    links: tuple[EventLink, ...] = ()
    """``from_id`` and ``to_id`` are positions."""
    parents: tuple[tuple[int, int], ...] = ()
    """``(child position, parent position)``."""
    pictures: tuple[tuple[int, Picture], ...] = ()
    """``(position, picture)`` for every picture of every event, in order."""
    images: tuple[PreparedImage, ...] = ()
    """The images the pictures show, each once."""

    def __bool__(self) -> bool:
        return any(
            (
                self.entities,
                self.participations,
                self.sources,
                self.citations,
                self.links,
                self.parents,
                self.pictures,
            )
        )


@dataclass(frozen=True, slots=True)
class TimelineContent:
    """A whole timeline as plain values: what the sample and the JSON format hold."""

    title: str = ""
    categories: tuple[Category, ...] = ()
    events: tuple[Event, ...] = ()
    eras: tuple[Era, ...] = ()
    relations: ContentRelations = field(default_factory=ContentRelations)
    description: str = ""
    """What the timeline is about, in Markdown: the presentation's title slide shows it."""


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

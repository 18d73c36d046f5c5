"""iCalendar (``.ics``) through the ``icalendar`` package: VEVENTs in, VEVENTs out.

DTEND is exclusive in iCalendar: an all-day event on 11–12 July 2023 ends on 13 July there.
What iCalendar cannot hold exactly (a month, a season, ``c. 1450``, an open end) goes out as
the span it covers plus ``X-TIMELINE-EDTF`` with the date as written, which this reader
prefers. Dates outside years 1–9999 (BCE included) cannot be written at all: they are listed
and skipped.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from timeline.core.dates.calendar import SECONDS_PER_DAY, civil_from_day_number
from timeline.core.dates.dates import DateError, HistoricalDate, Interval, OpenEnd, Precision
from timeline.core.dates.edtf import read_edtf
from timeline.core.links import is_web_link
from timeline.core.model import Event, EventEnd
from timeline.io.report import (
    TREE_LIMIT,
    ExportReport,
    FormatError,
    ImportReport,
    Problem,
    refuse_larger_than,
)

EDTF_PROPERTY = "X-TIMELINE-EDTF"


def _date_of(value: dt.date | dt.datetime) -> HistoricalDate:
    if isinstance(value, dt.datetime):
        offset = value.utcoffset()
        minutes = None if offset is None else int(offset.total_seconds() // 60)
        second = value.second or None  # seconds given only when not zero: else minute precision
        return HistoricalDate(
            value.year,
            value.month,
            value.day,
            value.hour,
            value.minute,
            second,
            precision=Precision.MINUTE if second is None else Precision.SECOND,
            utc_offset=minutes,
        )
    return HistoricalDate.of_day(value.year, value.month, value.day)


_SINGLE = ("DTSTART", "DTEND", "DURATION", EDTF_PROPERTY)
"""Properties that say when: given twice with different values, the event is not guessed at."""
_FIRST_OF = ("SUMMARY", "DESCRIPTION", "URL", "UID", "RRULE")
_OFFSET_ZONE = re.compile(r"(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?")


def read_ical(path: Path) -> ImportReport:
    from icalendar import Calendar

    refuse_larger_than(path, TREE_LIMIT, "iCalendar")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise FormatError(f"{path}: cannot read ({error.strerror})") from None
    if not data.lstrip().startswith(b"BEGIN:VCALENDAR"):
        raise FormatError(f"{path}: not an iCalendar file (it does not begin with BEGIN:VCALENDAR)")
    try:
        calendar = Calendar.from_ical(data)
        components = list(calendar.walk("VEVENT"))
    except (ValueError, IndexError, KeyError, TypeError, AttributeError) as error:
        raise FormatError(f"{path}: broken iCalendar ({error})") from None
    report = ImportReport("iCalendar")
    report.title = _text(_first(calendar, "X-WR-CALNAME", "", report))
    untitled = 0
    for index, component in enumerate(components):
        where = f"event {index + 1}"
        try:
            event = _event(component, where, report)
        except (DateError, ValueError, TypeError, AttributeError, KeyError, OverflowError) as error:
            value = _property_text(component.get("DTSTART"))
            report.problems.append(Problem(where, "DTSTART", value, str(error).split(": ")[-1]))
            continue
        if isinstance(event, Problem):
            report.problems.append(event)
            continue
        if not _text(component.get("SUMMARY")):
            untitled += 1
        report.add_event(event)
    if untitled:
        report.notes.append(
            f"{untitled:,} event{'s have' if untitled != 1 else ' has'} no SUMMARY: titled from the"
            " description or location, else 'Untitled event'"
        )
    report.name_categories()
    return report


def _property_text(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_property_text(item) for item in value)
    try:
        return str(value.to_ical(), "utf-8") if value is not None else ""
    except (AttributeError, TypeError, ValueError):
        return str(value)


def _text(value: Any) -> str:
    return "" if value is None else str(value[0] if isinstance(value, list) and value else value).strip()


def _first(component: Any, name: str, where: str, report: ImportReport) -> Any:
    """A property that iCalendar allows once; the first when a file gives it more than once."""
    value = component.get(name)
    if isinstance(value, list):
        if not value:
            return None
        if len({_property_text(item) for item in value}) > 1:
            report.notes.append(f"{where}: {name} is given {len(value)} times; the first is kept")
        return value[0]
    return value


def _single(component: Any, name: str) -> Any:
    """A property that says when: the same value given twice is one; different values are refused."""
    value = component.get(name)
    if isinstance(value, list):
        if len({_property_text(item) for item in value}) > 1:
            raise _Repeated(name, value)
        return value[0] if value else None
    return value


class _Repeated(ValueError):
    def __init__(self, name: str, values: list[Any]) -> None:
        super().__init__(f"{name} is given {len(values)} times with different values; iCalendar allows one")
        self.name, self.values = name, values


def _event(component: Any, where: str, report: ImportReport) -> Event | Problem:
    try:
        start, end = _when(component)
    except _Repeated as error:
        return Problem(where, error.name, _property_text(error.values), str(error))
    title = _text(_first(component, "SUMMARY", where, report))
    description = _text(_first(component, "DESCRIPTION", where, report))
    if not title:
        fallback = description.split("\n")[0].strip() or _text(component.get("LOCATION"))
        title = fallback[:80] or "Untitled event"
    categories = [str(name) for name in _categories(component)]
    url = _text(_first(component, "URL", where, report))
    repeats = [name for name in ("RRULE", "RDATE") if component.get(name) is not None]
    recurrence = recurrence_lines(component) if repeats else ""
    if repeats:
        rule = _property_text(_first(component, "RRULE", where, report) or component.get("RDATE"))
        report.notes.append(
            f"{where} {title[:40]!r} repeats ({' and '.join(repeats)} {rule[:60]}): imported as one"
            " event at its first occurrence, with its rule kept"
        )
    return Event(
        title=title,
        start=start,
        end=end,
        description=description,
        category=categories[0] if categories else None,
        tags=tuple(categories[1:]),
        url=url if is_web_link(url) else "",
        uid=_text(_first(component, "UID", where, report)),
        recurrence=recurrence,
    )


def _moment(prop: Any) -> dt.date | dt.datetime:
    """A DTSTART or DTEND value; a time in a zone that is only named ``UTC+01:00`` (with no
    VTIMEZONE, as older files of ours were written) gets that offset."""
    value = prop.dt
    if not isinstance(value, dt.date):
        raise DateError("not a date or a date and time")
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        zone = str(prop.params.get("TZID") or "")
        match = _OFFSET_ZONE.fullmatch(zone.strip('"'))
        if match:
            minutes = int(match[2]) * 60 + int(match[3] or 0)
            offset = dt.timedelta(minutes=minutes if match[1] == "+" else -minutes)
            value = value.replace(tzinfo=dt.timezone(offset))
    return value


def _when(component: Any) -> tuple[HistoricalDate, EventEnd]:
    written = _single(component, EDTF_PROPERTY)
    if written:
        value = read_edtf(str(written))
        if isinstance(value, Interval):
            if not isinstance(value.start, HistoricalDate):
                raise DateError("an event needs a known start")
            return value.start, value.end
        return value, None
    start_property = _single(component, "DTSTART")
    if start_property is None:
        raise DateError("no DTSTART")
    raw_start = _moment(start_property)
    start = _date_of(raw_start)
    end_property = _single(component, "DTEND")
    duration = _single(component, "DURATION")
    raw_end: dt.date | dt.datetime | None = None
    if end_property is not None:
        raw_end = _moment(end_property)
    elif duration is not None:
        if not isinstance(duration.dt, dt.timedelta):
            raise DateError("DURATION is not a duration")
        raw_end = raw_start + duration.dt
    if raw_end is None:
        return start, None
    if not isinstance(raw_end, dt.datetime):
        last_day = raw_end - dt.timedelta(days=1)  # DTEND of an all-day event is the day after
        last = HistoricalDate.of_day(last_day.year, last_day.month, last_day.day)
        return start, None if last.earliest <= start.earliest else last
    end = _date_of(raw_end)
    return start, None if end.earliest <= start.earliest else end


def _categories(component: Any) -> list[str]:
    value = component.get("CATEGORIES")
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in values:
        names += [str(name) for name in getattr(item, "cats", [item])]
    return [name for name in names if name]


def _day(instant: int) -> dt.date:
    year, month, day = civil_from_day_number(instant // SECONDS_PER_DAY)
    return dt.date(year, month, day)


def _exact(date: HistoricalDate) -> dt.date | dt.datetime | None:
    """The iCalendar value of a date that iCalendar holds exactly, else ``None``."""
    if date.approximate or date.uncertain:
        return None
    if date.precision == Precision.DAY:
        return dt.date(date.year, date.month or 1, date.day or 1)
    if date.precision in (Precision.MINUTE, Precision.SECOND):
        zone = None if date.utc_offset is None else dt.timezone(dt.timedelta(minutes=date.utc_offset))
        return dt.datetime(
            date.year,
            date.month or 1,
            date.day or 1,
            date.hour or 0,
            date.minute or 0,
            date.second or 0,
            tzinfo=zone,
        )
    return None


def write_ical(events: Iterable[Event], title: str, out: IO[bytes]) -> ExportReport:
    from icalendar import Calendar
    from icalendar import Event as Vevent

    report = ExportReport("iCalendar")
    offsets: set[int] = set()
    components: list[Any] = []
    calendar = Calendar()
    calendar.add("PRODID", "-//Timeline//Timeline//EN")
    calendar.add("VERSION", "2.0")
    if title:
        calendar.add("X-WR-CALNAME", title)
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    for event in events:
        dates = [event.start] + ([event.end] if isinstance(event.end, HistoricalDate) else [])
        if any(not 1 <= date.year <= 9999 for date in dates):
            report.skipped.append(
                f"{event.title!r} ({event.display_when()}): iCalendar holds only years 1–9999"
            )
            continue
        component = Vevent()
        component.add("UID", event.uid or _uid(event))
        component.add("DTSTAMP", stamp)
        component.add("SUMMARY", event.title)
        _add_dates(component, event)
        offsets.update(_offsets_of(event))
        try:
            _add_recurrence(component, event.recurrence)
        except (ValueError, TypeError):
            report.skipped.append(f"{event.title!r}: its repeat rule {event.recurrence!r} cannot be written")
        if event.description:
            component.add("DESCRIPTION", event.description)
        names = ([event.category] if event.category else []) + list(event.tags)
        if names:
            component.add("CATEGORIES", names)
        if event.url:
            component.add("URL", event.url)
        components.append(component)
        report.written += 1
    for offset in sorted(offsets):
        calendar.add_component(_fixed_zone(offset))
    for component in components:
        calendar.add_component(component)
    out.write(calendar.to_ical())
    return report


def _offsets_of(event: Event) -> set[int]:
    """The UTC offsets other than zero of the times an event is written with."""
    dates = [event.start] + ([event.end] if isinstance(event.end, HistoricalDate) else [])
    return {
        date.utc_offset
        for date in dates
        if date.utc_offset and _exact(date) is not None and isinstance(_exact(date), dt.datetime)
    }


def _zone_name(offset: int) -> str:
    sign = "+" if offset >= 0 else "-"
    hours, minutes = divmod(abs(offset), 60)
    return f"UTC{sign}{hours:02d}:{minutes:02d}"


def _fixed_zone(offset: int) -> Any:
    """A VTIMEZONE for a fixed UTC offset, named as Python names ``timezone(timedelta(...))``
    (``UTC+01:00``), so that every TZID the file uses is defined in it."""
    from icalendar import Timezone, TimezoneStandard

    zone = Timezone()
    zone.add("TZID", _zone_name(offset))
    standard = TimezoneStandard()
    standard.add("DTSTART", dt.datetime(1970, 1, 1))
    standard.add("TZOFFSETFROM", dt.timedelta(minutes=offset))
    standard.add("TZOFFSETTO", dt.timedelta(minutes=offset))
    standard.add("TZNAME", _zone_name(offset))
    zone.add_component(standard)
    return zone


def recurrence_lines(component: Any) -> str:
    """An event's RRULE, RDATE and EXDATE as the content lines they are (times in UTC), so that
    they are kept with the event and written back."""
    lines: list[str] = []
    for name in ("RRULE", "RDATE", "EXDATE"):
        value = component.get(name)
        for item in value if isinstance(value, list) else [] if value is None else [value]:
            if name == "RRULE":
                lines.append(f"RRULE:{_property_text(item)}")
                continue
            moments = [moment.dt for moment in getattr(item, "dts", [])]
            texts = [_utc_text(moment) for moment in moments if isinstance(moment, dt.date)]
            if texts:
                lines.append(f"{name}:{','.join(texts)}")
    return "\n".join(lines)


def _utc_text(moment: dt.date) -> str:
    if isinstance(moment, dt.datetime):
        if moment.tzinfo is not None:
            moment = moment.astimezone(dt.UTC)
            return moment.strftime("%Y%m%dT%H%M%SZ")
        return moment.strftime("%Y%m%dT%H%M%S")
    return moment.strftime("%Y%m%d")


def _add_recurrence(component: Any, recurrence: str) -> None:
    from icalendar import vDDDTypes, vRecur

    for line in recurrence.splitlines():
        name, _, value = line.partition(":")
        if name == "RRULE":
            component.add("RRULE", vRecur.from_ical(value))
        elif name in ("RDATE", "EXDATE"):
            moments = [vDDDTypes.from_ical(item) for item in value.split(",") if item]
            for moment in moments:
                if isinstance(moment, dt.datetime) and value.split(",")[0].endswith("Z"):
                    moment = moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment
                component.add(name, moment)
        elif line.strip():
            raise ValueError(f"not a repeat rule: {line!r}")


def _add_dates(component: Any, event: Event) -> None:
    start_exact = _exact(event.start)
    end = event.end
    end_exact = _exact(end) if isinstance(end, HistoricalDate) else None
    simple = start_exact is not None and (end is None or end_exact is not None)
    if simple and isinstance(start_exact, dt.datetime) == isinstance(end_exact or start_exact, dt.datetime):
        component.add("DTSTART", start_exact)
        if isinstance(start_exact, dt.datetime):
            if end_exact is not None:
                component.add("DTEND", end_exact)
        else:
            last = end_exact or start_exact
            assert last is not None
            component.add("DTEND", last + dt.timedelta(days=1))
        return
    # Not exact in iCalendar: the days it covers, and the date as written for us to read back.
    component.add("DTSTART", _day(event.start.earliest))
    latest = event.latest if not isinstance(end, OpenEnd) else event.start.latest
    component.add("DTEND", _day(latest - 1) + dt.timedelta(days=1))
    component.add(EDTF_PROPERTY, event.when().edtf())


def _uid(event: Event) -> str:
    digest = hashlib.sha1(f"{event.id}|{event.title}|{event.start.edtf()}".encode()).hexdigest()[:16]
    return f"{digest}@timeline"

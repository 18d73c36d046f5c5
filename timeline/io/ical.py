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
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from timeline.core.dates.calendar import SECONDS_PER_DAY, civil_from_day_number
from timeline.core.dates.dates import DateError, HistoricalDate, Interval, OpenEnd, Precision
from timeline.core.dates.edtf import read_edtf
from timeline.core.model import Event, EventEnd
from timeline.io.report import ExportReport, FormatError, ImportReport, Problem

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


def read_ical(path: Path) -> ImportReport:
    from icalendar import Calendar

    try:
        data = path.read_bytes()
    except OSError as error:
        raise FormatError(f"{path}: cannot read ({error.strerror})") from None
    if not data.lstrip().startswith(b"BEGIN:VCALENDAR"):
        raise FormatError(f"{path}: not an iCalendar file (it does not begin with BEGIN:VCALENDAR)")
    try:
        calendar = Calendar.from_ical(data)
    except (ValueError, IndexError, KeyError) as error:
        raise FormatError(f"{path}: broken iCalendar ({error})") from None
    report = ImportReport("iCalendar")
    report.title = str(calendar.get("X-WR-CALNAME") or "")
    for index, component in enumerate(calendar.walk("VEVENT")):
        where = f"event {index + 1}"
        try:
            event = _event(component)
        except (DateError, ValueError, TypeError, AttributeError) as error:
            value = str(component.get("DTSTART").to_ical(), "utf-8") if component.get("DTSTART") else ""
            report.problems.append(Problem(where, "DTSTART", value, str(error).split(": ")[-1]))
            continue
        if isinstance(event, Problem):
            report.problems.append(Problem(where, event.field, event.value, event.message))
        else:
            report.add_event(event)
    report.name_categories()
    return report


def _event(component: Any) -> Event | Problem:
    title = str(component.get("SUMMARY") or "").strip()
    if not title:
        return Problem("", "SUMMARY", "", "an event needs a summary")
    start, end = _when(component)
    categories = [str(name) for name in _categories(component)]
    return Event(
        title=title,
        start=start,
        end=end,
        description=str(component.get("DESCRIPTION") or ""),
        category=categories[0] if categories else None,
        tags=tuple(categories[1:]),
        url=str(component.get("URL") or ""),
    )


def _when(component: Any) -> tuple[HistoricalDate, EventEnd]:
    written = component.get(EDTF_PROPERTY)
    if written:
        value = read_edtf(str(written))
        if isinstance(value, Interval):
            if not isinstance(value.start, HistoricalDate):
                raise DateError("an event needs a known start")
            return value.start, value.end
        return value, None
    if component.get("DTSTART") is None:
        raise DateError("no DTSTART")
    raw_start = component.decoded("DTSTART")
    start = _date_of(raw_start)
    raw_end = component.decoded("DTEND") if component.get("DTEND") is not None else None
    if raw_end is None and component.get("DURATION") is not None:
        raw_end = raw_start + component.decoded("DURATION")
    if raw_end is None:
        return start, None
    if not isinstance(raw_end, dt.datetime):
        last_day = raw_end - dt.timedelta(days=1)  # DTEND of an all-day event is the day after
        return start, None if last_day <= raw_start else HistoricalDate.of_day(
            last_day.year, last_day.month, last_day.day
        )
    return start, None if raw_end <= raw_start else _date_of(raw_end)


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
        component.add("UID", _uid(event))
        component.add("DTSTAMP", stamp)
        component.add("SUMMARY", event.title)
        _add_dates(component, event)
        if event.description:
            component.add("DESCRIPTION", event.description)
        names = ([event.category] if event.category else []) + list(event.tags)
        if names:
            component.add("CATEGORIES", names)
        if event.url:
            component.add("URL", event.url)
        calendar.add_component(component)
        report.written += 1
    out.write(calendar.to_ical())
    return report


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

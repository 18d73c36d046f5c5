"""Turning the text cells of an imported row into an event, or into a problem saying why not."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping

from timeline.core.dates.calendar import MONTH_NUMBERS
from timeline.core.dates.dates import DateError, HistoricalDate, Interval, OpenEnd, Precision
from timeline.core.dates.edtf import NotEdtfError, looks_like_edtf, read_edtf
from timeline.core.dates.parsing import Reading, names_julian_calendar, parse
from timeline.core.links import is_web_link
from timeline.core.model import Event, EventEnd, Source
from timeline.io.report import Problem

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def read_when(text: str, reading: Reading | None = None) -> HistoricalDate | Interval:
    """A date cell: EDTF first (fast and exact), then anything a person writes."""
    text = text.strip()
    if looks_like_edtf(text):
        try:
            return read_edtf(text)
        except NotEdtfError:
            pass
    return parse(text, reading=reading)


def read_end(text: str, reading: Reading | None = None) -> EventEnd:
    stripped = text.strip()
    if not stripped:
        return None
    if stripped in ("..", "ongoing", "open"):
        return OpenEnd.OPEN
    if stripped.lower() == "unknown":
        return OpenEnd.UNKNOWN
    value = read_when(stripped, reading)
    if isinstance(value, Interval):
        raise DateError("an end must be one date, not an interval")
    return value


_CLOCK = re.compile(r"(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?", re.IGNORECASE)


def with_time(date: HistoricalDate, text: str) -> HistoricalDate:
    """A day and the time of day from a column of its own (``14:30``, ``2:30 PM``, ``14:30:15``)."""
    match = _CLOCK.fullmatch(text.strip())
    if match is None:
        raise DateError(f"{text.strip()!r} is not a time of day (e.g. 14:30)")
    if date.precision != Precision.DAY:
        raise DateError(f"a time needs a day, and {date.display()} is not one")
    hour, minute = int(match[1]), int(match[2])
    if match[4]:
        if not 1 <= hour <= 12:
            raise DateError(f"hour {hour} does not exist on a 12-hour clock")
        hour = hour % 12 + (12 if match[4].lower().startswith("p") else 0)
    second = None if match[3] is None or int(match[3]) == 0 else int(match[3])
    precision = Precision.MINUTE if second is None else Precision.SECOND
    return dataclasses.replace(date, hour=hour, minute=minute, second=second, precision=precision)


def date_from_columns(year: str, month: str, day: str, reading: Reading | None = None) -> HistoricalDate:
    """A date from year, month and day columns (month as a number or a name; ``44 BC`` years)."""
    value = read_when(year, reading)
    if not isinstance(value, HistoricalDate) or value.precision != Precision.YEAR:
        raise DateError(f"{year.strip()!r} is not a year")
    if not month.strip():
        if day.strip():
            raise DateError("a day needs a month")
        return value
    month_text = month.strip().lower().rstrip(".")
    number = MONTH_NUMBERS.get(month_text) or (int(month_text) if month_text.isdigit() else 0)
    if not 1 <= number <= 12:
        raise DateError(f"{month.strip()!r} is not a month")
    if not day.strip():
        return HistoricalDate.of_month(value.year, number)
    if not day.strip().isdigit():
        raise DateError(f"{day.strip()!r} is not a day of the month")
    return HistoricalDate.of_day(value.year, number, int(day.strip()))


def unguarded(text: str) -> str:
    """Undo the guard an export put before text that a spreadsheet would run as a formula."""
    if text.startswith("'") and text[1:2] in FORMULA_STARTS and text[1:2]:
        return text[1:]
    return text


def guarded(text: str) -> str:
    """Text a spreadsheet will show, not run: a leading ``= + - @`` gets an apostrophe."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _date_cells(
    cells: Mapping[str, str], prefix: str, reading: Reading | None
) -> tuple[HistoricalDate | Interval | OpenEnd | None, str, str]:
    """The start (``prefix`` ``""``) or end (``"end_"``) of a row, from a date column or from year,
    month and day columns, with a time column when there is one: the value, and the field and
    text to name if it cannot be read."""
    date_field = "start" if not prefix else "end"
    text = cells.get(date_field, "")
    field, shown = date_field, text
    if text.strip():
        value: HistoricalDate | Interval | OpenEnd | None
        value = read_end(text, reading) if prefix else read_when(text, reading)
    elif cells.get(prefix + "year", "").strip():
        field = prefix + "year"
        shown = " ".join(cells.get(prefix + part, "") for part in ("year", "month", "day")).strip()
        value = date_from_columns(
            cells.get(prefix + "year", ""),
            cells.get(prefix + "month", ""),
            cells.get(prefix + "day", ""),
            reading,
        )
    else:
        return None, field, shown
    time_text = cells.get(prefix + "time", "")
    if time_text.strip():
        if not isinstance(value, HistoricalDate):
            raise DateError("a time needs one day")
        value = with_time(value, time_text)
    return value, field, shown


def event_from_cells(
    where: str,
    cells: Mapping[str, str],
    reading: Reading | None = None,
    names: Mapping[str, str] | None = None,
) -> Event | Problem:
    """An event from named text cells (``title``, ``start``, ``end``, …), or the first problem.

    ``reading`` settles what dates leave open (day or month first, the century); ``names`` gives
    the file's own header for each field, so that a problem names the column the user knows.
    """
    headers = names or {}

    def problem(field: str, value: str, message: str) -> Problem:
        return Problem(where, headers.get(field, field), value, message)

    title = unguarded(cells.get("title", "")).strip()
    if not title:
        return problem("title", cells.get("title", ""), "an event needs a title")
    try:
        when, field, shown = _date_cells(cells, "", reading)
    except DateError as error:
        field = "start" if cells.get("start", "").strip() else "year"
        value = (
            cells.get(field, "") or " ".join(cells.get(part, "") for part in ("year", "month", "day")).strip()
        )
        return problem(field, value, str(error).split(": ", 1)[-1])
    if when is None:
        return problem("start", cells.get("start", ""), "an event needs a start date")
    try:
        end, end_field, end_shown = _date_cells(cells, "end_", reading)
    except DateError as error:
        field = "end" if cells.get("end", "").strip() else "end_year"
        return problem(field, cells.get(field, ""), str(error).split(": ", 1)[-1])
    end_text = end_shown
    if isinstance(end, Interval):
        return problem(end_field, end_text, "an end must be one date, not an interval")
    if isinstance(when, OpenEnd):
        return problem(field, shown, "an event needs a known start")
    if isinstance(when, Interval):
        if end is not None:
            return problem(end_field, end_text, "the start is already an interval")
        if not isinstance(when.start, HistoricalDate):
            return problem(field, shown, "an event needs a known start")
        start, end = when.start, when.end
    else:
        start = when
    url = cells.get("url", "").strip()
    if url and not is_web_link(url):
        return problem("url", url[:80], "a link must be a web address (http://, https:// or mailto:)")
    tags = tuple(tag.strip() for tag in unguarded(cells.get("tags", "")).split(",") if tag.strip())
    written = unguarded(cells.get("display_date", "")).strip()
    if not written and any(names_julian_calendar(cells.get(name, "")) for name in ("start", "end")):
        written = _as_written(cells)  # the Julian date as the list gives it, beside our Gregorian day
    try:
        return Event(
            title=title,
            start=start,
            end=end,
            description=unguarded(cells.get("description", "")),
            category=unguarded(cells.get("category", "")).strip() or None,
            tags=tags,
            source=Source(unguarded(cells.get("source", "")).strip()),
            url=url,
            colour=cells.get("colour", "").strip(),
            display_date=written,
        )
    except ValueError as error:
        return problem(end_field, end_text, str(error).split(": ", 1)[-1])


def _as_written(cells: Mapping[str, str]) -> str:
    start, end = " ".join(cells.get("start", "").split()), " ".join(cells.get("end", "").split())
    return f"{start} – {end}" if end else start

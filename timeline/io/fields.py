"""Turning the text cells of an imported row into an event, or into a problem saying why not."""

from __future__ import annotations

from timeline.core.dates.dates import DateError, HistoricalDate, Interval, OpenEnd
from timeline.core.dates.edtf import NotEdtfError, looks_like_edtf, read_edtf
from timeline.core.dates.parsing import parse
from timeline.core.links import is_web_link
from timeline.core.model import Event, EventEnd, Source
from timeline.io.report import Problem

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def read_when(text: str) -> HistoricalDate | Interval:
    """A date cell: EDTF first (fast and exact), then anything a person writes."""
    text = text.strip()
    if looks_like_edtf(text):
        try:
            return read_edtf(text)
        except NotEdtfError:
            pass
    return parse(text)


def read_end(text: str) -> EventEnd:
    stripped = text.strip()
    if not stripped:
        return None
    if stripped in ("..", "ongoing", "open"):
        return OpenEnd.OPEN
    if stripped.lower() == "unknown":
        return OpenEnd.UNKNOWN
    value = read_when(stripped)
    if isinstance(value, Interval):
        raise DateError("an end must be one date, not an interval")
    return value


def unguarded(text: str) -> str:
    """Undo the guard an export put before text that a spreadsheet would run as a formula."""
    if text.startswith("'") and text[1:2] in FORMULA_STARTS and text[1:2]:
        return text[1:]
    return text


def guarded(text: str) -> str:
    """Text a spreadsheet will show, not run: a leading ``= + - @`` gets an apostrophe."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def event_from_cells(where: str, cells: dict[str, str]) -> Event | Problem:
    """An event from named text cells (``title``, ``start``, ``end``, …), or the first problem."""
    title = unguarded(cells.get("title", "")).strip()
    if not title:
        return Problem(where, "title", cells.get("title", ""), "an event needs a title")
    start_text = cells.get("start", "")
    if not start_text.strip():
        return Problem(where, "start", start_text, "an event needs a start date")
    try:
        when = read_when(start_text)
    except DateError as error:
        return Problem(where, "start", start_text, str(error).split(": ", 1)[-1])
    end_text = cells.get("end", "")
    try:
        end = read_end(end_text)
    except DateError as error:
        return Problem(where, "end", end_text, str(error).split(": ", 1)[-1])
    if isinstance(when, Interval):
        if end is not None:
            return Problem(where, "end", end_text, "the start is already an interval")
        if not isinstance(when.start, HistoricalDate):
            return Problem(where, "start", start_text, "an event needs a known start")
        start, end = when.start, when.end
    else:
        start = when
    url = cells.get("url", "").strip()
    if url and not is_web_link(url):
        return Problem(where, "url", url[:80], "a link must be a web address (http://, https:// or mailto:)")
    tags = tuple(tag.strip() for tag in unguarded(cells.get("tags", "")).split(",") if tag.strip())
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
        )
    except ValueError as error:
        return Problem(where, "end", end_text, str(error).split(": ", 1)[-1])

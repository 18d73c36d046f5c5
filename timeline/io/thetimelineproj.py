"""Files of the wxPython program Timeline (thetimelineproj, ``.timeline``): read only.

The XML is parsed with ``defusedxml`` (a file from elsewhere must not be able to expand
entities or reach the network). Its Gregorian times are ``YYYY-MM-DD HH:MM:SS`` with
astronomical years (44 BC is ``-43``). A time of exactly midnight at both ends is read as
day precision. Containers are written into event texts as ``[1]Name`` and their members as
``(1)Name``: the container becomes a period and each member is tagged with its name.

``fuzzy`` (1.x) and ``fuzzy_start``/``fuzzy_end`` (2.x) make the ends approximate. An event's
``default_color`` is the colour the program draws it in when it has no category, so it is kept
only for events without one. Numeric-time files (``numtime``) count in plain numbers, read here
as years. Files from before version 1.0 were plain text, not XML: they are refused as too old.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree.ElementTree import Element

from timeline.core.dates.dates import DateError, HistoricalDate, OpenEnd, Precision
from timeline.core.links import is_web_link
from timeline.core.model import Category, Era, Event, EventEnd
from timeline.io.report import TREE_LIMIT, FormatError, ImportReport, Problem, read_text

_TIME = re.compile(r"(-?\d+)-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{2}):(\d{2})")
_COLOUR = re.compile(r"(\d{1,3}),(\d{1,3}),(\d{1,3})")
_CONTAINER = re.compile(r"\[(\d+)\](.*)", re.S)
_MEMBER = re.compile(r"\((\d+)\)(.*)", re.S)
_PROGRAM_DEFAULT_COLOURS = ("", "200,200,200")
"""The grey the program gives an event without a colour of its own."""


def read_thetimelineproj(path: Path) -> ImportReport:
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    text = read_text(path, encoding="utf-8", limit=TREE_LIMIT, kind="XML")
    if text.lstrip()[:1] not in ("<", ""):
        raise FormatError(
            f"{path}: a Timeline file in the text format of versions before 1.0, too old to read;"
            " open it in Timeline 1.x or later and save it again to convert it"
        )
    try:
        root = fromstring(text.encode("utf-8"))
    except ParseError as error:
        line, column = error.position
        raise FormatError(f"{path}: broken XML at line {line}, column {column}") from None
    except DefusedXmlException as error:
        raise FormatError(
            f"{path}: refused XML ({type(error).__name__}: entities or DTDs are not allowed)"
        ) from None
    if root.tag != "timeline":
        raise FormatError(f"{path}: not a Timeline (.timeline) file: the root element is <{root.tag}>")
    time_type = (root.findtext("timetype") or "gregoriantime").strip()
    if time_type not in ("gregoriantime", "numtime"):
        raise FormatError(
            f"{path}: time type {time_type!r} is not supported (only gregoriantime and numtime)"
        )
    report = ImportReport("Timeline (.timeline)")
    numeric = time_type == "numtime"
    if numeric:
        report.notes.append("numeric time: each number is read as a year")
    for element in root.iterfind("categories/category"):
        name = (element.findtext("name") or "").strip()
        if name:
            report.categories.append(Category(name, _colour(element.findtext("color") or "")))
    containers = _container_names(root)
    for index, element in enumerate(root.iterfind("events/event")):
        event = _event(element, f"event {index + 1}", containers, report, numeric)
        if event is not None:
            report.add_event(event)
    for index, element in enumerate(root.iterfind("eras/era")):
        where = f"era {index + 1}"
        try:
            start, end = _times(element, numeric)
            ends_today = (element.findtext("ends_today") or "").strip() == "True"
            era_end = OpenEnd.OPEN if ends_today else end or start
            report.eras.append(
                Era(
                    (element.findtext("name") or "Era").strip(),
                    start,
                    era_end,
                    _colour(element.findtext("color") or ""),
                )
            )
        except (DateError, ValueError) as error:
            report.problems.append(
                Problem(where, "start", element.findtext("start") or "", str(error).split(": ")[-1])
            )
    report.name_categories()
    return report


def _container_names(root: Element) -> dict[str, str]:
    names = {}
    for element in root.iterfind("events/event"):
        match = _CONTAINER.fullmatch(element.findtext("text") or "")
        if match:
            names[match[1]] = match[2].strip()
    return names


def _event(
    element: Element, where: str, containers: dict[str, str], report: ImportReport, numeric: bool
) -> Event | None:
    raw = element.findtext("text") or ""
    tags: tuple[str, ...] = ()
    text = raw[1:] if raw[:2] in (" (", " [") else raw  # the writer's escape for a literal bracket
    if raw[:2] not in (" (", " ["):
        container, member = _CONTAINER.fullmatch(raw), _MEMBER.fullmatch(raw)
        if container:
            text = container[2]
        elif member:
            text = member[2]
            if member[1] in containers:
                tags = (containers[member[1]],)
    title = text.strip()
    if not title:
        report.problems.append(Problem(where, "text", raw, "an event needs a text"))
        return None
    try:
        start, end = _times(element, numeric)
        fuzzy = _true(element, "fuzzy")
        if fuzzy or _true(element, "fuzzy_start"):
            start = _approximate(start)
        if end and (fuzzy or _true(element, "fuzzy_end")):
            end = _approximate(end)
        event_end: EventEnd = (
            OpenEnd.OPEN if (element.findtext("ends_today") or "").strip() == "True" else end
        )
        category = (element.findtext("category") or "").strip() or None
        colour = (element.findtext("default_color") or "").strip()
        url = (element.findtext("hyperlink") or "").strip()
        return Event(
            title=title,
            start=start,
            end=event_end,
            description=(element.findtext("description") or "").strip(),
            category=category,
            tags=tags,
            url=url if is_web_link(url) else "",
            colour="" if category or colour in _PROGRAM_DEFAULT_COLOURS else _colour(colour),
        )
    except (DateError, ValueError) as error:
        report.problems.append(
            Problem(where, "start", element.findtext("start") or "", str(error).split(": ")[-1])
        )
        return None


def _true(element: Element, name: str) -> bool:
    return (element.findtext(name) or "").strip() == "True"


def _approximate(date: HistoricalDate) -> HistoricalDate:
    import dataclasses

    return dataclasses.replace(date, approximate=True)


def _times(element: Element, numeric: bool = False) -> tuple[HistoricalDate, HistoricalDate | None]:
    start_text, end_text = (element.findtext("start") or "").strip(), (element.findtext("end") or "").strip()
    if numeric:
        start = HistoricalDate.of_year(_number(start_text))
        end = HistoricalDate.of_year(_number(end_text)) if end_text else start
        return start, None if end == start else end
    start_parts, end_parts = _time_parts(start_text), _time_parts(end_text or start_text)
    midnight = start_parts[3:] == (0, 0, 0) and end_parts[3:] == (0, 0, 0)
    start, end = _date(start_parts, midnight), _date(end_parts, midnight)
    return start, None if end == start else end


def _number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise DateError(f"time {text!r} is not a whole number") from None


def _time_parts(text: str) -> tuple[int, int, int, int, int, int]:
    match = _TIME.fullmatch(text)
    if match is None:
        raise DateError(f"time {text!r} is not YYYY-MM-DD HH:MM:SS")
    return tuple(int(part) for part in match.groups())  # type: ignore[return-value]


def _date(parts: tuple[int, int, int, int, int, int], day_only: bool) -> HistoricalDate:
    year, month, day, hour, minute, second = parts
    if day_only:
        return HistoricalDate.of_day(year, month, day)
    if second:
        return HistoricalDate(year, month, day, hour, minute, second, precision=Precision.SECOND)
    return HistoricalDate(year, month, day, hour, minute, precision=Precision.MINUTE)


def _colour(text: str) -> str:
    match = _COLOUR.fullmatch(text.strip())
    if match is None:
        return ""
    red, green, blue = (min(int(value), 255) for value in match.groups())
    return f"#{red:02x}{green:02x}{blue:02x}"

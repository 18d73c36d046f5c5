"""markwhen (``.mw``): a timeline written as text, one ``DATE RANGE: description`` per event.

Read: a header (YAML front matter between ``---`` lines, or ``key: value`` lines before the first
event) with ``title``, ``description`` and ``dateFormat: d/M/y``; events whose dates are
ISO 8601 (``2021-01-02T06:27:00Z``, ``2024-01-05``), human dates (``12/25/1901``, ``01/2002``,
``2002``, month first unless the header says day first), anything our date field reads
(``Jan 2024``, ``44 BC``), and ``now``, alone or as a range (``A - B``, ``A/B``, ``A-B``); the lines
after an event up to the next are its description; ``#tags``; ``group``/``section`` blocks
(``endGroup``, ``endSection``), whose innermost name becomes the event's category; ``//`` comments.
Relative dates (``1 year``, ``after !id 2 weeks``) are reported, not guessed at.

Written: the title, and the events grouped by category, with ISO dates, human months
(``07/2023``) and years; a date markwhen cannot say (a season, ``c. 1450``, a year BC) is written
as the span it covers and listed in the export report.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from timeline.core.dates.calendar import SECONDS_PER_DAY, civil_from_day_number
from timeline.core.dates.dates import DateError, HistoricalDate, Interval, OpenEnd, Precision
from timeline.core.dates.parsing import Reading, parse
from timeline.core.model import Event, EventEnd
from timeline.io.report import ExportReport, FormatError, ImportReport, Problem, read_text

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?Z")
_PLAIN = re.compile(r"\d{1,4}(?:-\d{2}(?:-\d{2})?)?")
_ISO_LIKE = re.compile(r"\d{4}-\d{2}-\d{2}T")
_HUMAN = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{1,4})|(\d{1,2})/(\d{4})")
_RELATIVE = re.compile(r"(?:after\s+)?(?:!\w+\s*)?\d+\s+(?:year|month|week|day|hour|minute)s?", re.IGNORECASE)
_TAG = re.compile(r"(?<![\w#])#([\w-]+)")
_ID = re.compile(r"(?<!\S)!\w+")
_PERCENT = re.compile(r"(?<!\S)\d{1,3}%(?!\S)")
_BLOCK = re.compile(r"\s*(group|section)\b\s*(.*)", re.IGNORECASE)
_BLOCK_END = re.compile(r"\s*(endgroup|endsection)\s*", re.IGNORECASE)
_HEADER_KEY = re.compile(r"([A-Za-z]\w*)\s*:\s*(.*)")
_EVENT_LINE = re.compile(r"\s*(\S.*?):(?:\s|$)")
_GUARD = "\u00a0"
"""Before a description line that would read as an event, a group or a comment."""


class _Relative(DateError):
    """A date counted from another event, which this reader does not follow."""


def read_markwhen(path: Path) -> ImportReport:
    text = read_text(path)
    report = ImportReport("markwhen")
    lines = text.splitlines()
    body_start, header = _front_matter(lines)
    day_first = header.get("dateformat", "").lower().startswith("d")
    report.title = header.get("title", "")
    blocks: list[tuple[str, str]] = []  # (kind, name), innermost last
    current: dict[str, object] | None = None
    seen_event = False

    def finish() -> None:
        nonlocal current
        if current is not None:
            _add_event(current, report)
            current = None

    for number, raw in enumerate(lines[body_start:], start=body_start + 1):
        line = raw.rstrip()
        stripped = line.strip()
        if stripped.startswith("//"):
            continue
        if line.startswith(_GUARD) and current is not None:
            more = current["more"]
            assert isinstance(more, list)
            more.append(line.removeprefix(_GUARD).strip())
            continue
        if _BLOCK_END.fullmatch(line):
            finish()
            kind = "group" if line.strip().lower() == "endgroup" else "section"
            for index in range(len(blocks) - 1, -1, -1):
                if blocks[index][0] == kind:
                    del blocks[index:]
                    break
            continue
        block = _BLOCK.fullmatch(line)
        if block and not _event_parts(line, day_first):
            finish()
            kind, name = block[1].lower(), _TAG.sub("", block[2]).strip().strip('"').strip()
            if kind == "group":  # a new group ends the one before it
                while blocks and blocks[-1][0] == "group":
                    blocks.pop()
            blocks.append((kind, name or kind.title()))
            continue
        parts = _event_parts(line, day_first)
        if isinstance(parts, _Relative):
            finish()
            report.problems.append(
                Problem(f"line {number}", "date", stripped.split(":")[0], "relative dates are not read")
            )
            continue
        if parts is not None:
            finish()
            seen_event = True
            start, end, first_line = parts
            current = {
                "where": f"line {number}",
                "start": start,
                "end": end,
                "first": first_line,
                "more": [],
                "category": blocks[-1][1] if blocks else None,
            }
            continue
        if current is not None:
            more = current["more"]
            assert isinstance(more, list)
            more.append(line.removeprefix(_GUARD).strip())
        elif (
            seen_event
            and stripped
            and _EVENT_LINE.match(stripped)
            and re.search(r"\d", stripped.split(":")[0])
        ):
            report.problems.append(
                Problem(f"line {number}", "date", stripped.split(":")[0], "not a date or a date range")
            )
        elif not seen_event and (match := _HEADER_KEY.fullmatch(stripped)):
            header.setdefault(match[1].lower(), match[2].strip())
            if match[1].lower() == "title" and not report.title:
                report.title = match[2].strip()
            if match[1].lower() == "dateformat":
                day_first = match[2].strip().lower().startswith("d")
    finish()
    if not report.rows and not report.problems:
        raise FormatError(f"{path}: no markwhen events (lines such as '2024-01-05: An event')")
    report.name_categories()
    return report


def _front_matter(lines: list[str]) -> tuple[int, dict[str, str]]:
    header: dict[str, str] = {}
    if not lines or lines[0].strip() != "---":
        return 0, header
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            return index + 1, header
        match = _HEADER_KEY.fullmatch(lines[index].strip())
        if match:
            header[match[1].lower()] = match[2].strip().strip('"')
    return 0, {}


def _event_parts(line: str, day_first: bool) -> tuple[HistoricalDate, EventEnd, str] | _Relative | None:
    """The dates and first line of an event line, or ``None`` for a line that is not one."""
    if line.startswith(_GUARD):
        return None
    for match in re.finditer(r":", line):
        left, right = line[: match.start()].strip(), line[match.end() :]
        if not left or right[:1] not in ("", " ", "\t"):  # the colons of a time are not the one
            continue
        if _RELATIVE.fullmatch(left) or re.search(r"(?:^|\s)!\w+", left):
            return _Relative(left)
        try:
            start, end = _range(left, day_first)
        except DateError:
            continue
        return start, end, right.strip()
    return None


def _range(text: str, day_first: bool) -> tuple[HistoricalDate, EventEnd]:
    if _PLAIN.fullmatch(text) or _ISO.fullmatch(text) or _HUMAN.fullmatch(text):
        return _date(text, day_first), None
    for separator in (" - ", " – ", "–", "-", "/"):
        for match in re.finditer(re.escape(separator), text):
            left, right = text[: match.start()].strip(), text[match.end() :].strip()
            if not left or not right:
                continue
            try:
                start = _date(left, day_first)
                end: HistoricalDate | OpenEnd = (
                    OpenEnd.OPEN if right.lower() == "now" else _date(right, day_first)
                )
            except DateError:
                continue
            if isinstance(end, HistoricalDate) and end == start:
                return start, None
            Interval(start, end)  # an end before the start is no range
            return start, end
    return _date(text, day_first), None  # Jan 2024, 44 BC: anything our date field reads


def _date(text: str, day_first: bool) -> HistoricalDate:
    text = text.strip()
    match = _ISO.fullmatch(text)
    if match:
        year, month, day, hour, minute, second = (int(part) if part else 0 for part in match.groups())
        precision = Precision.SECOND if second else Precision.MINUTE
        return HistoricalDate(
            year, month, day, hour, minute, second or None, precision=precision, utc_offset=0
        )
    match = _HUMAN.fullmatch(text)
    if match:
        if match[4]:
            return HistoricalDate.of_month(int(match[5]), int(match[4]))
        first, second, year = int(match[1]), int(match[2]), int(match[3])
        day, month = (first, second) if day_first else (second, first)
        return HistoricalDate.of_day(year, month, day)
    if _PLAIN.fullmatch(text):
        value = parse(text)  # 2024, 2024-01, 2024-01-05 as EDTF reads them
        if isinstance(value, HistoricalDate):
            return value
    if text.lower() == "now" or not text or re.search(r"[^\W\d_]", text) is None or _ISO_LIKE.search(text):
        raise DateError("not a markwhen date")  # numbers alone are only the forms above
    value = parse(text, reading=Reading(day_first=day_first))
    if not isinstance(value, HistoricalDate):
        raise DateError("one date, not a range")
    return value


def _add_event(current: dict[str, object], report: ImportReport) -> None:
    first = str(current["first"])
    more = [line for line in current["more"] if isinstance(line, str)]  # type: ignore[attr-defined]
    while more and not more[-1]:
        more.pop()
    text = "\n".join([first, *more])
    tags = tuple(dict.fromkeys(_TAG.findall(text)))
    title = " ".join(_PERCENT.sub("", _ID.sub("", _TAG.sub("", first))).split())
    description = "\n".join(more).strip()
    if not title:
        title = description.split("\n")[0][:80]
    where = str(current["where"])
    if not title:
        report.problems.append(Problem(where, "description", first, "an event needs a description"))
        return
    start, end = current["start"], current["end"]
    assert isinstance(start, HistoricalDate)
    try:
        event = Event(
            title=title,
            start=start,
            end=end,  # type: ignore[arg-type]
            description=description,
            category=current["category"],  # type: ignore[arg-type]
            tags=tags,
        )
    except ValueError as error:
        report.problems.append(Problem(where, "date", first, str(error).split(": ")[-1]))
        return
    report.add_event(event)


# Writing ----------------------------------------------------------------------------------


def write_markwhen(events: Iterable[Event], title: str, out: TextIO) -> ExportReport:
    report = ExportReport("markwhen")
    by_category: dict[str | None, list[Event]] = {}
    for event in events:
        by_category.setdefault(event.category, []).append(event)
    out.write("---\n")
    if title:
        out.write(f"title: {_one_line(title)}\n")
    out.write("---\n\n")
    for category in sorted(by_category, key=lambda name: (name is not None, name or "")):
        if category is not None:
            out.write(f"group {_one_line(category)}\n\n")
        for event in by_category[category]:
            try:
                out.write(_event_text(event, report))
            except DateError as error:
                report.skipped.append(f"{event.title!r} ({event.display_when()}): {error}")
                continue
            report.written += 1
        if category is not None:
            out.write("endGroup\n\n")
    return report


def _event_text(event: Event, report: ExportReport) -> str:
    start, start_last, exact = _markwhen_date(event.start)
    end_text, end_exact = start_last, True
    if isinstance(event.end, HistoricalDate):
        first, last, end_exact = _markwhen_date(event.end)
        end_text = last or first
    elif event.end is OpenEnd.OPEN:
        end_text = "now"
    elif event.end is OpenEnd.UNKNOWN:
        end_exact = False
    if not (exact and end_exact):
        report.skipped.append(
            f"{event.title!r}: written as the span it covers, {start}{' - ' + end_text if end_text else ''},"
            f" not as {event.display_when()}"
        )
    dates = f"{start} - {end_text}" if end_text else start
    tags = " ".join("#" + re.sub(r"[^\w-]+", "_", tag) for tag in event.tags)
    first = _one_line(event.title) + (f" {tags}" if tags else "")
    lines = [f"{dates}: {first}"]
    for line in event.description.splitlines():
        lines.append(_guarded_line(line))
    return "\n".join(lines).rstrip() + "\n\n"


def _guarded_line(line: str) -> str:
    """A description line that would read as an event, a group or a comment gets a leading space
    so that it is read back as description: markwhen ignores leading spaces in descriptions."""
    plain = line.strip()
    if not plain:
        return ""
    if plain.startswith("//") or _BLOCK.fullmatch(plain) or _BLOCK_END.fullmatch(plain):
        return _GUARD + plain
    if _EVENT_LINE.match(plain) and _event_parts(plain, False) is not None:
        return _GUARD + plain
    return plain


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _markwhen_date(date: HistoricalDate) -> tuple[str, str, bool]:
    """The date in a form markwhen reads (and its last day when markwhen needs a range for it),
    and whether that says exactly what ours does."""
    if date.year < 1 or date.year > 9999:
        raise DateError("markwhen holds only years 1–9999")
    exact = not (date.approximate or date.uncertain) and type(date) is HistoricalDate
    precision = date.precision
    if precision == Precision.YEAR:
        return f"{date.year:04d}", "", exact
    if precision == Precision.MONTH:
        return f"{date.month:02d}/{date.year:04d}", "", exact
    if precision == Precision.DAY:
        return f"{date.year:04d}-{date.month:02d}-{date.day:02d}", "", exact
    if precision in (Precision.MINUTE, Precision.SECOND):
        moment = dt.datetime(1970, 1, 1) + dt.timedelta(seconds=date.earliest)
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ"), "", exact
    return _day_text(date.earliest), _day_text(date.latest - 1), False  # a season, decade, …


def _day_text(instant: int) -> str:
    year, month, day = civil_from_day_number(instant // SECONDS_PER_DAY)
    return f"{year:04d}-{month:02d}-{day:02d}"

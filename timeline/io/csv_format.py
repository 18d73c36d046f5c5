"""Timeline's own CSV: one event a row under a header of known column names.

Columns: title, start, end, category, tags, description, source, url, colour (any order; only
title and start are required). UTF-8 with or without a BOM; ``,`` ``;`` or tab is detected from
the header. Dates are EDTF on export and anything the date parser reads on import.
"""

from __future__ import annotations

import csv
import io
import operator
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from timeline.core.dates.dates import HistoricalDate, OpenEnd
from timeline.core.flat import FlatEvent, simple_bounds, tags_json
from timeline.core.links import is_web_link
from timeline.core.model import Event
from timeline.io.fields import event_from_cells, guarded, unguarded
from timeline.io.report import FormatError, ImportReport, read_text

COLUMNS = ("title", "start", "end", "category", "tags", "description", "source", "url", "colour")
_ALIASES = {"color": "colour", "link": "url", "end date": "end", "start date": "start", "headline": "title"}


def sniff_delimiter(header: str) -> str:
    counts = {delimiter: header.count(delimiter) for delimiter in (",", ";", "\t")}
    return max(counts, key=lambda delimiter: counts[delimiter]) if any(counts.values()) else ","


MAX_LINE_BYTES = 16 * 1024 * 1024
"""The longest line a CSV file may have (16 MiB: a description of a few thousand pages)."""

_CHUNK_BYTES = 1024 * 1024


def refuse_long_lines(path: Path) -> None:
    """Refuse a file with a line longer than :data:`MAX_LINE_BYTES`, reading it in small chunks.

    Reading a CSV file takes several times its size in memory; a file of one 2 GB line (a
    binary, a dump without line ends) would take all of it before any cell could be refused.
    This pass holds one chunk at a time: a line longer than the limit spans a whole chunk, so
    only the lines crossing chunk boundaries need measuring.
    """
    limit = MAX_LINE_BYTES
    chunk_size = max(1, min(_CHUNK_BYTES, limit // 2))
    run = lines = 0
    try:
        with path.open("rb") as file:
            while chunk := file.read(chunk_size):
                first = chunk.find(b"\n")
                if first < 0:
                    run += len(chunk)
                elif run + first <= limit:
                    lines += chunk.count(b"\n")
                    run = len(chunk) - chunk.rfind(b"\n") - 1
                    continue
                else:
                    run += first
                if run > limit:
                    raise FormatError(
                        f"{path}: line {lines + 1} is longer than {limit:,} bytes: not a CSV file of"
                        " events (is it a binary, or text without line ends?)"
                    )
    except OSError as error:
        raise FormatError(f"{path}: cannot read ({error.strerror})") from None


def _refuse_nul(path: Path, body: str, lines_before: int) -> None:
    """A NUL character is never text a person wrote; it would end a title in other programs."""
    position = body.find("\x00")
    if position >= 0:
        line = lines_before + body.count("\n", 0, position) + 1
        raise FormatError(f"{path}: line {line} holds a NUL character: not a text file of events")


def read_csv(path: Path) -> ImportReport:
    refuse_long_lines(path)
    text = read_text(path)
    if not text.strip():
        raise FormatError(f"{path}: the file is empty")
    header_line, _, body = text.partition("\n")
    report = read_csv_rows(path, body, csv_layout(path, header_line), lines_before=1)
    report.name_categories()
    return report


@dataclass(frozen=True, slots=True)
class CsvLayout:
    """What the header line says: the columns in order (by our names) and the delimiter."""

    columns: tuple[str, ...]
    delimiter: str


def csv_layout(path: Path, header_line: str) -> CsvLayout:
    """The layout of a file from its first line, or a :class:`FormatError` if it is no header."""
    delimiter = sniff_delimiter(header_line)
    try:
        cells = next(csv.reader([header_line.rstrip("\r")], delimiter=delimiter, strict=True), [])
    except csv.Error as error:
        raise FormatError(f"{path}: line 1: {error}") from None
    columns = tuple(_ALIASES.get(name.strip().lower(), name.strip().lower()) for name in cells)
    missing = [name for name in ("title", "start") if name not in columns]
    if missing:
        raise FormatError(
            f"{path}: line 1 is not a header with the columns title and start"
            f" (missing: {', '.join(missing)}; found: {', '.join(columns) or 'nothing'})"
        )
    return CsvLayout(columns, delimiter)


def read_csv_rows(path: Path, body: str, layout: CsvLayout, lines_before: int) -> ImportReport:
    """The rows of ``body`` (lines of the file after ``lines_before`` lines): events and problems."""
    _refuse_nul(path, body, lines_before)
    header = list(layout.columns)
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=layout.delimiter, strict=True)
    report = ImportReport("CSV")
    width = len(header)
    fast = _FastRows(header)
    try:
        for row in reader:
            if len(row) != width:
                if not any(cell.strip() for cell in row):
                    continue
                raise FormatError(
                    f"{path}: line {lines_before + reader.line_num} has {len(row)} cells,"
                    f" the header has {width}"
                )
            flat = fast.flat(row)
            if flat is not None:
                report.rows.append(flat)
                continue
            if not any(cell.strip() for cell in row):
                continue
            where = f"line {lines_before + reader.line_num}"
            result = event_from_cells(where, dict(zip(header, row, strict=True)))
            if isinstance(result, Event):
                report.add_event(result)
            else:
                report.problems.append(result)
    except csv.Error as error:
        raise FormatError(f"{path}: line {lines_before + reader.line_num}: {error}") from None
    return report


class _FastRows:
    """The common case, a row with plain EDTF dates, straight to a flat event.

    Anything else (English dates, an impossible date, an end before the start, no title) gets
    ``None`` and goes through :func:`event_from_cells`, which reads it fully or says why not.
    The cells are picked in one C call; a missing column reads as the empty cell put at the end.
    """

    def __init__(self, header: list[str]) -> None:
        position = {name: index for index, name in enumerate(header)}
        self._pick = operator.itemgetter(*(position.get(name, len(header)) for name in COLUMNS))

    def flat(self, row: list[str]) -> FlatEvent | None:
        row.append("")
        title, start_text, end_text, category, tags, description, source, url, colour = self._pick(row)
        row.pop()
        start = simple_bounds(start_text)
        if start is None:
            return None
        if end_text:
            end = simple_bounds(end_text)
            if end is None or end[1] <= start[0]:
                return None
            end_earliest, latest = end
        else:
            end_text, end_earliest, latest = None, start[0], start[1]
        if url and not is_web_link(url):
            return None  # read in full, and refused with its reason
        cells = (title, category, tags, description, source, url, colour)
        if "'" in (title[:1], category[:1], tags[:1], description[:1], source[:1], url[:1], colour[:1]):
            title, category, tags, description, source, url, colour = map(unguarded, cells)
        title = title.strip()
        if not title:
            return None
        category = category.strip()
        return FlatEvent(
            title, start_text, end_text, start[0], start[1], end_earliest, latest,
            (latest - start[0]).bit_length(), description, category or None,
            tags_json(tuple(tag.strip() for tag in tags.split(",") if tag.strip())) if tags else "[]",
            source.strip(), "", "", "", "", url.strip(), colour.strip(),
        )  # fmt: skip


def end_text(event: Event) -> str:
    end = event.end
    if end is None:
        return ""
    return end.value if isinstance(end, OpenEnd) else end.edtf() if isinstance(end, HistoricalDate) else ""


CsvRecord = tuple[str, str, str, str, str, str, str, str, str]
"""The cells of one row, in :data:`COLUMNS` order, before the formula guard."""


def event_record(event: Event) -> CsvRecord:
    return (
        event.title,
        event.start.edtf(),
        end_text(event),
        event.category or "",
        ", ".join(event.tags),
        event.description,
        event.source.display(),
        event.url,
        event.colour,
    )


def write_csv(events: Iterable[Event], out: TextIO) -> int:
    """Write events under a header row; returns how many."""
    return write_csv_records(map(event_record, events), out)


def write_csv_records(records: Iterable[Sequence[str]], out: TextIO) -> int:
    """Write rows under a header row; text cells are guarded against formulas, dates never."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    count = 0
    for title, start, end, category, tags, description, source, url, colour in records:
        writer.writerow(
            (
                guarded(title),
                start,
                end,
                guarded(category),
                guarded(tags),
                guarded(description),
                guarded(source),
                url,
                colour,
            )
        )
        count += 1
    return count

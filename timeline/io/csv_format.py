"""Timeline's own CSV: one event a row under a header of known column names.

Columns: title, start, end, category, tags, description, source, url, colour (any order; only
title and start are required). A file with other headers is read through a
:class:`~timeline.io.columns.ColumnMapping`, given or proposed. UTF-8 with or without a BOM;
``,`` ``;`` or tab is detected from the header. Dates are EDTF on export and anything the date
parser reads on import.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import io
import operator
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from timeline.core.dates.dates import HistoricalDate, OpenEnd
from timeline.core.dates.parsing import Reading
from timeline.core.flat import FlatEvent, simple_bounds, tags_json
from timeline.core.links import is_web_link
from timeline.core.model import Event
from timeline.io.columns import FIELDS, ColumnMapping, normal_header, propose_mapping
from timeline.io.fields import event_from_cells, guarded, unguarded
from timeline.io.report import ColumnsNeeded, FormatError, ImportReport, read_text

COLUMNS = ("title", "start", "end", "category", "tags", "description", "source", "url", "colour")
_SAMPLE_ROWS = 50
_ONE_DATE_A_CELL = Reading(single_date=True)
_STRUCTURED = frozenset(FIELDS) - frozenset(COLUMNS)
"""Fields that the fast path does not read (dates in parts, times beside dates)."""


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


def read_csv(path: Path, mapping: ColumnMapping | None = None) -> ImportReport:
    refuse_long_lines(path)
    text = read_text(path)
    if not text.strip():
        raise FormatError(f"{path}: the file is empty")
    header_line, _, body = text.partition("\n")
    report = read_csv_rows(path, body, csv_layout(path, header_line, mapping, body[:65_536]), lines_before=1)
    report.name_categories()
    return report


@dataclass(frozen=True, slots=True)
class CsvLayout:
    """What the header line says: the field of each column in order (``""`` for a column not
    read), the delimiter, how dates are read, and the file's own name for each field."""

    columns: tuple[str, ...]
    delimiter: str
    reading: Reading = _ONE_DATE_A_CELL
    names: tuple[tuple[str, str], ...] = ()
    described: str = ""
    """``title=subject, start=date`` when the header is not our own."""
    headers: tuple[str, ...] = ()
    samples: tuple[tuple[str, ...], ...] = ()

    @property
    def structured(self) -> bool:
        return bool(_STRUCTURED & set(self.columns))


def header_cells(path: Path, header_line: str, delimiter: str) -> list[str]:
    try:
        cells = next(csv.reader([header_line.rstrip("\r")], delimiter=delimiter, strict=True), [])
    except csv.Error as error:
        raise FormatError(f"{path}: line 1: {error}") from None
    return [cell.strip() for cell in cells]


def sample_rows(body: str, delimiter: str, count: int = _SAMPLE_ROWS) -> list[list[str]]:
    """The first rows after the header, for proposing a mapping (a broken row ends the sample)."""
    rows: list[list[str]] = []
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=delimiter)
    with contextlib.suppress(csv.Error):
        for row in reader:
            if len(rows) >= count:
                break
            rows.append(row)
    return rows[:-1] if len(body) >= 65_536 and rows else rows


def csv_layout(
    path: Path, header_line: str, mapping: ColumnMapping | None = None, body: str = ""
) -> CsvLayout:
    """The layout of a file from its first line (and a sample of the lines after it), or a
    :class:`FormatError` if no column can be the title or the start."""
    delimiter = sniff_delimiter(header_line)
    headers = header_cells(path, header_line, delimiter)
    chosen = mapping or ColumnMapping()
    return table_layout(path, headers, sample_rows(body, delimiter), chosen, delimiter)


def table_layout(
    path: Path, headers: list[str], rows: list[list[str]], chosen: ColumnMapping, delimiter: str = ","
) -> CsvLayout:
    """The layout of any table (CSV, a spreadsheet's sheet) from its header and first rows."""
    unknown = [header for header in chosen.columns.values() if header not in headers]
    if unknown:
        raise FormatError(
            f"{path}: no column {unknown[0]!r} (the header has: {', '.join(headers) or 'nothing'})"
        )
    columns = dict(chosen.columns) if chosen.complete else propose_mapping(headers, rows, chosen.columns)
    proposed = ColumnMapping(columns, chosen.reading)
    missing = proposed.missing()
    if missing:
        raise ColumnsNeeded(
            f"{path}: line 1 is not a header with the columns title and start"
            f" (missing: {', '.join(missing)}; found: {', '.join(headers) or 'nothing'});"
            f" name them, e.g. --column {missing[0]}=HEADER",
            headers,
        )
    ours = all(name == normal_header(header) for name, header in proposed.columns.items())
    reading = dataclasses.replace(proposed.reading, single_date=True)
    return CsvLayout(
        proposed.positions(headers),
        delimiter,
        reading,
        tuple(proposed.columns.items()),
        "" if ours else proposed.describe(),
        tuple(headers),
        tuple(tuple(row) for row in rows[:3]),
    )


def read_csv_rows(path: Path, body: str, layout: CsvLayout, lines_before: int) -> ImportReport:
    """The rows of ``body`` (lines of the file after ``lines_before`` lines): events and problems."""
    _refuse_nul(path, body, lines_before)
    header = list(layout.columns)
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=layout.delimiter, strict=True)
    report = ImportReport("CSV")
    if lines_before == 1:
        report.headers, report.columns = list(layout.headers), dict(layout.names)
        report.samples = [list(row) for row in layout.samples]
        if layout.described:
            report.notes.append(f"columns read: {layout.described}")
    width = len(header)
    fast = None if layout.structured else _FastRows(header)
    names = dict(layout.names)
    try:
        for row in reader:
            if len(row) != width:
                if not any(cell.strip() for cell in row):
                    continue
                raise FormatError(
                    f"{path}: line {lines_before + reader.line_num} has {len(row)} cells,"
                    f" the header has {width}"
                )
            flat = fast.flat(row) if fast is not None else None
            if flat is not None:
                report.rows.append(flat)
                continue
            if not any(cell.strip() for cell in row):
                continue
            where = f"line {lines_before + reader.line_num}"
            cells = {name: cell for name, cell in zip(header, row, strict=True) if name}
            result = event_from_cells(where, cells, layout.reading, names)
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

"""Timeline's own CSV: one event a row under a header of known column names.

Columns: title, start, end, category, tags, description, source, url, colour (any order; only
title and start are required). UTF-8 with or without a BOM; ``,`` ``;`` or tab is detected from
the header. Dates are EDTF on export and anything the date parser reads on import.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from timeline.core.dates import HistoricalDate, OpenEnd
from timeline.core.model import Event
from timeline.io.fields import event_from_cells, guarded
from timeline.io.report import FormatError, ImportReport, read_text

COLUMNS = ("title", "start", "end", "category", "tags", "description", "source", "url", "colour")
_ALIASES = {"color": "colour", "link": "url", "end date": "end", "start date": "start", "headline": "title"}


def sniff_delimiter(header: str) -> str:
    counts = {delimiter: header.count(delimiter) for delimiter in (",", ";", "\t")}
    return max(counts, key=lambda delimiter: counts[delimiter]) if any(counts.values()) else ","


def read_csv(path: Path) -> ImportReport:
    text = read_text(path)
    if not text.strip():
        raise FormatError(f"{path}: the file is empty")
    header_line = text.splitlines()[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(header_line), strict=True)
    try:
        header = [_ALIASES.get(name.strip().lower(), name.strip().lower()) for name in next(reader)]
        missing = [name for name in ("title", "start") if name not in header]
        if missing:
            raise FormatError(
                f"{path}: line 1 is not a header with the columns title and start"
                f" (missing: {', '.join(missing)}; found: {', '.join(header) or 'nothing'})"
            )
        report = ImportReport("CSV")
        width = len(header)
        for row in reader:
            line = reader.line_num
            if not row or not any(cell.strip() for cell in row):
                continue
            if len(row) != width:
                raise FormatError(f"{path}: line {line} has {len(row)} cells, the header has {width}")
            result = event_from_cells(f"line {line}", dict(zip(header, row, strict=True)))
            (report.events if isinstance(result, Event) else report.problems).append(result)  # type: ignore[arg-type]
    except csv.Error as error:
        raise FormatError(f"{path}: line {reader.line_num}: {error}") from None
    report.name_categories()
    return report


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


def write_csv_records(records: Iterable[CsvRecord], out: TextIO) -> int:
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

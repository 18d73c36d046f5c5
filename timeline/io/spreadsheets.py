"""Spreadsheets: Excel ``.xlsx`` through openpyxl, OpenDocument ``.ods`` through python-calamine.

The first sheet that holds anything is read; its first non-empty row is the header, and the
columns are mapped as for CSV (:mod:`timeline.io.columns`). Cells typed as dates or times by the
spreadsheet are exact (no day-or-month question arises); a date cell at midnight is a day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from timeline.core.model import Event
from timeline.io.columns import ColumnMapping
from timeline.io.csv_format import table_layout
from timeline.io.fields import event_from_cells
from timeline.io.report import FormatError, ImportReport

_SAMPLE_ROWS = 50


def cell_text(value: Any) -> str:
    """A typed cell as the text our date reader and fields take."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if (value.hour, value.minute, value.second) == (0, 0, 0):
            return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
        seconds = f":{value.second:02d}" if value.second else ""
        return (
            f"{value.year:04d}-{value.month:02d}-{value.day:02d}T{value.hour:02d}:{value.minute:02d}{seconds}"
        )
    if isinstance(value, dt.date):
        return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
    if isinstance(value, dt.time):
        return f"{value.hour:02d}:{value.minute:02d}" + (f":{value.second:02d}" if value.second else "")
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_xlsx(path: Path, mapping: ColumnMapping | None = None) -> ImportReport:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # the library raises many kinds for a file it cannot open
        raise FormatError(f"{path}: not an Excel workbook that can be read ({_reason(error)})") from None
    try:
        sheets = [(sheet.title, sheet.iter_rows(values_only=True)) for sheet in workbook.worksheets]
        return _read_sheets(path, "Excel workbook", sheets, mapping)
    except FormatError:
        raise
    except Exception as error:
        raise FormatError(f"{path}: a damaged Excel workbook ({_reason(error)})") from None
    finally:
        workbook.close()


def read_ods(path: Path, mapping: ColumnMapping | None = None) -> ImportReport:
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
        sheets = [
            (name, iter(workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)))
            for name in workbook.sheet_names
        ]
    except Exception as error:  # the library raises many kinds for a file it cannot open
        raise FormatError(
            f"{path}: not an OpenDocument spreadsheet that can be read ({_reason(error)})"
        ) from None
    return _read_sheets(path, "OpenDocument spreadsheet", sheets, mapping)


def _reason(error: Exception) -> str:
    text = str(error).strip().splitlines()[0][:120] if str(error).strip() else ""
    return text or type(error).__name__


def _read_sheets(
    path: Path, kind: str, sheets: Sequence[tuple[str, Iterable[Any]]], mapping: ColumnMapping | None
) -> ImportReport:
    for name, rows in sheets:
        numbered = _text_rows(rows)
        header = next(numbered, None)
        if header is None:
            continue
        report = _read_sheet(path, kind, name, header, numbered, mapping or ColumnMapping())
        others = [other for other, _ in sheets if other != name]
        if others:
            report.notes.append(f"only the sheet {name!r} is read (not {', '.join(map(repr, others))})")
        return report
    raise FormatError(f"{path}: the {kind} holds no rows")


def _text_rows(rows: Iterable[Iterable[Any]]) -> Iterator[tuple[int, list[str]]]:
    """Rows as text cells with their row numbers, empty rows left out."""
    for number, row in enumerate(rows, start=1):
        cells = [cell_text(value).strip() if isinstance(value, str) else cell_text(value) for value in row]
        if any(cells):
            yield number, cells


def _read_sheet(
    path: Path,
    kind: str,
    sheet: str,
    header: tuple[int, list[str]],
    rows: Iterator[tuple[int, list[str]]],
    mapping: ColumnMapping,
) -> ImportReport:
    _, headers = header
    while headers and not headers[-1]:
        headers.pop()
    headers = [name or f"column {index + 1}" for index, name in enumerate(headers)]
    sample: list[tuple[int, list[str]]] = []
    for item in rows:
        sample.append(item)
        if len(sample) >= _SAMPLE_ROWS:
            break
    layout = table_layout(path, headers, [cells for _, cells in sample], mapping)
    report = ImportReport(kind)
    report.headers, report.columns = list(headers), dict(layout.names)
    report.samples = [cells for _, cells in sample[:3]]
    if layout.described:
        report.notes.append(f"columns read: {layout.described}")
    names = dict(layout.names)
    width = len(headers)

    def every() -> Iterator[tuple[int, list[str]]]:
        yield from sample
        yield from rows

    for number, cells in every():
        row = (cells + [""] * width)[:width]
        named = {name: cell for name, cell in zip(layout.columns, row, strict=True) if name}
        result = event_from_cells(f"sheet {sheet!r}, row {number}", named, layout.reading, names)
        if isinstance(result, Event):
            report.add_event(result)
        else:
            report.problems.append(result)
    report.name_categories()
    return report

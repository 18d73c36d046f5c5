"""Every format by name: which reads a file, which writes one, and guessing from a file's name.

Exports go to a temporary file beside the target and are renamed into place, so a failed
export never leaves half a file over an old one.
"""

from __future__ import annotations

import contextlib
import gc
import io
import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from timeline.core.model import ContentRelations, Era, Event, TimelineContent
from timeline.io.columns import ColumnMapping
from timeline.io.csv_format import read_csv, refuse_long_lines, write_csv, write_csv_records
from timeline.io.csv_parts import CsvParts
from timeline.io.ical import read_ical, write_ical
from timeline.io.markwhen import read_markwhen, write_markwhen
from timeline.io.native_json import DESCRIPTION_SETTING, content_to_json, read_timeline_json_report
from timeline.io.report import ExportReport, FormatError, ImportReport
from timeline.io.spreadsheets import read_ods, read_xlsx
from timeline.io.temporary import temporary_beside
from timeline.io.thetimelineproj import read_thetimelineproj
from timeline.io.timelinejs import (
    read_timelinejs_csv,
    read_timelinejs_json,
    write_timelinejs_csv,
    write_timelinejs_json,
)
from timeline.io.wikidata import looks_like_wikidata, read_wikidata

TABLE_READERS: dict[str, Callable[[Path, ColumnMapping | None], ImportReport]] = {
    "csv": read_csv,
    "xlsx": read_xlsx,
    "ods": read_ods,
}
"""Formats of rows and columns, read through a column mapping (given or proposed)."""
READERS: dict[str, Callable[[Path], ImportReport]] = {
    "csv": read_csv,
    "xlsx": read_xlsx,
    "ods": read_ods,
    "json": read_timeline_json_report,
    "timelinejs": read_timelinejs_json,
    "timelinejs-csv": read_timelinejs_csv,
    "ics": read_ical,
    "timeline": read_thetimelineproj,
    "wikidata": read_wikidata,
    "markwhen": read_markwhen,
}
WRITABLE = ("csv", "json", "timelinejs", "timelinejs-csv", "ics", "markwhen")
IMAGES = ("png", "svg", "pdf")
DESCRIPTIONS = {
    "csv": "CSV or TSV (any columns: title, start, end, … or your own headers)",
    "xlsx": "Excel workbook (.xlsx)",
    "ods": "OpenDocument spreadsheet (.ods)",
    "json": "Timeline JSON (lossless)",
    "timelinejs": "TimelineJS JSON",
    "timelinejs-csv": "TimelineJS spreadsheet (CSV)",
    "ics": "iCalendar",
    "timeline": "Timeline (.timeline, thetimelineproj)",
    "wikidata": "Wikidata (query results or entity JSON)",
    "markwhen": "markwhen (.mw)",
}


def guess_format(path: Path) -> str:
    """The format of a file from its suffix and, for CSV and JSON, its first bytes."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix in IMAGES:
        return suffix
    if suffix == "ics":
        return "ics"
    if suffix in ("html", "htm"):
        return "html"
    if suffix == "timeline":
        return "timeline"
    if suffix in ("xlsx", "xlsm"):
        return "xlsx"
    if suffix == "ods":
        return "ods"
    if suffix == "mw":
        return "markwhen"
    head = ""
    with contextlib.suppress(OSError), path.open("rb") as file:  # the head: it may be huge
        head = file.read(4096).decode("utf-8", "replace")
    if suffix in ("csv", "tsv", "txt"):
        first = head.splitlines()[0] if head else ""
        return "timelinejs-csv" if "Headline" in first and "Year" in first else "csv"
    if suffix == "json":
        if '"format"' in head and '"timeline"' in head:
            return "json"
        return "wikidata" if looks_like_wikidata(head) else "timelinejs"
    raise FormatError(f"{path}: cannot tell the format from the name; give it (one of {', '.join(READERS)})")


def read_file(path: Path, format: str | None = None, mapping: ColumnMapping | None = None) -> ImportReport:
    """A whole file; ``mapping`` says which column holds what in a CSV file or a spreadsheet."""
    if not path.exists():
        raise FormatError(f"{path}: no such file")
    if path.is_dir():
        raise FormatError(f"{path}: a folder, not a file")
    name = format or guess_format(path)
    if name not in READERS:
        raise FormatError(f"{name!r} is not a format that can be imported (use one of {', '.join(READERS)})")
    if name == "csv":
        parts, _ = read_in_parts(path, name, mapping)
        return joined(parts)
    if name == "timelinejs-csv":
        refuse_long_lines(path)
    with cycle_collection_paused():
        if name in TABLE_READERS:
            return TABLE_READERS[name](path, mapping)
        return READERS[name](path)


def read_in_parts(
    path: Path, format: str | None = None, mapping: ColumnMapping | None = None
) -> tuple[Iterator[ImportReport], int]:
    """A file as reports of consecutive parts (one part unless it is a large CSV file), and the
    number of rows it is expected to hold when that is known before reading (else 0)."""
    name = format or guess_format(path)
    if name != "csv" or not path.is_file():
        return iter([read_file(path, format, mapping)]), 0
    parts = CsvParts(path, mapping)

    def read() -> Iterator[ImportReport]:
        with cycle_collection_paused():
            yield from parts

    return read(), parts.expected_rows


def joined(parts: Iterable[ImportReport]) -> ImportReport:
    """The reports of a file's parts as one."""
    whole: ImportReport | None = None
    for part in parts:
        if whole is None:
            whole = part
            continue
        whole.rows += part.rows
        whole.headers = whole.headers or part.headers
        whole.columns = whole.columns or part.columns
        whole.problems += part.problems
        whole.notes += part.notes
        whole.add_categories(part.categories)
    assert whole is not None
    return whole


@contextlib.contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """Hold Python's cycle collector while a file becomes a million rows.

    The rows hold no cycles, but every few hundred new tuples the collector walks all that
    were made so far: a third of the time of reading a large CSV. Reference counting still frees
    what is dropped, and the collector takes up its work again when reading is over.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def write_file(
    path: Path,
    format: str,
    events: Iterable[Event],
    eras: list[Era],
    title: str,
    categories: list[Any] | None = None,
    settings: dict[str, str] | None = None,
    relations: ContentRelations | None = None,
) -> ExportReport:
    """Write events (and eras, where the format has them) to ``path`` atomically; Timeline JSON
    also writes their ``relations`` (entities, sources, links, nesting), if given."""
    if format not in WRITABLE:
        raise FormatError(
            f"{format!r} is not a format that can be exported (use one of {', '.join(WRITABLE)})"
        )
    items = events if format == "csv" else list(events)
    with replacing(path) as out:
        if format == "ics":
            return write_ical(items, title, out)
        text = io.TextIOWrapper(out, encoding="utf-8", newline="")
        try:
            if format == "csv":
                return ExportReport("CSV", written=write_csv(items, text))
            if format == "json":
                content = TimelineContent(
                    title,
                    tuple(categories or ()),
                    tuple(items),
                    tuple(eras),
                    relations or ContentRelations(),
                    (settings or {}).get(DESCRIPTION_SETTING, ""),
                )
                json.dump(content_to_json(content), text, ensure_ascii=False, indent=1)
                return ExportReport("Timeline JSON", written=len(content.events))
            if format == "timelinejs":
                return write_timelinejs_json(items, eras, title, text, settings, relations)
            if format == "markwhen":
                return write_markwhen(items, title, text)
            return write_timelinejs_csv(items, eras, title, text)
        finally:
            text.flush()
            text.detach()


def write_csv_file(path: Path, records: Iterable[Sequence[str]]) -> ExportReport:
    """Write CSV rows given as plain cells (as the store streams them) to ``path`` atomically."""
    with replacing(path) as out:
        text = io.TextIOWrapper(out, encoding="utf-8", newline="")
        try:
            return ExportReport("CSV", written=write_csv_records(records, text))
        finally:
            text.flush()
            text.detach()


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[IO[bytes]]:
    if not path.parent.is_dir():
        raise FormatError(f"{path}: the folder {path.parent} does not exist")
    try:
        temporary = temporary_beside(path)
    except OSError as error:
        raise FormatError(f"{path}: could not write ({error.strerror}); nothing was changed") from None
    try:
        with temporary.open("wb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        umask = os.umask(0)
        os.umask(umask)
        temporary.chmod(0o666 & ~umask)
        os.replace(temporary, path)
    except OSError as error:
        raise FormatError(f"{path}: could not write ({error.strerror}); nothing was changed") from None
    finally:
        temporary.unlink(missing_ok=True)

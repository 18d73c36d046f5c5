"""What reading a file gives: the content it holds and every problem, with where it is."""

from __future__ import annotations

import contextlib
import functools
import marshal
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from timeline.core.flat import FlatEvent, event_of, flat_event
from timeline.core.model import Category, ContentRelations, Era, Event


class FormatError(ValueError):
    """A file that cannot be read at all; the message names the problem and the position."""


class ColumnsNeeded(FormatError):
    """A table whose columns say nothing we can read as a title or a start: the user has to say
    which columns hold them. ``headers`` are the file's own."""

    def __init__(self, message: str, headers: list[str]) -> None:
        super().__init__(message)
        self.headers = headers


@dataclass(frozen=True, slots=True)
class Problem:
    """One rejected row or element: where (``row 12``, ``event 3``), which field, the value, why."""

    where: str
    field: str
    value: str
    message: str

    def __str__(self) -> str:
        shown = self.value if len(self.value) <= 60 else self.value[:57] + "…"
        return f"{self.where}, {self.field} {shown!r}: {self.message}"


@dataclass(slots=True)
class ImportReport:
    """The events, categories and eras a file holds, and what had to be left out."""

    format: str
    title: str = ""
    rows: list[FlatEvent] = field(default_factory=list)
    categories: list[Category] = field(default_factory=list)
    eras: list[Era] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    rows_not_kept: int = 0
    """Rows read and passed on (written by an import in parts) but not kept in ``rows``."""
    settings: dict[str, str] = field(default_factory=dict)
    """Timeline settings the file gives (a TimelineJS title slide), written where not yet set."""
    relations: ContentRelations = field(default_factory=ContentRelations)
    """Entities, sources, links and nesting among ``rows`` (by position), where the format has them."""
    headers: list[str] = field(default_factory=list)
    """A table's own column headers (CSV, spreadsheets), for choosing which holds what."""
    columns: dict[str, str] = field(default_factory=dict)
    """Field → header: the columns the table was read through."""
    samples: list[list[str]] = field(default_factory=list)
    """A table's first rows as text cells, to show beside its headers."""

    @property
    def row_count(self) -> int:
        return len(self.rows) + self.rows_not_kept

    def __reduce__(self) -> tuple[Any, ...]:
        """Rows travel between processes as plain tuples packed by :mod:`marshal`: a named tuple
        is pickled through a Python call per row and unpickled through another, several times
        slower, and these are the rows of large files read by worker processes."""
        plain = marshal.dumps([tuple(row) for row in self.rows])
        kept = (self.categories, self.eras, self.problems, self.notes, self.rows_not_kept, self.settings)
        kept_too = (self.relations, self.headers, self.columns, self.samples)
        return _unpickled_report, (self.format, self.title, plain, *kept, *kept_too)

    def add_event(self, event: Event) -> None:
        self.rows.append(flat_event(event))

    @property
    def events(self) -> list[Event]:
        """The events as objects: for small files and tests; large imports stay flat."""
        return [event_of(row) for row in self.rows]

    def preview(self, count: int) -> list[Event]:
        return [event_of(row) for row in self.rows[:count]]

    def name_categories(self) -> None:
        """List every category the events name that the file did not list itself."""
        self.add_categories(
            Category(name) for name in dict.fromkeys(row.category for row in self.rows) if name
        )

    def add_categories(self, categories: Iterable[Category]) -> None:
        """List these categories too, leaving out names listed already."""
        listed = {category.name for category in self.categories}
        for category in categories:
            if category.name not in listed:
                listed.add(category.name)
                self.categories.append(category)

    def summary(self) -> str:
        count = self.row_count
        parts = [
            f"{count:,} event{'s' if count != 1 else ''}",
            f"{len(self.categories):,} categor{'ies' if len(self.categories) != 1 else 'y'}",
            f"{len(self.eras):,} era{'s' if len(self.eras) != 1 else ''}",
        ]
        rejected = f"; {len(self.problems):,} rejected" if self.problems else ""
        return f"{self.format}: {', '.join(parts)}{rejected}"


def _unpickled_report(format: str, title: str, rows: bytes, *rest: Any) -> ImportReport:
    flat = list(map(functools.partial(tuple.__new__, FlatEvent), marshal.loads(rows)))
    return ImportReport(format, title, flat, *rest)


@dataclass(slots=True)
class ExportReport:
    """What an export wrote, and what the format could not hold (listed, never silently lost)."""

    format: str
    written: int = 0
    skipped: list[str] = field(default_factory=list)


TREE_LIMIT = 1024 * 1024 * 1024
"""The largest JSON, XML or iCalendar file read (1 GiB): these are parsed whole into objects
that take several times the file's size, so a larger one would exhaust memory before any
message; CSV is read in parts and has no such limit."""


def refuse_larger_than(path: object, limit: int, kind: str) -> None:
    """A clear refusal, before reading, of a file too large to parse whole."""
    from pathlib import Path

    with contextlib.suppress(OSError):
        size = Path(str(path)).stat().st_size
        if size > limit:
            raise FormatError(
                f"{path}: {size:,} bytes, too large to read as {kind} (the limit is {limit:,} bytes);"
                " export it as CSV, which is read in parts"
            )


def read_text(path: object, encoding: str = "utf-8-sig", limit: int | None = None, kind: str = "") -> str:
    """A text file's content, with a clear error for bytes that are not UTF-8 or for binaries
    (and, with ``limit``, for a file larger than that, before it is read)."""
    from pathlib import Path

    if limit is not None:
        refuse_larger_than(path, limit, kind or "text")
    file = Path(str(path))
    try:
        data = file.read_bytes()
    except OSError as error:
        raise FormatError(f"{file}: cannot read ({error.strerror})") from None
    if b"\x00" in data[:4096]:
        raise FormatError(f"{file}: a binary file, not text")
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise FormatError(
            f"{file}: not UTF-8 text (byte {error.start}, line {line}); save it as UTF-8 and try again"
        ) from None


def read_json(path: object) -> Any:
    """A JSON file's content, or a :class:`FormatError` naming the line and column at fault."""
    import json

    try:
        return json.loads(read_text(path, limit=TREE_LIMIT, kind="JSON"))
    except json.JSONDecodeError as error:
        raise FormatError(
            f"{path}: not JSON ({error.msg} at line {error.lineno}, column {error.colno})"
        ) from None
    except RecursionError:
        raise FormatError(f"{path}: the JSON is nested too deeply to be a timeline") from None

"""``timeline import``: a file read in parts by worker processes while the parts before are written.

The window's import reads the whole file first, because its preview shows everything before
anything is written; the command line has nothing to wait for, so writing starts with the first
part and a large CSV file is read and written at the same time.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import chain
from pathlib import Path

from timeline.core.flat import FlatEvent
from timeline.io.columns import ColumnMapping
from timeline.io.formats import read_in_parts
from timeline.io.report import ImportReport
from timeline.store.repository import TimelineRepository

PREVIEW_ROWS = 10


def import_file(
    repository: TimelineRepository,
    path: Path,
    format: str | None = None,
    mapping: ColumnMapping | None = None,
) -> tuple[ImportReport, list[int]]:
    """Import every valid row of a file in one transaction; returns what was read (with the first
    rows kept for a preview) and the ids of the events added. A file that cannot be read at all
    raises :class:`~timeline.io.report.FormatError` and adds nothing, however far it got."""
    parts, expected = read_in_parts(path, format, mapping)
    first = next(parts)
    report = ImportReport(
        first.format,
        first.title,
        categories=list(first.categories),
        eras=list(first.eras),
        settings=dict(first.settings),
    )

    def rows() -> Iterator[Sequence[FlatEvent]]:
        for part in chain([first], parts):
            report.problems += part.problems
            report.notes += part.notes
            kept = max(0, PREVIEW_ROWS - len(report.rows))
            report.rows += part.rows[:kept]
            report.rows_not_kept += max(0, len(part.rows) - kept)
            report.add_categories(part.categories)  # each part names its own, in its worker
            yield part.rows

    ids, _, _ = repository.import_parts(
        rows(),
        report.categories,
        report.eras,
        report.title,
        expected=max(expected, len(first.rows)),
        settings=first.settings,
        relations=first.relations,
    )
    return report, ids

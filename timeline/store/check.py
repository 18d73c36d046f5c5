"""A full check of a timeline file: SQLite's own integrity, the search index and every date."""

from __future__ import annotations

from pathlib import Path

from timeline.core.dates.dates import DateError
from timeline.core.flat import flat_event
from timeline.store.database import TimelineDatabase, open_database
from timeline.store.errors import DamagedFileError, ForeignSchemaError, translated_errors
from timeline.store.repository import TimelineRepository
from timeline.store.rows import span_class


def check_file(path: Path) -> tuple[list[str], int]:
    """Problems found (empty when all is well) and the number of events checked.

    The file is opened read-only: checking never changes it. A schema our migrations do not
    create is reported object by object, and nothing of such a file is read.
    """
    try:
        database = open_database(path, readonly=True)
    except ForeignSchemaError as error:
        return [f"the file holds {problem}" for problem in error.problems], 0
    except DamagedFileError as error:
        return [str(error).removeprefix(f"{path}: ")], 0
    with database:
        try:
            with translated_errors(path):
                return _check_open(database)
        except DamagedFileError as error:
            return [str(error).removeprefix(f"{path}: ")], 0


def _check_open(database: TimelineDatabase) -> tuple[list[str], int]:
    problems: list[str] = []
    db = database.db
    problems += [f"SQLite: {row[0]}" for row in db.execute("PRAGMA integrity_check") if row[0] != "ok"]
    if problems:  # what follows would read damaged pages
        return problems, 0
    problems += [
        f"event {row[1]} refers to a missing {row[2]} row" for row in db.execute("PRAGMA foreign_key_check")
    ]
    indexed = db.execute("SELECT count(*) FROM events_fts_docsize").fetchone()[0]
    count = db.execute("SELECT count(*) FROM events").fetchone()[0]
    if indexed != count:
        problems.append(f"search index holds {indexed} events, the table {count}")
    problems += _check_event_rows(TimelineRepository(database))
    return problems, count


def _check_event_rows(repository: TimelineRepository) -> list[str]:
    problems = []
    rows = repository.db.execute(
        "SELECT id, start_date, end_date, earliest, start_latest, end_earliest, latest, span_class"
        " FROM events"
    )
    for event_id, start, end, *stored in rows:
        try:
            event = repository.get_event(event_id)
        except (DateError, ValueError) as error:
            problems.append(f"event {event_id}: dates {start!r} / {end!r} cannot be read ({error})")
            continue
        flat = flat_event(event)
        bounds = [flat.earliest, flat.start_latest, flat.end_earliest, flat.latest]
        if [*bounds, span_class(flat.earliest, flat.latest)] != stored:
            problems.append(f"event {event_id}: stored bounds do not match its dates {start!r} / {end!r}")
    return problems

"""Events citing sources: the rows of ``event_sources`` and the source records they point to.

An event's ``source`` (what the editor, the formats and the details show) is its first
citation: the one of lowest position. Writing it finds the record with exactly these fields
or adds one, so editing one event's citation never changes what another event cites.
Other citations of the same event are kept as they are.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

import sqlite_utils

from timeline.core.model import Source
from timeline.store.rows import timestamp_now

RECORD_FIELDS = ("author", "title", "year", "publisher", "locator", "url", "identifier", "citation")
"""The columns of ``sources`` that make a record what it is (``citation`` is ``Source.text``)."""

SOURCE_COLUMNS = "sources.id, " + ", ".join(f"sources.{field}" for field in RECORD_FIELDS) + ", sources.csl"
_BATCH = 900
CITE_SQL = "INSERT INTO event_sources (event_id, source_id, page, quote, position) VALUES (?, ?, ?, ?, ?)"


def record_values(source: Source) -> list[str]:
    """The record fields of a source, in :data:`RECORD_FIELDS` order."""
    return [
        source.author,
        source.title,
        source.year,
        source.publisher,
        source.locator,
        source.url,
        source.identifier,
        source.text,
    ]


def source_from_row(row: Sequence[Any], page: str = "", quote: str = "") -> Source:
    """A source from :data:`SOURCE_COLUMNS` (and, for a citation, its page and quote)."""
    id_, author, title, year, publisher, locator, url, identifier, citation, csl = row[:10]
    return Source(
        text=citation,
        author=author,
        title=title,
        page=page,
        url=url,
        year=year,
        publisher=publisher,
        locator=locator,
        identifier=identifier,
        quote=quote,
        csl="" if csl in ("", "{}") else csl,
        id=id_,
    )


def record_id(db: sqlite_utils.Database, source: Source) -> int:
    """The id of the record with exactly these fields, added when there is none."""
    values = record_values(source)
    same = " AND ".join(f"{field} = ?" for field in RECORD_FIELDS)
    row = db.execute(f"SELECT id FROM sources WHERE {same} LIMIT 1", values).fetchone()
    if row is not None:
        return int(row[0])
    now = timestamp_now()
    cursor = db.execute(
        f"INSERT INTO sources ({', '.join(RECORD_FIELDS)}, csl, created, modified)"
        f" VALUES ({', '.join('?' * len(RECORD_FIELDS))}, ?, ?, ?)",
        [*values, source.csl or "{}", now, now],
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def write_first_citation(db: sqlite_utils.Database, event_id: int, source: Source) -> None:
    """Make ``source`` the event's first citation (or, when it is empty, remove the first)."""
    first = db.execute(
        "SELECT id, position FROM event_sources WHERE event_id = ? ORDER BY position, id LIMIT 1", [event_id]
    ).fetchone()
    if not source:
        if first is not None:
            db.execute("DELETE FROM event_sources WHERE id = ?", [first[0]])
        return
    source_id = record_id(db, source.record)
    if first is None:
        db.execute(
            "INSERT INTO event_sources (event_id, source_id, page, quote, position) VALUES (?, ?, ?, ?, 0)",
            [event_id, source_id, source.page, source.quote],
        )
    else:
        db.execute(
            "UPDATE event_sources SET source_id = ?, page = ?, quote = ? WHERE id = ?",
            [source_id, source.page, source.quote, first[0]],
        )


def first_citations(db: sqlite_utils.Database, event_ids: Sequence[int]) -> dict[int, Source]:
    """Each event's first citation, for those that cite anything."""
    found: dict[int, Source] = {}
    for start in range(0, len(event_ids), _BATCH):
        batch = list(event_ids[start : start + _BATCH])
        rows = db.execute(
            f"SELECT event_sources.event_id, event_sources.page, event_sources.quote, {SOURCE_COLUMNS}"
            " FROM event_sources JOIN sources ON sources.id = event_sources.source_id"
            f" WHERE event_sources.event_id IN ({', '.join('?' * len(batch))})"
            " ORDER BY event_sources.event_id, event_sources.position DESC, event_sources.id DESC",
            batch,
        )
        for event_id, page, quote, *source in rows:
            found[event_id] = source_from_row(source, page, quote)  # the last one written is the first
    return found


def cite_many(db: sqlite_utils.Database, cited: Iterable[tuple[int, str, str, str, str, str]]) -> None:
    """First citations of many new events at once: ``(event_id, text, author, title, page, url)``.

    Set-based, as the migration does it: identical citations become one record, and a record
    that exists already with exactly these fields is cited rather than repeated.
    """
    conn = db.conn
    conn.execute(
        "CREATE TEMP TABLE cited (event_id INTEGER, citation TEXT, author TEXT, title TEXT,"
        " page TEXT, url TEXT)"
    )
    try:
        conn.executemany("INSERT INTO temp.cited VALUES (?, ?, ?, ?, ?, ?)", cited)
        same = (
            "sources.title = cited.title AND sources.author = cited.author AND sources.url = cited.url"
            " AND sources.citation = cited.citation AND sources.year = '' AND sources.publisher = ''"
            " AND sources.locator = '' AND sources.identifier = ''"
        )
        now = timestamp_now()
        conn.execute(
            "INSERT INTO sources (author, title, url, citation, created, modified)"
            " SELECT DISTINCT author, title, url, citation, ?, ? FROM temp.cited"
            f" WHERE NOT EXISTS (SELECT 1 FROM sources WHERE {same})",
            [now, now],
        )
        conn.execute(
            "INSERT INTO event_sources (event_id, source_id, page, position)"
            f" SELECT event_id, (SELECT min(id) FROM sources WHERE {same}), page, 0 FROM temp.cited"
        )
    finally:
        conn.execute("DROP TABLE temp.cited")


def csl_of(source: Source) -> str:
    """The CSL-JSON text a record keeps (``{}`` for none), checked to be JSON."""
    if not source.csl:
        return "{}"
    json.loads(source.csl)
    return source.csl

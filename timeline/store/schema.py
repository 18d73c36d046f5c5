"""What a timeline file's schema must be: exactly what our migrations create, nothing more.

A file is data, but its schema can act: a trigger runs on every write, a view can stand in for
a table, a foreign table or index can hold anything. So before a file is used its schema
(every table, index, trigger and view, by name and SQL) is compared with the one the
migrations build for the file's version. The expectation is derived, never listed by hand: the
migrations are applied to an empty database in memory and its ``sqlite_master`` read back, so
it follows every new schema version by itself, and an older file is checked against its own
version's schema (to be upgraded or read).
"""

from __future__ import annotations

import functools
import re
import sqlite3

from timeline.store.migrations import MIGRATIONS

SchemaObject = tuple[str, str, str, str]
"""``(type, name, table, sql)`` as in ``sqlite_master``, the SQL with its spaces normalised."""

_INTERNAL = re.compile(r"sqlite_(sequence|stat\d)")
"""Tables SQLite itself makes (AUTOINCREMENT counters, ANALYZE statistics): never ours to judge."""


def _normalised(sql: str | None) -> str:
    return " ".join((sql or "").split())


def schema_of(connection: sqlite3.Connection) -> set[SchemaObject]:
    """Every object of the main schema, read from ``sqlite_master`` (no schema code runs)."""
    rows = connection.execute("SELECT type, name, tbl_name, sql FROM main.sqlite_master").fetchall()
    return {
        (kind, name, table, _normalised(sql))
        for kind, name, table, sql in rows
        if not (kind == "table" and _INTERNAL.fullmatch(name))
    }


@functools.cache
def expected_schema(version: int) -> frozenset[SchemaObject]:
    """The schema our migrations create for a file of ``version`` (built once, in memory)."""
    if not 0 <= version <= len(MIGRATIONS):
        raise ValueError(f"no schema version {version}")
    connection = sqlite3.connect(":memory:")
    try:
        for step in MIGRATIONS[:version]:
            for statement in step():
                connection.execute(statement)
        return frozenset(schema_of(connection))
    finally:
        connection.close()


def schema_problems(connection: sqlite3.Connection, version: int) -> list[str]:
    """What in the file's schema our migrations do not create, or create otherwise; empty if none."""
    expected = expected_schema(version)
    found = schema_of(connection)
    expected_by_name = {obj[:2]: obj for obj in expected}
    found_by_name = {obj[:2]: obj for obj in found}
    problems = []
    for key, obj in sorted(found_by_name.items()):
        kind, name = key
        if key not in expected_by_name:
            on = f" on {obj[2]!r}" if kind in ("index", "trigger") else ""
            article = "an" if kind[0] in "aeiou" else "a"
            problems.append(f"{article} {kind} {name!r}{on} that Timeline does not create")
        elif obj != expected_by_name[key]:
            problems.append(f"the {kind} {name!r} is not defined as Timeline defines it")
    for kind, name in sorted(set(expected_by_name) - set(found_by_name)):
        problems.append(f"the {kind} {name!r} is missing")
    return problems

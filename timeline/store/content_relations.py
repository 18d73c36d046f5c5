"""A file's entities, sources, links and nesting, written beside its events or read for export.

:class:`ContentRelations` names events by position; here positions become the ids the events
were given (or, for an export, ids become positions), and the file's entity and source
numbers become rows: an entity of the same kind and name that exists already is reused, as is
a source record with exactly the same fields.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import sqlite_utils

from timeline.core.model import ContentRelations, Entity, Event, EventLink, Participation, Source
from timeline.store.citations import CITE_SQL, record_id
from timeline.store.rows import end_text, timestamp_now


def _entity_id(db: sqlite_utils.Database, entity: Entity) -> int:
    row = db.execute(
        "SELECT id FROM entities WHERE kind = ? AND name = ? ORDER BY id LIMIT 1", [entity.kind, entity.name]
    ).fetchone()
    if row is not None:
        return int(row[0])
    now = timestamp_now()
    cursor = db.execute(
        "INSERT INTO entities (kind, name, aliases, description, start_date, end_date, earliest, latest,"
        " colour, latitude, longitude, created, modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            entity.kind,
            entity.name,
            json.dumps(list(entity.aliases), ensure_ascii=False),
            entity.description,
            entity.start.edtf() if entity.start is not None else None,
            end_text(entity.end),
            entity.earliest,
            entity.latest,
            entity.colour,
            entity.latitude,
            entity.longitude,
            now,
            now,
        ],
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def write_content_relations(
    db: sqlite_utils.Database, ids: Sequence[int], relations: ContentRelations
) -> None:
    """Write the relations of events just added under ``ids`` (in the order of the content)."""
    if not relations:
        return
    entity_ids = {entity.id: _entity_id(db, entity) for entity in relations.entities}
    source_ids = {source.id: record_id(db, source.record) for source in relations.sources}
    rows = []
    positions: dict[int, int] = {}
    for part in relations.participations:
        event_id = ids[part.event_id]
        rows.append((event_id, entity_ids[part.entity_id], part.role, positions.get(event_id, 0)))
        positions[event_id] = positions.get(event_id, 0) + 1
    db.conn.executemany(
        "INSERT OR IGNORE INTO event_entities (event_id, entity_id, role, position) VALUES (?, ?, ?, ?)", rows
    )
    cited_events = sorted({ids[position] for position, _ in relations.citations})
    replaced = {
        row[0]
        for event_id in cited_events
        for row in db.execute("SELECT source_id FROM event_sources WHERE event_id = ?", [event_id])
    }
    db.conn.executemany(
        "DELETE FROM event_sources WHERE event_id = ?", [(event_id,) for event_id in cited_events]
    )
    positions = {}
    for position, cited in relations.citations:
        event_id = ids[position]
        known = source_ids.get(cited.id) if cited.id is not None else None
        source_id = known if known is not None else record_id(db, cited.record)
        db.execute(CITE_SQL, [event_id, source_id, cited.page, cited.quote, positions.get(event_id, 0)])
        positions[event_id] = positions.get(event_id, 0) + 1
    # the rows' own first citations, written before the file's fuller records replaced them
    db.conn.executemany(
        "DELETE FROM sources WHERE id = ? AND csl = '{}' AND NOT EXISTS"
        " (SELECT 1 FROM event_sources WHERE source_id = sources.id)",
        [(source_id,) for source_id in replaced - set(source_ids.values())],
    )
    db.conn.executemany(
        "INSERT INTO links (from_id, to_id, type, note) VALUES (?, ?, ?, ?)",
        [(ids[link.from_id], ids[link.to_id], link.type, link.note) for link in relations.links],
    )
    db.conn.executemany(
        "UPDATE events SET parent_id = ? WHERE id = ?",
        [(ids[parent], ids[child]) for child, parent in relations.parents],
    )
    write_pictures(db, ids, relations)


def write_pictures(db: sqlite_utils.Database, ids: Sequence[int], relations: ContentRelations) -> None:
    """The images (each stored once) and every event's pictures, in order."""
    if not relations.pictures:
        return
    now = timestamp_now()
    db.conn.executemany(
        "INSERT OR IGNORE INTO images (sha256, mime, width, height, data, thumbnail, thumb_width,"
        " thumb_height, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (i.sha256, i.mime, i.width, i.height, i.data, i.thumbnail, i.thumb_width, i.thumb_height, now)
            for i in relations.images
        ],
    )
    rows = []
    positions: dict[int, int] = {}
    for position, picture in relations.pictures:
        event_id = ids[position]
        rows.append((event_id, picture.sha256, positions.get(event_id, 0), picture.caption, picture.credit))
        positions[event_id] = positions.get(event_id, 0) + 1
    db.conn.executemany(
        "INSERT INTO event_images (event_id, sha256, position, caption, credit) VALUES (?, ?, ?, ?, ?)", rows
    )


def read_content_relations(
    events: Sequence[Event],
    entities: dict[int, Entity],
    participations: Sequence[Participation],
    sources: Sequence[Source],
    citations: Sequence[tuple[int, Source]],
    links: Sequence[EventLink],
) -> ContentRelations:
    """The relations among ``events`` (read from the store), with events named by position."""
    position = {event.id: index for index, event in enumerate(events) if event.id is not None}
    return ContentRelations(
        tuple(entities.values()),
        tuple(
            Participation(position[p.event_id], p.entity_id, p.role)
            for p in participations
            if p.event_id in position
        ),
        tuple(sources),
        tuple((position[event_id], cited) for event_id, cited in citations if event_id in position),
        tuple(
            EventLink(position[link.from_id], position[link.to_id], link.type, link.note)
            for link in links
            if link.from_id in position and link.to_id in position
        ),
        tuple(
            (position[event.id], position[event.parent_id])
            for event in events
            if event.id is not None and event.parent_id is not None and event.parent_id in position
        ),
    )

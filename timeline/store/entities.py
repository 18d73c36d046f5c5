"""People, places, organisations and the user's own kinds, and their parts in events."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from timeline.core.dates.edtf import read_edtf_date
from timeline.core.model import Entity, Participation, entity_kind
from timeline.store.base import RepositoryBase
from timeline.store.errors import StoreError, translated_errors
from timeline.store.rows import end_from_text, end_text, timestamp_now

ENTITY_FIELDS = (
    "id", "kind", "name", "aliases", "description", "start_date", "end_date", "colour", "latitude",
    "longitude", "created", "modified",
)  # fmt: skip
ENTITY_COLUMNS = ", ".join(f"entities.{field}" for field in ENTITY_FIELDS)
_BATCH = 900


def entity_from_row(row: Sequence[Any]) -> Entity:
    id_, kind, name, aliases, description, start, end, colour, latitude, longitude, created, modified = row
    return Entity(
        name=name,
        kind=kind,
        aliases=tuple(json.loads(aliases)),
        description=description,
        start=read_edtf_date(start) if start else None,
        end=end_from_text(end) if end else None,
        colour=colour,
        latitude=latitude,
        longitude=longitude,
        id=id_,
        created=created,
        modified=modified,
    )


def _entity_values(entity: Entity) -> dict[str, Any]:
    end = end_text(entity.end)
    return {
        "kind": entity.kind,
        "name": entity.name.strip(),
        "aliases": json.dumps([alias for alias in entity.aliases if alias.strip()], ensure_ascii=False),
        "description": entity.description,
        "start_date": entity.start.edtf() if entity.start is not None else None,
        "end_date": end,
        "earliest": entity.earliest,
        "latest": entity.latest,
        "colour": entity.colour,
        "latitude": entity.latitude,
        "longitude": entity.longitude,
    }


class EntityStore(RepositoryBase):
    """Entities and who (or what) takes part in which event, with which role."""

    def entities(self, kind: str | None = None) -> list[Entity]:
        """Every entity (of one kind, if given), by name."""
        where, parameters = ("WHERE kind = ?", [entity_kind(kind)]) if kind else ("", [])
        with translated_errors(self.database.path):
            rows = self.db.execute(
                f"SELECT {ENTITY_COLUMNS} FROM entities {where} ORDER BY name COLLATE NOCASE, id", parameters
            ).fetchall()
        return [entity_from_row(row) for row in rows]

    def entity(self, entity_id: int) -> Entity:
        found = self.entities_by_ids([entity_id])
        if entity_id not in found:
            raise StoreError(f"entity {entity_id} does not exist")
        return found[entity_id]

    def entities_by_ids(self, entity_ids: Sequence[int]) -> dict[int, Entity]:
        found: dict[int, Entity] = {}
        with translated_errors(self.database.path):
            for start in range(0, len(entity_ids), _BATCH):
                batch = list(entity_ids[start : start + _BATCH])
                rows = self.db.execute(
                    f"SELECT {ENTITY_COLUMNS} FROM entities WHERE id IN ({', '.join('?' * len(batch))})",
                    batch,
                )
                found.update((row[0], entity_from_row(row)) for row in rows)
        return found

    def entities_named(self, name: str, kind: str | None = None) -> list[Entity]:
        """The entities called ``name`` (or with it as an alias), ignoring case; of a kind if given.

        SQLite folds the case of ASCII letters only, so candidates come from the name index and,
        for other letters, from the full-text index, and are then compared as Python compares.
        """
        wanted = " ".join(name.split())
        if not wanted:
            return []
        phrase = '"' + wanted.replace('"', " ") + '"'
        with translated_errors(self.database.path):
            rows = self.db.execute(
                f"SELECT {ENTITY_COLUMNS} FROM entities WHERE name = ? COLLATE NOCASE OR id IN"
                " (SELECT rowid FROM entities_fts WHERE entities_fts MATCH ?)"
                " ORDER BY name COLLATE NOCASE, id",
                [wanted, "{name aliases} : " + phrase],
            ).fetchall()
        found = [entity for entity in map(entity_from_row, rows) if entity.is_called(wanted)]
        return [e for e in found if e.kind == entity_kind(kind)] if kind else found

    def add_entity(self, entity: Entity) -> int:
        with self._writing():
            return self._insert_entity(entity)

    def _insert_entity(self, entity: Entity) -> int:
        now = timestamp_now()
        values = _entity_values(entity) | {
            "created": entity.created or now,
            "modified": entity.modified or now,
        }
        if entity.id is not None:
            values["id"] = entity.id
        cursor = self.db.execute(
            f"INSERT INTO entities ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
            list(values.values()),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def resolve_entity(self, name: str, kind: str) -> int:
        """The id of the entity of this kind called ``name``, added when there is none."""
        found = self.entities_named(name, kind)
        return found[0].id if found and found[0].id is not None else self.add_entity(Entity(name, kind))

    def update_entity(self, entity: Entity) -> None:
        if entity.id is None:
            raise ValueError("only a stored entity can be updated")
        with self._writing():
            values = _entity_values(entity) | {"modified": timestamp_now()}
            cursor = self.db.execute(
                f"UPDATE entities SET {', '.join(f'{key} = ?' for key in values)} WHERE id = ?",
                [*values.values(), entity.id],
            )
            if cursor.rowcount != 1:
                raise StoreError(f"entity {entity.id} does not exist")

    def delete_entity(self, entity_id: int) -> tuple[Entity, list[Participation]]:
        """Remove an entity and its parts in events; returns both, to undo it."""
        entity = self.entity(entity_id)
        taking_part = self.participations_of_entities([entity_id])
        with self._writing():
            self.db.execute("DELETE FROM entities WHERE id = ?", [entity_id])
        return entity, taking_part

    def restore_entity(self, entity: Entity, taking_part: Iterable[Participation]) -> None:
        with self._writing():
            self._insert_entity(entity)
            self._insert_participations(taking_part)

    # Parts in events ---------------------------------------------------------------------

    def participants(self, event_id: int) -> list[tuple[Entity, str]]:
        """The entities taking part in an event with their roles, in the order given."""
        with translated_errors(self.database.path):
            rows = self.db.execute(
                f"SELECT {ENTITY_COLUMNS},"
                " event_entities.role FROM event_entities JOIN entities ON entities.id = entity_id"
                " WHERE event_id = ? ORDER BY position, entities.name COLLATE NOCASE",
                [event_id],
            ).fetchall()
        return [(entity_from_row(row[:-1]), row[-1]) for row in rows]

    def participations(self, event_ids: Sequence[int] | None = None) -> list[Participation]:
        """Who takes part in these events (in every event, when ``None``), in the order given."""
        sql = "SELECT event_id, entity_id, role FROM event_entities"
        if event_ids is None:
            with translated_errors(self.database.path):
                rows = self.db.execute(sql + " ORDER BY event_id, position").fetchall()
            return [Participation(*row) for row in rows]
        found: list[Participation] = []
        with translated_errors(self.database.path):
            for start in range(0, len(event_ids), _BATCH):
                batch = list(event_ids[start : start + _BATCH])
                rows = self.db.execute(
                    f"{sql} WHERE event_id IN ({', '.join('?' * len(batch))}) ORDER BY event_id, position",
                    batch,
                ).fetchall()
                found += [Participation(*row) for row in rows]
        return found

    def participations_of_entities(self, entity_ids: Sequence[int]) -> list[Participation]:
        found: list[Participation] = []
        with translated_errors(self.database.path):
            for start in range(0, len(entity_ids), _BATCH):
                batch = list(entity_ids[start : start + _BATCH])
                rows = self.db.execute(
                    "SELECT event_id, entity_id, role FROM event_entities"
                    f" WHERE entity_id IN ({', '.join('?' * len(batch))}) ORDER BY event_id, position",
                    batch,
                ).fetchall()
                found += [Participation(*row) for row in rows]
        return found

    def set_participants(self, event_id: int, taking_part: Sequence[tuple[int, str]]) -> None:
        """Make these ``(entity_id, role)`` the event's participants, in this order."""
        with self._writing():
            if self.db.execute("SELECT 1 FROM events WHERE id = ?", [event_id]).fetchone() is None:
                raise StoreError(f"event {event_id} does not exist")
            self.db.execute("DELETE FROM event_entities WHERE event_id = ?", [event_id])
            self._insert_participations(
                Participation(event_id, entity_id, role.strip()) for entity_id, role in taking_part
            )

    def _insert_participations(self, taking_part: Iterable[Participation]) -> None:
        rows, positions = [], dict[int, int]()
        for part in taking_part:
            position = positions.get(part.event_id, 0)
            positions[part.event_id] = position + 1
            rows.append((part.event_id, part.entity_id, part.role, position))
        self.db.conn.executemany(
            "INSERT OR IGNORE INTO event_entities (event_id, entity_id, role, position) VALUES (?, ?, ?, ?)",
            rows,
        )

    def events_with(self, entity_id: int) -> list[int]:
        """The ids of the events an entity takes part in, in time order."""
        with translated_errors(self.database.path):
            rows = self.db.execute(
                "SELECT DISTINCT events.id, events.earliest FROM event_entities JOIN events"
                " ON events.id = event_id WHERE entity_id = ? ORDER BY events.earliest, events.id",
                [entity_id],
            ).fetchall()
        return [row[0] for row in rows]

    def entity_event_counts(self) -> dict[int, int]:
        with translated_errors(self.database.path):
            rows = self.db.execute(
                "SELECT entity_id, count(DISTINCT event_id) FROM event_entities GROUP BY entity_id"
            ).fetchall()
        return dict(rows)

    def merge_entities(
        self, keep_id: int, merged_ids: Sequence[int]
    ) -> tuple[Entity, list[Entity], list[Participation]]:
        """Fold entities into one: their parts in events move to it, their names become its aliases.

        Returns what undoing needs: the kept entity as it was, the merged ones, and every part
        any of them had.
        """
        merged_ids = [entity_id for entity_id in merged_ids if entity_id != keep_id]
        kept = self.entity(keep_id)
        merged = [self.entity(entity_id) for entity_id in merged_ids]
        taking_part = self.participations_of_entities([keep_id, *merged_ids])
        aliases = list(kept.aliases)
        for other in merged:
            for name in other.names():
                if not kept.is_called(name) and name not in aliases:
                    aliases.append(name)
        with self._writing():
            for entity_id in merged_ids:
                self.db.execute(
                    "INSERT OR IGNORE INTO event_entities (event_id, entity_id, role, position)"
                    " SELECT event_id, ?, role, position FROM event_entities WHERE entity_id = ?",
                    [keep_id, entity_id],
                )
                self.db.execute("DELETE FROM entities WHERE id = ?", [entity_id])
            self.db.execute(
                "UPDATE entities SET aliases = ?, modified = ? WHERE id = ?",
                [json.dumps(aliases, ensure_ascii=False), timestamp_now(), keep_id],
            )
        return kept, merged, taking_part

    def unmerge_entities(
        self, kept: Entity, merged: Sequence[Entity], taking_part: Sequence[Participation]
    ) -> None:
        """Undo :meth:`merge_entities` with what it returned."""
        assert kept.id is not None
        with self._writing():
            values = _entity_values(kept) | {"modified": kept.modified}
            self.db.execute(
                f"UPDATE entities SET {', '.join(f'{key} = ?' for key in values)} WHERE id = ?",
                [*values.values(), kept.id],
            )
            self.db.execute("DELETE FROM event_entities WHERE entity_id = ?", [kept.id])
            for entity in merged:
                self._insert_entity(entity)
            self._insert_participations_keeping_order(taking_part)

    def _insert_participations_keeping_order(self, taking_part: Sequence[Participation]) -> None:
        """Put parts back after the event's others (positions are only an order)."""
        for part in taking_part:
            self.db.execute(
                "INSERT OR IGNORE INTO event_entities (event_id, entity_id, role, position)"
                " SELECT ?, ?, ?, coalesce(max(position) + 1, 0) FROM event_entities WHERE event_id = ?",
                [part.event_id, part.entity_id, part.role, part.event_id],
            )

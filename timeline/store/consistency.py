"""Reading what the consistency checks need, lightly enough for a million events."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from timeline.core.consistency import Finding, check_consistency
from timeline.core.model import ContentRelations, Event
from timeline.store.content_relations import read_content_relations
from timeline.store.entities import EntityStore
from timeline.store.errors import translated_errors
from timeline.store.links import LinkStore
from timeline.store.sources import SourceStore


class DatedRow(NamedTuple):
    """An event as the checks see it: its id, title and bounds, nothing more."""

    id: int
    title: str
    earliest: int
    start_latest: int
    latest: int


class ConsistencyQueries(EntityStore, LinkStore, SourceStore):
    """The consistency checks over the whole file."""

    def consistency_findings(self) -> list[Finding]:
        """Children outside their parents, events outside lives, links running backwards and
        likely duplicates: every finding names its events by id."""
        with translated_errors(self.database.path):
            events = {
                row[0]: DatedRow(*row)
                for row in self.db.execute("SELECT id, title, earliest, start_latest, latest FROM events")
            }
            dated = [
                row[0]
                for row in self.db.execute(
                    "SELECT id FROM entities WHERE earliest IS NOT NULL OR latest IS NOT NULL"
                )
            ]
        entities = self.entities_by_ids(dated)
        taking_part = self.participations_of_entities(dated) if dated else []
        return check_consistency(events, self.parents(), entities, taking_part, self.links())

    def content_relations(self, events: Sequence[Event], everything: bool = False) -> ContentRelations:
        """The entities, sources, links and nesting among ``events``, for an export: ``everything``
        (the whole timeline) includes the entities and sources no event refers to."""
        ids = [event.id for event in events if event.id is not None]
        taking_part = self.participations(ids)
        if everything:
            entities = {entity.id: entity for entity in self.entities() if entity.id is not None}
        else:
            entities = self.entities_by_ids(sorted({part.entity_id for part in taking_part}))
        citations = self.citations_of(ids)
        if everything:
            sources = self.sources()
        else:
            cited = {source.id for _, source in citations}
            sources = [source for source in self.sources() if source.id in cited]
        relations = read_content_relations(events, entities, taking_part, sources, citations, self.links())
        return self.with_pictures(events, relations)  # type: ignore[attr-defined]  # from ImageQueries

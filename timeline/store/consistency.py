"""Reading what the consistency checks need, lightly enough for a million events."""

from __future__ import annotations

from typing import NamedTuple

from timeline.core.consistency import Finding, check_consistency
from timeline.store.entities import EntityStore
from timeline.store.errors import translated_errors
from timeline.store.links import LinkStore


class DatedRow(NamedTuple):
    """An event as the checks see it: its id, title and bounds, nothing more."""

    id: int
    title: str
    earliest: int
    start_latest: int
    latest: int


class ConsistencyQueries(EntityStore, LinkStore):
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

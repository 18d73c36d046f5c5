"""Undo commands for entities, sources, links and nesting: one step per user action.

Each keeps what its undo needs (the list as it was, the deleted record with its citations)
and writes through :meth:`TimelineDocument.write_relations`.
"""

from __future__ import annotations

from collections.abc import Sequence

from timeline.core.model import Entity, EventLink, Participation, Source
from timeline.ui.commands import _DocumentCommand
from timeline.ui.document import TimelineDocument


class SetParticipants(_DocumentCommand):
    """Give an event its entities and roles (added, removed, reordered or with a new role)."""

    def __init__(
        self, document: TimelineDocument, event_id: int, after: Sequence[tuple[int, str]], text: str
    ) -> None:
        super().__init__(document, text)
        self.event_id = event_id
        self.before = [(e.id or 0, role) for e, role in document.repository.participants(event_id)]
        self.after = list(after)

    def apply(self) -> None:
        self.document.write_relations(lambda r: r.set_participants(self.event_id, self.after))

    def revert(self) -> None:
        self.document.write_relations(lambda r: r.set_participants(self.event_id, self.before))


class AddEntityTakingPart(_DocumentCommand):
    """A new entity (made on the spot in the editor) taking part in an event: one step."""

    def __init__(self, document: TimelineDocument, event_id: int, entity: Entity, role: str) -> None:
        super().__init__(document, f"Add {entity.name!r} to the event")
        self.event_id, self.entity, self.role = event_id, entity, role
        self.before = [(e.id or 0, r) for e, r in document.repository.participants(event_id)]

    def apply(self) -> None:
        def add(repository: object) -> None:
            entity_id = self.document.repository.add_entity(self.entity)
            self.entity = self.entity.with_changes(id=entity_id)
            self.document.repository.set_participants(self.event_id, [*self.before, (entity_id, self.role)])

        self.document.write_relations(add)

    def revert(self) -> None:
        def remove(repository: object) -> None:
            self.document.repository.set_participants(self.event_id, self.before)
            assert self.entity.id is not None
            self.document.repository.delete_entity(self.entity.id)

        self.document.write_relations(remove)


class SetCitations(_DocumentCommand):
    def __init__(self, document: TimelineDocument, event_id: int, after: Sequence[Source], text: str) -> None:
        super().__init__(document, text)
        self.event_id = event_id
        self.before = document.repository.citations(event_id)
        self.after = list(after)

    def apply(self) -> None:
        self.document.write_relations(lambda r: r.set_citations(self.event_id, self.after))

    def revert(self) -> None:
        self.document.write_relations(lambda r: r.set_citations(self.event_id, self.before))


class AddLink(_DocumentCommand):
    def __init__(self, document: TimelineDocument, link: EventLink, text: str) -> None:
        super().__init__(document, text)
        self.link = link

    def apply(self) -> None:
        if self.link.id is None:
            link_id = self.document.write_relations(lambda r: r.add_link(self.link))
            self.link = EventLink(self.link.from_id, self.link.to_id, self.link.type, self.link.note, link_id)
        else:
            self.document.write_relations(lambda r: r.restore_links([self.link]))

    def revert(self) -> None:
        assert self.link.id is not None
        link_id = self.link.id
        self.document.write_relations(lambda r: r.delete_link(link_id))


class RemoveLink(_DocumentCommand):
    def __init__(self, document: TimelineDocument, link: EventLink, text: str) -> None:
        super().__init__(document, text)
        self.link = link

    def apply(self) -> None:
        assert self.link.id is not None
        link_id = self.link.id
        self.link = self.document.write_relations(lambda r: r.delete_link(link_id))

    def revert(self) -> None:
        self.document.write_relations(lambda r: r.restore_links([self.link]))


class SetParent(_DocumentCommand):
    def __init__(self, document: TimelineDocument, event_id: int, parent_id: int | None, text: str) -> None:
        super().__init__(document, text)
        self.event_id, self.parent_id = event_id, parent_id
        self.before: int | None = document.get_event(event_id).parent_id

    def apply(self) -> None:
        self.document.write_relations(lambda r: r.set_parent(self.event_id, self.parent_id))

    def revert(self) -> None:
        self.document.write_relations(lambda r: r.set_parent(self.event_id, self.before))


class EditEntity(_DocumentCommand):
    def __init__(self, document: TimelineDocument, before: Entity, after: Entity) -> None:
        super().__init__(document, f"Edit Entity '{after.name}'")
        self.before, self.after = before, after

    def apply(self) -> None:
        self.document.write_relations(lambda r: r.update_entity(self.after))

    def revert(self) -> None:
        self.document.write_relations(lambda r: r.update_entity(self.before))


class AddEntity(_DocumentCommand):
    def __init__(self, document: TimelineDocument, entity: Entity) -> None:
        super().__init__(document, f"Add Entity '{entity.name}'")
        self.entity = entity

    def apply(self) -> None:
        if self.entity.id is None:
            entity_id = self.document.write_relations(lambda r: r.add_entity(self.entity))
            self.entity = self.entity.with_changes(id=entity_id)
        else:
            self.document.write_relations(lambda r: r.restore_entity(self.entity, []))

    def revert(self) -> None:
        assert self.entity.id is not None
        entity_id = self.entity.id
        self.document.write_relations(lambda r: r.delete_entity(entity_id))


class DeleteEntity(_DocumentCommand):
    def __init__(self, document: TimelineDocument, entity: Entity) -> None:
        super().__init__(document, f"Delete Entity '{entity.name}'")
        assert entity.id is not None
        self.entity_id = entity.id
        self.saved: tuple[Entity, list[Participation]] | None = None

    def apply(self) -> None:
        self.saved = self.document.write_relations(lambda r: r.delete_entity(self.entity_id))

    def revert(self) -> None:
        assert self.saved is not None
        entity, taking_part = self.saved
        self.document.write_relations(lambda r: r.restore_entity(entity, taking_part))


class MergeEntities(_DocumentCommand):
    def __init__(self, document: TimelineDocument, keep: Entity, merged: Sequence[Entity]) -> None:
        super().__init__(document, f"Merge {len(merged) + 1} Entities into '{keep.name}'")
        assert keep.id is not None
        self.keep_id = keep.id
        self.merged_ids = [entity.id for entity in merged if entity.id is not None]
        self.saved: tuple[Entity, list[Entity], list[Participation]] | None = None

    def apply(self) -> None:
        self.saved = self.document.write_relations(lambda r: r.merge_entities(self.keep_id, self.merged_ids))

    def revert(self) -> None:
        assert self.saved is not None
        saved = self.saved
        self.document.write_relations(lambda r: r.unmerge_entities(*saved))


class EditSource(_DocumentCommand):
    def __init__(self, document: TimelineDocument, before: Source, after: Source) -> None:
        super().__init__(document, f"Edit Source '{after.label()}'")
        self.before, self.after = before, after

    def apply(self) -> None:
        self.document.write_relations(lambda r: r.update_source(self.after))

    def revert(self) -> None:
        self.document.write_relations(lambda r: r.update_source(self.before))


class DeleteSource(_DocumentCommand):
    def __init__(self, document: TimelineDocument, source: Source) -> None:
        super().__init__(document, f"Delete Source '{source.label()}'")
        assert source.id is not None
        self.source_id = source.id
        self.saved: tuple[Source, list[tuple[int, Source, int]]] | None = None

    def apply(self) -> None:
        self.saved = self.document.write_relations(lambda r: r.delete_source(self.source_id))

    def revert(self) -> None:
        assert self.saved is not None
        source, cited = self.saved
        self.document.write_relations(lambda r: r.restore_source(source, cited))


class AddSources(_DocumentCommand):
    """Sources from a reference manager's CSL-JSON file: one step that adds the new ones."""

    def __init__(self, document: TimelineDocument, sources: Sequence[Source], name: str) -> None:
        super().__init__(document, f"Import Sources from '{name}'")
        self.sources = list(sources)
        self.added: list[int] = []

    def apply(self) -> None:
        known = {source.id for source in self.document.repository.sources()}
        ids = self.document.write_relations(lambda r: r.add_sources(self.sources))
        self.added = [source_id for source_id in dict.fromkeys(ids) if source_id not in known]

    def revert(self) -> None:
        def remove(repository: object) -> None:
            for source_id in self.added:
                self.document.repository.delete_source(source_id)

        self.document.write_relations(remove)

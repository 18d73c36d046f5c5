"""One undo command per user action. ``redo`` and ``undo`` call the document, never SQL.

Each command's first ``redo`` happens before it is pushed (see :func:`perform`), so that a
refused or failed change never reaches the undo stack; each call to the document is one
committed transaction, so undoing never leaves the file in a state the user did not reach.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from timeline.core.flat import FlatEvent
from timeline.core.model import Category, ContentRelations, Era, Event, EventRelations
from timeline.core.pictures import Picture, PreparedImage
from timeline.store.bulk import ImportCancelled, Progress
from timeline.store.errors import StoreError
from timeline.ui.document import TimelineDocument


def describe(events: list[Event], verb: str) -> str:
    """``Move 'Vilnius summit'`` or ``Move 3 events``."""
    return f"{verb} '{events[0].title}'" if len(events) == 1 else f"{verb} {len(events)} events"


class _DocumentCommand(QUndoCommand):
    def __init__(self, document: TimelineDocument, text: str) -> None:
        super().__init__(text)
        self.document = document
        self._applied = False

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self._applied:
            return
        self._guarded(self.apply)
        self._applied = True

    def undo(self) -> None:
        self._guarded(self.revert)
        self._applied = False

    def _guarded(self, action: object) -> None:
        try:
            action()  # type: ignore[operator]
        except StoreError as error:
            self.setObsolete(True)  # the file is as it was before this step; drop the step
            self.document.error.emit(str(error))


def perform(command: _DocumentCommand) -> bool:
    """Apply a command and, if that worked, put it on its document's undo stack."""
    try:
        command.apply()
    except ImportCancelled:
        return False  # the user's own choice: nothing to report
    except StoreError as error:
        command.document.error.emit(str(error))
        return False
    command._applied = True
    command.document.undo_stack.push(command)
    return True


class AddEvents(_DocumentCommand):
    def __init__(self, document: TimelineDocument, events: list[Event], verb: str = "Add") -> None:
        super().__init__(document, describe(events, verb))
        self.events = events
        self.ids: list[int] = []
        self.relations: EventRelations | None = None

    def apply(self) -> None:
        self.ids = self.document.add_events(self.events, self.relations)
        self.events = [
            event.with_changes(id=event_id) for event, event_id in zip(self.events, self.ids, strict=True)
        ]

    def revert(self) -> None:
        self.relations = self.document.relations_of(self.ids)
        self.events = self.document.delete_events(self.ids)


class ImportEvents(_DocumentCommand):
    """An accepted import: one step that adds, or on undo removes, all of it."""

    def __init__(
        self,
        document: TimelineDocument,
        events: list[FlatEvent],
        categories: list[Category],
        eras: list[Era],
        title: str,
        source_name: str,
        settings: dict[str, str] | None = None,
        relations: ContentRelations | None = None,
    ) -> None:
        super().__init__(document, f"Import {len(events):,} events from '{source_name}'")
        self.events, self.categories, self.eras, self.title = events, categories, eras, title
        self.settings = settings or {}
        self.relations = relations
        self.added: tuple[list[int], list[int], list[int]] = ([], [], [])
        self.progress: Progress | None = None

    def apply(self) -> None:
        progress, self.progress = self.progress, None  # only the first run reports and can be cancelled
        self.added = self.document.import_content(
            self.events, self.categories, self.eras, self.title, progress, self.settings, self.relations
        )

    def revert(self) -> None:
        self.document.undo_import(self.events, *self.added)


class EditEvents(_DocumentCommand):
    """Any change to existing events: a field, a move, a resize, a move of many."""

    def __init__(
        self, document: TimelineDocument, before: list[Event], after: list[Event], text: str
    ) -> None:
        super().__init__(document, text)
        self.before = before
        self.after = after

    def apply(self) -> None:
        self.document.update_events(self.after)

    def revert(self) -> None:
        self.document.update_events(self.before)


class DeleteEvents(_DocumentCommand):
    def __init__(self, document: TimelineDocument, events: list[Event]) -> None:
        super().__init__(document, describe(events, "Delete"))
        self.ids = [event.id for event in events if event.id is not None]
        self.events = events

    def apply(self) -> None:
        self.relations = self.document.relations_of(self.ids)
        self.events = self.document.delete_events(self.ids)

    def revert(self) -> None:
        self.document.add_events(self.events, self.relations)


class SetPictures(_DocumentCommand):
    """One change to an event's pictures (add, remove, reorder, caption, credit): one undo step."""

    def __init__(
        self,
        document: TimelineDocument,
        event_id: int,
        after: list[Picture],
        text: str,
        new: list[PreparedImage] | None = None,
    ) -> None:
        super().__init__(document, text)
        self.event_id = event_id
        self.before = document.pictures_of(event_id)
        self.after = after
        self.new = new or []

    def apply(self) -> None:
        self.document.set_pictures(self.event_id, self.after, self.new)

    def revert(self) -> None:
        self.document.set_pictures(self.event_id, self.before)


class AddCategory(_DocumentCommand):
    def __init__(self, document: TimelineDocument, category: Category) -> None:
        super().__init__(document, f"Add Category '{category.name}'")
        self.category = category

    def apply(self) -> None:
        if self.category.id is None:
            category_id = self.document.add_category(self.category)
            self.category = next(c for c in self.document.categories().values() if c.id == category_id)
        else:
            self.document.restore_category(self.category, [], [], deleted=False)

    def revert(self) -> None:
        assert self.category.id is not None
        self.document.delete_category(self.category.id, delete_events=False)


class EditCategory(_DocumentCommand):
    def __init__(self, document: TimelineDocument, before: Category, after: Category, text: str) -> None:
        super().__init__(document, text)
        self.before = before
        self.after = after

    def apply(self) -> None:
        self.document.update_category(self.after)

    def revert(self) -> None:
        self.document.update_category(self.before)


class DeleteCategory(_DocumentCommand):
    """Delete a category, and its events or only their link to it: one step either way."""

    def __init__(self, document: TimelineDocument, category: Category, delete_events: bool) -> None:
        verb = "Delete Category and Events" if delete_events else "Delete Category"
        super().__init__(document, f"{verb} '{category.name}'")
        assert category.id is not None
        self.category_id = category.id
        self.delete_events = delete_events
        self.saved: tuple[Category, list[Event], list[int]] | None = None

    def apply(self) -> None:
        self.saved = self.document.delete_category(self.category_id, self.delete_events)

    def revert(self) -> None:
        assert self.saved is not None
        category, events, children = self.saved
        self.document.restore_category(category, events, children, deleted=self.delete_events)


class AddEra(_DocumentCommand):
    def __init__(self, document: TimelineDocument, era: Era) -> None:
        super().__init__(document, f"Add Era '{era.name}'")
        self.era = era

    def apply(self) -> None:
        era_id = self.document.add_era(self.era)
        self.era = Era(self.era.name, self.era.start, self.era.end, self.era.colour, era_id)

    def revert(self) -> None:
        assert self.era.id is not None
        self.document.delete_era(self.era.id)


class EditEra(_DocumentCommand):
    def __init__(self, document: TimelineDocument, before: Era, after: Era) -> None:
        super().__init__(document, f"Edit Era '{after.name}'")
        self.before = before
        self.after = after

    def apply(self) -> None:
        self.document.update_era(self.after)

    def revert(self) -> None:
        self.document.update_era(self.before)


class DeleteEra(_DocumentCommand):
    def __init__(self, document: TimelineDocument, era: Era) -> None:
        super().__init__(document, f"Delete Era '{era.name}'")
        self.era = era

    def apply(self) -> None:
        assert self.era.id is not None
        self.era = self.document.delete_era(self.era.id)

    def revert(self) -> None:
        self.document.add_era(self.era)

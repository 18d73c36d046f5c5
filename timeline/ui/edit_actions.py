"""The Edit menu and the context menus: the user's editing actions, each one undo step."""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from timeline.core.model import Event
from timeline.core.view.period import TimePeriod
from timeline.ui.canvas.widget import NEW_EVENT_TITLE, TimelineCanvas
from timeline.ui.commands import AddEvents, DeleteEvents, EditEvents, describe, perform
from timeline.ui.dialogs.categories import CategoriesDialog
from timeline.ui.dialogs.eras import ErasDialog
from timeline.ui.document import TimelineDocument


class EditActions(QObject):
    """Actions over the canvas' selection; the window puts them in its menus."""

    def __init__(self, document: TimelineDocument, canvas: TimelineCanvas, window: QWidget) -> None:
        super().__init__(window)
        self.document = document
        self.canvas = canvas
        self.window = window
        stack = document.undo_stack
        self.undo = stack.createUndoAction(self, "&Undo")
        self.undo.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo = stack.createRedoAction(self, "&Redo")
        self.redo.setShortcuts(
            [*QKeySequence.keyBindings(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Shift+Z")]
        )
        self.new_event = self._action("&New Event", "Ctrl+N", self.create_event)
        self.duplicate = self._action("D&uplicate", "Ctrl+D", self.duplicate_selected)
        self.delete = self._action("&Delete", QKeySequence.StandardKey.Delete, self.delete_selected)
        self.delete.setShortcuts([QKeySequence(QKeySequence.StandardKey.Delete), QKeySequence("Backspace")])
        self.edit_event = self._action("&Edit Event", "F2", self._request_edit)
        self.categories = self._action("&Categories…", None, self.show_categories)
        self.eras = self._action("E&ras…", None, self.show_eras)
        canvas.selection_changed.connect(self._update_enabled)
        self._update_enabled()

    def _action(self, text: str, shortcut: str | QKeySequence.StandardKey | None, slot: object) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _update_enabled(self, *_: object) -> None:
        has_selection = bool(self.canvas.selected_ids)
        for action in (self.duplicate, self.delete, self.edit_event):
            action.setEnabled(has_selection)

    def fill_menu(self, menu: QMenu) -> None:
        menu.addActions([self.undo, self.redo])
        menu.addSeparator()
        menu.addActions([self.new_event, self.edit_event, self.duplicate, self.delete])
        menu.addSeparator()
        menu.addActions([self.categories, self.eras])

    def selected_events(self) -> list[Event]:
        return [
            self.document.get_event(event_id) for event_id in self.document.existing(self.canvas.selected_ids)
        ]

    def create_event(self) -> int | None:
        return self.canvas.create_event_at(self.canvas.period.centre)

    def duplicate_selected(self) -> list[int]:
        events = self.selected_events()
        if not events:
            return []
        copies = [event.with_changes(id=None, created="", modified="") for event in events]
        command = AddEvents(self.document, copies, "Duplicate")
        command.setText(describe(events, "Duplicate"))
        if perform(command):
            self.canvas.set_selection(command.ids)
            return command.ids
        return []

    def delete_selected(self) -> None:
        events = self.selected_events()
        if events:
            perform(DeleteEvents(self.document, events))

    def set_category(self, name: str | None) -> None:
        events = self.selected_events()
        after = [event.with_changes(category=name) for event in events]
        if events and after != events:
            perform(EditEvents(self.document, events, after, describe(events, "Set Category of")))

    def _request_edit(self) -> None:
        if self.canvas.selected is not None:
            self.canvas.edit_requested.emit(self.canvas.selected)

    def show_categories(self) -> None:
        CategoriesDialog(self.document, self.window).exec()

    def show_eras(self) -> None:
        ErasDialog(self.document, self.window).exec()

    def context_menu(self, event_id: int | None, position: QPoint, time: float) -> QMenu:
        """The menu for a right-click on an event or on empty space; shown by the caller."""
        menu = QMenu(self.window)
        if event_id is not None:
            menu.addActions([self.edit_event, self.duplicate, self.delete])
            category_menu = menu.addMenu("Category")
            none = category_menu.addAction("(none)")
            none.triggered.connect(lambda: self.set_category(None))
            for name in sorted(self.document.categories_by_name(), key=str.casefold):
                action = category_menu.addAction(name)
                action.triggered.connect(lambda _checked=False, name=name: self.set_category(name))
            zoom = menu.addAction("Zoom to Event")
            zoom.triggered.connect(lambda: self._zoom_to(event_id))
        else:
            here = menu.addAction(f"New Event Here ('{NEW_EVENT_TITLE}')")
            here.triggered.connect(lambda: self.canvas.create_event_at(time))
            menu.addAction("Zoom to Fit").triggered.connect(self.canvas.fit_all)
        menu.addSeparator()
        menu.addActions([self.undo, self.redo])
        return menu

    def _zoom_to(self, event_id: int) -> None:
        event = self.document.get_event(event_id)
        latest = min(event.latest, event.earliest + 10**18)
        self.canvas.set_period(TimePeriod.around(event.earliest, latest, margin=0.3))

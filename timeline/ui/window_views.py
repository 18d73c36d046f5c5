"""Saved views of the main window: a period and a filter, kept in the timeline file."""

from __future__ import annotations

import json

from PySide6.QtWidgets import (
    QInputDialog,
    QMenu,
)

from timeline.core.filters import EventFilter
from timeline.core.view.period import TimePeriod
from timeline.ui.mixins import MainWindowPart

VIEW_PREFIX = "view:"
"""Saved views live in the file's settings table under ``view:<name>``."""


class SavedViews(MainWindowPart):
    """The View → Saved Views menu and what it does (mixed into the main window)."""

    views_menu: QMenu

    def _fill_views_menu(self) -> None:
        menu = self.views_menu
        menu.clear()
        menu.addAction("Save Current View…").triggered.connect(self._ask_save_view)
        views = self.document.repository.settings_with_prefix(VIEW_PREFIX)
        if views:
            menu.addSeparator()
        for name in views:
            menu.addAction(name).triggered.connect(lambda _checked=False, name=name: self.show_view(name))
        if views:
            delete = menu.addMenu("Delete")
            for name in views:
                delete.addAction(name).triggered.connect(
                    lambda _checked=False, name=name: self.delete_view(name)
                )

    def _ask_save_view(self) -> None:
        name, accepted = QInputDialog.getText(self, "Save View", "Name of this view (period and filter):")
        if accepted and name.strip():
            self.save_view(name.strip())

    def save_view(self, name: str) -> None:
        period = self.canvas.period
        data = {"period": [period.start, period.end], "filter": self.search.current_filter().to_json()}
        self.document.repository.set_setting(VIEW_PREFIX + name, json.dumps(data))

    def show_view(self, name: str) -> bool:
        text = self.document.repository.setting(VIEW_PREFIX + name)
        if text is None:
            return False
        data = json.loads(text)
        event_filter = EventFilter.from_json(data["filter"])
        self.search.field.setText(event_filter.text)
        self.search.filters.show_filter(event_filter)
        self.search.run()
        self.canvas.set_period(TimePeriod(*data["period"]))
        return True

    def delete_view(self, name: str) -> None:
        self.document.repository.set_setting(VIEW_PREFIX + name, None)

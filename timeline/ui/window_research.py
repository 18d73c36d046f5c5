"""The main window's Entities, Sources and Consistency tabs and their menu entries."""

from __future__ import annotations

from array import array
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QDockWidget, QMenu

from timeline.core.filters import Matches
from timeline.core.model import Event
from timeline.core.view.density import DensityIndex
from timeline.ui.panels.research import ConsistencyPanel, EntitiesPanel, SourcesPanel

LANE_GROUPINGS = (
    ("category", "Category"),
    ("entity:person", "Person"),
    ("entity:place", "Place"),
    ("entity:organisation", "Organisation"),
    ("tag", "Tag"),
)

if TYPE_CHECKING:
    from timeline.ui.app import MainWindow


class ResearchTabs:
    """Builds the three tabs beside Details and keeps the canvas showing what they ask for."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        document = window.document
        self.entities = EntitiesPanel(document)
        self.sources = SourcesPanel(document)
        self.consistency = ConsistencyPanel(document)
        self.docks: list[QDockWidget] = []
        below = window.story_dock
        for title, name, panel in (
            ("Entities", "entities", self.entities),
            ("Sources", "sources", self.sources),
            ("Consistency", "consistency", self.consistency),
        ):
            dock = window._dock(title, name, panel)
            window.tabifyDockWidget(below, dock)
            below = dock
            self.docks.append(dock)
        window.details_dock.raise_()
        for panel in (self.entities, self.sources):
            panel.show_events.connect(self._show_only)
        self.consistency.event_chosen.connect(self._go_to)
        self._add_to_view_menu()

    def _show_only(self, event_ids: frozenset[int] | None) -> None:
        """Show only these events on the timeline (``None``: all again)."""
        if event_ids is None:
            self.window.canvas.set_matching(None, False)
            return
        repository = self.window.document.repository
        shown = repository.events_by_ids(sorted(event_ids))
        self.window.canvas.set_matching(Matches(frozenset(event_ids), _density_of(shown)), False)
        if shown and shown[0].id is not None:
            self.window.canvas.show_event(min(shown, key=lambda event: event.earliest).id or 0, centre=True)

    def _go_to(self, event_id: int) -> None:
        self.window.canvas.show_event(event_id, centre=True)

    def show(self, which: str) -> None:
        dock = {"entities": 0, "sources": 1, "consistency": 2}[which]
        self.docks[dock].show()
        self.docks[dock].raise_()

    def _add_to_view_menu(self) -> None:
        for action in self.window.menuBar().actions():
            menu = action.menu()
            if isinstance(menu, QMenu) and action.text().replace("&", "") == "View":
                self._add_lane_choices(menu)
                menu.addSeparator()
                for dock in self.docks:
                    menu.addAction(dock.toggleViewAction())

    def _add_lane_choices(self, menu: QMenu) -> None:
        """View → Swimlanes By: category, each entity kind, or tag (one band per person …)."""
        choices = menu.addMenu("Swimlanes &By")
        group = QActionGroup(choices)
        self.lane_actions: dict[str, QAction] = {}
        for grouping, label in LANE_GROUPINGS:
            action = choices.addAction(label)
            action.setCheckable(True)
            action.setChecked(grouping == "category")
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, chosen=grouping: self.group_lanes_by(chosen))
            self.lane_actions[grouping] = action

    def group_lanes_by(self, grouping: str) -> None:
        """Turn swimlanes on, one band per category, per entity of a kind, or per tag."""
        window = self.window
        window.canvas.set_lane_grouping(grouping)
        label = dict(LANE_GROUPINGS)[grouping]
        swimlanes = getattr(window, "swimlanes_action", None)
        if isinstance(swimlanes, QAction):
            swimlanes.setText(f"Swim&lanes by {label}")
            if not swimlanes.isChecked():
                swimlanes.trigger()
        else:
            window.canvas.set_swimlanes(True)
        self.lane_actions[grouping].setChecked(True)


def _density_of(events: list[Event]) -> DensityIndex:
    return DensityIndex(
        array("q", sorted(e.earliest for e in events)), array("q", sorted(e.latest for e in events))
    )

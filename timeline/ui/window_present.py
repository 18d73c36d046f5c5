"""Presenting from the main window: which events to step through, and the presentation window."""

from __future__ import annotations

from PySide6.QtCore import Qt

from timeline.ui.mixins import MainWindowPart
from timeline.ui.panels.story import load_story
from timeline.ui.preferences import load_preferences, presentation_palette
from timeline.ui.presentation import PresentationWindow, stops_for


class Presenting(MainWindowPart):
    """F5 and View → Present … (mixed into the main window)."""

    presentation: PresentationWindow | None

    def present(self) -> PresentationWindow:
        """F5: the story when there is one, else what the search keeps, else every event."""
        if load_story(self.document):
            return self.present_story()
        if self.search.matching is not None or self.search.hits:
            return self.present_results()
        return self.present_all()

    def present_story(self) -> PresentationWindow:
        return self._present(load_story(self.document), "Story")

    def present_results(self) -> PresentationWindow:
        matching = self.search.matching
        ids = sorted(matching.ids) if matching is not None else [hit.event_id for hit in self.search.hits]
        events = sorted((self.document.get_event(i) for i in ids), key=lambda e: (e.earliest, e.id or 0))
        return self._present([e.id for e in events if e.id is not None], "Search results")

    def present_all(self) -> PresentationWindow:
        return self._present(self.document.repository.ids_in_time_order(), "All events")

    def _present(self, event_ids: list[int], title: str) -> PresentationWindow:
        window = PresentationWindow(
            self.document, stops_for(self.document, event_ids), title, title_slide=True
        )
        palette = presentation_palette(window.canvas.palette(), load_preferences(self.settings).presentation)
        if palette is not None:
            window.canvas.setPalette(palette)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.finished.connect(self._presentation_finished)
        self.presentation = window
        screen = self.screen()
        if screen is not None:  # where no window manager enlarges it, start at the screen's size
            window.setGeometry(screen.geometry())
        window.showFullScreen()
        window.activateWindow()
        window.setFocus()
        return window

    def _presentation_finished(self) -> None:
        self.presentation = None
        self.activateWindow()

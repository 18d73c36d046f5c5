"""The main window's File menu commands that write pictures or bring in files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QMessageBox,
)

from timeline.ui.dialogs.from_text import EventsFromText
from timeline.ui.dialogs.interchange import import_filter, import_with_preview
from timeline.ui.mixins import MainWindowPart
from timeline.ui.panels.story import load_story
from timeline.ui.presentation import stops_for
from timeline.ui.render import RenderError, render_handout, render_period, render_poster


class FileCommands(MainWindowPart):
    """Import, and exports of the view, a poster and a story handout (mixed into the main window)."""

    def export_poster(self) -> None:
        pages, accepted = QInputDialog.getInt(
            self, "Export Poster", "Landscape A4 pages side by side:", 3, 1, 50
        )
        if not accepted:
            return
        self._save_pdf(
            "Export Poster",
            "poster",
            lambda path: render_poster(self.document, self.canvas.period, pages, "a4", path),
        )

    def _save_pdf(self, title: str, kind: str, render: Callable[[Path], None]) -> None:
        """Ask where to save a PDF, draw it there, and say how it went."""
        name, _ = QFileDialog.getSaveFileName(self, title, f"{self.document.title} {kind}.pdf", "PDF (*.pdf)")
        if not name:
            return
        path = Path(name).with_suffix(".pdf")
        try:
            render(path)
        except (RenderError, OSError) as error:
            QMessageBox.warning(self, title, str(error))
        else:
            self.statusBar().showMessage(f"Saved {path}", 5000)

    def export_handout(self) -> None:
        stops = stops_for(self.document, load_story(self.document))
        if not stops:
            QMessageBox.information(
                self, "Export Story Handout", "The story is empty: add events to it first."
            )
            return
        self._save_pdf(
            "Export Story Handout", "handout", lambda path: render_handout(self.document, stops, path)
        )

    def events_from_text(self) -> None:
        dialog = EventsFromText(self.document, self)
        if dialog.exec() and dialog.added:
            self.canvas.set_selection(dialog.added)
            self.canvas.show_event(dialog.added[0])
            count = len(dialog.added)
            self.statusBar().showMessage(
                f"Added {count} event{'' if count == 1 else 's'} from the text", 5000
            )

    def import_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Import", "", import_filter())
        if name and import_with_preview(self.document, Path(name), self, settings=self.settings):
            self.canvas.fit_all()
            self.statusBar().showMessage(f"Imported {Path(name).name}", 5000)

    def export_view(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            "Export View as Image",
            f"{self.document.title}.png",
            "PNG image (*.png);;SVG (*.svg);;PDF (*.pdf)",
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() not in (".png", ".svg", ".pdf"):
            path = path.with_suffix(".png")
        size = self.canvas.size()
        try:
            render_period(
                self.document,
                self.canvas.period,
                QSize(size.width(), size.height()),
                path,
                self.canvas.font(),
            )
        except (RenderError, OSError) as error:
            QMessageBox.warning(self, "Export View as Image", str(error))
        else:
            self.statusBar().showMessage(f"Saved {path}", 5000)

"""The main window over a real file, and a guard against a broken Qt binding."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen

from timeline.ui.app import MainWindow
from timeline.ui.document import TimelineDocument
from timeline.ui.models.event_table import EventTableModel


def test_painting_does_not_leak_references_to_none() -> None:
    """PySide6 6.12.0 dropped a reference to None on every QPainter call, killing CPython 3.11."""
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for _ in range(20_000):
        painter.setPen(QPen(QColor("red")))
        painter.drawLine(0, 0, 10, 10)
    after = sys.getrefcount(None)
    painter.end()
    assert after >= before - 100


def test_the_event_model_passes_qt_model_checks(qtmodeltester, sample_document: TimelineDocument) -> None:  # type: ignore[no-untyped-def]
    model = EventTableModel(sample_document)
    qtmodeltester.check(model)
    assert model.rowCount() == 8
    assert model.index(0, 1).data() == "Bucharest summit declaration"
    assert model.index(0, 0).data() == "3 April 2008"


def test_the_main_window_lists_the_events(qtbot, sample_document: TimelineDocument, settings) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(sample_document, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert "Ukraine and NATO" in window.windowTitle()
    assert window.event_model.index(7, 1).data(Qt.ItemDataRole.DisplayRole) == "Vilnius summit"

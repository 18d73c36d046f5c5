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


def test_deep_pages_of_the_list_come_in_time_order(qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import random

    from timeline.core.dates.dates import HistoricalDate
    from timeline.core.model import Event
    from timeline.store.database import open_database
    from timeline.store.repository import TimelineRepository
    from timeline.ui import document as document_module

    path = tmp_path / "long.timeline.db"
    rng = random.Random(9)
    with open_database(path) as database:
        TimelineRepository(database).add_events(
            Event(f"e{n}", HistoricalDate.of_year(rng.randint(-500, 2000))) for n in range(3000)
        )
    long_document = TimelineDocument(path)
    try:
        expected = long_document.repository.events()
        monkeypatch.setattr(document_module, "_OFFSET_LIMIT", 100)
        assert [e.id for e in long_document.events_page(2500, 300)] == [e.id for e in expected[2500:2800]]
        assert [e.id for e in long_document.events_page(0, 50)] == [e.id for e in expected[:50]]
    finally:
        long_document.close()

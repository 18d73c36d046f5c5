"""The app icon: one SVG, legible from a title bar to a launcher."""

from __future__ import annotations

from PySide6.QtGui import QColor

from timeline.ui.app import MainWindow
from timeline.ui.document import TimelineDocument
from timeline.ui.icon import app_icon


def test_the_icon_renders_at_small_and_large_sizes(qapp) -> None:  # type: ignore[no-untyped-def]
    icon = app_icon()
    assert not icon.isNull()
    for size in (16, 256):
        image = icon.pixmap(size, size).toImage()
        assert image.width() == size
        centre = QColor(image.pixel(size // 2, size // 2))
        corner = QColor(image.pixelColor(0, 0))
        assert corner.alpha() == 0  # rounded corners are transparent
        assert centre.alpha() == 255


def test_the_main_window_carries_the_icon(qtbot, sample_document: TimelineDocument, settings) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(sample_document, settings)
    qtbot.addWidget(window)
    assert not window.windowIcon().isNull()
    assert window.windowIcon().pixmap(32, 32).toImage().pixelColor(16, 30).alpha() == 255

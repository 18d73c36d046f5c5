"""The base of the main window's mixins: what they may rely on the window to have."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow

from timeline.ui.canvas.widget import TimelineCanvas
from timeline.ui.document import TimelineDocument
from timeline.ui.panels.search import SearchPanel

if TYPE_CHECKING:  # to the type checker a mixin of the main window is a main window
    _WindowBase = QMainWindow
else:
    _WindowBase = object


class MainWindowPart(_WindowBase):
    """A group of the main window's commands, kept in a module of its own."""

    document: TimelineDocument
    settings: QSettings
    canvas: TimelineCanvas
    search: SearchPanel

"""The Help menu's commands, given the window they help with."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from timeline.ui.help.about import AboutDialog
from timeline.ui.help.guide_window import UserGuide
from timeline.ui.help.shortcuts import ShortcutsDialog


class HelpCommands(QObject):
    """User Guide (F1), Keyboard Shortcuts and About; the guide is one window, raised when open."""

    def __init__(self, window: QMainWindow, file: Path | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.file = file
        self.guide: UserGuide | None = None
        self.user_guide = QAction("&User Guide", self)
        self.user_guide.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.user_guide.triggered.connect(self.show_guide)
        self.keyboard_shortcuts = QAction("&Keyboard Shortcuts", self)
        self.keyboard_shortcuts.setShortcut(QKeySequence("Ctrl+/"))
        self.keyboard_shortcuts.triggered.connect(self.show_shortcuts)
        self.about = QAction("&About Timeline", self)
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self.about.triggered.connect(self.show_about)

    def fill_menu(self, menu: QMenu) -> None:
        menu.addActions([self.user_guide, self.keyboard_shortcuts])
        menu.addSeparator()
        menu.addAction(self.about)

    def show_guide(self) -> UserGuide:
        if self.guide is None:
            self.guide = UserGuide(parent=self.window)
            self.guide.setWindowIcon(self.window.windowIcon())
        self.guide.show()
        self.guide.raise_()
        self.guide.activateWindow()
        self.guide.search.setFocus()
        return self.guide

    def shortcuts_dialog(self) -> ShortcutsDialog:
        return ShortcutsDialog(self.window.menuBar(), self.window)

    def show_shortcuts(self) -> None:
        self.shortcuts_dialog().exec()

    def about_dialog(self) -> AboutDialog:
        return AboutDialog(self.file, self.window)

    def show_about(self) -> None:
        self.about_dialog().exec()

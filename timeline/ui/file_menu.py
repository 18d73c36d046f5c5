"""The File menu's desktop commands: Open Recent, Save a Copy As, Restore from Backup, Close,
Preferences, and the daily backup of the open file.

A small controller given the window, its document and its settings; what must reach beyond
one window (opening another file, putting a restored file in this window's place, applying
preferences to every window) it is handed as callables, so that it can be tested alone.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from timeline.store.backups import (
    Backup,
    back_up_if_due,
    backup_due,
    backup_file,
    backup_folder,
    list_backups,
    restore,
    save_copy,
)
from timeline.store.errors import StoreError
from timeline.ui.dialogs.preferences import PreferencesDialog
from timeline.ui.dialogs.restore_backup import RestoreBackupDialog
from timeline.ui.document import TimelineDocument
from timeline.ui.preferences import Preferences, load_preferences, save_preferences
from timeline.ui.recent_files import forget_recent, recent_files

BACKGROUND_BACKUP_BYTES = 32 * 1024 * 1024
"""Larger files are backed up by a thread of their own, so that the window is not held up."""


class FileMenu(QObject):
    """Signals:
    backup_finished(str, str): a backup was made (its path, "") or failed ("", the reason).
    """

    backup_finished = Signal(str, str)

    def __init__(
        self,
        window: QMainWindow,
        document: TimelineDocument,
        settings: QSettings,
        backups_root: Path,
        open_file: Callable[[Path], object],
        replace_with: Callable[[Path], object],
        apply_preferences: Callable[[Preferences], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.document = document
        self.settings = settings
        self.backups_root = backups_root
        self.open_file = open_file
        self.replace_with = replace_with
        self.apply_preferences = apply_preferences
        self.last_backup: Path | None = None
        self.backup_problem = ""
        self.recent_menu = QMenu("Open &Recent", window)
        self.recent_menu.aboutToShow.connect(self.fill_recent)
        self.save_copy = self._action("Save a &Copy As…", "Ctrl+Shift+S", self.save_a_copy)
        self.restore = self._action("Restore from &Backup…", None, self.restore_from_backup)
        self.close = self._action("&Close", QKeySequence.StandardKey.Close, window.close)
        self.preferences = self._action(
            "Pre&ferences…", QKeySequence.StandardKey.Preferences, self.edit_preferences
        )
        self.preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        if self.preferences.shortcut().isEmpty():
            self.preferences.setShortcut(QKeySequence("Ctrl+,"))
        self.backup_finished.connect(self._backup_done)
        self.fill_recent()

    def _action(self, text: str, shortcut: str | QKeySequence.StandardKey | None, slot: object) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    # Open Recent --------------------------------------------------------------------------------

    def fill_recent(self) -> None:
        self.recent_menu.clear()
        files = [path for path in recent_files(self.settings) if path != self.document.path.resolve()]
        for number, path in enumerate(files, start=1):
            action = self.recent_menu.addAction(f"&{number % 10} {path.name}")
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _checked=False, path=path: self.open_file(path))
        if not files:
            self.recent_menu.addAction("No other timelines opened lately").setEnabled(False)
        self.recent_menu.addSeparator()
        clear = self.recent_menu.addAction("&Clear Menu")
        clear.setEnabled(bool(files))
        clear.triggered.connect(lambda: forget_recent(self.settings))

    # Save a Copy As ---------------------------------------------------------------------------

    def save_a_copy(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            "Save a Copy As",
            str(
                self.document.path.with_name(
                    self.document.path.name.replace(".timeline.db", " copy.timeline.db")
                )
            ),
            "Timelines (*.timeline.db *.db)",
        )
        if name:
            self.copy_to(Path(name))

    def copy_to(self, target: Path) -> bool:
        if not target.name.endswith(".db"):
            target = target.with_name(target.name + ".timeline.db")
        try:
            save_copy(self.document.database, target)
        except StoreError as error:
            QMessageBox.warning(self.window, "Save a Copy As", str(error))
            return False
        self.window.statusBar().showMessage(f"Saved a copy as {target}; this window keeps the original", 8000)
        return True

    # Backups ------------------------------------------------------------------------------------

    @property
    def backup_folder(self) -> Path:
        return backup_folder(self.backups_root, self.document.path)

    def back_up_if_due(self) -> None:
        """The daily backup, on open: at once for a small file, in a thread for a large one."""
        if self.document.readonly or not backup_due(self.backup_folder):
            return
        try:
            large = self.document.path.stat().st_size > BACKGROUND_BACKUP_BYTES
        except OSError:
            large = False
        if not large:
            try:
                made = back_up_if_due(self.document.database, self.backups_root)
            except StoreError as error:
                self.backup_finished.emit("", str(error))
            else:
                self.backup_finished.emit(str(made or ""), "")
            return
        path, folder = self.document.path, self.backup_folder

        def work() -> None:
            try:
                made = backup_file(path, folder)
            except StoreError as error:
                self.backup_finished.emit("", str(error))
            else:
                self.backup_finished.emit(str(made), "")

        threading.Thread(target=work, name="timeline-backup", daemon=True).start()

    def _backup_done(self, made: str, problem: str) -> None:
        self.last_backup = Path(made) if made else None
        self.backup_problem = problem
        if problem:
            self.window.statusBar().showMessage(f"No backup was made: {problem}", 20_000)
        elif made:
            self.window.statusBar().showMessage(
                "Backed up (File → Restore from Backup… lists the backups)", 5000
            )

    def restore_from_backup(self) -> None:
        dialog = RestoreBackupDialog(list_backups(self.backup_folder), self.document.path.name, self.window)
        chosen = dialog.chosen() if dialog.exec() else None
        if chosen is None:
            return
        when = chosen.taken.astimezone().strftime("%d %B %Y, %H:%M")
        answer = QMessageBox.question(
            self.window,
            "Restore from Backup",
            f"Put the backup of {when} ({chosen.events:,} events) in place of {self.document.path.name}?"
            "\n\nThe file as it is now is kept as a backup first, and the undo history is cleared.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_now(chosen)

    def restore_now(self, chosen: Backup) -> Path | None:
        """Close the file, restore the backup over it (after backing it up) and reopen it here."""
        path = self.document.path
        self.document.close()
        try:
            restored = restore(chosen, path, self.backup_folder)
        except StoreError as error:
            message = str(error)
            self.replace_with(path)
            QTimer.singleShot(0, lambda: QMessageBox.warning(None, "Restore from Backup", message))
            return None
        self.replace_with(restored)
        return restored

    # Preferences --------------------------------------------------------------------------------

    def edit_preferences(self) -> None:
        dialog = PreferencesDialog(load_preferences(self.settings), self.window)
        if dialog.exec():
            self.set_preferences(dialog.preferences())

    def set_preferences(self, preferences: Preferences) -> None:
        save_preferences(self.settings, preferences)
        self.apply_preferences(preferences)

    def fill_menu_items(self) -> list[QAction]:
        """The actions in File menu order (Open Recent goes after Open)."""
        return [self.save_copy, self.restore]

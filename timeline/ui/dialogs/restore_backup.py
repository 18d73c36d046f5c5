"""File → Restore from Backup…: the file's backups, newest first, with their dates and events."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from timeline.store.backups import Backup


def describe_backup(backup: Backup) -> tuple[str, str, str]:
    """(when, events, note) as the list shows them."""
    when = backup.taken.astimezone().strftime("%A %d %B %Y, %H:%M")
    events = f"{backup.events:,}" if backup.events is not None else "—"
    note = backup.problem or ("made before a restore" if backup.kind == "before-restore" else "")
    return when, events, note


class RestoreBackupDialog(QDialog):
    """Choose a backup; damaged ones are listed, greyed out, and cannot be chosen."""

    def __init__(self, backups: list[Backup], file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from Backup")
        self.backups = backups
        intro = QLabel(
            f"Backups of <b>{file_name}</b>, newest first. Restoring puts the chosen backup in"
            " place of the file; the file as it is now is kept as a backup first."
            if backups
            else f"There are no backups of <b>{file_name}</b> yet. One is made each day the file is opened."
        )
        intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Taken", "Events", ""])
        self.tree.setRootIsDecorated(False)
        self.tree.setAccessibleName("Backups")
        items = []
        for backup in backups:
            item = QTreeWidgetItem(list(describe_backup(backup)))
            items.append(item)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if not backup.good:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled & ~Qt.ItemFlag.ItemIsSelectable)
            self.tree.addTopLevelItem(item)
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton("&Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.tree.itemSelectionChanged.connect(self._update)
        self.tree.itemDoubleClicked.connect(lambda *_: self.accept() if self.chosen() else None)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree)
        layout.addWidget(self.buttons)
        first_good = next((row for row, backup in enumerate(backups) if backup.good), None)
        if first_good is not None:
            self.tree.setCurrentItem(items[first_good])
        em = self.fontMetrics().horizontalAdvance("M")
        self.resize(40 * em, 22 * self.fontMetrics().height())

    def chosen(self) -> Backup | None:
        item = self.tree.currentItem()
        if item is None or not item.isSelected():
            return None
        backup = self.backups[self.tree.indexOfTopLevelItem(item)]
        return backup if backup.good else None

    def _update(self) -> None:
        self.restore_button.setEnabled(self.chosen() is not None)

"""An event's history, to put it back as it was at any point, and the Trash of deleted events."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from timeline.store.history import FIELD_NAMES, HistoryEntry, shown_value

ACTION_NAMES = {"create": "Added", "edit": "Changed", "delete": "Deleted", "restore": "Restored"}


def when(at: str) -> str:
    try:
        moment = datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        return at
    return moment.astimezone().strftime("%d %b %Y, %H:%M")


def describe_entry(entry: HistoryEntry) -> str:
    if entry.action == "edit":
        before, after = entry.before or {}, entry.after or {}
        return "; ".join(
            f"{FIELD_NAMES[field]}: {shown_value(field, before)} → {shown_value(field, after)}"
            for field in entry.changed()
        )
    values = entry.after or entry.before or {}
    return f"{values.get('title', '')} ({shown_value('start', values)})"


def _tree(headers: list[str], name: str) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setAccessibleName(name)
    tree.setWordWrap(True)
    return tree


class HistoryDialog(QDialog):
    """The changes of one event, newest first; Restore puts it back as it was after the chosen
    change (before it, for the oldest), as one undo step."""

    def __init__(self, title: str, entries: list[HistoryEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"History of '{title}'")
        self.entries = list(reversed(entries))
        self.tree = _tree(["When", "What", "Change"], "Changes")
        for entry in self.entries:
            self.tree.addTopLevelItem(
                QTreeWidgetItem(
                    [when(entry.at), ACTION_NAMES.get(entry.action, entry.action), describe_entry(entry)]
                )
            )
        for column in range(2):
            self.tree.resizeColumnToContents(column)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = QPushButton("&Restore This Version")
        self.restore_button.setToolTip("Put the event back as it was right after the chosen change")
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.tree.itemSelectionChanged.connect(
            lambda: self.restore_button.setEnabled(self.chosen() is not None)
        )
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Every change to this event, newest first."))
        layout.addWidget(self.tree)
        layout.addWidget(self.buttons)
        em = self.fontMetrics().horizontalAdvance("M")
        self.resize(52 * em, 24 * self.fontMetrics().height())

    def choose(self, row: int) -> None:
        item = self.tree.topLevelItem(row)
        if item is not None:
            self.tree.setCurrentItem(item)

    def chosen(self) -> dict[str, object] | None:
        """The event's fields as the chosen change left them."""
        item = self.tree.currentItem()
        row = self.tree.indexOfTopLevelItem(item) if item is not None else -1
        if row < 0:
            return None
        entry = self.entries[row]
        return entry.after if entry.after is not None else entry.before


class TrashDialog(QDialog):
    """The deleted events, newest first: Restore brings the chosen back (one undo step); Empty
    Trash forgets them all, only after asking."""

    def __init__(self, entries: list[HistoryEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Trash")
        self.entries = entries
        self.tree = _tree(["Deleted", "Event", "When it happened"], "Deleted events")
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.ExtendedSelection)
        for entry in entries:
            values = entry.before or {}
            self.tree.addTopLevelItem(
                QTreeWidgetItem([when(entry.at), str(values.get("title", "")), shown_value("start", values)])
            )
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        self.empty_label = QLabel("The Trash is empty." if not entries else f"{len(entries)} deleted events.")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = QPushButton("&Restore")
        self.empty_button = QPushButton("&Empty Trash…")
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.empty_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.restore_button.setEnabled(False)
        self.empty_button.setEnabled(bool(entries))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.emptied = False
        self.empty_button.clicked.connect(self._empty)
        self.tree.itemSelectionChanged.connect(lambda: self.restore_button.setEnabled(bool(self.chosen())))
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.tree)
        layout.addWidget(self.buttons)
        em = self.fontMetrics().horizontalAdvance("M")
        self.resize(56 * em, 22 * self.fontMetrics().height())

    def chosen(self) -> list[HistoryEntry]:
        rows = sorted(self.tree.indexOfTopLevelItem(item) for item in self.tree.selectedItems())
        return [self.entries[row] for row in rows if row >= 0]

    def _empty(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            "Empty Trash",
            f"Forget the {len(self.entries)} deleted events for good? This cannot be undone.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.emptied = True
            self.done(2)

"""Keyboard shortcuts read from the window's own actions, so the list cannot drift from the menus."""

from __future__ import annotations

from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QMenu,
    QMenuBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class Shortcut:
    """One action with a shortcut: where it is in the menus, what it is called, its keys."""

    menu: str
    action: str
    keys: tuple[str, ...]


def plain_text(text: str) -> str:
    """A menu text without its mnemonic ampersands (``&&`` is a real ampersand)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def key_names(action: QAction) -> tuple[str, ...]:
    """The action's shortcuts as the platform writes them (``Ctrl+Shift+Z``)."""
    native = QKeySequence.SequenceFormat.NativeText
    return tuple(key.toString(native) for key in action.shortcuts() if not key.isEmpty())


def menu_actions(menu_bar: QMenuBar) -> list[tuple[str, QAction]]:
    """Every action of the menus with its menu path (``View › Saved Views``), in menu order."""
    found: list[tuple[str, QAction]] = []

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            submenu = action.menu()
            if isinstance(submenu, QMenu):
                walk(submenu, f"{path} › {plain_text(submenu.title())}")
            elif not action.isSeparator():
                found.append((path, action))

    for action in menu_bar.actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            walk(menu, plain_text(menu.title()))
    return found


def shortcuts(menu_bar: QMenuBar) -> list[Shortcut]:
    """The shortcuts of every menu action that has one."""
    rows = []
    for path, action in menu_actions(menu_bar):
        keys = key_names(action)
        if keys:
            rows.append(Shortcut(path, plain_text(action.text()), keys))
    return rows


def show_shortcuts_in_tooltips(menu_bar: QMenuBar) -> None:
    """Give each menu action a tooltip with its shortcut, kept right when its text changes
    (Undo "Move 'Vilnius summit'"), and let the menus show them."""
    for menu in menu_bar.findChildren(QMenu):
        menu.setToolTipsVisible(True)
    for _path, action in menu_actions(menu_bar):
        if action.findChild(_ShortcutTip) is None:
            _ShortcutTip(action)


class _ShortcutTip(QObject):
    """Rewrites its action's tooltip whenever the action changes; goes when the action goes."""

    def __init__(self, action: QAction) -> None:
        super().__init__(action)
        self.action = action
        action.changed.connect(self.update)
        self.update()

    def update(self) -> None:
        if not shiboken6.isValid(self.action):  # changed is emitted by an action being destroyed
            return
        keys = key_names(self.action)
        text = plain_text(self.action.text()).rstrip("…")
        tip = f"{text} ({', '.join(keys)})" if keys else text
        if self.action.toolTip() != tip:
            self.action.setToolTip(tip)


class ShortcutsDialog(QDialog):
    """Every shortcut of the window's menus, grouped by menu, with a filter field."""

    def __init__(self, menu_bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter by action or key")
        self.filter.setClearButtonEnabled(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Action", "Shortcut"])
        self.tree.setRootIsDecorated(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self._groups: dict[str, tuple[QTreeWidgetItem, list[QTreeWidgetItem]]] = {}
        for row in shortcuts(menu_bar):
            if row.menu not in self._groups:
                group = QTreeWidgetItem(self.tree, [row.menu])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFirstColumnSpanned(True)
                self._groups[row.menu] = (group, [])
            group, children = self._groups[row.menu]
            children.append(QTreeWidgetItem(group, [row.action, ", ".join(row.keys)]))
        self.tree.expandAll()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.filter.textChanged.connect(self._apply_filter)
        em = self.fontMetrics().horizontalAdvance("M")
        self.resize(44 * em, 42 * self.fontMetrics().height())

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for group, children in self._groups.values():
            visible = 0
            for child in children:
                shown = not needle or any(needle in child.text(column).casefold() for column in (0, 1))
                child.setHidden(not shown)
                visible += shown
            group.setHidden(visible == 0)

    def visible_rows(self) -> list[tuple[str, str]]:
        """The (action, shortcut) rows the filter leaves, for tests and screen readers alike."""
        rows = []
        for group, children in self._groups.values():
            for child in children:
                if not child.isHidden() and not group.isHidden():
                    rows.append((child.text(0), child.text(1)))
        return rows

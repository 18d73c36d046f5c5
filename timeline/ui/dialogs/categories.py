"""Manage categories: add, rename, recolour, nest and delete, each an undoable step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QInputDialog,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from timeline.core.colours import colour_for
from timeline.core.model import Category
from timeline.ui.commands import AddCategory, DeleteCategory, EditCategory, perform
from timeline.ui.dialogs.managing import lay_out_manager
from timeline.ui.document import TimelineDocument


def swatch(colour: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(colour or "#888888"))
    return QIcon(pixmap)


class CategoriesDialog(QDialog):
    """The categories as a tree (children under their parent) with buttons for each change."""

    def __init__(self, document: TimelineDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setWindowTitle("Categories")
        self.resize(420, 420)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.itemDoubleClicked.connect(lambda *_: self.rename())
        lay_out_manager(
            self,
            self.tree,
            [
                ("Add…", self.add),
                ("Rename…", self.rename),
                ("Colour…", self.recolour),
                ("Move Under…", self.move_under),
                ("Delete…", self.delete),
            ],
        )
        document.categories_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        selected = self.current()
        self.tree.clear()
        categories = self.document.categories()
        items: dict[int, QTreeWidgetItem] = {}
        pending = sorted(categories.values(), key=lambda c: c.name.casefold())
        while pending:  # parents before children, whatever the order
            placed = False
            for category in list(pending):
                if (
                    category.parent_id is None
                    or category.parent_id in items
                    or category.parent_id not in categories
                ):
                    parent = items.get(category.parent_id) if category.parent_id is not None else None
                    item = QTreeWidgetItem([category.name])
                    item.setIcon(0, swatch(category.colour))
                    item.setData(0, Qt.ItemDataRole.UserRole, category.id)
                    (parent.addChild(item) if parent else self.tree.addTopLevelItem(item))
                    assert category.id is not None
                    items[category.id] = item
                    pending.remove(category)
                    placed = True
            if not placed:
                break
        self.tree.expandAll()
        if selected is not None and selected.id in items:
            self.tree.setCurrentItem(items[selected.id])

    def current(self) -> Category | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        return self.document.categories().get(item.data(0, Qt.ItemDataRole.UserRole))

    def add(self) -> None:
        name, accepted = QInputDialog.getText(self, "Add Category", "Name:")
        if accepted:
            self.add_named(name)

    def add_named(self, name: str) -> bool:
        name = name.strip()
        if not name:
            return False
        if name in self.document.categories_by_name():
            QMessageBox.warning(self, "Add Category", f"There is a category named '{name}' already.")
            return False
        colour = colour_for(len(self.document.categories()))
        return perform(AddCategory(self.document, Category(name, colour)))

    def rename(self) -> None:
        category = self.current()
        if category is None:
            return
        name, accepted = QInputDialog.getText(self, "Rename Category", "Name:", text=category.name)
        if accepted:
            self.rename_to(category, name)

    def rename_to(self, category: Category, name: str) -> bool:
        name = name.strip()
        if not name or name == category.name:
            return False
        if name in self.document.categories_by_name():
            QMessageBox.warning(self, "Rename Category", f"There is a category named '{name}' already.")
            return False
        after = Category(name, category.colour, category.parent_id, category.id)
        return perform(EditCategory(self.document, category, after, f"Rename Category '{category.name}'"))

    def recolour(self) -> None:
        category = self.current()
        if category is None:
            return
        colour = QColorDialog.getColor(
            QColor(category.colour or "#888888"), self, f"Colour of '{category.name}'"
        )
        if colour.isValid():
            self.recolour_to(category, colour.name())

    def recolour_to(self, category: Category, colour: str) -> bool:
        after = Category(category.name, colour, category.parent_id, category.id)
        return perform(EditCategory(self.document, category, after, f"Recolour Category '{category.name}'"))

    def move_under(self) -> None:
        category = self.current()
        if category is None:
            return
        others = [c.name for c in self.document.categories().values() if c.id != category.id]
        choice, accepted = QInputDialog.getItem(
            self, "Move Category", f"Put '{category.name}' under:", ["(top level)", *others], 0, False
        )
        if accepted:
            parent = self.document.categories_by_name().get(choice)
            after = Category(category.name, category.colour, parent.id if parent else None, category.id)
            perform(EditCategory(self.document, category, after, f"Move Category '{category.name}'"))

    def delete(self) -> None:
        category = self.current()
        if category is None:
            return
        count = len(self.document.repository.events_in_category(category.id or 0))
        delete_events = False
        if count:
            box = QMessageBox(self)
            box.setWindowTitle("Delete Category")
            events = f"{count} event belongs" if count == 1 else f"{count} events belong"
            box.setText(f"{events} to '{category.name}'.")
            box.setInformativeText("Keep the events without a category, or delete them with it?")
            keep = box.addButton("Keep Events", QMessageBox.ButtonRole.AcceptRole)
            remove = box.addButton("Delete Events Too", QMessageBox.ButtonRole.DestructiveRole)
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.exec()
            if box.clickedButton() not in (keep, remove):
                return
            delete_events = box.clickedButton() is remove
        perform(DeleteCategory(self.document, category, delete_events))

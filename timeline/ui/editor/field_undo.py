"""Undo and redo where the user is: in a field of the editing panel.

A line edit has an undo of its own, which Ctrl+Z reaches before the window's Undo. That is
right while the field holds text not yet written (Ctrl+Z takes back the typing), and wrong
once the value is in the file: then the field's undo would put the old text back in the field
only, and leaving the field would save it as a new step. So each watched field asks whether its
text is what the file holds; if so, Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) step the document's
undo stack instead, and the panel shows the result in the field at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QWidget


def undo_direction(event: QKeyEvent) -> int:
    """-1 for an undo key, +1 for a redo key, 0 for any other key."""
    if event.matches(QKeySequence.StandardKey.Undo):
        return -1
    if event.matches(QKeySequence.StandardKey.Redo):
        return 1
    ctrl = Qt.KeyboardModifier.ControlModifier
    shift = Qt.KeyboardModifier.ShiftModifier
    modifiers = event.modifiers() & (ctrl | shift | Qt.KeyboardModifier.AltModifier)
    if event.key() == Qt.Key.Key_Z and modifiers == ctrl | shift:
        return 1
    if event.key() == Qt.Key.Key_Y and modifiers == ctrl:
        return 1
    return 0


class FieldUndo(QObject):
    """Sends undo keys in clean fields to the document's stack.

    ``is_written(widget)`` tells whether the widget's text is the value in the file;
    ``refresh()`` shows the event again after a step, in the focused field too.
    """

    def __init__(
        self,
        stack: QUndoStack,
        is_written: Callable[[QWidget], bool],
        refresh: Callable[[], None],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.stack = stack
        self.is_written = is_written
        self.refresh = refresh

    def watch(self, *widgets: QWidget) -> None:
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        assert isinstance(event, QKeyEvent)
        direction = undo_direction(event)
        if not direction or not isinstance(watched, QWidget) or not self.is_written(watched):
            return False  # the field's own editing keys (its text is not written yet)
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # deliver the key here rather than to the window's shortcut
            return True
        if direction < 0 and self.stack.canUndo():
            self.stack.undo()
        elif direction > 0 and self.stack.canRedo():
            self.stack.redo()
        self.refresh()
        return True

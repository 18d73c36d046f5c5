"""The shape shared by the dialogs that manage a list: the list, a column of buttons, Close."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget


def lay_out_manager(
    dialog: QDialog, items: QWidget, actions: Sequence[tuple[str, Callable[[], object]]]
) -> None:
    buttons = QVBoxLayout()
    for text, slot in actions:
        button = QPushButton(text)
        button.clicked.connect(slot)
        buttons.addWidget(button)
    buttons.addStretch(1)
    row = QHBoxLayout()
    row.addWidget(items, 1)
    row.addLayout(buttons)
    close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    close.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(row)
    layout.addWidget(close)

"""About Timeline: the version, the licence, what it runs on and where it keeps its data."""

from __future__ import annotations

import html
import platform
import sys
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QSettings, Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from timeline import __version__
from timeline.workspace import data_dir

LICENCE = "MIT"


def about_facts(file: Path | None = None) -> list[tuple[str, str]]:
    """What the About box lists, as (label, value) pairs; also what Copy puts on the clipboard."""
    facts = [
        ("Version", __version__),
        ("Licence", LICENCE),
        ("Python", f"{platform.python_version()} ({sys.executable})"),
        ("Qt", f"{qVersion()} (PySide6 {pyside_version})"),
        ("Platform", platform.platform()),
        ("Data folder", str(data_dir())),
        ("Backups", str(data_dir() / "backups")),
        ("Settings", QSettings().fileName()),
    ]
    if file is not None:
        facts.append(("This timeline", str(file)))
    return facts


class AboutDialog(QDialog):
    """A small window with the facts a bug report needs, selectable and copyable."""

    def __init__(self, file: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Timeline")
        self.facts = about_facts(file)
        heading = QLabel(
            f"<h2>Timeline {html.escape(__version__)}</h2>"
            "<p>An offline timeline for dated evidence, teaching and notes.<br>"
            f"Free software under the {LICENCE} licence.</p>"
        )
        heading.setTextFormat(Qt.TextFormat.RichText)
        rows = "".join(
            f"<tr><td><b>{html.escape(label)}</b>&nbsp;&nbsp;</td><td>{html.escape(value)}</td></tr>"
            for label, value in self.facts
        )
        self.details = QLabel(f"<table>{rows}</table>")
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.details.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton("&Copy Details")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.details)
        layout.addWidget(buttons)
        self.setMinimumWidth(40 * self.fontMetrics().horizontalAdvance("M"))

    def details_text(self) -> str:
        return "\n".join(f"{label}: {value}" for label, value in self.facts)

    def copy_details(self) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(self.details_text())

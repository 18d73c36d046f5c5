"""File → Publish as Web Page…: the timeline, or the period in view, as one self-contained HTML file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from timeline.core.dates.dates import MAX_INSTANT, MIN_INSTANT
from timeline.core.view.period import TimePeriod, describe_period
from timeline.io.report import FormatError
from timeline.ui.document import TimelineDocument
from timeline.web.page import write_page
from timeline.web.publish import page_content, story_ids


class PublishOptions(QDialog):
    """What goes on the page: everything or the period in view; whether it opens as the story."""

    def __init__(self, period: TimePeriod, story_length: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Publish as Web Page")
        layout = QVBoxLayout(self)
        explanation = QLabel(
            "One HTML file with everything inside it: it opens in any browser, from a USB stick or"
            " an e-mail, and asks nothing from the network."
        )
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        self.everything = QRadioButton("All events")
        self.in_view = QRadioButton(f"Only the period in view ({describe_period(period)})")
        self.everything.setChecked(True)
        layout.addWidget(self.everything)
        layout.addWidget(self.in_view)
        slides = f"{story_length} slide{'' if story_length == 1 else 's'}"
        self.story = QCheckBox(
            f"Open as the story's slides ({slides})"
            if story_length
            else "Open as the story (the story is empty)"
        )
        self.story.setEnabled(story_length > 0)
        layout.addWidget(self.story)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Publish…")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def publish_web_page(document: TimelineDocument, period: TimePeriod, parent: QWidget) -> Path | None:
    """Ask what and where, write the page, and offer to open it; the path written, if any."""
    options = PublishOptions(period, len(story_ids(document.repository)), parent)
    if not options.exec():
        return None
    name, _ = QFileDialog.getSaveFileName(
        parent, "Publish as Web Page", f"{document.title or 'Timeline'}.html", "Web page (*.html)"
    )
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() not in (".html", ".htm"):
        path = path.with_suffix(".html")
    since, until = MIN_INSTANT, MAX_INSTANT
    if options.in_view.isChecked():
        since, until = int(period.start), int(period.end) + 1
    content = page_content(document.repository, since, until, open_story=options.story.isChecked())
    try:
        written = write_page(path, content)
    except FormatError as error:
        QMessageBox.warning(parent, "Publish as Web Page", str(error))
        return None
    box = QMessageBox(parent)
    box.setWindowTitle("Publish as Web Page")
    box.setText(f"Published {written:,} events to {path.name}.")
    open_button = box.addButton("Open in Browser", QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is open_button:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    return path

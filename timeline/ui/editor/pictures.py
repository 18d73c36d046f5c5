"""The editing panel's pictures: add (button, dropped file, pasted image), reorder, remove, caption.

Every change is one undo step (:class:`SetPictures`). A refused picture (not an image, too
large, a decompression bomb, an unsafe SVG) is named with the reason under the list, and the
file is left as it was.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QSize, Qt
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QIcon,
    QImage,
    QKeySequence,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from timeline.core.pictures import MAX_FILE_BYTES, MIME_TYPES, Picture, PictureError, PreparedImage
from timeline.ui.commands import SetPictures, perform
from timeline.ui.document import TimelineDocument
from timeline.ui.pictures import prepare_image, read_picture, thumbnails

FILE_FILTER = "Pictures (*.png *.jpg *.jpeg *.webp *.gif *.svg);;All files (*)"
ICON_SIZE = 56


class PictureSection(QGroupBox):
    """The pictures of the event shown in the editor; ``show_event`` changes which one."""

    def __init__(self, document: TimelineDocument, parent: QWidget | None = None) -> None:
        super().__init__("Pictures", parent)
        self.document = document
        self.event_id: int | None = None
        self.event_title = ""
        self.pictures: list[Picture] = []
        self.setAcceptDrops(True)
        self.list = QListWidget()
        self.list.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.list.setMaximumHeight(3 * (ICON_SIZE + 8))
        self.list.setToolTip("Drop picture files here, or paste one with Ctrl+V")
        self.add_button = QPushButton("Add…")
        self.paste_button = QPushButton("Paste")
        self.remove_button = QPushButton("Remove")
        self.up_button = QPushButton("Up")
        self.down_button = QPushButton("Down")
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (
            self.add_button,
            self.paste_button,
            self.remove_button,
            self.up_button,
            self.down_button,
        ):
            buttons.addWidget(button)
        self.caption = QLineEdit()
        self.caption.setPlaceholderText("what the picture shows")
        self.credit = QLineEdit()
        self.credit.setPlaceholderText("who made it; its licence")
        fields = QFormLayout()
        fields.setContentsMargins(0, 0, 0, 0)
        fields.addRow("Caption", self.caption)
        fields.addRow("Credit", self.credit)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b;")
        self.hint = QLabel(
            f"PNG, JPEG, WebP, GIF or SVG, up to {MAX_FILE_BYTES // 1_048_576} MB; drop files here or paste."
        )
        self.hint.setWordWrap(True)
        self.hint.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addLayout(fields)
        layout.addWidget(self.error)
        layout.addWidget(self.hint)
        self.add_button.clicked.connect(self.choose_files)
        self.paste_button.clicked.connect(self.paste)
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.caption.editingFinished.connect(self._commit_text)
        self.credit.editingFinished.connect(self._commit_text)
        self.list.currentRowChanged.connect(self._show_current)
        paste = QShortcut(QKeySequence.StandardKey.Paste, self.list)
        paste.setContext(Qt.ShortcutContext.WidgetShortcut)
        paste.activated.connect(self.paste)
        self._update_buttons()

    # Showing --------------------------------------------------------------------------------

    def show_event(self, event_id: int | None, title: str = "") -> None:
        same = event_id == self.event_id
        self.event_id, self.event_title = event_id, title
        if not same:
            self.error.clear()
        row = self.list.currentRow() if same else 0
        self.pictures = self.document.pictures_of(event_id) if event_id is not None else []
        self.list.blockSignals(True)
        self.list.clear()
        for picture in self.pictures:
            item = QListWidgetItem(_icon(self.document, picture.sha256), _describe(picture))
            self.list.addItem(item)
        self.list.blockSignals(False)
        if self.pictures:
            self.list.setCurrentRow(min(max(row, 0), len(self.pictures) - 1))
        self._show_current()

    def _show_current(self) -> None:
        picture = self.current
        for field, value in ((self.caption, picture.caption if picture else ""),
                             (self.credit, picture.credit if picture else "")):  # fmt: skip
            if not field.hasFocus() or picture is None:
                field.setText(value)
            field.setEnabled(picture is not None)
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.list.currentRow()
        has_event = self.event_id is not None
        for button in (self.add_button, self.paste_button):
            button.setEnabled(has_event)
        self.remove_button.setEnabled(self.current is not None)
        self.up_button.setEnabled(self.current is not None and row > 0)
        self.down_button.setEnabled(self.current is not None and row < len(self.pictures) - 1)

    @property
    def current(self) -> Picture | None:
        row = self.list.currentRow()
        return self.pictures[row] if 0 <= row < len(self.pictures) else None

    # Changing -------------------------------------------------------------------------------

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, "Add Pictures", "", FILE_FILTER)
        self.add_files([Path(name) for name in names])

    def add_files(self, paths: list[Path]) -> bool:
        """Add the pictures in ``paths`` as one step; if any is refused, none is added."""
        prepared: list[PreparedImage] = []
        for path in paths:
            try:
                prepared.append(read_picture(path))
            except PictureError as error:
                self.error.setText(f"Not added: {error}")
                return False
        return self._add(prepared)

    def paste(self) -> bool:
        """Add the clipboard's picture (an image, or picture files copied in a file manager)."""
        data = QGuiApplication.clipboard().mimeData()
        if data is not None and data.hasUrls():
            files = _local_files(data)
            if files:
                return self.add_files(files)
        image = QGuiApplication.clipboard().image()
        try:
            prepared = prepare_image(image)
        except PictureError as error:
            self.error.setText(f"Not added: {error}.")
            return False
        return self._add([prepared])

    def _add(self, prepared: list[PreparedImage]) -> bool:
        if self.event_id is None or not prepared:
            return False
        added = [image.picture() for image in prepared]
        label = "a Picture" if len(added) == 1 else f"{len(added)} Pictures"
        if self._apply([*self.pictures, *added], f"Add {label} to '{self.event_title}'", prepared):
            self.error.clear()
            self.list.setCurrentRow(len(self.pictures) - 1)
            return True
        return False

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if self.current is None:
            return
        pictures = [picture for index, picture in enumerate(self.pictures) if index != row]
        self._apply(pictures, f"Remove a Picture from '{self.event_title}'")

    def move_current(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if self.current is None or not 0 <= target < len(self.pictures):
            return
        pictures = list(self.pictures)
        pictures[row], pictures[target] = pictures[target], pictures[row]
        if self._apply(pictures, f"Reorder the Pictures of '{self.event_title}'"):
            self.list.setCurrentRow(target)

    def _commit_text(self) -> None:
        picture = self.current
        if picture is None:
            return
        changed = picture.with_text(self.caption.text().strip(), self.credit.text().strip())
        if changed == picture:
            return
        row = self.list.currentRow()
        pictures = [changed if index == row else other for index, other in enumerate(self.pictures)]
        self._apply(pictures, f"Edit a Picture's Caption of '{self.event_title}'")

    def _apply(self, pictures: list[Picture], text: str, new: list[PreparedImage] | None = None) -> bool:
        if self.event_id is None:
            return False
        return perform(SetPictures(self.document, self.event_id, pictures, text, new))

    # Dropping -------------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.event_id is not None and (_local_files(event.mimeData()) or event.mimeData().hasImage()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        data = event.mimeData()
        files = _local_files(data)
        if files:
            self.add_files(files)
        elif data.hasImage():
            image = QImage(data.imageData())
            try:
                self._add([prepare_image(image)])
            except PictureError as error:
                self.error.setText(f"Not added: {error}.")
        event.acceptProposedAction()


def _local_files(data: QMimeData | None) -> list[Path]:
    if data is None or not data.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()]


def _describe(picture: Picture) -> str:
    kind = MIME_TYPES.get(picture.mime, "picture")
    text = picture.caption or "(no caption)"
    return f"{text}\n{kind}, {picture.width} × {picture.height}" + (
        f" · {picture.credit}" if picture.credit else ""
    )


def _icon(document: TimelineDocument, sha256: str) -> QIcon:
    image = thumbnails.get(sha256, document.thumbnail)
    return QIcon(QPixmap.fromImage(image)) if image is not None else QIcon()

"""The editing panel: every field of the selected event, each committed (and undoable) on its own."""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QUrl
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from timeline.core.dates.dates import DateError
from timeline.core.model import Event, Source
from timeline.ui.commands import EditEvents, perform
from timeline.ui.document import TimelineDocument
from timeline.ui.editor.date_field import ERROR_STYLE, DateField, read_field
from timeline.ui.editor.field_undo import FieldUndo
from timeline.ui.editor.pictures import PictureSection
from timeline.ui.editor.relations import CitationsSection, EntitiesSection, LinksSection
from timeline.ui.panels.details import is_safe_link

MAX_TITLE_LENGTH = 500


class EventEditor(QScrollArea):
    """Edits one event. A change is written when a field is left (or Enter is pressed); a bad
    value is refused with a message under its field and never reaches the file."""

    def __init__(self, document: TimelineDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.current_event: Event | None = None
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        self.setWidget(body)
        layout = QVBoxLayout(body)
        self.empty_label = QLabel("Select an event to edit it, or double-click the timeline to add one.")
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.empty_label)
        self.form_widget = QWidget()
        layout.addWidget(self.form_widget)
        layout.addStretch(1)
        form = QFormLayout(self.form_widget)
        form.setContentsMargins(0, 0, 0, 0)

        self.title = QLineEdit()
        self.title_error = _error_label()
        form.addRow("Title", _stacked(self.title, self.title_error))
        self.start = DateField(placeholder="e.g. 15 March 44 BC, c. 1450, July 2023")
        form.addRow("Start", self.start)
        self.end = DateField(optional=True, placeholder="empty for a point in time; 'ongoing'")
        form.addRow("End", self.end)
        self.category = QComboBox()
        self.category.setEditable(True)
        self.category.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        form.addRow("Category", self.category)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText("comma-separated")
        form.addRow("Tags", self.tags)
        self.description = QPlainTextEdit()
        self.description.setPlaceholderText("Notes in Markdown: **bold**, *italic*, [a link](https://…)")
        self.description.setMinimumHeight(120)
        form.addRow("Description", self.description)
        self.pictures = PictureSection(document)
        form.addRow(self.pictures)
        self.entities = EntitiesSection(document)
        form.addRow(self.entities)

        source_box = QGroupBox("Source")
        source_form = QFormLayout(source_box)
        self.source_author = QLineEdit()
        self.source_title = QLineEdit()
        self.source_page = QLineEdit()
        self.source_url = QLineEdit()
        self.source_text = QLineEdit()
        self.source_text.setPlaceholderText("or a citation as free text")
        self.source_error = _error_label()
        for label, widget in (
            ("Author", self.source_author),
            ("Title", self.source_title),
            ("Page", self.source_page),
            ("URL", self.source_url),
            ("Citation", self.source_text),
        ):
            source_form.addRow(label, widget)
        source_form.addRow(self.source_error)
        form.addRow(source_box)
        self.citations = CitationsSection(document)
        form.addRow(self.citations)
        self.links = LinksSection(document)
        form.addRow(self.links)

        self.link = QLineEdit()
        self.link.setPlaceholderText("https://…")
        self.link_error = _error_label()
        form.addRow("Link", _stacked(self.link, self.link_error))
        self.colour_button = QPushButton("Category colour")
        self.clear_colour = QPushButton("Clear")
        colour_row = QWidget()
        colour_layout = QHBoxLayout(colour_row)
        colour_layout.setContentsMargins(0, 0, 0, 0)
        colour_layout.addWidget(self.colour_button, 1)
        colour_layout.addWidget(self.clear_colour)
        form.addRow("Colour", colour_row)

        self.title.editingFinished.connect(self._commit_title)
        self.start.committed.connect(self._commit_start)
        self.end.committed.connect(self._commit_end)
        line = self.category.lineEdit()
        assert line is not None  # the combo box is editable
        self.category_line: QLineEdit = line
        self.category_line.editingFinished.connect(self._commit_category)
        self.category.activated.connect(lambda _index: self._commit_category())
        self.tags.editingFinished.connect(self._commit_tags)
        self._description_focus = _OnFocusOut(self._commit_description, self)
        self.description.installEventFilter(self._description_focus)
        for widget in (
            self.source_author,
            self.source_title,
            self.source_page,
            self.source_url,
            self.source_text,
        ):
            widget.editingFinished.connect(self._commit_source)
        self.link.editingFinished.connect(self._commit_link)
        self.colour_button.clicked.connect(self._choose_colour)
        self.clear_colour.clicked.connect(lambda: self._commit("Colour", colour=""))
        document.events_changed.connect(self._reload)
        document.categories_changed.connect(self._fill_categories)
        self.field_undo = FieldUndo(document.undo_stack, self.is_written, self._refill, self)
        self.field_undo.watch(*self._written_values())
        self._fill_categories()
        self.show_event(None)

    # Loading ----------------------------------------------------------------------------------

    def show_event(self, event_id: int | None) -> None:
        self.current_event = self.document.get_event(event_id) if event_id is not None else None
        self.form_widget.setVisible(self.current_event is not None)
        self.empty_label.setVisible(self.current_event is None)
        if self.current_event is not None:
            self._fill(self.current_event, force=True)
        self.pictures.show_event(event_id, self.current_event.title if self.current_event else "")
        for section in (self.entities, self.citations, self.links):
            section.show_event(event_id)

    def focus_title(self) -> None:
        self.title.setFocus()
        self.title.selectAll()

    def _written_values(self) -> dict[QWidget, tuple[Callable[[str], object], Callable[[Event], object]]]:
        """Each field: what its text means, and the event's value it edits, to compare the two."""

        def date_of(optional: bool) -> Callable[[str], object]:
            def read(text: str) -> object:
                try:
                    return read_field(text, optional)
                except DateError:
                    return _UNREADABLE

            return read

        def stripped(text: str) -> str:
            return text.strip()

        return {
            self.title: (str, lambda event: event.title),
            self.start.line: (date_of(False), lambda event: event.start),
            self.end.line: (date_of(True), lambda event: event.end),
            self.category_line: (lambda text: text.strip() or None, lambda event: event.category),
            self.tags: (_tags_of, lambda event: event.tags),
            self.description: (str, lambda event: event.description),
            self.source_author: (stripped, lambda event: event.source.author),
            self.source_title: (stripped, lambda event: event.source.title),
            self.source_page: (stripped, lambda event: event.source.page),
            self.source_url: (stripped, lambda event: event.source.url),
            self.source_text: (stripped, lambda event: event.source.text),
            self.link: (stripped, lambda event: event.url),
        }

    def is_written(self, widget: QWidget) -> bool:
        """Whether the field's text is the value in the file (nothing typed is waiting)."""
        event = self.current_event
        fields = self._written_values()
        if event is None or widget not in fields:
            return True
        read, value = fields[widget]
        if isinstance(widget, QPlainTextEdit):
            text = widget.toPlainText()
        elif isinstance(widget, QLineEdit):
            text = widget.text()
        else:
            return True
        return read(text) == value(event)

    def _refill(self) -> None:
        """Show the event as the file has it now, in the field being typed in too."""
        if self.current_event is None or self.current_event.id is None:
            return
        if not self.document.existing([self.current_event.id]):
            self.show_event(None)
            return
        self.current_event = self.document.get_event(self.current_event.id)
        self._fill(self.current_event, force=True)

    def _reload(self) -> None:
        if self.current_event is None or self.current_event.id is None:
            return
        existing = self.document.existing([self.current_event.id])
        if not existing:
            self.show_event(None)
            return
        self.current_event = self.document.get_event(self.current_event.id)
        self._fill(self.current_event, force=False)
        self.pictures.show_event(self.current_event.id, self.current_event.title)

    def _fill(self, event: Event, force: bool) -> None:
        """Show an event's values; a field being typed in keeps its text unless ``force``."""

        def put(widget: QWidget, action: Callable[[], None]) -> None:
            if force or not widget.hasFocus():
                action()

        put(self.title, lambda: self.title.setText(event.title))
        self.title_error.clear()
        put(self.start.line, lambda: self.start.set_value(event.start))
        put(self.end.line, lambda: self.end.set_value(event.end))
        put(self.category_line, lambda: self.category.setEditText(event.category or ""))
        put(self.tags, lambda: self.tags.setText(", ".join(event.tags)))
        put(self.description, lambda: self._set_plain(self.description, event.description))
        source = event.source
        fields: tuple[tuple[QLineEdit, str], ...] = (
            (self.source_author, source.author),
            (self.source_title, source.title),
            (self.source_page, source.page),
            (self.source_url, source.url),
            (self.source_text, source.text),
        )
        for widget, value in fields:
            put(widget, functools.partial(_set_line, widget, value))
        self.source_error.clear()
        put(self.link, lambda: self.link.setText(event.url))
        self.link_error.clear()
        self._show_colour(event.colour)

    @staticmethod
    def _set_plain(editor: QPlainTextEdit, text: str) -> None:
        if editor.toPlainText() != text:
            editor.setPlainText(text)

    def _fill_categories(self) -> None:
        text = self.category.currentText()
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem("")
        self.category.addItems(sorted(self.document.categories_by_name(), key=str.casefold))
        self.category.setEditText(text)
        self.category.blockSignals(False)

    def _show_colour(self, colour: str) -> None:
        self.colour_button.setText(colour or "Category colour")
        self.colour_button.setStyleSheet(f"background-color: {colour};" if colour else "")
        self.clear_colour.setEnabled(bool(colour))

    # Committing -------------------------------------------------------------------------------

    def _commit(self, label: str, **changes: object) -> str | None:
        """Write one change as one undoable step; returns why it was refused, if it was."""
        if self.current_event is None:
            return None
        try:
            after = self.current_event.with_changes(**changes)
        except ValueError as error:
            return str(error).split(": ", 1)[-1]
        if after == self.current_event:
            return None
        command = EditEvents(
            self.document, [self.current_event], [after], f"Edit {label} of '{self.current_event.title}'"
        )
        return None if perform(command) else "The change could not be saved."

    def _commit_title(self) -> None:
        title = self.title.text()
        if not title.strip():
            self.title_error.setText("A title cannot be empty.")
            return
        if len(title) > MAX_TITLE_LENGTH:
            self.title_error.setText(f"A title is at most {MAX_TITLE_LENGTH} characters long.")
            return
        self.title_error.setText(self._commit("Title", title=title) or "")

    def _commit_start(self) -> None:
        refused = self._commit("Start", start=self.start.value())
        if refused:
            self.start.refuse(refused)

    def _commit_end(self) -> None:
        refused = self._commit("End", end=self.end.value())
        if refused:
            self.end.refuse(refused)

    def _commit_category(self) -> None:
        name = self.category.currentText().strip()
        self._commit("Category", category=name or None)

    def _commit_tags(self) -> None:
        self._commit("Tags", tags=_tags_of(self.tags.text()))

    def _commit_description(self) -> None:
        self._commit("Description", description=self.description.toPlainText())

    def _commit_source(self) -> None:
        url = self.source_url.text().strip()
        if url and not is_safe_link(QUrl(url)):
            self.source_error.setText("A source URL must start with http://, https:// or mailto:.")
            return
        source = Source(
            self.source_text.text().strip(),
            self.source_author.text().strip(),
            self.source_title.text().strip(),
            self.source_page.text().strip(),
            url,
        )
        self.source_error.setText(self._commit("Source", source=source) or "")

    def _commit_link(self) -> None:
        url = self.link.text().strip()
        if url and not is_safe_link(QUrl(url)):
            self.link_error.setText("A link must start with http://, https:// or mailto:.")
            return
        self.link_error.setText(self._commit("Link", url=url) or "")

    def _choose_colour(self) -> None:
        if self.current_event is None:
            return
        initial = QColor(self.current_event.colour) if self.current_event.colour else QColor("#3b6fb6")
        colour = QColorDialog.getColor(initial, self, "Event Colour")
        if colour.isValid():
            self._commit("Colour", colour=colour.name())


class _OnFocusOut(QObject):
    """Calls back when the watched widget loses focus: a multi-line field has no editingFinished."""

    def __init__(self, callback: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._callback = callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self._callback()
        return False


_UNREADABLE = object()
"""What a date field's text means when it reads as no date: equal to no value."""


def _tags_of(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(tag.strip() for tag in text.split(",") if tag.strip()))


def _set_line(widget: QLineEdit, text: str) -> None:
    """Show a text from its beginning, as a reader expects, not scrolled to the cursor at its end."""
    widget.setText(text)
    widget.setCursorPosition(0)


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    return label


def _stacked(*widgets: QWidget) -> QWidget:
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    for widget in widgets:
        layout.addWidget(widget)
    return holder

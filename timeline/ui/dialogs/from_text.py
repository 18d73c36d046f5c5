"""File → New Events from Text…: paste or open a text, review the dated events found in it, add them.

Step one takes the text, its own date (typed, or found in the text) and the source to cite.
Step two lists every proposal with a checkbox; the selected one's title and dates can be changed
in the same date fields as the editor's, its sentence is shown with the date words marked, and a
small timeline previews the checked ones. Accepting adds them all in one undoable step.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSignalBlocker, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from timeline.core.dates.dates import DateError, HistoricalDate, Interval, Temporal
from timeline.core.model import Event, Source
from timeline.core.prose.extract import Proposal, extract, find_reference, today
from timeline.io.prose import MAX_CHARACTERS, PROSE_SUFFIXES, read_prose
from timeline.io.report import FormatError
from timeline.ui.commands import AddEvents, perform
from timeline.ui.dialogs.proposal_preview import ProposalPreview
from timeline.ui.document import TimelineDocument
from timeline.ui.editor.date_field import DateField

_CHECK, _TITLE, _WHEN, _WORDS = range(4)


@dataclass
class Choice:
    """A proposal as the user has left it: kept or not, and its title and dates after any edit."""

    proposal: Proposal
    kept: bool
    title: str
    when: Temporal

    def event(self, source: Source) -> Event:
        return self.proposal.event(source, self.title, self.when)


class FindInBackground(QThread):
    """Reads a long text off the window's thread.

    Signals:
        found(object): the list of :class:`Proposal`.
        failed(str): what went wrong.
    """

    found = Signal(object)
    failed = Signal(str)

    def __init__(self, text: str, reference: HistoricalDate) -> None:
        super().__init__()
        self.text, self.reference = text, reference

    def run(self) -> None:
        try:
            self.found.emit(extract(self.text, self.reference))
        except Exception as error:  # reported, never lost in a thread
            self.failed.emit(f"the text could not be read ({type(error).__name__}: {error})")


class TextPage(QWidget):
    """Step one: the text, the day it was written, and where it comes from."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(
            QLabel("<b>Paste a text</b> (an article, notes, minutes, a transcript) or open a file.")
        )
        top.addStretch(1)
        self.open_button = QPushButton("Open File…")
        top.addWidget(self.open_button)
        layout.addLayout(top)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(
            "e.g. Russian troops crossed the border on 24 February 2022. In March they withdrew "
            "from the area around Kyiv…"
        )
        layout.addWidget(self.text, 1)
        form = QFormLayout()
        self.reference = DateField(placeholder="the day the text was written, e.g. 3 March 2023")
        self.reference_note = QLabel()
        self.reference_note.setWordWrap(True)
        reference_box = QWidget()
        reference_layout = QVBoxLayout(reference_box)
        reference_layout.setContentsMargins(0, 0, 0, 0)
        reference_layout.setSpacing(2)
        reference_layout.addWidget(self.reference)
        reference_layout.addWidget(self.reference_note)
        form.addRow("Written on", reference_box)
        self.source_title = QLineEdit()
        self.source_title.setPlaceholderText("title of the article, book or notes")
        self.source_author = QLineEdit()
        self.source_url = QLineEdit()
        self.source_url.setPlaceholderText("https://…")
        form.addRow("Source title", self.source_title)
        form.addRow("Author", self.source_author)
        form.addRow("Web address", self.source_url)
        layout.addLayout(form)
        self._typed_reference = False
        self._found: HistoricalDate | None = None
        self._look_again = QTimer(self, singleShot=True, interval=300)
        self._look_again.timeout.connect(self._find_reference)
        self.text.textChanged.connect(self._look_again.start)
        self.reference.line.textEdited.connect(self._reference_typed)
        self._find_reference()

    def source(self) -> Source:
        return Source(
            author=self.source_author.text().strip(),
            title=self.source_title.text().strip(),
            url=self.source_url.text().strip(),
        )

    def reference_date(self) -> HistoricalDate:
        """The day typed, else the one found in the text, else today; a :class:`DateError` if
        what was typed is not a date."""
        if self.reference.line.text().strip():
            value = self.reference.pending()
            if not isinstance(value, HistoricalDate):
                raise DateError("give the day the text was written")
            return value
        return self._found or today()

    def load(self, path: Path) -> bool:
        try:
            text = read_prose(path)
        except FormatError as error:
            QMessageBox.warning(self, "Open File", str(error))
            return False
        self.text.setPlainText(text)
        if not self.source_title.text().strip():
            self.source_title.setText(path.stem)
        self._find_reference()
        return True

    def _reference_typed(self, text: str) -> None:
        self._typed_reference = bool(text.strip())
        if not self._typed_reference:
            self._find_reference()

    def _find_reference(self) -> None:
        self._found = find_reference(self.text.toPlainText()[:20_000])
        if self._typed_reference:
            self.reference_note.setText("Relative dates (yesterday, in March) are read against this day.")
        elif self._found is not None:
            self.reference.set_value(self._found)
            self.reference_note.setText("Found in the text; change it if it is not the day it was written.")
        else:
            self.reference.line.clear()
            self.reference.show_hint("")
            self.reference_note.setText(
                f"Not found in the text: relative dates will be read against today ({today().display()})."
            )


class ReviewPage(QWidget):
    """Step two: every proposal, one to edit at a time, and the checked ones on a small timeline."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices: list[Choice] = []
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        splitter = QSplitter(Qt.Orientation.Vertical)
        upper = QSplitter(Qt.Orientation.Horizontal)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["Add", "Title", "When", "From the words"])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(_CHECK, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(_TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(_WHEN, 190)
        self.table.setColumnWidth(_WORDS, 160)
        upper.addWidget(self.table)
        upper.addWidget(self._build_details())
        upper.setStretchFactor(0, 3)
        upper.setStretchFactor(1, 2)
        splitter.addWidget(upper)
        self.preview = ProposalPreview()
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([360, 240])
        layout.addWidget(splitter, 1)
        buttons = QHBoxLayout()
        self.all_button = QPushButton("Check All")
        self.none_button = QPushButton("Check None")
        buttons.addWidget(self.all_button)
        buttons.addWidget(self.none_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.all_button.clicked.connect(lambda: self._check_all(True))
        self.none_button.clicked.connect(lambda: self._check_all(False))
        self.table.itemChanged.connect(self._item_changed)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_row(row))
        self.preview.picked.connect(lambda index: self.table.selectRow(index))

    def _build_details(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        form.setContentsMargins(6, 0, 0, 0)
        self.title = QLineEdit()
        self.start = DateField(placeholder="e.g. 24 February 2022, c. 1450, July 2023")
        self.end = DateField(optional=True, placeholder="empty for a point in time; 'ongoing' if open")
        self.sentence = QTextBrowser()
        self.sentence.setOpenLinks(False)
        self.doubt = QLabel()
        self.doubt.setWordWrap(True)
        self.doubt.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow("Title", self.title)
        form.addRow("Start", self.start)
        form.addRow("End", self.end)
        form.addRow("Uncertain", self.doubt)
        form.addRow("Text", self.sentence)
        form.setRowVisible(self.doubt, False)
        self.form = form
        self.title.editingFinished.connect(self._title_edited)
        self.start.committed.connect(self._dates_edited)
        self.end.committed.connect(self._dates_edited)
        box.setEnabled(False)
        self.details = box
        return box

    def show_proposals(self, proposals: list[Proposal]) -> None:
        self.choices = [Choice(p, True, p.title, p.when) for p in proposals]
        with QSignalBlocker(self.table):
            self.table.setRowCount(len(self.choices))
            for row in range(len(self.choices)):
                check = QTableWidgetItem()
                check.setFlags(
                    Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                )
                check.setCheckState(Qt.CheckState.Checked)
                self.table.setItem(row, _CHECK, check)
                for column in (_TITLE, _WHEN, _WORDS):
                    self.table.setItem(row, column, QTableWidgetItem())
                self._fill_row(row)
        self._refresh()
        if self.choices:
            self.table.selectRow(0)
        else:
            self._show_row(-1)

    def kept(self) -> list[Choice]:
        return [choice for choice in self.choices if choice.kept]

    def _fill_row(self, row: int) -> None:
        choice = self.choices[row]
        self._item(row, _TITLE).setText(choice.title)
        self._item(row, _WHEN).setText(choice.when.display())
        self._item(row, _WHEN).setToolTip(choice.when.edtf())
        self._item(row, _WORDS).setText(choice.proposal.text)

    def _item(self, row: int, column: int) -> QTableWidgetItem:
        item = self.table.item(row, column)
        assert item is not None
        return item

    def _refresh(self) -> None:
        kept = self.kept()
        self.summary.setText(
            f"<b>{len(self.choices)} dated event{'' if len(self.choices) == 1 else 's'} found</b>; "
            f"{len(kept)} checked to add. Uncheck what is not an event; select a row to change it."
            if self.choices
            else "<b>No dates were found in the text.</b> Go back to change it."
        )
        self.preview.show_events(
            {index: choice.event(Source()) for index, choice in enumerate(self.choices) if choice.kept}
        )
        self.preview.select(self.table.currentRow() if self.table.currentRow() >= 0 else None)
        self.changed.emit()

    def _check_all(self, kept: bool) -> None:
        with QSignalBlocker(self.table):
            for row, choice in enumerate(self.choices):
                choice.kept = kept
                self._item(row, _CHECK).setCheckState(
                    Qt.CheckState.Checked if kept else Qt.CheckState.Unchecked
                )
        self._refresh()

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == _CHECK:
            self.choices[item.row()].kept = item.checkState() == Qt.CheckState.Checked
            self._refresh()

    def _show_row(self, row: int) -> None:
        if not 0 <= row < len(self.choices):
            self.details.setEnabled(False)
            self.sentence.clear()
            self.form.setRowVisible(self.doubt, False)
            return
        choice = self.choices[row]
        self.details.setEnabled(True)
        doubt = choice.proposal.doubt if choice.when == choice.proposal.when else None
        self.doubt.setText(doubt or "")
        self.form.setRowVisible(self.doubt, doubt is not None)
        self.title.setText(choice.title)
        when = choice.when
        self.start.set_value(when if isinstance(when, HistoricalDate) else when.start)
        self.end.set_value(when.end if isinstance(when, Interval) else None)
        self.sentence.setHtml(_marked(choice.proposal))
        self.preview.select(row)

    def _title_edited(self) -> None:
        row = self.table.currentRow()
        title = " ".join(self.title.text().split())
        if not 0 <= row < len(self.choices) or title == self.choices[row].title:
            return
        if not title:
            self.title.setText(self.choices[row].title)
            return
        self.choices[row].title = title
        self._fill_row(row)
        self._refresh()

    def _dates_edited(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.choices):
            return
        start, end = self.start.value(), self.end.value()
        if not isinstance(start, HistoricalDate):
            return
        try:
            when: Temporal = start if end is None else Interval(start, end)
        except DateError as error:
            self.end.refuse(str(error))
            return
        self.choices[row].when = when
        self._fill_row(row)
        self._refresh()
        if when != self.choices[row].proposal.when:
            self.form.setRowVisible(self.doubt, False)  # the date the reader chose is no longer in doubt


def _marked(proposal: Proposal) -> str:
    """The sentence with the date words in bold, and any later mentions merged into it."""
    sentence = proposal.sentence
    marked = (
        html.escape(sentence[: proposal.match_start])
        + f"<b style='background-color: #fff3b0; color: #000'>{html.escape(proposal.text)}</b>"
        + html.escape(sentence[proposal.match_end :])
    )
    others = "".join(f"<p><i>Also:</i> {html.escape(other)}</p>" for other in proposal.others)
    return f"<p>{marked}</p>{others}"


class EventsFromText(QDialog):
    """The two steps and the buttons between them."""

    def __init__(self, document: TimelineDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setWindowTitle("New Events from Text")
        self.resize(1000, 720)
        layout = QVBoxLayout(self)
        self.pages = QStackedWidget()
        self.text_page = TextPage()
        self.review_page = ReviewPage()
        self.pages.addWidget(self.text_page)
        self.pages.addWidget(self.review_page)
        layout.addWidget(self.pages, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.back_button = self.buttons.addButton("Back", QDialogButtonBox.ButtonRole.ActionRole)
        self.find_button = self.buttons.addButton("Find Dates", QDialogButtonBox.ButtonRole.ActionRole)
        self.add_button = self.buttons.addButton("Add", QDialogButtonBox.ButtonRole.AcceptRole)
        layout.addWidget(self.buttons)
        for button in self.buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)  # Enter finishes the field it is typed in, nothing more
        self.buttons.rejected.connect(self.reject)
        self.back_button.clicked.connect(lambda: self._show_page(0))
        self.find_button.clicked.connect(self.find_dates)
        self.add_button.clicked.connect(self.add_events)
        self.text_page.open_button.clicked.connect(self._open_file)
        self.text_page.text.textChanged.connect(self._update_buttons)
        self.review_page.changed.connect(self._update_buttons)
        self._worker: FindInBackground | None = None
        self.added: list[int] = []
        self._show_page(0)

    def find_dates(self) -> None:
        text = self.text_page.text.toPlainText()
        if len(text) > MAX_CHARACTERS:
            QMessageBox.warning(
                self,
                self.windowTitle(),
                f"The text is too long to review; give at most {MAX_CHARACTERS:,} characters.",
            )
            return
        try:
            reference = self.text_page.reference_date()
        except DateError as error:
            self.text_page.reference.show_error(str(error))
            self.text_page.reference.line.setFocus()
            return
        self.find_button.setEnabled(False)
        self.find_button.setText("Finding…")
        self._worker = FindInBackground(text, reference)
        self._worker.found.connect(self._found)
        self._worker.failed.connect(self._failed)
        self._worker.start()

    def _finished_worker(self) -> None:
        if self._worker is not None:
            self._worker.wait()  # its run() has returned; let the thread end before it is dropped
            self._worker = None

    def _found(self, proposals: list[Proposal]) -> None:
        self._finished_worker()
        self.find_button.setText("Find Dates")
        self.review_page.show_proposals(proposals)
        self._show_page(1)

    def _failed(self, message: str) -> None:
        self._finished_worker()
        self.find_button.setText("Find Dates")
        self._update_buttons()
        QMessageBox.warning(self, self.windowTitle(), message)

    def add_events(self) -> None:
        kept = self.review_page.kept()
        if not kept:
            return
        source = self.text_page.source()
        events = [choice.event(source) for choice in kept]
        command = AddEvents(self.document, events)
        origin = source.title or "text"
        command.setText(f"Add {len(events)} event{'' if len(events) == 1 else 's'} from '{origin}'")
        if perform(command):
            self.added = command.ids
            self.accept()

    def _open_file(self) -> None:
        patterns = " ".join(f"*{suffix}" for suffix in PROSE_SUFFIXES)
        name, _ = QFileDialog.getOpenFileName(self, "Open Text", "", f"Texts ({patterns});;All files (*)")
        if name:
            self.text_page.load(Path(name))

    def _show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self._update_buttons()

    def _update_buttons(self) -> None:
        reviewing = self.pages.currentIndex() == 1
        self.back_button.setVisible(reviewing)
        self.find_button.setVisible(not reviewing)
        self.find_button.setEnabled(self._worker is None and bool(self.text_page.text.toPlainText().strip()))
        self.add_button.setVisible(reviewing)
        count = len(self.review_page.kept())
        self.add_button.setText(f"Add {count} Event{'' if count == 1 else 's'}")
        self.add_button.setEnabled(reviewing and count > 0)

    def done(self, result: int) -> None:
        if self._worker is not None:
            self._worker.wait()
        self.review_page.preview.close_document()
        super().done(result)

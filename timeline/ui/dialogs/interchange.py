"""File → Import… and File → Export Events…: a preview before anything is written, one undo step after.

Reading a file runs in a worker thread behind a progress dialog with Cancel, so the window
stays responsive; nothing touches the timeline until the user accepts the preview.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QSettings, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QProgressDialog,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from timeline.core.dates.parsing import Reading
from timeline.core.flat import FlatEvent
from timeline.io.columns import ColumnMapping
from timeline.io.formats import DESCRIPTIONS, READERS, WRITABLE, read_file, write_csv_file, write_file
from timeline.io.report import ColumnsNeeded, FormatError, ImportReport
from timeline.store.errors import StoreError
from timeline.ui.commands import ImportEvents, perform
from timeline.ui.dialogs.columns import ColumnChooser, mapping_from_stored, mapping_key, remember_mapping
from timeline.ui.document import TimelineDocument

PREVIEW_ROWS = 200
T = TypeVar("T")
_SUFFIXES = {
    "csv": "*.csv *.tsv *.txt",
    "xlsx": "*.xlsx *.xlsm",
    "ods": "*.ods",
    "json": "*.json",
    "timelinejs": "*.json",
    "timelinejs-csv": "*.csv",
    "ics": "*.ics",
    "timeline": "*.timeline",
    "wikidata": "*.json",
    "markwhen": "*.mw",
}


class ReadInBackground(QThread):
    """Reads and checks a file off the window's thread.

    A table with a header read before is read again through the columns chosen for it then.

    Signals:
        read(object): the :class:`ImportReport`.
        failed(str): why the file cannot be read.
    """

    read = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        path: Path,
        format: str | None,
        remembered: Callable[[list[str]], ColumnMapping | None] | None = None,
    ) -> None:
        super().__init__()
        self.path = path
        self.format = format
        self.remembered = remembered
        self.used: ColumnMapping | None = None
        """The remembered mapping the file was read through, if one was."""

    def run(self) -> None:
        try:
            self.read.emit(self._read())
        except FormatError as error:
            self.failed.emit(str(error))
        except Exception as error:  # any failure is reported, never lost in a thread
            self.failed.emit(f"{self.path}: could not be read ({type(error).__name__}: {error})")

    def _read(self) -> ImportReport:
        try:
            report = read_file(self.path, self.format)
        except ColumnsNeeded as error:
            chosen = self.remembered(error.headers) if self.remembered else None
            if chosen is None:  # the user chooses the columns in the preview
                return ImportReport("Table", headers=error.headers, notes=[str(error)])
            self.used = chosen
            return read_file(self.path, self.format, chosen)
        chosen = self.remembered(report.headers) if self.remembered and report.headers else None
        if chosen is None:
            return report
        reading = chosen.reading
        if dict(chosen.columns) == report.columns and reading.day_first is None and reading.century is None:
            return report
        self.used = chosen
        return read_file(self.path, self.format, chosen)


class ImportPreview(QDialog):
    """What an import will add, the first rows as they were understood, and every rejected row.

    For a table (CSV, TSV, a spreadsheet) the preview also lists its columns with the field each
    is read as; changing one reads the file again through the new choice (the file itself is
    never written), and an accepted import remembers the choice for files with the same header.
    """

    def __init__(
        self,
        report: ImportReport,
        duplicates: list[int],
        source: str,
        parent: QWidget | None = None,
        path: Path | None = None,
        format: str | None = None,
        duplicates_of: Callable[[list[FlatEvent]], list[int]] | None = None,
        mapping: ColumnMapping | None = None,
    ) -> None:
        super().__init__(parent)
        self.report = report
        self.duplicates = set(duplicates)
        self.path, self.format, self.duplicates_of = path, format, duplicates_of
        self.setWindowTitle(f"Import {source}")
        self.resize(900, 720 if report.headers else 640)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        self.columns: ColumnChooser | None = None
        if report.headers and path is not None:
            reading = mapping.reading if mapping is not None else Reading(single_date=True)
            chosen = ColumnMapping(report.columns, reading)
            self.columns = ColumnChooser(report.headers, chosen, report.samples)
            self.columns.changed.connect(self.read_again)
            layout.addWidget(QLabel("Columns of the file and what each is read as:"))
            layout.addWidget(self.columns, 2)
        table = QTableWidget(0, 3)
        table.setHorizontalHeaderLabels(["When (as understood)", "Title", "Category"])
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.setColumnWidth(0, 300)
        self.table = table
        layout.addWidget(table, 3)
        self.problems_label = QLabel()
        layout.addWidget(self.problems_label)
        self.problems = QListWidget()
        layout.addWidget(self.problems, 1)
        self.skip_duplicates = QCheckBox()
        self.skip_duplicates.toggled.connect(self._update_button)
        layout.addWidget(self.skip_duplicates)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton("Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._show(report, first=True)

    def chosen_mapping(self) -> ColumnMapping | None:
        return self.columns.mapping() if self.columns is not None else None

    def read_again(self) -> None:
        """Read the file again through the columns and date reading now chosen."""
        mapping = self.chosen_mapping()
        if self.path is None or mapping is None:
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = read_file(self.path, self.format, mapping)
        except FormatError as error:
            report = ImportReport(self.report.format, headers=self.report.headers, notes=[str(error)])
        finally:
            QApplication.restoreOverrideCursor()
        report.headers, report.samples = report.headers or self.report.headers, self.report.samples
        self.report = report
        self.duplicates = set(self.duplicates_of(report.rows)) if self.duplicates_of else set()
        self._show(report, first=False)

    def _show(self, report: ImportReport, first: bool) -> None:
        self.summary.setText(f"<b>{report.summary()}</b>")
        self.table.setRowCount(min(len(report.rows), PREVIEW_ROWS))
        for row, event in enumerate(report.preview(PREVIEW_ROWS)):
            for column, text in enumerate((event.display_when(), event.title, event.category or "")):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.problems.clear()
        self.problems.addItems(
            [str(problem) for problem in report.problems] + [f"note: {n}" for n in report.notes]
        )
        count = len(report.problems)
        self.problems_label.setText(f"{count:,} rows cannot be imported and will be left out:")
        self.problems_label.setVisible(bool(count))
        self.problems.setVisible(bool(count or report.notes))
        already = (
            "1 event that is" if len(self.duplicates) == 1 else f"{len(self.duplicates):,} events that are"
        )
        self.skip_duplicates.setText(f"Leave out {already} already in the timeline (same title and dates)")
        self.skip_duplicates.setChecked(bool(self.duplicates))
        self.skip_duplicates.setVisible(bool(self.duplicates))
        self._update_button()

    def accepted_rows(self) -> list[FlatEvent]:
        if not self.skip_duplicates.isChecked():
            return list(self.report.rows)
        return [row for index, row in enumerate(self.report.rows) if index not in self.duplicates]

    def _update_button(self) -> None:
        count = len(self.accepted_rows())
        self.import_button.setText(f"Import {count:,} event{'' if count == 1 else 's'}")
        self.import_button.setEnabled(count > 0 or bool(self.report.eras))


def import_filter() -> str:
    everything = " ".join(sorted({pattern for value in _SUFFIXES.values() for pattern in value.split()}))
    return f"Everything Timeline reads ({everything});;" + ";;".join(
        f"{DESCRIPTIONS[name]} ({_SUFFIXES[name]})" for name in READERS
    )


def _remembered_in(settings: QSettings) -> Callable[[list[str]], ColumnMapping | None]:
    """The remembered mappings, copied here for the reading thread to look up."""
    stored = {key: settings.value(key) for key in settings.allKeys() if key.startswith("import/columns/")}
    return lambda headers: mapping_from_stored(stored.get(mapping_key(headers)), headers)


def import_with_preview(
    document: TimelineDocument,
    path: Path,
    parent: QWidget,
    format: str | None = None,
    settings: QSettings | None = None,
) -> bool:
    """Read a file in the background, show the preview and, if accepted, import it as one step."""
    store = settings if settings is not None else QSettings()
    worker = ReadInBackground(path, format, _remembered_in(store))
    progress = QProgressDialog(f"Reading {path.name}…", "Cancel", 0, 0, parent)
    progress.setWindowTitle("Import")
    progress.setMinimumDuration(300)
    outcome: dict[str, object] = {}
    worker.read.connect(lambda report: outcome.setdefault("report", report))
    worker.failed.connect(lambda message: outcome.setdefault("error", message))
    worker.finished.connect(progress.reset)
    worker.start()
    progress.exec()
    if progress.wasCanceled() and "report" not in outcome and "error" not in outcome:
        worker.finished.connect(worker.deleteLater)  # let it end on its own; its result is dropped
        return False
    worker.wait()
    if "error" in outcome:
        QMessageBox.warning(parent, "Import", str(outcome["error"]))
        return False
    report = outcome["report"]
    assert isinstance(report, ImportReport)
    duplicates = document.repository.duplicates_of(report.rows)
    preview = ImportPreview(
        report, duplicates, path.name, parent, path, format, document.repository.duplicates_of, worker.used
    )
    if not preview.exec():
        return False
    report = preview.report
    mapping = preview.chosen_mapping()
    if mapping is not None and report.headers:
        remember_mapping(store, report.headers, mapping)
    rows = preview.accepted_rows()
    whole = len(rows) == len(report.rows)  # relations name events by position: only for the whole file
    command = ImportEvents(
        document,
        rows,
        report.categories,
        report.eras,
        report.title,
        path.name,
        report.settings,
        report.relations if whole else None,
    )
    writing = QProgressDialog(f"Adding {len(rows):,} events…", "Cancel", 0, max(len(rows), 1), parent)
    writing.setWindowTitle("Import")
    writing.setMinimumDuration(500)

    def report_progress(done: int) -> bool:
        writing.setValue(done)
        QApplication.processEvents()  # keep the window painting while the transaction runs
        return not writing.wasCanceled()

    command.progress = report_progress
    try:
        return perform(command)
    finally:
        writing.reset()


class ExportCancelled(Exception):
    """The user cancelled an export before it was renamed into place."""


def _reporting(items: Iterator[T], progress: QProgressDialog, every: int = 5_000) -> Iterator[T]:
    """Pass items through, moving the progress bar and stopping when Cancel is pressed."""
    for count, item in enumerate(items, start=1):
        if count % every == 0:
            progress.setValue(count)
            QApplication.processEvents()
            if progress.wasCanceled():
                raise ExportCancelled
        yield item


def export_events(document: TimelineDocument, parent: QWidget) -> None:
    filters = {f"{DESCRIPTIONS[name]} ({_SUFFIXES[name].split()[0]})": name for name in WRITABLE}
    name, chosen = QFileDialog.getSaveFileName(parent, "Export Events", document.title, ";;".join(filters))
    if not name:
        return
    format = filters.get(chosen, "csv")
    path = Path(name)
    if not path.suffix:
        path = path.with_suffix(_SUFFIXES[format].split()[0].lstrip("*"))
    progress = QProgressDialog(f"Writing {path.name}…", "Cancel", 0, max(document.event_count(), 1), parent)
    progress.setWindowTitle("Export Events")
    progress.setMinimumDuration(500)
    try:
        repository = document.repository
        if format == "csv":
            records = _reporting(repository.export_records(-(2**63), 2**63 - 1), progress)
            report = write_csv_file(path, records)
        else:
            events = list(_reporting(repository.iter_events(), progress))
            relations = (
                repository.content_relations(events, everything=True)
                if format in ("json", "timelinejs")
                else None
            )
            report = write_file(
                path,
                format,
                events,
                repository.eras(),
                repository.title,
                repository.categories(),
                settings=repository.settings_with_prefix(""),
                relations=relations,
            )
    except ExportCancelled:
        return  # the temporary file is gone; any old file is untouched
    except (FormatError, StoreError) as error:
        QMessageBox.warning(parent, "Export Events", str(error))
        return
    finally:
        progress.reset()
    message = f"Wrote {report.written:,} events to {path.name}."
    if report.skipped:
        message += f"\n\n{len(report.skipped):,} could not be written in this format:\n" + "\n".join(
            report.skipped[:20]
        )
    QMessageBox.information(parent, "Export Events", message)
